import { Link, useParams } from 'react-router'
import { Alert, Anchor, Breadcrumbs, Card, Grid, Group, RingProgress, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { formatRateBps } from '@shared/money'
import { LoanTimeline } from '@shared/ui/LoanTimeline'
import { Money } from '@shared/ui/Money'
import { ScheduleTable } from '@shared/ui/ScheduleTable'
import { EmptyState, ErrorState, LoadingState } from '@shared/ui/States'
import type { Loan } from '@/lib/api'
import { daysUntil, formatDate, formatDateTime } from '@/lib/format'
import { loanEventTitle, loanStatusColor, loanStatusHint, transactionTypeLabel } from '@/lib/labels'
import { PageHeader } from '@/components/PageHeader'
import { LoanStatusBadge } from '@/components/StatusBadge'
import { useLoan, useLoanEvents, useLoanPayments, useLoanSchedule } from '../api/loans'
import { LoanActions } from './LoanActions'
import { RepayPanel } from './RepayPanel'
import { ScheduleChart } from './ScheduleChart'
import { repaidPercent } from './loanMath'

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fw={600}>{children}</Text>
    </Stack>
  )
}

export function LoanDetailPage() {
  const { id = '' } = useParams()
  const loan = useLoan(id)
  if (loan.isLoading) return <LoadingState label="Loading loan…" />
  if (loan.isError || !loan.data) return <ErrorState error={loan.error} onRetry={() => void loan.refetch()} />
  return <LoanView loan={loan.data} />
}

function LoanView({ loan }: { loan: Loan }) {
  const schedule = useLoanSchedule(loan.id)
  const events = useLoanEvents(loan.id)
  const running = loan.status === 'disbursed' || loan.status === 'repaid'
  const payments = useLoanPayments(loan.id, running)
  const pct = repaidPercent(loan)
  const days = daysUntil(loan.next_due_date)

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/loans">
          My loans
        </Anchor>
        <Text size="sm">{loan.number}</Text>
      </Breadcrumbs>
      <PageHeader title={loan.number} badge={<LoanStatusBadge status={loan.status} size="lg" data-testid="loan-status" />} description={loan.purpose} />
      <Alert color={loanStatusColor[loan.status]} variant="light" icon={<IconInfoCircle size={18} />} mb="lg">
        {loanStatusHint[loan.status]}
        {loan.decision_reason && (loan.status === 'rejected' || loan.status === 'approved') && (
          <Text size="sm" mt={4}>
            Reason: “{loan.decision_reason}”
          </Text>
        )}
      </Alert>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {running && (
              <Card withBorder padding="lg">
                <Group gap="xl" wrap="wrap">
                  <RingProgress
                    size={120}
                    thickness={12}
                    roundCaps
                    sections={[{ value: pct, color: loan.status === 'repaid' ? 'green' : 'indigo' }]}
                    label={
                      <Text ta="center" fw={800} fz="lg">
                        {pct}%
                      </Text>
                    }
                    aria-label={`Repaid ${pct}%`}
                  />
                  <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="lg" style={{ flex: 1 }}>
                    <Detail label="Outstanding principal">
                      <Money value={loan.outstanding_principal} currency={loan.currency} />
                    </Detail>
                    <Detail label="Principal repaid">
                      <Money value={loan.paid_principal} currency={loan.currency} />
                    </Detail>
                    <Detail label="Interest paid">
                      <Money value={loan.paid_interest} currency={loan.currency} />
                    </Detail>
                    {loan.status === 'disbursed' && (
                      <Detail label="Next payment">
                        {loan.next_due_amount != null ? <Money value={loan.next_due_amount} currency={loan.currency} /> : '—'}
                      </Detail>
                    )}
                    {loan.status === 'disbursed' && (
                      <Detail label="Due">
                        {formatDate(loan.next_due_date)}
                        {days !== null && (
                          <Text span size="xs" c={days < 0 ? 'red' : 'dimmed'}>
                            {' '}
                            ({days < 0 ? `${-days}d late` : days === 0 ? 'today' : `in ${days}d`})
                          </Text>
                        )}
                      </Detail>
                    )}
                    {loan.days_past_due > 0 && (
                      <Detail label="Days past due">
                        <Text span c="red" inherit>
                          {loan.days_past_due}
                        </Text>
                      </Detail>
                    )}
                    {loan.closed_at && <Detail label="Closed">{formatDate(loan.closed_at)}</Detail>}
                  </SimpleGrid>
                </Group>
              </Card>
            )}

            <Card withBorder padding="lg">
              <Title order={4} mb="md">
                Application
              </Title>
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="lg">
                <Detail label="Amount">
                  <Money value={loan.amount} currency={loan.currency} />
                </Detail>
                <Detail label="Term">{loan.term_months} months</Detail>
                <Detail label="Rate">{formatRateBps(loan.annual_rate_bps)} APR</Detail>
                <Detail label="Monthly payment">
                  <Money value={loan.monthly_payment} currency={loan.currency} />
                </Detail>
                <Detail label="Total interest">
                  <Money value={loan.total_interest} currency={loan.currency} />
                </Detail>
                <Detail label="Total to repay">
                  <Money value={loan.total_payable} currency={loan.currency} />
                </Detail>
                <Detail label="Applied">{formatDateTime(loan.created_at)}</Detail>
                {loan.decided_at && <Detail label="Decided">{formatDateTime(loan.decided_at)}</Detail>}
                {loan.disbursed_at && <Detail label="Disbursed">{formatDateTime(loan.disbursed_at)}</Detail>}
              </SimpleGrid>
            </Card>

            <Card withBorder padding="lg">
              <Tabs defaultValue="schedule" keepMounted={false}>
                <Tabs.List mb="md">
                  <Tabs.Tab value="schedule">Schedule</Tabs.Tab>
                  <Tabs.Tab value="chart">Chart</Tabs.Tab>
                  {running && <Tabs.Tab value="payments">Payments</Tabs.Tab>}
                </Tabs.List>
                <Tabs.Panel value="schedule">
                  {schedule.isLoading ? (
                    <LoadingState label="Loading schedule…" />
                  ) : schedule.isError ? (
                    <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />
                  ) : schedule.data ? (
                    <>
                      {!running && (
                        <Text size="sm" c="dimmed" mb="sm">
                          Planned schedule. Due dates are set when the money is disbursed.
                        </Text>
                      )}
                      <ScheduleTable installments={schedule.data.installments} currency={schedule.data.currency} live={running} />
                    </>
                  ) : null}
                </Tabs.Panel>
                <Tabs.Panel value="chart">
                  {schedule.data ? <ScheduleChart installments={schedule.data.installments} currency={schedule.data.currency} /> : <LoadingState />}
                </Tabs.Panel>
                {running && (
                  <Tabs.Panel value="payments">
                    {payments.isLoading ? (
                      <LoadingState />
                    ) : payments.isError ? (
                      <ErrorState error={payments.error} onRetry={() => void payments.refetch()} />
                    ) : !payments.data?.items.length ? (
                      <EmptyState title="No payments yet" description="Payments you make on this loan appear here." />
                    ) : (
                      <Table fz="sm" striped style={{ fontVariantNumeric: 'tabular-nums' }}>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>Date</Table.Th>
                            <Table.Th>Type</Table.Th>
                            <Table.Th ta="right">Amount</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {payments.data.items.map((t) => (
                            <Table.Tr key={t.id}>
                              <Table.Td>{formatDateTime(t.created_at)}</Table.Td>
                              <Table.Td>{transactionTypeLabel[t.type]}</Table.Td>
                              <Table.Td ta="right">
                                <Money value={t.amount} currency={t.currency} colored signDisplay="exceptZero" />
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    )}
                  </Tabs.Panel>
                )}
              </Tabs>
            </Card>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <LoanActions loan={loan} />
            <RepayPanel loan={loan} key={loan.id} />
            <Card withBorder padding="lg">
              <Title order={4} mb="md">
                Timeline
              </Title>
              {events.isLoading ? (
                <LoadingState />
              ) : events.isError ? (
                <ErrorState error={events.error} onRetry={() => void events.refetch()} />
              ) : (
                <LoanTimeline events={events.data?.items ?? []} titles={loanEventTitle} />
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  )
}
