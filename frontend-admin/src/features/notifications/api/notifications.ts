import { keepPreviousData, useQueryClient } from '@tanstack/react-query'
import { useApi, type Notification } from '@/lib/api'

/** Unread count (and the newest few) for the header bell. */
export function useUnreadNotifications(limit = 8) {
  const { $api } = useApi()
  return $api.useQuery('get', '/notifications', { params: { query: { unread: true, limit } } }, { refetchInterval: 120_000 })
}

export function useNotifications(unreadOnly: boolean, cursor: string | undefined) {
  const { $api } = useApi()
  return $api.useQuery(
    'get',
    '/notifications',
    { params: { query: { limit: 20, ...(unreadOnly ? { unread: true } : {}), ...(cursor ? { cursor } : {}) } } },
    { placeholderData: keepPreviousData },
  )
}

export function useMarkRead() {
  const { $api } = useApi()
  const qc = useQueryClient()
  return $api.useMutation('post', '/notifications/{id}/read', {
    onSuccess: () => qc.invalidateQueries({ queryKey: ['get', '/notifications'] }),
  })
}

/** Where a notification leads in this app. */
export function notificationLink(n: Pick<Notification, 'type' | 'data'>): string | null {
  const data = (n.data ?? {}) as Record<string, unknown>
  if (typeof data.loan_id === 'string') return `/loans/${data.loan_id}`
  if (n.type.startsWith('withdrawal.')) return '/withdrawals'
  if (n.type.startsWith('loan.')) return '/applications'
  return null
}

export function notificationColor(type: string): string {
  if (type === 'loan.submitted') return 'yellow'
  if (type === 'withdrawal.requested') return 'orange'
  if (/rejected|cancelled/.test(type)) return 'gray'
  if (/approved|processed|repaid|disbursed/.test(type)) return 'teal'
  return 'indigo'
}
