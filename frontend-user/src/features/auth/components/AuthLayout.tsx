import type { ReactNode } from 'react'
import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconBuildingBank, IconChartLine, IconLock, IconBolt } from '@tabler/icons-react'
import { useDocumentTitle } from '@mantine/hooks'
import classes from './AuthLayout.module.css'

const points = [
  { icon: IconChartLine, text: 'Instant quotes with the full repayment schedule' },
  { icon: IconBolt, text: 'Live updates the moment your loan is decided' },
  { icon: IconLock, text: 'Your money on a double-entry ledger, every cent accounted for' },
]

export function AuthLayout({ title, subtitle, children }: { title: string; subtitle: ReactNode; children: ReactNode }) {
  useDocumentTitle(`${title} · Lendwise`)
  return (
    <Box className={classes.root}>
      <Box className={classes.aside} visibleFrom="md">
        <Stack gap="xl" maw={420}>
          <Group gap="sm">
            <ThemeIcon size={44} radius="md" variant="white" color="indigo">
              <IconBuildingBank size={26} />
            </ThemeIcon>
            <Text fw={800} fz={26} c="white">
              Lendwise
            </Text>
          </Group>
          <Title order={1} c="white" fz={38} lh={1.15}>
            Borrow with clarity. Repay on your terms.
          </Title>
          <Stack gap="md">
            {points.map(({ icon: Icon, text }) => (
              <Group key={text} gap="sm" wrap="nowrap">
                <ThemeIcon variant="light" color="indigo.1" radius="xl" size={32}>
                  <Icon size={18} />
                </ThemeIcon>
                <Text c="indigo.0">{text}</Text>
              </Group>
            ))}
          </Stack>
        </Stack>
      </Box>
      <Center className={classes.main}>
        <Stack w="100%" maw={420} gap="lg">
          <Group gap="sm" hiddenFrom="md" justify="center">
            <ThemeIcon size={36} radius="md" color="indigo">
              <IconBuildingBank size={22} />
            </ThemeIcon>
            <Text fw={800} fz={22}>
              Lendwise
            </Text>
          </Group>
          <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
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
