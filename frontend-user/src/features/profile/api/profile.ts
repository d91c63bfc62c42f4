import { useQueryClient } from '@tanstack/react-query'
import { useApi } from '@/lib/api'

export function useUpdateProfile() {
  const { $api } = useApi()
  const qc = useQueryClient()
  return $api.useMutation('put', '/users/{id}', {
    onSuccess: (user) => {
      // The signed-in user (GET /auth/me) is what the header and forms show.
      qc.setQueryData($api.queryOptions('get', '/auth/me', {}).queryKey, user)
    },
  })
}
