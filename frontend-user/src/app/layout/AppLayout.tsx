import { useState } from 'react'
import { Link, Outlet, useLocation, useNavigate } from 'react-router'
import { AppShell, Burger, Group, Menu, NavLink, ScrollArea, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconBuildingBank,
  IconCalculator,
  IconLayoutDashboard,
  IconBell,
  IconListDetails,
  IconLogout,
  IconReceipt,
  IconUserCircle,
  IconWallet,
} from '@tabler/icons-react'
import { AccountMenu } from '@shared/ui/AccountMenu'
import { LiveIndicator } from '@shared/ui/LiveIndicator'
import { useUser, useAuth } from '@/lib/auth'
import { NotificationBell } from '@/features/notifications/components/NotificationBell'
import { LiveNotifications } from '@/features/notifications/components/LiveNotifications'

const links = [
  { to: '/', label: 'Dashboard', icon: IconLayoutDashboard, end: true },
  { to: '/loans/new', label: 'New loan', icon: IconCalculator, end: true },
  { to: '/loans', label: 'My loans', icon: IconListDetails, end: false },
  { to: '/wallet', label: 'Wallet', icon: IconWallet, end: true },
  { to: '/transactions', label: 'Transactions', icon: IconReceipt, end: true },
  { to: '/notifications', label: 'Notifications', icon: IconBell, end: true },
  { to: '/profile', label: 'Profile', icon: IconUserCircle, end: true },
]

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure()
  const user = useUser()
  const { logout } = useAuth()
  const navigate = useNavigate()
  const location = useLocation()
  const [live, setLive] = useState('idle')

  const isActive = (to: string, end: boolean) =>
    end ? location.pathname === to : location.pathname.startsWith(to) && !(to === '/loans' && location.pathname === '/loans/new')

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'md', sm: 'xl' }}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <UnstyledButton onClick={() => navigate('/')} aria-label="Lendwise home">
              <Group gap={8} wrap="nowrap">
                <ThemeIcon size={32} radius="md" color="indigo">
                  <IconBuildingBank size={20} />
                </ThemeIcon>
                <Text fw={800} fz={20} visibleFrom="xs">
                  Lendwise
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LiveIndicator status={live} />
            <NotificationBell />
            <AccountMenu user={user}>
              <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={() => navigate('/profile')}>
                Profile
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconLogout size={16} />}
                onClick={async () => {
                  await logout()
                  navigate('/login', { replace: true })
                }}
              >
                Sign out
              </Menu.Item>
            </AccountMenu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4}>
            {links.map(({ to, label, icon: Icon, end }) => (
              <NavLink
                key={to}
                component={Link}
                to={to}
                label={label}
                active={isActive(to, end)}
                aria-current={isActive(to, end) ? 'page' : undefined}
                leftSection={<Icon size={18} stroke={1.7} />}
                onClick={close}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <NavLink
            component="button"
            label="Sign out"
            leftSection={<IconLogout size={18} />}
            onClick={async () => {
              await logout()
              navigate('/login', { replace: true })
            }}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <div id="main" role="main" style={{ maxWidth: 1200, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
      <LiveNotifications onStatus={setLive} />
    </AppShell>
  )
}
