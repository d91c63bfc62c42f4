import { keepPreviousData, useQueryClient } from '@tanstack/react-query'
import { useApi, type LoanStatus } from '@/lib/api'
import { compact } from '@/lib/paging'

export { useContractDownload, useLoan, useLoanEvents, useLoanSchedule } from '@shared/api/loans'

/** Everything a loan decision or disbursement can change: loans, money, queues, figures. */
export function useInvalidateLoans() {
  const qc = useQueryClient()
  return () =>
    qc.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] === 'get' &&
        typeof q.queryKey[1] === 'string' &&
        /^\/(loans|wallet|transactions|admin\/stats|notifications|users)/.test(q.queryKey[1]),
    })
}

/** The review queue: submitted applications, oldest first. */
export function useApplicationsQueue(cursor: string | undefined) {
  const { $api } = useApi()
  return $api.useQuery(
    'get',
    '/loans',
    { params: { query: compact({ status: 'submitted' as const, order: 'oldest' as const, limit: 20, cursor }) } },
    { placeholderData: keepPreviousData, refetchInterval: 60_000 },
  )
}

export interface LoanFilters {
  status?: LoanStatus
  user_id?: string
  from?: string
  to?: string
}

export function useLoanList(filters: LoanFilters, cursor: string | undefined, enabled = true) {
  const { $api } = useApi()
  return $api.useQuery(
    'get',
    '/loans',
    { params: { query: compact({ ...filters, cursor, limit: 25 }) } },
    { placeholderData: keepPreviousData, enabled },
  )
}

/** A borrower's loans (for "their other loans" next to an application). */
export function useBorrowerLoans(userId: string) {
  const { $api } = useApi()
  return $api.useQuery('get', '/loans', { params: { query: { user_id: userId, limit: 50 } } }, { staleTime: 30_000 })
}

export function useLoanPayments(id: string) {
  const { $api } = useApi()
  return $api.useQuery('get', '/transactions', { params: { query: { loan_id: id, limit: 100 } } })
}

export function useBorrowerWallet(userId: string | undefined) {
  const { $api } = useApi()
  return $api.useQuery('get', '/wallet', { params: { query: { user_id: userId } } }, { enabled: Boolean(userId) })
}

export function useDecideLoan() {
  const { $api } = useApi()
  const invalidate = useInvalidateLoans()
  return $api.useMutation('post', '/loans/{id}/approve', { onSuccess: () => invalidate() })
}

export function useCancelLoan() {
  const { $api } = useApi()
  const invalidate = useInvalidateLoans()
  return $api.useMutation('delete', '/loans/{id}', { onSuccess: () => invalidate() })
}

export function useDisburseLoan() {
  const { $api } = useApi()
  const invalidate = useInvalidateLoans()
  return $api.useMutation('post', '/loans/{id}/disburse', { onSuccess: () => invalidate() })
}
