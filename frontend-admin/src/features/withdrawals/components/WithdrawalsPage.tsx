import { Badge, Card, Select, Stack, Tabs, Text } from '@mantine/core'
import { IconCash, IconClockHour4, IconHistory } from '@tabler/icons-react'
import { formatMoney } from '@shared/money'
import type { WithdrawalStatus } from '@/lib/api'
import { withdrawalStatuses, withdrawalStatusLabel } from '@/lib/labels'
import { useCursorPager } from '@/lib/paging'
import { useUrlFilters } from '@/lib/searchParams'
import { PageHeader } from '@/components/PageHeader'
import { EmptyState, ErrorState, TableSkeleton } from '@/components/States'
import { FilterCard } from '@/components/FilterCard'
import { Pager } from '@/components/Pager'
import { UserPicker } from '@/components/UserPicker'
import { usePendingWithdrawals, useWithdrawalHistory } from '../api/withdrawals'
import { WithdrawalsTable } from './WithdrawalsTable'

function PendingQueue() {
  const pager = useCursorPager('pending')
  const queue = usePendingWithdrawals(pager.cursor)
  const items = queue.data?.items ?? []
  const total = items.reduce((s, w) => s + w.amount, 0)
  return (
    <>
      {queue.isPending ? (
        <TableSkeleton />
      ) : queue.isError ? (
        <Stack p="md">
          <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
        </Stack>
      ) : items.length === 0 && !pager.hasPrevious ? (
        <EmptyState icon={<IconCash size={26} />} title="No pending withdrawals" description="Requests appear here the moment borrowers make them." />
      ) : (
        <div aria-live="polite">
          <Text size="sm" c="dimmed" px="md" pt="md">
            {items.length} {items.length === 1 ? 'request' : 'requests'} on this page, {formatMoney(total, items[0]?.currency ?? 'USD')} held for payout. Oldest first.
          </Text>
          <WithdrawalsTable items={items} actions />
          <Pager pager={pager} nextCursor={queue.data.next_cursor} fetching={queue.isFetching} label="Queue pages" />
        </div>
      )}
    </>
  )
}

function History() {
  const { values, set, clear, active } = useUrlFilters(['status', 'user_id'] as const)
  const filters = { status: (values.status || undefined) as WithdrawalStatus | undefined, user_id: values.user_id || undefined }
  const pager = useCursorPager(JSON.stringify(filters))
  const list = useWithdrawalHistory(filters, pager.cursor)
  const items = list.data?.items ?? []
  return (
    <Stack gap={0}>
      <Stack p="md" pb={0}>
        <FilterCard active={active} onClear={clear} label="Withdrawal filters">
          <Select
            label="Status"
            placeholder="Any status"
            clearable
            w={180}
            data={withdrawalStatuses.map((s) => ({ value: s, label: withdrawalStatusLabel[s] }))}
            value={values.status || null}
            onChange={(v) => set({ status: v })}
          />
          <UserPicker label="User" value={values.user_id || null} onChange={(v) => set({ user_id: v })} />
        </FilterCard>
      </Stack>
      {list.isPending ? (
        <TableSkeleton />
      ) : list.isError ? (
        <Stack p="md">
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        </Stack>
      ) : items.length === 0 ? (
        <EmptyState icon={<IconHistory size={26} />} title={active ? 'No withdrawals match these filters' : 'No withdrawals yet'} />
      ) : (
        <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <WithdrawalsTable items={items} />
          <Pager pager={pager} nextCursor={list.data.next_cursor} fetching={list.isFetching} count={items.length} label="History pages" />
        </div>
      )}
    </Stack>
  )
}

/** Withdrawals: the pending queue to work through, and the history. */
export function WithdrawalsPage() {
  const { values, set } = useUrlFilters(['tab', 'status', 'user_id'] as const)
  const tab = values.tab === 'history' ? 'history' : 'pending'
  const pending = usePendingWithdrawals(undefined)
  const pendingCount = pending.data?.items.length ?? 0
  return (
    <>
      <PageHeader title="Withdrawals" description="Pay out what borrowers asked to withdraw, or return it to their wallet. Each request is resolved exactly once." />
      <Card withBorder padding={0}>
        <Tabs value={tab} onChange={(v) => set({ tab: v === 'history' ? 'history' : null, status: null, user_id: null })} keepMounted={false}>
          <Tabs.List px="md" pt="xs">
            <Tabs.Tab
              value="pending"
              leftSection={<IconClockHour4 size={16} />}
              rightSection={
                pendingCount > 0 ? (
                  <Badge size="sm" color="yellow" variant="filled">
                    {pending.data?.next_cursor ? `${pendingCount}+` : pendingCount}
                  </Badge>
                ) : undefined
              }
            >
              Pending
            </Tabs.Tab>
            <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
              History
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="pending">
            <PendingQueue />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <History />
          </Tabs.Panel>
        </Tabs>
      </Card>
    </>
  )
}
