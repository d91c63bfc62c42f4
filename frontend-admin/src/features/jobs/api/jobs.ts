import { useApi, type JobState } from '@/lib/api'

/** Background jobs (River), newest first. The server may answer 501 until it offers this. */
export function useJobs(state: JobState | undefined) {
  const { $api } = useApi()
  return $api.useQuery('get', '/admin/jobs', { params: { query: { limit: 100, ...(state ? { state } : {}) } } }, { refetchInterval: 15_000 })
}
