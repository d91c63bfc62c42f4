import { keepPreviousData, useQueryClient } from '@tanstack/react-query'
import { useApi, type WithdrawalStatus } from '@/lib/api'
import { compact } from '@/lib/paging'

function useInvalidateWithdrawals() {
  const qc = useQueryClient()
  return () =>
    qc.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] === 'get' && typeof q.queryKey[1] === 'string' && /^\/(withdrawals|wallet|transactions|admin\/stats|notifications)/.test(q.queryKey[1]),
    })
}

/** The work queue: pending requests, oldest first; refreshed live on `withdrawal.requested`. */
export function usePendingWithdrawals(cursor: string | undefined) {
  const { $api } = useApi()
  return $api.useQuery(
    'get',
    '/withdrawals',
    { params: { query: compact({ status: 'pending' as const, order: 'oldest' as const, limit: 20, cursor }) } },
    { placeholderData: keepPreviousData, refetchInterval: 60_000 },
  )
}

export function useWithdrawalHistory(filters: { status?: WithdrawalStatus; user_id?: string }, cursor: string | undefined) {
  const { $api } = useApi()
  return $api.useQuery('get', '/withdrawals', { params: { query: compact({ ...filters, cursor, limit: 25 }) } }, { placeholderData: keepPreviousData })
}

export function useProcessWithdrawal() {
  const { $api } = useApi()
  const invalidate = useInvalidateWithdrawals()
  return $api.useMutation('post', '/withdrawals/{id}/process', { onSuccess: () => invalidate() })
}

export function useCancelWithdrawal() {
  const { $api } = useApi()
  const invalidate = useInvalidateWithdrawals()
  return $api.useMutation('post', '/withdrawals/{id}/cancel', { onSuccess: () => invalidate() })
}
