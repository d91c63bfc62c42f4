import { Link, useSearchParams } from 'react-router'
import { Button, Chip, Group, ScrollArea, Stack } from '@mantine/core'
import { IconPlus, IconFileDollar } from '@tabler/icons-react'
import { EmptyState, ErrorState, LoadingState } from '@shared/ui/States'
import type { LoanStatus } from '@/lib/api'
import { loanStatusLabel } from '@/lib/labels'
import { PageHeader } from '@/components/PageHeader'
import { useLoanList } from '../api/loans'
import { LoanCard } from './LoanCard'

const FILTERS: (LoanStatus | 'all')[] = ['all', 'submitted', 'approved', 'disbursed', 'repaid', 'rejected', 'cancelled']

export function LoansPage() {
  const [params, setParams] = useSearchParams()
  const raw = params.get('status')
  const status = (FILTERS.includes(raw as LoanStatus) && raw !== 'all' ? raw : null) as LoanStatus | null
  const list = useLoanList(status)
  const loans = list.data?.pages.flatMap((p) => p.items) ?? []

  return (
    <>
      <PageHeader
        title="My loans"
        description="Every application and loan, newest first."
        actions={
          <Button component={Link} to="/loans/new" leftSection={<IconPlus size={18} />}>
            New loan
          </Button>
        }
      />
      <ScrollArea type="never" mb="lg">
        <Chip.Group
          value={status ?? 'all'}
          onChange={(v) => {
            const next = new URLSearchParams(params)
            if (v === 'all') next.delete('status')
            else next.set('status', String(v))
            setParams(next, { replace: true })
          }}
        >
          <Group gap="xs" wrap="nowrap" role="radiogroup" aria-label="Filter by status">
            {FILTERS.map((f) => (
              <Chip key={f} value={f} variant="light">
                {f === 'all' ? 'All' : loanStatusLabel[f]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </ScrollArea>

      {list.isLoading ? (
        <LoadingState label="Loading loans…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : loans.length === 0 ? (
        <EmptyState
          icon={<IconFileDollar size={26} />}
          title={status ? `No ${loanStatusLabel[status].toLowerCase()} loans` : 'No loans yet'}
          description={status ? 'Try another filter.' : 'Get a quote in seconds and apply when it suits you.'}
          action={
            !status && (
              <Button component={Link} to="/loans/new">
                Open the calculator
              </Button>
            )
          }
        />
      ) : (
        <Stack gap="md">
          {loans.map((l) => (
            <LoanCard key={l.id} loan={l} />
          ))}
          {list.hasNextPage && (
            <Group justify="center">
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                Load more
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  )
}
