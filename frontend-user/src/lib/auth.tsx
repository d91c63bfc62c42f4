/**
 * Who is signed in. The tokens, GET /auth/me, the end of a session (refresh token rejected, or
 * logged out in another tab) and sign-out are handled by @shared/api/useStoredSession; this adds
 * the borrower's sign-in and the status the route guards read.
 */
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react'
import { useStoredSession } from '@shared/api/useStoredSession'
import { useApi, type User } from './api'

type AuthStatus = 'loading' | 'authenticated' | 'anonymous' | 'error'

interface AuthContextValue {
  status: AuthStatus
  user: User | null
  login: (email: string, password: string) => Promise<void>
  logout: () => Promise<void>
  /** Set when the session ended on its own (expired, revoked), to explain the login page. */
  endedReason: string | null
  /** The error of GET /auth/me when the server could not be asked (status 'error'). */
  error: unknown
  retry: () => void
}

const AuthContext = createContext<AuthContextValue | null>(null)

export const meQueryKey = ['get', '/auth/me'] as const

export function AuthProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const { queryClient, hasTokens, me, endedReason, setEndedReason, logout, retry } = useStoredSession(api)

  const login = useCallback(
    async (email: string, password: string) => {
      await api.login(email, password)
      setEndedReason(null)
      await queryClient.invalidateQueries({ queryKey: meQueryKey })
    },
    [api, queryClient, setEndedReason],
  )

  let status: AuthStatus
  if (!hasTokens) status = 'anonymous'
  else if (me.data) status = 'authenticated'
  else if (me.isError) status = 'error' // a 401 would have emptied the token store instead
  else status = 'loading'

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      user: hasTokens ? (me.data ?? null) : null,
      login,
      logout,
      endedReason,
      error: me.error,
      retry,
    }),
    [status, hasTokens, me.data, me.error, login, logout, endedReason, retry],
  )
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): AuthContextValue {
  const v = useContext(AuthContext)
  if (!v) throw new Error('useAuth outside AuthProvider')
  return v
}

export function useUser(): User {
  const { user } = useAuth()
  if (!user) throw new Error('useUser needs a signed-in user')
  return user
}
