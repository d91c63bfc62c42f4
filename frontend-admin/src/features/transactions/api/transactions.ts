import { keepPreviousData } from '@tanstack/react-query'
import { useApi, type TransactionType } from '@/lib/api'
import { compact } from '@/lib/paging'

export interface TransactionFilters {
  user_id?: string
  type?: TransactionType
  from?: string
  to?: string
}

/** The whole ledger as wallet movements, newest first. */
export function useLedger(filters: TransactionFilters, cursor: string | undefined) {
  const { $api } = useApi()
  return $api.useQuery('get', '/transactions', { params: { query: compact({ ...filters, cursor, limit: 50 }) } }, { placeholderData: keepPreviousData })
}
