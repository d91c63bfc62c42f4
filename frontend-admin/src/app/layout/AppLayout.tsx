import { useState } from 'react'
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router'
import { AppShell, Badge, Box, Burger, Group, Menu, NavLink, ScrollArea, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconBuildingBank,
  IconCash,
  IconClipboardCheck,
  IconLayoutDashboard,
  IconListDetails,
  IconLogout,
  IconReceipt,
  IconSettingsAutomation,
  IconShieldCheck,
  IconUsers,
} from '@tabler/icons-react'
import { AccountMenu } from '@shared/ui/AccountMenu'
import { LiveIndicator } from '@shared/ui/LiveIndicator'
import { useAuth, useUser } from '@/lib/auth'
import { queueLabel, usePendingApplicationsCount, usePendingWithdrawalsCount, type QueueCount } from '@/lib/queues'
import { NotificationBell } from '@/features/notifications/components/NotificationBell'
import { LiveUpdates } from '@/features/notifications/components/LiveUpdates'
import classes from './AppLayout.module.css'

interface LinkDef {
  to: string
  label: string
  icon: typeof IconUsers
  end?: boolean
  queue?: 'applications' | 'withdrawals'
}

const sections: { title: string; links: LinkDef[] }[] = [
  {
    title: 'Work',
    links: [
      { to: '/', label: 'Overview', icon: IconLayoutDashboard, end: true },
      { to: '/applications', label: 'Applications', icon: IconClipboardCheck, queue: 'applications' },
      { to: '/withdrawals', label: 'Withdrawals', icon: IconCash, queue: 'withdrawals' },
    ],
  },
  {
    title: 'Records',
    links: [
      { to: '/loans', label: 'All loans', icon: IconListDetails },
      { to: '/users', label: 'Users', icon: IconUsers },
      { to: '/transactions', label: 'Transactions', icon: IconReceipt },
    ],
  },
  {
    title: 'System',
    links: [{ to: '/jobs', label: 'Background jobs', icon: IconSettingsAutomation }],
  },
]


function QueueBadge({ count }: { count: QueueCount }) {
  if (count.loading || count.count === 0) return null
  return (
    <Badge size="sm" color="yellow" variant="filled" circle={count.count < 10 && !count.more} aria-label={`${queueLabel(count)} waiting`}>
      {queueLabel(count)}
    </Badge>
  )
}

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure()
  const user = useUser()
  const { logout } = useAuth()
  const navigate = useNavigate()
  const location = useLocation()
  const [live, setLive] = useState('idle')
  const applications = usePendingApplicationsCount()
  const withdrawals = usePendingWithdrawalsCount()
  const queues = { applications, withdrawals }

  const signOut = async () => {
    await logout()
    navigate('/login', { replace: true })
  }

  const isActive = (to: string, end?: boolean) => (end ? location.pathname === to : location.pathname === to || location.pathname.startsWith(`${to}/`))

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <UnstyledButton onClick={() => navigate('/')} aria-label="Lendwise Staff home">
              <Group gap={8} wrap="nowrap">
                <ThemeIcon size={32} radius="md" color="dark">
                  <IconBuildingBank size={20} />
                </ThemeIcon>
                <Text fw={800} fz={20} visibleFrom="xs">
                  Lendwise
                </Text>
                <Badge variant="light" color="indigo" size="sm" leftSection={<IconShieldCheck size={12} />}>
                  Staff
                </Badge>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LiveIndicator status={live} withLabel />
            <NotificationBell />
            <AccountMenu user={user}>
              <Menu.Label>Signed in as {user.email}</Menu.Label>
              <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
                Sign out
              </Menu.Item>
            </AccountMenu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" className={classes.navbar} aria-label="Main navigation" component="nav">
        <AppShell.Section grow component={ScrollArea}>
          {sections.map((s) => (
            <Box key={s.title}>
              <div className={classes.section}>{s.title}</div>
              <Stack gap={2}>
                {s.links.map(({ to, label, icon: Icon, end, queue }) => (
                  <NavLink
                    key={to}
                    component={RouterNavLink}
                    to={to}
                    end={end}
                    label={label}
                    active={isActive(to, end)}
                    className={classes.link}
                    leftSection={<Icon size={18} stroke={1.7} />}
                    rightSection={queue ? <QueueBadge count={queues[queue]} /> : undefined}
                    onClick={close}
                  />
                ))}
              </Stack>
            </Box>
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <NavLink component="button" label="Sign out" className={classes.link} leftSection={<IconLogout size={18} />} onClick={() => void signOut()} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <div id="main" role="main" tabIndex={-1} style={{ maxWidth: 1280, margin: '0 auto', outline: 'none' }}>
          <Outlet />
        </div>
      </AppShell.Main>
      <LiveUpdates onStatus={setLive} />
    </AppShell>
  )
}
