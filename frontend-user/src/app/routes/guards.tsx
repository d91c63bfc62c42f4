import { Navigate, Outlet, useLocation } from 'react-router'
import { Button, Center, Stack, Text, Title } from '@mantine/core'
import { problemMessage } from '@shared/problem'
import { useAuth } from '@/lib/auth'
import { LoadingState } from '@/components/States'

/** Pages for signed-in borrowers; others go to /login and come back afterwards. */
export function RequireAuth() {
  const { status, error, retry, logout } = useAuth()
  const location = useLocation()
  if (status === 'loading') return <LoadingState label="Loading your account…" minHeight={400} />
  if (status === 'error') {
    return (
      <Center mih="80vh" p="md">
        <Stack align="center" ta="center" maw={460}>
          <Title order={3}>We could not load your account</Title>
          <Text c="dimmed">{problemMessage(error)}</Text>
          <Stack gap="xs">
            <Button onClick={retry}>Try again</Button>
            <Button variant="subtle" onClick={() => void logout()}>
              Sign out
            </Button>
          </Stack>
        </Stack>
      </Center>
    )
  }
  if (status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />
  }
  return <Outlet />
}

/** Login and registration: signed-in users go to the dashboard. */
export function PublicOnly() {
  const { status } = useAuth()
  const location = useLocation()
  if (status === 'authenticated') {
    const from = (location.state as { from?: string } | null)?.from
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />
  }
  if (status === 'loading') return <LoadingState minHeight={400} />
  return <Outlet />
}
