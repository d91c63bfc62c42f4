import { QueryClient } from '@tanstack/react-query'
import { toProblem } from '../problem'

/**
 * The TanStack Query cache both apps use: answers stay fresh for 15 s and are refetched when the
 * window regains focus; a failed GET is retried twice on a network hiccup or a 5xx (but not a 501
 * "not implemented", which will not go away), never on a client error; mutations never retry
 * (they carry Idempotency-Keys and are retried by the user's intent instead).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        retry: (count, error) => {
          const s = toProblem(error).status
          return count < 2 && (s === 0 || (s >= 500 && s !== 501))
        },
      },
      mutations: { retry: false },
    },
  })
}
