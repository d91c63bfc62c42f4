import type { ReactNode } from 'react'
import { Badge, Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { IconBuildingBank, IconCash, IconClipboardCheck, IconShieldCheck, IconUsers } from '@tabler/icons-react'
import classes from './AuthLayout.module.css'

const points = [
  { icon: IconClipboardCheck, text: 'Review applications as they arrive, oldest first' },
  { icon: IconCash, text: 'Pay out or return withdrawal requests, each exactly once' },
  { icon: IconUsers, text: 'Oversee borrowers, loans and the whole ledger' },
]

export function AuthLayout({ title, subtitle, children }: { title: string; subtitle: ReactNode; children: ReactNode }) {
  useDocumentTitle(`${title} · Lendwise Staff`)
  return (
    <Box className={classes.root}>
      <Box className={classes.aside} visibleFrom="md">
        <Stack gap="xl" maw={420}>
          <Group gap="sm">
            <ThemeIcon size={44} radius="md" variant="white" color="dark">
              <IconBuildingBank size={26} />
            </ThemeIcon>
            <Text fw={800} fz={26} c="white">
              Lendwise
            </Text>
            <Badge color="indigo" variant="filled" leftSection={<IconShieldCheck size={12} />}>
              Staff
            </Badge>
          </Group>
          <Title order={1} c="white" fz={36} lh={1.15}>
            The back office for every loan and every cent.
          </Title>
          <Stack gap="md">
            {points.map(({ icon: Icon, text }) => (
              <Group key={text} gap="sm" wrap="nowrap">
                <ThemeIcon variant="light" color="indigo" radius="xl" size={32}>
                  <Icon size={18} />
                </ThemeIcon>
                <Text c="gray.3">{text}</Text>
              </Group>
            ))}
          </Stack>
        </Stack>
      </Box>
      <Center className={classes.main}>
        <Stack w="100%" maw={420} gap="lg">
          <Group gap="sm" hiddenFrom="md" justify="center">
            <ThemeIcon size={36} radius="md" color="dark">
              <IconBuildingBank size={22} />
            </ThemeIcon>
            <Text fw={800} fz={22}>
              Lendwise
            </Text>
            <Badge color="indigo" variant="light">
              Staff
            </Badge>
          </Group>
          <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }} component="main">
            <Stack gap={4} mb="lg">
              <Title order={2}>{title}</Title>
              <Text c="dimmed" size="sm">
                {subtitle}
              </Text>
            </Stack>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  )
}
