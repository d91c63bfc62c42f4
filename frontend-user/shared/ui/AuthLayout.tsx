import type { ReactNode } from 'react'
import { Badge, Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { IconBuildingBank, type Icon } from '@tabler/icons-react'
import classes from './AuthLayout.module.css'

/** Colours of the two looks: the indigo brand panel (borrowers) and the dark one (staff). */
const tones = {
  brand: { panel: classes.brand, logo: 'indigo', pointIcon: 'indigo.1', pointText: 'indigo.0' },
  dark: { panel: classes.dark, logo: 'dark', pointIcon: 'indigo', pointText: 'gray.3' },
} as const

export interface AuthLayoutProps {
  /** The app's name, after the title in the browser tab ("Sign in · Lendwise"). */
  appName: string
  /** The big line on the side panel (wide screens). */
  headline: string
  /** What the app offers, listed under the headline. */
  points: { icon: Icon; text: string }[]
  tone?: keyof typeof tones
  /** A tag after the "Lendwise" wordmark, e.g. "Staff". */
  tag?: { label: string; icon?: ReactNode }
  title: string
  subtitle: ReactNode
  children: ReactNode
}

/** Sign-in and registration pages: a side panel about the app (wide screens) and the form's card. */
export function AuthLayout({ appName, headline, points, tone = 'brand', tag, title, subtitle, children }: AuthLayoutProps) {
  useDocumentTitle(`${title} · ${appName}`)
  const t = tones[tone]
  return (
    <Box className={classes.root}>
      <Box className={`${classes.aside} ${t.panel}`} visibleFrom="md">
        <Stack gap="xl" maw={420}>
          <Group gap="sm">
            <ThemeIcon size={44} radius="md" variant="white" color={t.logo}>
              <IconBuildingBank size={26} />
            </ThemeIcon>
            <Text fw={800} fz={26} c="white">
              Lendwise
            </Text>
            {tag && (
              <Badge color="indigo" variant="filled" leftSection={tag.icon}>
                {tag.label}
              </Badge>
            )}
          </Group>
          <Title order={1} c="white" fz={36} lh={1.15}>
            {headline}
          </Title>
          <Stack gap="md">
            {points.map(({ icon: PointIcon, text }) => (
              <Group key={text} gap="sm" wrap="nowrap">
                <ThemeIcon variant="light" color={t.pointIcon} radius="xl" size={32}>
                  <PointIcon size={18} />
                </ThemeIcon>
                <Text c={t.pointText}>{text}</Text>
              </Group>
            ))}
          </Stack>
        </Stack>
      </Box>
      <Center className={classes.main}>
        <Stack w="100%" maw={420} gap="lg">
          <Group gap="sm" hiddenFrom="md" justify="center">
            <ThemeIcon size={36} radius="md" color={t.logo}>
              <IconBuildingBank size={22} />
            </ThemeIcon>
            <Text fw={800} fz={22}>
              Lendwise
            </Text>
            {tag && (
              <Badge color="indigo" variant="light">
                {tag.label}
              </Badge>
            )}
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
