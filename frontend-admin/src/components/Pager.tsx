import { Button, Group, Text } from '@mantine/core'
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react'
import type { CursorPager } from '@/lib/paging'

/** Previous / next over a cursor-paged list. */
export function Pager({
  pager,
  nextCursor,
  fetching,
  count,
  label = 'Pagination',
}: {
  pager: CursorPager
  nextCursor: string | null | undefined
  fetching?: boolean
  count?: number
  label?: string
}) {
  if (!pager.hasPrevious && !nextCursor) {
    return count !== undefined && count > 0 ? (
      <Text size="xs" c="dimmed" px="md" py="sm">
        {count === 1 ? '1 result' : `${count} results`}
      </Text>
    ) : null
  }
  return (
    <Group justify="space-between" px="md" py="sm" component="nav" aria-label={label}>
      <Text size="sm" c="dimmed">
        Page {pager.page}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconChevronLeft size={14} />}
          disabled={!pager.hasPrevious || fetching}
          onClick={pager.previous}
        >
          Previous
        </Button>
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronRight size={14} />}
          disabled={!nextCursor || fetching}
          onClick={() => pager.next(nextCursor)}
        >
          Next
        </Button>
      </Group>
    </Group>
  )
}
