import { Card, Group, Select, Stack, Text } from '@mantine/core'
import { IconReceipt } from '@tabler/icons-react'
import { formatMoney } from '@shared/money'
import type { TransactionType } from '@/lib/api'
import { dayToInstant } from '@/lib/format'
import { transactionTypeLabel, transactionTypes } from '@/lib/labels'
import { useCursorPager } from '@/lib/paging'
import { useUrlFilters } from '@/lib/searchParams'
import { PageHeader } from '@/components/PageHeader'
import { EmptyState, ErrorState, TableSkeleton } from '@/components/States'
import { FilterCard } from '@/components/FilterCard'
import { DateFilter } from '@/components/DateFilter'
import { Pager } from '@/components/Pager'
import { TransactionsTable } from '@/components/TransactionsTable'
import { UserPicker } from '@/components/UserPicker'
import { useLedger } from '../api/transactions'

const FILTERS = ['user_id', 'type', 'from', 'to'] as const

/** Every wallet movement on the platform, newest first. */
export function TransactionsPage() {
  const { values, set, clear, active } = useUrlFilters(FILTERS)
  const filters = {
    user_id: values.user_id || undefined,
    type: (values.type || undefined) as TransactionType | undefined,
    from: dayToInstant(values.from),
    to: dayToInstant(values.to, true),
  }
  const pager = useCursorPager(JSON.stringify(filters))
  const list = useLedger(filters, pager.cursor)
  const items = list.data?.items ?? []
  const credits = items.filter((t) => t.amount > 0).reduce((s, t) => s + t.amount, 0)
  const debits = items.filter((t) => t.amount < 0).reduce((s, t) => s + t.amount, 0)
  const currency = items[0]?.currency

  return (
    <>
      <PageHeader title="Transactions" description="The ledger as wallet movements: deposits, disbursements, repayments and withdrawals of every user, newest first." />
      <FilterCard active={active} onClear={clear} label="Transaction filters">
        <UserPicker label="User" value={values.user_id || null} onChange={(v) => set({ user_id: v })} />
        <Select
          label="Type"
          placeholder="Any type"
          clearable
          w={200}
          data={transactionTypes.map((t) => ({ value: t, label: transactionTypeLabel[t] }))}
          value={values.type || null}
          onChange={(v) => set({ type: v })}
        />
        <DateFilter label="From" value={values.from} onChange={(d) => set({ from: d })} maxDate={values.to} />
        <DateFilter label="Until" value={values.to} onChange={(d) => set({ to: d })} minDate={values.from} />
      </FilterCard>
      <Card withBorder padding={0}>
        {list.isPending ? (
          <TableSkeleton rows={8} />
        ) : list.isError ? (
          <Stack p="md">
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconReceipt size={26} />}
            title={active ? 'No transactions match these filters' : 'No transactions yet'}
            description={active ? 'Try another user, type or date range.' : 'Money movements appear here as soon as they happen.'}
          />
        ) : (
          <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
            {currency && (
              <Group gap="lg" px="md" pt="md">
                <Text size="sm" c="dimmed">
                  This page: <Text span c="teal.7" fw={600} inherit>{formatMoney(credits, currency, { signDisplay: 'exceptZero' })}</Text> in,{' '}
                  <Text span c="red.7" fw={600} inherit>{formatMoney(debits, currency, { signDisplay: 'exceptZero' })}</Text> out
                </Text>
              </Group>
            )}
            <TransactionsTable items={items} />
            <Pager pager={pager} nextCursor={list.data.next_cursor} fetching={list.isFetching} count={items.length} label="Transaction pages" />
          </div>
        )}
      </Card>
    </>
  )
}
