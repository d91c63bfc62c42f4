import { useState } from 'react'
import { Link, Outlet, useLocation, useNavigate } from 'react-router'
import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
  UnstyledButton,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconBuildingBank,
  IconCalculator,
  IconChevronDown,
  IconLayoutDashboard,
  IconBell,
  IconListDetails,
  IconLogout,
  IconReceipt,
  IconUserCircle,
  IconWallet,
} from '@tabler/icons-react'
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

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('')
}

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
            <Tooltip label={live === 'open' ? 'Live updates on' : 'Reconnecting to live updates…'}>
              <span
                aria-label={live === 'open' ? 'Live updates connected' : 'Live updates offline'}
                role="img"
                data-testid="live-status"
                data-status={live}
                style={{
                  width: 10,
                  height: 10,
                  borderRadius: 10,
                  display: 'inline-block',
                  background: live === 'open' ? 'var(--mantine-color-teal-5)' : 'var(--mantine-color-gray-4)',
                }}
              />
            </Tooltip>
            <NotificationBell />
            <Menu position="bottom-end" withArrow shadow="md">
              <Menu.Target>
                <UnstyledButton aria-label="Account menu">
                  <Group gap={8} wrap="nowrap">
                    <Avatar color="indigo" radius="xl" size={34}>
                      {initials(user.full_name) || '?'}
                    </Avatar>
                    <Stack gap={0} visibleFrom="sm">
                      <Text size="sm" fw={600} lh={1.2}>
                        {user.full_name}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.2}>
                        {user.email}
                      </Text>
                    </Stack>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
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
              </Menu.Dropdown>
            </Menu>
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
