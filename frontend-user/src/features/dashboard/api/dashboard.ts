import { useApi } from '@/lib/api'

export function useDashboardData() {
  const { $api } = useApi()
  return {
    wallet: $api.useQuery('get', '/wallet'),
    activeLoans: $api.useQuery('get', '/loans', { params: { query: { status: 'disbursed', limit: 10 } } }),
    recentLoans: $api.useQuery('get', '/loans', { params: { query: { limit: 5 } } }),
    transactions: $api.useQuery('get', '/transactions', { params: { query: { limit: 5 } } }),
    notifications: $api.useQuery('get', '/notifications', { params: { query: { unread: true, limit: 5 } } }),
  }
}
