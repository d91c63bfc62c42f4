import { keepPreviousData, useQueryClient } from '@tanstack/react-query'
import { useDebouncedValue } from '@mantine/hooks'
import { useApi, type LoanStatus } from '@/lib/api'
import { useCursorList } from '@/lib/paging'

export { useContractDownload, useLoan, useLoanEvents, useLoanSchedule } from '@shared/api/loans'

/** Everything a loan action can change: the loan, its schedule, the wallet and the lists. */
export function useInvalidateMoney() {
  const qc = useQueryClient()
  return () =>
    qc.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] === 'get' &&
        typeof q.queryKey[1] === 'string' &&
        /^\/(loans|wallet|transactions|withdrawals|notifications)/.test(q.queryKey[1]),
    })
}

export function useLoanList(status: LoanStatus | null) {
  const { client } = useApi()
  const query = { limit: 20, ...(status ? { status } : {}) }
  return useCursorList(['get', '/loans', { params: { query } }], (cursor, signal) =>
    client.GET('/loans', { params: { query: { ...query, cursor } }, signal }),
  )
}

export function useLoanPayoff(id: string, enabled: boolean) {
  const { $api } = useApi()
  return $api.useQuery('get', '/loans/{id}/payoff', { params: { path: { id } } }, { enabled })
}

export function useLoanPayments(id: string, enabled: boolean) {
  const { $api } = useApi()
  return $api.useQuery('get', '/transactions', { params: { query: { loan_id: id, limit: 50 } } }, { enabled })
}

/**
 * A quote that follows the inputs as the borrower types: debounced, keeping the previous
 * quote on screen while the next one loads. `amount` is in minor units, null when invalid.
 */
export function useLiveQuote(amount: number | null, termMonths: number | null, delay = 350) {
  const { $api } = useApi()
  const [dAmount] = useDebouncedValue(amount, delay)
  const [dTerm] = useDebouncedValue(termMonths, delay)
  const ready = dAmount !== null && dAmount > 0 && dTerm !== null && dTerm > 0
  const query = $api.useQuery(
    'post',
    '/loans/quote',
    { body: { amount: dAmount ?? 0, term_months: dTerm ?? 0 } },
    { enabled: ready, placeholderData: keepPreviousData, staleTime: 5 * 60_000, retry: false },
  )
  const pending = amount !== dAmount || termMonths !== dTerm
  return { ...query, pending: pending || query.isFetching, ready }
}

export function useApplyLoan() {
  const { $api } = useApi()
  const invalidate = useInvalidateMoney()
  return $api.useMutation('post', '/loans', { onSuccess: () => invalidate() })
}

export function useUpdateLoan() {
  const { $api } = useApi()
  const invalidate = useInvalidateMoney()
  return $api.useMutation('put', '/loans/{id}', { onSuccess: () => invalidate() })
}

export function useCancelLoan() {
  const { $api } = useApi()
  const invalidate = useInvalidateMoney()
  return $api.useMutation('delete', '/loans/{id}', { onSuccess: () => invalidate() })
}

export function useDisburseLoan() {
  const { $api } = useApi()
  const invalidate = useInvalidateMoney()
  return $api.useMutation('post', '/loans/{id}/disburse', { onSuccess: () => invalidate() })
}

export function useRepay() {
  const { $api } = useApi()
  const invalidate = useInvalidateMoney()
  return $api.useMutation('post', '/transactions/repay', { onSuccess: () => invalidate() })
}

export function useWalletForLoans() {
  const { $api } = useApi()
  return $api.useQuery('get', '/wallet')
}
