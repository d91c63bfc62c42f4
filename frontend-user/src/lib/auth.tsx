/**
 * Who is signed in. The tokens live in the shared token store (localStorage), so a reload
 * keeps the session; GET /auth/me tells who it belongs to. When the session layer gives up
 * (refresh token rejected) or another tab logs out, the store empties and the app follows.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
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
  const queryClient = useQueryClient()
  const hasTokens = useSyncExternalStore(
    (cb) => api.tokens.subscribe(cb),
    () => api.tokens.get() !== null,
  )
  const me = api.$api.useQuery('get', '/auth/me', {}, { enabled: hasTokens, staleTime: 60_000, retry: false })

  const [endedReason, setEnded] = useState<string | null>(null)
  useEffect(
    () =>
      api.session.onEnded((reason) => {
        setEnded(reason === 'logout' ? null : 'Your session has ended. Please sign in again.')
      }),
    [api],
  )

  // Logged out (here, by the session layer, or in another tab): drop every cached answer.
  useEffect(() => {
    if (!hasTokens) queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'public' })
  }, [hasTokens, queryClient])

  const login = useCallback(
    async (email: string, password: string) => {
      await api.login(email, password)
      setEnded(null)
      await queryClient.invalidateQueries({ queryKey: meQueryKey })
    },
    [api, queryClient],
  )

  const logout = useCallback(async () => {
    await api.logout()
    queryClient.clear()
  }, [api, queryClient])

  let status: AuthStatus
  if (!hasTokens) status = 'anonymous'
  else if (me.data) status = 'authenticated'
  else if (me.isError) status = 'error' // a 401 would have emptied the token store instead
  else status = 'loading'

  const { refetch } = me
  const retry = useCallback(() => void refetch(), [refetch])
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
