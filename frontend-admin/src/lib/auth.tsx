/**
 * Who is signed in, and whether they are staff. The tokens (localStorage, key
 * "lending.admin.session"), GET /auth/me, the end of a session (refresh token rejected, or
 * logged out in another tab) and sign-out are handled by @shared/api/useStoredSession. Only
 * `role=admin` may use this app: a borrower who signs in here is signed straight out again with
 * a clear message.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { useStoredSession } from '@shared/api/useStoredSession'
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
  const { queryClient, hasTokens, me, endedReason, setEndedReason, logout, retry } = useStoredSession(api)

  const [signingIn, setSigningIn] = useState(false)
  const login = useCallback(
    async (email: string, password: string): Promise<User> => {
      setSigningIn(true)
      try {
        await api.login(email, password)
        let user: User
        try {
          // Shares the request with useStoredSession's GET /auth/me, which starts as soon as tokens exist.
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
        setEndedReason(null)
        return user
      } finally {
        setSigningIn(false)
      }
    },
    [api, queryClient, setEndedReason],
  )

  let status: AuthStatus
  if (!hasTokens) status = 'anonymous'
  else if (me.data) status = me.data.role === 'admin' ? 'authenticated' : 'forbidden'
  else if (me.isError) status = 'error' // a 401 would have emptied the token store instead
  else status = 'loading'

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
