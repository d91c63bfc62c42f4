import { useApi } from '@/lib/api'

/** Portfolio figures; may answer 501 (problem+json) until the server offers them. */
export function useAdminStats() {
  const { $api } = useApi()
  return $api.useQuery('get', '/admin/stats', {}, { refetchInterval: 60_000 })
}

export function useOldestApplications(limit = 5) {
  const { $api } = useApi()
  return $api.useQuery('get', '/loans', { params: { query: { status: 'submitted', order: 'oldest', limit } } })
}

export function useOldestWithdrawals(limit = 5) {
  const { $api } = useApi()
  return $api.useQuery('get', '/withdrawals', { params: { query: { status: 'pending', order: 'oldest', limit } } })
}
