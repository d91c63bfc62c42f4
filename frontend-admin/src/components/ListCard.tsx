import type { ReactNode } from 'react'
import { Card, Stack } from '@mantine/core'
import { ErrorState, TableSkeleton } from './States'

/** A bordered card around a list: skeleton while it loads, the error with a retry, the empty state, or the content. */
export function ListCard({
  query,
  empty,
  emptyState,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown }
  empty: boolean
  emptyState: ReactNode
  children: ReactNode
}) {
  return (
    <Card withBorder padding={0}>
      {query.isPending ? (
        <TableSkeleton />
      ) : query.isError ? (
        <Stack p="md">
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        </Stack>
      ) : empty ? (
        emptyState
      ) : (
        children
      )}
    </Card>
  )
}
