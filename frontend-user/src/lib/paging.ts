/**
 * Cursor paging over list endpoints (`next_cursor` -> `cursor`) with TanStack's infinite
 * queries. Each feature passes a typed openapi-fetch call for one page. (openapi-react-query's
 * useInfiniteQuery always sends a cursor, even for the first page, which our API rejects.)
 */
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query'

interface Page {
  next_cursor?: string | null
}

type FetchPage<T extends Page> = (
  cursor: string | undefined,
  signal: AbortSignal,
) => Promise<{ data?: T; error?: unknown }>

export function useCursorList<T extends Page>(queryKey: QueryKey, fetchPage: FetchPage<T>, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...queryKey, 'pages'],
    initialPageParam: undefined as string | undefined,
    enabled,
    queryFn: async ({ pageParam, signal }) => {
      const { data, error } = await fetchPage(pageParam, signal)
      if (!data) throw error ?? new Error('Empty response')
      return data
    },
    getNextPageParam: (last: T) => last.next_cursor || undefined,
  })
}
