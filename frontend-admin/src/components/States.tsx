import { Skeleton, Stack } from '@mantine/core'
import { ErrorState as SharedErrorState, type ErrorStateProps } from '@shared/ui/States'

export { EmptyState, LoadingState } from '@shared/ui/States'

/** The shared error state with the HTTP status and the problem's instance, for staff to quote. */
export function ErrorState(props: Omit<ErrorStateProps, 'details'>) {
  return <SharedErrorState details {...props} />
}

/** Placeholder rows while a table loads. */
export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <Stack gap="xs" p="md" role="status" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={28} radius="sm" />
      ))}
    </Stack>
  )
}
