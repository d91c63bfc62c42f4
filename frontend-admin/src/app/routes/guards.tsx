import { Navigate, Outlet, useLocation } from 'react-router'
import { Alert, Button, Center, Stack } from '@mantine/core'
import { IconShieldX } from '@tabler/icons-react'
import { AccountLoadError } from '@shared/ui/AccountLoadError'
import { LoadingState } from '@shared/ui/States'
import { notStaffMessage, useAuth } from '@/lib/auth'

/** Pages for signed-in staff; others go to /login and come back afterwards. */
export function RequireAdmin() {
  const { status, error, retry, logout, refusedUser } = useAuth()
  const location = useLocation()
  if (status === 'loading') return <LoadingState label="Loading your account…" minHeight={400} />
  if (status === 'error') return <AccountLoadError error={error} onRetry={retry} onSignOut={() => void logout()} />
  if (status === 'forbidden') {
    // A stored session that is not (or no longer) staff.
    return (
      <Center mih="80vh" p="md">
        <Stack align="center" maw={480}>
          <Alert color="red" icon={<IconShieldX size={20} />} title="Staff only" role="alert">
            {refusedUser ? notStaffMessage(refusedUser) : 'This account is not a staff account.'}
          </Alert>
          <Button onClick={() => void logout()}>Sign in with a staff account</Button>
        </Stack>
      </Center>
    )
  }
  if (status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />
  }
  return <Outlet />
}

/** The login page: signed-in staff go to where they came from (or the overview). */
export function PublicOnly() {
  const { status, signingIn } = useAuth()
  const location = useLocation()
  if (status === 'authenticated') {
    const from = (location.state as { from?: string } | null)?.from
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />
  }
  // A stored session being checked at start-up (not a login in progress, which keeps its form).
  if (status === 'loading' && !signingIn) return <LoadingState minHeight={400} />
  return <Outlet />
}
