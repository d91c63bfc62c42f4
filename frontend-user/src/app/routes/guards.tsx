import { Navigate, Outlet, useLocation } from 'react-router'
import { AccountLoadError } from '@shared/ui/AccountLoadError'
import { LoadingState } from '@shared/ui/States'
import { useAuth } from '@/lib/auth'

/** Pages for signed-in borrowers; others go to /login and come back afterwards. */
export function RequireAuth() {
  const { status, error, retry, logout } = useAuth()
  const location = useLocation()
  if (status === 'loading') return <LoadingState label="Loading your account…" minHeight={400} />
  if (status === 'error') return <AccountLoadError error={error} onRetry={retry} onSignOut={() => void logout()} />
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
