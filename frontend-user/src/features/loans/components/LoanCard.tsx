import { Link } from 'react-router'
import { Card, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconChevronRight } from '@tabler/icons-react'
import { Money } from '@shared/ui/Money'
import type { Loan } from '@/lib/api'
import { daysUntil, formatDate } from '@/lib/format'
import { LoanStatusBadge } from '@/components/StatusBadge'
import { repaidPercent } from './loanMath'

export function LoanCard({ loan }: { loan: Loan }) {
  const running = loan.status === 'disbursed'
  const pct = repaidPercent(loan)
  const days = daysUntil(loan.next_due_date)
  return (
    <Card
      withBorder
      padding="lg"
      component={Link}
      to={`/loans/${loan.id}`}
      aria-label={`Loan ${loan.number}`}
      style={{ textDecoration: 'none' }}
      data-testid="loan-card"
    >
      <Group justify="space-between" wrap="nowrap" mb="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={700}>{loan.number}</Text>
            <LoanStatusBadge status={loan.status} />
          </Group>
          <Text size="sm" c="dimmed" lineClamp={1}>
            {loan.purpose}
          </Text>
        </Stack>
        <IconChevronRight size={18} color="var(--mantine-color-gray-5)" />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">Amount</Text>
          <Money value={loan.amount} currency={loan.currency} fw={600} />
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">Monthly</Text>
          <Money value={loan.monthly_payment} currency={loan.currency} fw={600} />
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">Term</Text>
          <Text fw={600}>{loan.term_months} months</Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">{running ? 'Next payment' : 'Applied'}</Text>
          {running ? (
            <Text fw={600} c={loan.days_past_due > 0 ? 'red' : undefined}>
              {loan.next_due_amount != null ? <Money value={loan.next_due_amount} currency={loan.currency} /> : '—'}{' '}
              <Text span size="xs" c="dimmed">
                {loan.next_due_date ? `${formatDate(loan.next_due_date)}${days !== null && days >= 0 ? ` (in ${days}d)` : ''}` : ''}
              </Text>
            </Text>
          ) : (
            <Text fw={600}>{formatDate(loan.created_at)}</Text>
          )}
        </Stack>
      </SimpleGrid>
      {(running || loan.status === 'repaid') && (
        <Stack gap={4} mt="md">
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Repaid {pct}%
            </Text>
            <Text size="xs" c="dimmed">
              <Money value={loan.outstanding_principal} currency={loan.currency} /> left
            </Text>
          </Group>
          <Progress value={pct} size="sm" color={loan.status === 'repaid' ? 'green' : 'indigo'} aria-label={`Repaid ${pct}%`} />
        </Stack>
      )}
    </Card>
  )
}
