import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { Anchor, Breadcrumbs, Card, Grid, Group, Progress, SimpleGrid, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconCalendarStats, IconHistory, IconReceipt } from '@tabler/icons-react'
import { formatMoney, formatRateBps } from '@shared/money'
import { LoanTimeline } from '@shared/ui/LoanTimeline'
import { ScheduleTable } from '@shared/ui/ScheduleTable'
import { formatDate, formatDateTime } from '@/lib/format'
import { loanEventTitle, loanStatusLabel } from '@/lib/labels'
import { PageHeader } from '@/components/PageHeader'
import { EmptyState, ErrorState, LoadingState } from '@/components/States'
import { LoanStatusBadge } from '@/components/StatusBadge'
import { TransactionsTable } from '@/components/TransactionsTable'
import { useBorrowerWallet, useLoan, useLoanEvents, useLoanPayments, useLoanSchedule } from '../api/loans'
import { BorrowerLoans } from './BorrowerLoans'
import { LoanActions } from './LoanActions'

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="md" align="flex-start">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {children}
      </Text>
    </Group>
  )
}

export function LoanDetailPage() {
  const { id = '' } = useParams()
  const loan = useLoan(id)
  const schedule = useLoanSchedule(id)
  const events = useLoanEvents(id)
  const payments = useLoanPayments(id)
  const wallet = useBorrowerWallet(loan.data?.user_id)

  if (loan.isPending) return <LoadingState label="Loading the loan…" minHeight={300} />
  if (loan.isError) return <ErrorState error={loan.error} onRetry={() => void loan.refetch()} title="Could not load this loan" />
  const l = loan.data
  const m = (v: number | null | undefined) => formatMoney(v, l.currency)
  const running = l.status === 'disbursed' || l.status === 'repaid'
  const repaidPct = l.amount > 0 ? Math.round((l.paid_principal / l.amount) * 100) : 0
  const decision = events.data?.items.filter((e) => e.to_status === 'approved' || e.to_status === 'rejected').pop()

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/loans">
          All loans
        </Anchor>
        <Text size="sm">{l.number}</Text>
      </Breadcrumbs>
      <PageHeader
        title={l.number}
        badge={<LoanStatusBadge status={l.status} size="lg" data-testid="loan-status" />}
        description={
          <>
            {m(l.amount)} over {l.term_months} months for{' '}
            <Anchor component={Link} to={`/users/${l.user_id}`} inherit>
              {l.borrower_name}
            </Anchor>{' '}
            · applied {formatDateTime(l.created_at)}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Card withBorder padding="lg" component="section" aria-label="Terms">
              <Title order={4} mb="md">
                Terms
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
                <Row label="Amount" testId="loan-amount">{m(l.amount)}</Row>
                <Row label="Term">{l.term_months} months</Row>
                <Row label="Annual rate">{formatRateBps(l.annual_rate_bps)}</Row>
                <Row label="Monthly payment">{m(l.monthly_payment)}</Row>
                <Row label="Total interest">{m(l.total_interest)}</Row>
                <Row label="Total payable">{m(l.total_payable)}</Row>
              </SimpleGrid>
              <Text size="sm" mt="md">
                <Text span c="dimmed" inherit>
                  Purpose:{' '}
                </Text>
                {l.purpose}
              </Text>
              {(l.decided_at || l.decision_reason) && (
                <Card bg="gray.0" mt="md" padding="sm" radius="md">
                  <Text size="sm" fw={600}>
                    {l.status === 'rejected' ? 'Rejected' : 'Decided'} {formatDateTime(l.decided_at)}
                    {decision?.actor_name ? ` by ${decision.actor_name}` : ''}
                  </Text>
                  {l.decision_reason && (
                    <Text size="sm" c="dimmed" data-testid="decision-reason">
                      “{l.decision_reason}”
                    </Text>
                  )}
                </Card>
              )}
            </Card>

            {running && (
              <Card withBorder padding="lg" component="section" aria-label="Repayment">
                <Group justify="space-between" mb="sm">
                  <Title order={4}>Repayment</Title>
                  <Text size="sm" c="dimmed">
                    Disbursed {formatDate(l.disbursed_at)}
                    {l.closed_at ? ` · closed ${formatDate(l.closed_at)}` : ''}
                  </Text>
                </Group>
                <Progress value={repaidPct} size="lg" radius="xl" color={l.days_past_due > 0 ? 'red' : 'teal'} aria-label={`${repaidPct}% of principal repaid`} mb="md" />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
                  <Row label="Outstanding principal" testId="loan-outstanding">{m(l.outstanding_principal)}</Row>
                  <Row label="Principal repaid">{m(l.paid_principal)} ({repaidPct}%)</Row>
                  <Row label="Interest paid">{m(l.paid_interest)}</Row>
                  <Row label="Next payment">{l.next_due_date ? `${m(l.next_due_amount)} on ${formatDate(l.next_due_date)}` : '—'}</Row>
                  <Row label="Days past due">
                    <Text span inherit c={l.days_past_due > 0 ? 'red.7' : undefined} fw={l.days_past_due > 0 ? 700 : undefined}>
                      {l.days_past_due}
                    </Text>
                  </Row>
                </SimpleGrid>
              </Card>
            )}

            <Card withBorder padding={0}>
              <Tabs defaultValue={running ? 'payments' : 'schedule'} keepMounted={false}>
                <Tabs.List px="md" pt="xs">
                  <Tabs.Tab value="schedule" leftSection={<IconCalendarStats size={16} />}>
                    Schedule
                  </Tabs.Tab>
                  <Tabs.Tab value="payments" leftSection={<IconReceipt size={16} />}>
                    Payments{payments.data ? ` (${payments.data.items.length})` : ''}
                  </Tabs.Tab>
                  <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
                    History
                  </Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="schedule" p="md">
                  {schedule.isPending ? (
                    <LoadingState />
                  ) : schedule.isError ? (
                    <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />
                  ) : (
                    <ScheduleTable
                      installments={schedule.data.installments}
                      currency={schedule.data.currency}
                      live={running}
                      maxHeight={460}
                      caption={running ? 'Repayment schedule' : 'Planned schedule (due dates are set at disbursement)'}
                    />
                  )}
                </Tabs.Panel>
                <Tabs.Panel value="payments" p={0}>
                  {payments.isPending ? (
                    <LoadingState />
                  ) : payments.isError ? (
                    <Stack p="md">
                      <ErrorState error={payments.error} onRetry={() => void payments.refetch()} />
                    </Stack>
                  ) : payments.data.items.length === 0 ? (
                    <EmptyState title="No money has moved yet" description="The disbursement and every repayment of this loan will be listed here." />
                  ) : (
                    <TransactionsTable items={payments.data.items} showUser={false} />
                  )}
                </Tabs.Panel>
                <Tabs.Panel value="history" p="md">
                  {events.isPending ? (
                    <LoadingState />
                  ) : events.isError ? (
                    <ErrorState error={events.error} onRetry={() => void events.refetch()} />
                  ) : (
                    <LoanTimeline events={events.data.items} titles={loanEventTitle} fromLabels={loanStatusLabel} />
                  )}
                </Tabs.Panel>
              </Tabs>
            </Card>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <LoanActions loan={l} />
            <Card withBorder padding="lg" component="section" aria-label="Borrower">
              <Title order={4} mb="sm">
                Borrower
              </Title>
              <Anchor component={Link} to={`/users/${l.user_id}`} fw={600}>
                {l.borrower_name}
              </Anchor>
              <Text size="sm" c="dimmed" mb="md">
                {l.borrower_email}
              </Text>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={4}>
                Wallet
              </Text>
              {wallet.isPending ? (
                <Skeleton height={40} mb="md" />
              ) : wallet.isError ? (
                <Text size="sm" c="red.7" mb="md">
                  Could not load the wallet.
                </Text>
              ) : (
                <Stack gap={2} mb="md">
                  <Row label="Balance" testId="borrower-wallet-balance">{formatMoney(wallet.data.balance, wallet.data.currency)}</Row>
                  <Row label="Held for withdrawals">{formatMoney(wallet.data.held, wallet.data.currency)}</Row>
                  <Row label="Available">{formatMoney(wallet.data.available, wallet.data.currency)}</Row>
                </Stack>
              )}
              <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={4}>
                Other loans
              </Text>
              <BorrowerLoans userId={l.user_id} exceptId={l.id} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  )
}
