import { useApi } from '@/lib/api'

export function useRegister() {
  const { $api } = useApi()
  return $api.useMutation('post', '/auth/register')
}
