import { useApi, type TransactionType } from '@/lib/api'
import { useCursorList } from '@/lib/paging'

export interface TransactionFilters {
  type: TransactionType | null
  /** RFC 3339 instants: created at or after `from`, before `to`. */
  from: string | null
  to: string | null
}

export function useTransactionList(f: TransactionFilters, limit = 20) {
  const { client } = useApi()
  const query = {
    limit,
    ...(f.type ? { type: f.type } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  }
  return useCursorList(['get', '/transactions', { params: { query } }], (cursor, signal) =>
    client.GET('/transactions', { params: { query: { ...query, cursor } }, signal }),
  )
}
