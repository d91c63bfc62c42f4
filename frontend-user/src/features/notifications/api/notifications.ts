import { useQueryClient } from '@tanstack/react-query'
import { useApi } from '@/lib/api'
import { useCursorList } from '@/lib/paging'

/** Unread count (and the newest few) for the header bell and the dashboard. */
export function useUnreadNotifications(limit = 5) {
  const { $api } = useApi()
  return $api.useQuery('get', '/notifications', { params: { query: { unread: true, limit } } }, { refetchInterval: 120_000 })
}

export function useNotificationList(unreadOnly: boolean) {
  const { client } = useApi()
  const query = { limit: 20, ...(unreadOnly ? { unread: true } : {}) }
  return useCursorList(['get', '/notifications', { params: { query } }], (cursor, signal) =>
    client.GET('/notifications', { params: { query: { ...query, cursor } }, signal }),
  )
}

export function useMarkRead() {
  const { $api } = useApi()
  const qc = useQueryClient()
  return $api.useMutation('post', '/notifications/{id}/read', {
    onSuccess: () => qc.invalidateQueries({ queryKey: ['get', '/notifications'] }),
  })
}
