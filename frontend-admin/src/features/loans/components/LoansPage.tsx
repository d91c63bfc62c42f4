import { Select } from '@mantine/core'
import { IconListDetails } from '@tabler/icons-react'
import type { LoanStatus } from '@/lib/api'
import { dayToInstant } from '@/lib/format'
import { loanStatuses, loanStatusLabel } from '@/lib/labels'
import { useCursorPager } from '@/lib/paging'
import { useUrlFilters } from '@/lib/searchParams'
import { PageHeader } from '@/components/PageHeader'
import { EmptyState } from '@/components/States'
import { ListCard } from '@/components/ListCard'
import { FilterCard } from '@/components/FilterCard'
import { DateFilter } from '@/components/DateFilter'
import { LoansTable } from '@/components/LoansTable'
import { Pager } from '@/components/Pager'
import { UserPicker } from '@/components/UserPicker'
import { useLoanList } from '../api/loans'

const FILTERS = ['status', 'user_id', 'from', 'to'] as const

/** Every loan, newest first, filtered by status, borrower and application date. */
export function LoansPage() {
  const { values, set, clear, active } = useUrlFilters(FILTERS)
  const filters = {
    status: (values.status || undefined) as LoanStatus | undefined,
    user_id: values.user_id || undefined,
    from: dayToInstant(values.from),
    to: dayToInstant(values.to, true),
  }
  const pager = useCursorPager(JSON.stringify(filters))
  const list = useLoanList(filters, pager.cursor)
  const items = list.data?.items ?? []

  return (
    <>
      <PageHeader title="All loans" description="Every application and loan on the platform, newest first. Click a row to open it." />
      <FilterCard active={active} onClear={clear} label="Loan filters">
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          w={180}
          data={loanStatuses.map((s) => ({ value: s, label: loanStatusLabel[s] }))}
          value={values.status || null}
          onChange={(v) => set({ status: v })}
        />
        <UserPicker value={values.user_id || null} onChange={(v) => set({ user_id: v })} />
        <DateFilter label="Applied from" value={values.from} onChange={(d) => set({ from: d })} maxDate={values.to} />
        <DateFilter label="Applied until" value={values.to} onChange={(d) => set({ to: d })} minDate={values.from} />
      </FilterCard>
      <ListCard
        query={list}
        empty={items.length === 0}
        emptyState={
          <EmptyState
            icon={<IconListDetails size={26} />}
            title={active ? 'No loans match these filters' : 'No loans yet'}
            description={active ? 'Try another status, borrower or date range.' : 'Loans appear here as soon as borrowers apply.'}
          />
        }
      >
        <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
          <LoansTable loans={items} />
          <Pager pager={pager} nextCursor={list.data?.next_cursor} fetching={list.isFetching} count={items.length} label="Loan pages" />
        </div>
      </ListCard>
    </>
  )
}
