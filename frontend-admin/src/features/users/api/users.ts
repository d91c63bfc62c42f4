import { keepPreviousData, useQueryClient } from '@tanstack/react-query'
import { useApi, type Role, type UserStatus } from '@/lib/api'
import { compact } from '@/lib/paging'

function useInvalidateUsers() {
  const qc = useQueryClient()
  return () =>
    qc.invalidateQueries({
      predicate: (q) => q.queryKey[0] === 'get' && typeof q.queryKey[1] === 'string' && /^\/(users|admin\/stats|auth\/me)/.test(q.queryKey[1]),
    })
}

export interface UserFilters {
  q?: string
  role?: Role
  status?: UserStatus
}

export function useUserList(filters: UserFilters, cursor: string | undefined) {
  const { $api } = useApi()
  return $api.useQuery('get', '/users', { params: { query: compact({ ...filters, cursor, limit: 25 }) } }, { placeholderData: keepPreviousData })
}

export function useUserById(id: string) {
  const { $api } = useApi()
  return $api.useQuery('get', '/users/{id}', { params: { path: { id } } })
}

export function useUserLoans(userId: string, cursor: string | undefined) {
  const { $api } = useApi()
  return $api.useQuery('get', '/loans', { params: { query: compact({ user_id: userId, cursor, limit: 10 }) } }, { placeholderData: keepPreviousData })
}

export function useUserWallet(userId: string) {
  const { $api } = useApi()
  return $api.useQuery('get', '/wallet', { params: { query: { user_id: userId } } })
}

export function useUserTransactions(userId: string, cursor: string | undefined) {
  const { $api } = useApi()
  return $api.useQuery('get', '/transactions', { params: { query: compact({ user_id: userId, cursor, limit: 15 }) } }, { placeholderData: keepPreviousData })
}

export function useUserWithdrawals(userId: string) {
  const { $api } = useApi()
  return $api.useQuery('get', '/withdrawals', { params: { query: { user_id: userId, limit: 10 } } })
}

export function useUpdateUser() {
  const { $api } = useApi()
  const invalidate = useInvalidateUsers()
  return $api.useMutation('put', '/users/{id}', { onSuccess: () => invalidate() })
}

export function useDeactivateUser() {
  const { $api } = useApi()
  const invalidate = useInvalidateUsers()
  return $api.useMutation('delete', '/users/{id}', { onSuccess: () => invalidate() })
}
