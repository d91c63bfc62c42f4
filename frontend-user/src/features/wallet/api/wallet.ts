import { useQueryClient } from '@tanstack/react-query'
import { useApi, type WithdrawalStatus } from '@/lib/api'
import { useCursorList } from '@/lib/paging'

export function useWallet() {
  const { $api } = useApi()
  return $api.useQuery('get', '/wallet')
}

function useInvalidateWallet() {
  const qc = useQueryClient()
  return () =>
    qc.invalidateQueries({
      predicate: (q) => q.queryKey[0] === 'get' && typeof q.queryKey[1] === 'string' && /^\/(wallet|transactions|withdrawals|notifications)/.test(q.queryKey[1]),
    })
}

export function useDeposit() {
  const { $api } = useApi()
  const invalidate = useInvalidateWallet()
  return $api.useMutation('post', '/transactions/deposit', { onSuccess: () => invalidate() })
}

export function useRequestWithdrawal() {
  const { $api } = useApi()
  const invalidate = useInvalidateWallet()
  return $api.useMutation('post', '/withdrawals', { onSuccess: () => invalidate() })
}

export function useWithdrawalList(status: WithdrawalStatus | null) {
  const { client } = useApi()
  const query = { limit: 10, ...(status ? { status } : {}) }
  return useCursorList(['get', '/withdrawals', { params: { query } }], (cursor, signal) =>
    client.GET('/withdrawals', { params: { query: { ...query, cursor } }, signal }),
  )
}
