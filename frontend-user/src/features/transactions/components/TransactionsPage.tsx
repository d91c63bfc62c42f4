import { useState } from 'react'
import { Link } from 'react-router'
import { Anchor, Button, Card, Group, Select, Stack, Table, Text } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { IconReceipt } from '@tabler/icons-react'
import { Money } from '@shared/ui/Money'
import { EmptyState, ErrorState, LoadingState } from '@shared/ui/States'
import type { TransactionType } from '@/lib/api'
import { formatDateTime } from '@/lib/format'
import { transactionTypeLabel } from '@/lib/labels'
import { PageHeader } from '@/components/PageHeader'
import { TransactionTypeBadge } from '@/components/StatusBadge'
import { useTransactionList } from '../api/transactions'
import { rangeToBounds } from './dateRange'

const TYPES = Object.keys(transactionTypeLabel) as TransactionType[]

export function TransactionsPage() {
  const [type, setType] = useState<TransactionType | null>(null)
  const [range, setRange] = useState<[string | null, string | null]>([null, null])
  const bounds = rangeToBounds(range[0], range[1])
  const list = useTransactionList({ type, ...bounds })
  const items = list.data?.pages.flatMap((p) => p.items) ?? []
  const filtered = type !== null || range[0] !== null

  return (
    <>
      <PageHeader title="Transactions" description="Every movement of your wallet, newest first." />
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end" wrap="wrap">
          <Select
            label="Type"
            placeholder="All types"
            clearable
            data={TYPES.map((t) => ({ value: t, label: transactionTypeLabel[t] }))}
            value={type}
            onChange={(v) => setType(v as TransactionType | null)}
            w={{ base: '100%', xs: 220 }}
          />
          <DatePickerInput
            type="range"
            label="Dates"
            placeholder="Any date"
            clearable
            allowSingleDateInRange
            value={range}
            onChange={(v) => setRange(v as [string | null, string | null])}
            w={{ base: '100%', xs: 280 }}
            maxDate={new Date()}
          />
          {filtered && (
            <Button
              variant="subtle"
              onClick={() => {
                setType(null)
                setRange([null, null])
              }}
            >
              Clear filters
            </Button>
          )}
        </Group>

        {list.isLoading ? (
          <LoadingState label="Loading transactions…" />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconReceipt size={26} />}
            title={filtered ? 'Nothing matches these filters' : 'No transactions yet'}
            description={filtered ? 'Try another type or date range.' : 'Deposits, disbursements, repayments and withdrawals will show up here.'}
          />
        ) : (
          <Stack>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" highlightOnHover fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="transactions-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Date</Table.Th>
                    <Table.Th>Type</Table.Th>
                    <Table.Th>Details</Table.Th>
                    <Table.Th ta="right">Amount</Table.Th>
                    <Table.Th ta="right">Balance after</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((t) => (
                    <Table.Tr key={t.id}>
                      <Table.Td>{formatDateTime(t.created_at)}</Table.Td>
                      <Table.Td>
                        <TransactionTypeBadge type={t.type} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={1}>
                          {t.description ?? ''}
                        </Text>
                        {t.loan_id && (
                          <Anchor component={Link} to={`/loans/${t.loan_id}`} size="xs">
                            View loan
                          </Anchor>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money value={t.amount} currency={t.currency} colored signDisplay="exceptZero" fw={600} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money value={t.balance_after} currency={t.currency} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {list.hasNextPage ? (
              <Group justify="center">
                <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  Load more
                </Button>
              </Group>
            ) : (
              <Text size="xs" c="dimmed" ta="center">
                That is everything.
              </Text>
            )}
          </Stack>
        )}
      </Card>
    </>
  )
}
