import { Link } from 'react-router'
import { useDocumentTitle } from '@mantine/hooks'
import { Anchor, Button, Card, Grid, Group, Progress, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconArrowRight, IconBell, IconCalculator, IconLock, IconPlus, IconReceipt, IconWallet, IconFileDollar } from '@tabler/icons-react'
import { Money } from '@shared/ui/Money'
import { StatCard } from '@shared/ui/StatCard'
import { EmptyState, ErrorState, LoadingState } from '@shared/ui/States'
import type { Loan } from '@/lib/api'
import { useUser } from '@/lib/auth'
import { daysUntil, formatDate, formatRelative } from '@/lib/format'
import { loanStatusHint } from '@/lib/labels'
import { LoanStatusBadge, TransactionTypeBadge } from '@/components/StatusBadge'
import { useDashboardData } from '../api/dashboard'

function greeting(): string {
  const h = new Date().getHours()
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening'
}

function SectionTitle({ title, to, label }: { title: string; to: string; label: string }) {
  return (
    <Group justify="space-between" mb="sm">
      <Title order={4}>{title}</Title>
      <Anchor component={Link} to={to} size="sm">
        <Group gap={4}>
          {label} <IconArrowRight size={14} />
        </Group>
      </Anchor>
    </Group>
  )
}

function ActiveLoanRow({ loan }: { loan: Loan }) {
  const pct = loan.amount > 0 ? Math.min(100, Math.floor((loan.paid_principal * 100) / loan.amount)) : 0
  const days = daysUntil(loan.next_due_date)
  return (
    <Card withBorder padding="md" component={Link} to={`/loans/${loan.id}`} style={{ textDecoration: 'none' }} data-testid="active-loan">
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text fw={700}>{loan.number}</Text>
        <Money value={loan.outstanding_principal} currency={loan.currency} fw={600} />
      </Group>
      <Progress value={pct} size="sm" mb={6} aria-label={`${loan.number} repaid ${pct}%`} />
      <Group justify="space-between" wrap="wrap" gap={4}>
        <Text size="xs" c="dimmed">
          {pct}% repaid of <Money value={loan.amount} currency={loan.currency} />
        </Text>
        <Text size="xs" c={loan.days_past_due > 0 ? 'red' : 'dimmed'}>
          Next: {loan.next_due_amount != null ? <Money value={loan.next_due_amount} currency={loan.currency} fw={600} /> : '—'} on {formatDate(loan.next_due_date)}
          {days !== null && days >= 0 ? ` (in ${days}d)` : ''}
        </Text>
      </Group>
    </Card>
  )
}

export function DashboardPage() {
  const user = useUser()
  const d = useDashboardData()
  useDocumentTitle('Dashboard · Lendwise')
  const w = d.wallet.data
  const active = d.activeLoans.data?.items ?? []
  const pending = (d.recentLoans.data?.items ?? []).filter((l) => l.status === 'submitted' || l.status === 'approved')
  const unread = d.notifications.data?.unread_count ?? 0

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="lg" wrap="wrap">
        <Stack gap={2}>
          <Title order={2}>
            {greeting()}, {user.full_name.split(' ')[0]}
          </Title>
          <Text c="dimmed" size="sm">
            Here is where your money stands today.
          </Text>
        </Stack>
        <Group gap="sm">
          <Button component={Link} to="/wallet" variant="default" leftSection={<IconWallet size={18} />}>
            Deposit
          </Button>
          <Button component={Link} to="/loans/new" leftSection={<IconPlus size={18} />}>
            New loan
          </Button>
        </Group>
      </Group>

      {d.wallet.isError ? (
        <div style={{ marginBottom: 'var(--mantine-spacing-lg)' }}>
          <ErrorState error={d.wallet.error} onRetry={() => void d.wallet.refetch()} />
        </div>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="lg">
          <StatCard label="Available" value={w ? <Money value={w.available} currency={w.currency} data-testid="dash-available" /> : '…'} icon={<IconWallet size={22} />} color="teal" hint="Ready to use" />
          <StatCard label="Held" value={w ? <Money value={w.held} currency={w.currency} /> : '…'} icon={<IconLock size={22} />} color="orange" hint="Pending withdrawals" />
          <StatCard
            label="Owed on loans"
            value={w ? <Money value={active.reduce((s, l) => s + l.outstanding_principal, 0)} currency={w.currency} /> : '…'}
            icon={<IconFileDollar size={22} />}
            color="indigo"
            hint={`${active.length} active loan${active.length === 1 ? '' : 's'}`}
          />
          <StatCard label="Unread" value={unread} icon={<IconBell size={22} />} color="grape" hint="Notifications" />
        </SimpleGrid>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Card withBorder padding="lg">
              <SectionTitle title="Active loans" to="/loans" label="All loans" />
              {d.activeLoans.isLoading ? (
                <LoadingState />
              ) : d.activeLoans.isError ? (
                <ErrorState error={d.activeLoans.error} onRetry={() => void d.activeLoans.refetch()} />
              ) : active.length === 0 ? (
                <EmptyState
                  icon={<IconCalculator size={26} />}
                  title="No active loans"
                  description="Try the calculator: quotes are instant and applying is free."
                  action={
                    <Button component={Link} to="/loans/new" variant="light">
                      Get a quote
                    </Button>
                  }
                />
              ) : (
                <Stack gap="sm">
                  {active.map((l) => (
                    <ActiveLoanRow key={l.id} loan={l} />
                  ))}
                </Stack>
              )}
              {pending.length > 0 && (
                <Stack gap="xs" mt="md">
                  <Text size="sm" fw={600}>
                    In progress
                  </Text>
                  {pending.map((l) => (
                    <Card key={l.id} withBorder padding="sm" component={Link} to={`/loans/${l.id}`} style={{ textDecoration: 'none' }}>
                      <Group justify="space-between" wrap="nowrap">
                        <Stack gap={0}>
                          <Group gap="xs">
                            <Text fw={600} size="sm">
                              {l.number}
                            </Text>
                            <LoanStatusBadge status={l.status} size="sm" />
                          </Group>
                          <Text size="xs" c="dimmed">
                            {loanStatusHint[l.status]}
                          </Text>
                        </Stack>
                        <Money value={l.amount} currency={l.currency} fw={600} />
                      </Group>
                    </Card>
                  ))}
                </Stack>
              )}
            </Card>

            <Card withBorder padding="lg">
              <SectionTitle title="Recent transactions" to="/transactions" label="All transactions" />
              {d.transactions.isLoading ? (
                <LoadingState />
              ) : d.transactions.isError ? (
                <ErrorState error={d.transactions.error} onRetry={() => void d.transactions.refetch()} />
              ) : !d.transactions.data?.items.length ? (
                <EmptyState icon={<IconReceipt size={26} />} title="No transactions yet" description="Deposit money or take a loan to get started." />
              ) : (
                <Stack gap={0}>
                  {d.transactions.data.items.map((t) => (
                    <Group key={t.id} justify="space-between" py="xs" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                      <Stack gap={2}>
                        <TransactionTypeBadge type={t.type} />
                        <Text size="xs" c="dimmed">
                          {formatRelative(t.created_at)}
                        </Text>
                      </Stack>
                      <Money value={t.amount} currency={t.currency} colored signDisplay="exceptZero" fw={600} />
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="lg">
            <SectionTitle title="Unread notifications" to="/notifications" label="All" />
            {d.notifications.isLoading ? (
              <LoadingState />
            ) : d.notifications.isError ? (
              <ErrorState error={d.notifications.error} onRetry={() => void d.notifications.refetch()} />
            ) : !d.notifications.data?.items.length ? (
              <EmptyState icon={<IconBell size={26} />} title="You are all caught up" description="We will let you know the moment something changes." />
            ) : (
              <Stack gap="sm">
                {d.notifications.data.items.map((n) => (
                  <Group key={n.id} wrap="nowrap" align="flex-start" gap="sm">
                    <ThemeIcon variant="light" radius="xl" size={30}>
                      <IconBell size={16} />
                    </ThemeIcon>
                    <Stack gap={0}>
                      <Text size="sm" fw={600}>
                        {n.title}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {n.body}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatRelative(n.created_at)}
                      </Text>
                    </Stack>
                  </Group>
                ))}
              </Stack>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  )
}
