import { Card, Stack, Text } from '@mantine/core'
import { IconClipboardCheck } from '@tabler/icons-react'
import { useCursorPager } from '@/lib/paging'
import { PageHeader } from '@/components/PageHeader'
import { EmptyState, ErrorState, LoadingState } from '@/components/States'
import { Pager } from '@/components/Pager'
import { useApplicationsQueue } from '../api/loans'
import { ApplicationCard } from './ApplicationCard'

/** The review queue: submitted applications, oldest first; refreshed live on `loan.submitted`. */
export function ApplicationsPage() {
  const pager = useCursorPager('queue')
  const queue = useApplicationsQueue(pager.cursor)
  const items = queue.data?.items ?? []
  const offset = (pager.page - 1) * 20

  return (
    <>
      <PageHeader
        title="Applications"
        description="Loan applications waiting for a decision, oldest first. New ones appear here as borrowers apply."
      />
      {queue.isPending ? (
        <LoadingState label="Loading the queue…" />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : items.length === 0 && !pager.hasPrevious ? (
        <Card withBorder>
          <EmptyState
            icon={<IconClipboardCheck size={26} />}
            title="The queue is empty"
            description="Every application has been decided. New applications will appear here the moment they arrive."
          />
        </Card>
      ) : (
        <Stack gap="md" aria-live="polite">
          <Text size="sm" c="dimmed">
            {queue.data.next_cursor ? `Showing ${offset + 1}–${offset + items.length}` : `${offset + items.length} waiting`}
          </Text>
          {items.map((loan, i) => (
            <ApplicationCard key={loan.id} loan={loan} position={offset + i + 1} />
          ))}
          {(pager.hasPrevious || queue.data.next_cursor) && (
            <Card withBorder padding={0}>
              <Pager pager={pager} nextCursor={queue.data.next_cursor} fetching={queue.isFetching} label="Queue pages" />
            </Card>
          )}
        </Stack>
      )}
    </>
  )
}
