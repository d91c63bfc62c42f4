/**
 * Who is signed in, and whether they are staff. The tokens live in the shared token store
 * (localStorage, key "lending.admin.session"), so a reload keeps the session; GET /auth/me
 * tells who it belongs to. Only `role=admin` may use this app: a borrower who signs in here is
 * signed straight out again with a clear message. When the session layer gives up (refresh
 * token rejected) or another tab logs out, the store empties and the app follows.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useApi, type User } from './api'

type AuthStatus = 'loading' | 'authenticated' | 'anonymous' | 'forbidden' | 'error'

interface AuthContextValue {
  status: AuthStatus
  /** True while login() runs, so the login page stays on screen through it. */
  signingIn: boolean
  /** The signed-in staff member (null unless status is 'authenticated'). */
  user: User | null
  /** The non-staff account a stored session belongs to (status 'forbidden'). */
  refusedUser: User | null
  /** Signs in; rejects with NotStaffError for accounts that are not admins (already signed out again). */
  login: (email: string, password: string) => Promise<User>
  logout: () => Promise<void>
  /** Set when the session ended on its own (expired, revoked), to explain the login page. */
  endedReason: string | null
  /** The error of GET /auth/me when the server could not be asked (status 'error'). */
  error: unknown
  retry: () => void
}

/** The account signed in fine but is not staff; its session was ended at once. */
export class NotStaffError extends Error {
  readonly user: User
  constructor(user: User) {
    super(notStaffMessage(user))
    this.name = 'NotStaffError'
    this.user = user
  }
}

export function notStaffMessage(user: Pick<User, 'email'>): string {
  return `${user.email} is not a staff account. The staff console is only for administrators; borrowers sign in to the customer app instead.`
}

const AuthContext = createContext<AuthContextValue | null>(null)

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
    if (!hasTokens) queryClient.removeQueries()
  }, [hasTokens, queryClient])

  const [signingIn, setSigningIn] = useState(false)
  const login = useCallback(
    async (email: string, password: string): Promise<User> => {
      setSigningIn(true)
      try {
        await api.login(email, password)
        let user: User
        try {
          // Shares the request with the useQuery above, which starts as soon as tokens exist.
          user = await queryClient.fetchQuery({ ...api.$api.queryOptions('get', '/auth/me', {}), staleTime: 0 })
        } catch (e) {
          await api.logout()
          throw e
        }
        if (user.role !== 'admin') {
          // Signed in fine, but not staff: end that session at once so no token lingers here.
          await api.logout()
          queryClient.clear()
          throw new NotStaffError(user)
        }
        setEnded(null)
        return user
      } finally {
        setSigningIn(false)
      }
    },
    [api, queryClient],
  )

  const logout = useCallback(async () => {
    await api.logout()
    queryClient.clear()
  }, [api, queryClient])

  let status: AuthStatus
  if (!hasTokens) status = 'anonymous'
  else if (me.data) status = me.data.role === 'admin' ? 'authenticated' : 'forbidden'
  else if (me.isError) status = 'error' // a 401 would have emptied the token store instead
  else status = 'loading'

  const { refetch } = me
  const retry = useCallback(() => void refetch(), [refetch])
  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      signingIn,
      user: status === 'authenticated' ? (me.data ?? null) : null,
      refusedUser: status === 'forbidden' ? (me.data ?? null) : null,
      login,
      logout,
      endedReason,
      error: me.error,
      retry,
    }),
    [status, signingIn, me.data, me.error, login, logout, endedReason, retry],
  )
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): AuthContextValue {
  const v = useContext(AuthContext)
  if (!v) throw new Error('useAuth outside AuthProvider')
  return v
}

/** The signed-in staff member; only inside RequireAdmin. */
export function useUser(): User {
  const { user } = useAuth()
  if (!user) throw new Error('useUser needs a signed-in admin')
  return user
}
