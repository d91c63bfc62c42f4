/**
 * The half of an app's AuthProvider that does not depend on who may use the app. The tokens
 * live in the token store (localStorage), so a reload keeps the session; GET /auth/me tells who
 * it belongs to. When the session layer gives up (refresh token rejected) or another tab logs
 * out, the store empties, every cached answer (but queries keyed ['public', ...]) is dropped and
 * the app follows.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { ApiClient } from './client'

export function useStoredSession(api: ApiClient) {
  const queryClient = useQueryClient()
  const hasTokens = useSyncExternalStore(
    (cb) => api.tokens.subscribe(cb),
    () => api.tokens.get() !== null,
  )
  const me = api.$api.useQuery('get', '/auth/me', {}, { enabled: hasTokens, staleTime: 60_000, retry: false })

  /** Set when the session ended on its own (expired, revoked), to explain the login page. */
  const [endedReason, setEndedReason] = useState<string | null>(null)
  useEffect(
    () =>
      api.session.onEnded((reason) => {
        setEndedReason(reason === 'logout' ? null : 'Your session has ended. Please sign in again.')
      }),
    [api],
  )

  // Logged out (here, by the session layer, or in another tab): drop every cached answer.
  useEffect(() => {
    if (!hasTokens) queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'public' })
  }, [hasTokens, queryClient])

  const logout = useCallback(async () => {
    await api.logout()
    queryClient.clear()
  }, [api, queryClient])

  const { refetch } = me
  /** Asks GET /auth/me again (after it failed for another reason than a 401). */
  const retry = useCallback(() => void refetch(), [refetch])

  return { queryClient, hasTokens, me, endedReason, setEndedReason, logout, retry }
}
