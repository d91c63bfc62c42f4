/** How much work waits in the two queues, for the navigation badges and the overview. */
import { useApi } from './api'

const QUEUE_LIMIT = 100

export interface QueueCount {
  count: number
  /** More than the page we counted. */
  more: boolean
  loading: boolean
}

export function usePendingApplicationsCount(): QueueCount {
  const { $api } = useApi()
  const q = $api.useQuery('get', '/loans', { params: { query: { status: 'submitted', order: 'oldest', limit: QUEUE_LIMIT } } }, { refetchInterval: 60_000 })
  return { count: q.data?.items.length ?? 0, more: Boolean(q.data?.next_cursor), loading: q.isPending }
}

export function usePendingWithdrawalsCount(): QueueCount {
  const { $api } = useApi()
  const q = $api.useQuery('get', '/withdrawals', { params: { query: { status: 'pending', order: 'oldest', limit: QUEUE_LIMIT } } }, { refetchInterval: 60_000 })
  return { count: q.data?.items.length ?? 0, more: Boolean(q.data?.next_cursor), loading: q.isPending }
}

export function queueLabel(c: QueueCount): string {
  return c.more ? `${c.count}+` : String(c.count)
}
