import { Link } from 'react-router'
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconArrowRight, IconCash, IconClipboardCheck, IconCoin, IconUsers, IconWallet } from '@tabler/icons-react'
import { formatMoney } from '@shared/money'
import { problemMessage } from '@shared/problem'
import { StatCard } from '@shared/ui/StatCard'
import { useUser } from '@/lib/auth'
import { formatCount, formatRelative, pluralize } from '@/lib/format'
import { PageHeader } from '@/components/PageHeader'
import { ErrorState } from '@/components/States'
import { UserCell } from '@/components/UserCell'
import { useAdminStats, useOldestApplications, useOldestWithdrawals } from '../api/stats'
import { DailyCharts, StatusBreakdown } from './PortfolioCharts'

function Figures() {
  const stats = useAdminStats()
  if (stats.isPending) {
    return (
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} role="status" aria-label="Loading figures">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} height={108} radius="md" />
        ))}
      </SimpleGrid>
    )
  }
  if (stats.isError) return <ErrorState error={stats.error} title={undefined} onRetry={() => void stats.refetch()} />
  const s = stats.data
  const m = (v: number) => formatMoney(v, s.currency)
  const submitted = s.loans_by_status.find((f) => f.status === 'submitted')
  const active = s.loans_by_status.find((f) => f.status === 'disbursed')
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }}>
        <StatCard label="Disbursed, all time" value={m(s.total_disbursed)} icon={<IconCoin size={22} />} color="blue" testId="stat-disbursed" />
        <StatCard
          label="Outstanding principal"
          value={m(s.outstanding_principal)}
          hint={active ? pluralize(active.count, 'active loan') : undefined}
          icon={<IconWallet size={22} />}
          color="indigo"
          testId="stat-outstanding"
        />
        <StatCard
          label="Overdue"
          value={m(s.overdue_amount)}
          hint={`${pluralize(s.overdue_count, 'loan')} past due`}
          icon={<IconAlertTriangle size={22} />}
          color={s.overdue_count > 0 ? 'red' : 'gray'}
          testId="stat-overdue"
        />
        <StatCard
          label="Pending withdrawals"
          value={formatCount(s.pending_withdrawals_count)}
          hint={`${m(s.pending_withdrawals_amount)} held`}
          icon={<IconCash size={22} />}
          color="orange"
          testId="stat-withdrawals"
        />
        <StatCard
          label="Users"
          value={formatCount(s.users_count)}
          hint={submitted ? `${pluralize(submitted.count, 'application')} to review` : undefined}
          icon={<IconUsers size={22} />}
          color="teal"
        />
      </SimpleGrid>
      <StatusBreakdown stats={s} />
      <DailyCharts stats={s} />
    </Stack>
  )
}

function Queues() {
  const apps = useOldestApplications()
  const wds = useOldestWithdrawals()
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Card withBorder padding="lg" component="section" aria-label="Oldest applications">
        <Group justify="space-between" mb="sm">
          <Group gap="xs">
            <IconClipboardCheck size={20} />
            <Title order={4}>Applications to review</Title>
          </Group>
          <Button component={Link} to="/applications" variant="subtle" size="xs" rightSection={<IconArrowRight size={14} />}>
            Open queue
          </Button>
        </Group>
        {apps.isPending ? (
          <Skeleton height={120} />
        ) : apps.isError ? (
          <Text size="sm" c="red.7">
            {problemMessage(apps.error)}
          </Text>
        ) : apps.data.items.length === 0 ? (
          <Text size="sm" c="dimmed" py="md">
            Nothing waiting. New applications appear here live.
          </Text>
        ) : (
          <Stack gap={0}>
            {apps.data.items.map((l) => (
              <Group key={l.id} justify="space-between" py={8} wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/loans/${l.id}`} size="sm" fw={600}>
                    {l.number} · {l.borrower_name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {l.term_months} months · applied {formatRelative(l.created_at)}
                  </Text>
                </Stack>
                <Text fw={700} size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatMoney(l.amount, l.currency)}
                </Text>
              </Group>
            ))}
            {apps.data.next_cursor && (
              <Badge variant="light" color="gray" mt="sm">
                and more
              </Badge>
            )}
          </Stack>
        )}
      </Card>
      <Card withBorder padding="lg" component="section" aria-label="Oldest withdrawal requests">
        <Group justify="space-between" mb="sm">
          <Group gap="xs">
            <IconCash size={20} />
            <Title order={4}>Withdrawals to pay out</Title>
          </Group>
          <Button component={Link} to="/withdrawals" variant="subtle" size="xs" rightSection={<IconArrowRight size={14} />}>
            Open queue
          </Button>
        </Group>
        {wds.isPending ? (
          <Skeleton height={120} />
        ) : wds.isError ? (
          <Text size="sm" c="red.7">
            {problemMessage(wds.error)}
          </Text>
        ) : wds.data.items.length === 0 ? (
          <Text size="sm" c="dimmed" py="md">
            Nothing waiting. New requests appear here live.
          </Text>
        ) : (
          <Stack gap={0}>
            {wds.data.items.map((w) => (
              <Group key={w.id} justify="space-between" py={8} wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <UserCell userId={w.user_id} email={w.user_email} />
                  <Text size="xs" c="dimmed">
                    requested {formatRelative(w.created_at)}
                  </Text>
                </Stack>
                <Text fw={700} size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatMoney(w.amount, w.currency)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Card>
    </SimpleGrid>
  )
}

export function OverviewPage() {
  const user = useUser()
  const first = user.full_name.split(/\s+/)[0] || user.full_name
  return (
    <>
      <PageHeader title="Overview" description={`Welcome back, ${first}. Here is the portfolio today and what is waiting for you.`} />
      <Stack gap="lg">
        <Queues />
        <Figures />
      </Stack>
    </>
  )
}
