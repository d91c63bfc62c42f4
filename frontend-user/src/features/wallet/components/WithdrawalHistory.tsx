import { useState } from 'react'
import { Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { IconArrowBarUp } from '@tabler/icons-react'
import { Money } from '@shared/ui/Money'
import { EmptyState, ErrorState, LoadingState } from '@shared/ui/States'
import type { WithdrawalStatus } from '@/lib/api'
import { formatDateTime } from '@/lib/format'
import { WithdrawalStatusBadge } from '@/components/StatusBadge'
import { useWithdrawalList } from '../api/wallet'

export function WithdrawalHistory() {
  const [status, setStatus] = useState<WithdrawalStatus | 'all'>('all')
  const list = useWithdrawalList(status === 'all' ? null : status)
  const items = list.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <Stack>
      <SegmentedControl
        aria-label="Filter withdrawals by status"
        value={status}
        onChange={(v) => setStatus(v as WithdrawalStatus | 'all')}
        data={[
          { value: 'all', label: 'All' },
          { value: 'pending', label: 'Pending' },
          { value: 'processed', label: 'Paid out' },
          { value: 'cancelled', label: 'Cancelled' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<IconArrowBarUp size={26} />} title="No withdrawals" description="Withdrawal requests you make appear here with their status." />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" highlightOnHover fz="sm" data-testid="withdrawal-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Requested</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td>{formatDateTime(w.created_at)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1}>
                      {w.destination}
                    </Text>
                    {w.reason && (
                      <Text size="xs" c="dimmed">
                        {w.reason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money value={w.amount} currency={w.currency} fw={600} />
                  </Table.Td>
                  <Table.Td>
                    <WithdrawalStatusBadge status={w.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  )
}
