import { Link } from 'react-router'
import { Anchor, Group, Skeleton, Stack, Text } from '@mantine/core'
import { formatMoney } from '@shared/money'
import { problemMessage } from '@shared/problem'
import { LoanStatusBadge } from '@/components/StatusBadge'
import { useBorrowerLoans } from '../api/loans'

/** A borrower's other loans, compactly: what else they owe or have asked for. */
export function BorrowerLoans({ userId, exceptId, max = 5 }: { userId: string; exceptId?: string; max?: number }) {
  const loans = useBorrowerLoans(userId)
  if (loans.isPending) return <Skeleton height={40} />
  if (loans.isError)
    return (
      <Text size="sm" c="red.7">
        Could not load their other loans: {problemMessage(loans.error)}
      </Text>
    )
  const others = loans.data.items.filter((l) => l.id !== exceptId)
  if (others.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="other-loans">
        No other loans: this is their first application.
      </Text>
    )
  const running = others.filter((l) => l.status === 'disbursed')
  const owed = running.reduce((sum, l) => sum + l.outstanding_principal, 0)
  const overdue = running.filter((l) => l.days_past_due > 0).length
  return (
    <Stack gap={6} data-testid="other-loans">
      <Text size="sm">
        {others.length} other {others.length === 1 ? 'loan' : 'loans'}
        {running.length > 0 && (
          <>
            {' · '}
            {formatMoney(owed, running[0]!.currency)} outstanding on {running.length} active
          </>
        )}
        {overdue > 0 && (
          <Text span inherit c="red.7" fw={600}>
            {' · '}
            {overdue} overdue
          </Text>
        )}
      </Text>
      {others.slice(0, max).map((l) => (
        <Group key={l.id} gap="xs" wrap="nowrap" justify="space-between">
          <Anchor component={Link} to={`/loans/${l.id}`} size="sm">
            {l.number}
          </Anchor>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatMoney(l.amount, l.currency)}
            </Text>
            <LoanStatusBadge status={l.status} size="sm" />
          </Group>
        </Group>
      ))}
      {others.length > max && (
        <Anchor component={Link} to={`/loans?user_id=${userId}`} size="xs">
          See all {others.length}
        </Anchor>
      )}
    </Stack>
  )
}
