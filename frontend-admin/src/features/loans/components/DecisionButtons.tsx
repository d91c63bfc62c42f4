import { useState } from 'react'
import { Button, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconX } from '@tabler/icons-react'
import { formatMoney } from '@shared/money'
import { useIdempotentIntent } from '@shared/react/useIdempotentIntent'
import type { Loan } from '@/lib/api'
import { withIntent } from '@/lib/intent'
import { ConfirmDialog } from '@/components/ConfirmDialog'
import { useDecideLoan } from '../api/loans'

type Decision = 'approve' | 'reject'

/**
 * Approve / Reject for an application under review. Both ask for a reason (required by the
 * API and recorded in the loan's history) in a confirmation dialog, and send an
 * Idempotency-Key so a retried click cannot decide twice.
 */
export function DecisionButtons({ loan, size = 'sm', fullWidth }: { loan: Loan; size?: 'xs' | 'sm' | 'md'; fullWidth?: boolean }) {
  const [decision, setDecision] = useState<Decision | null>(null)
  const decide = useDecideLoan()
  const intent = useIdempotentIntent()
  const money = formatMoney(loan.amount, loan.currency)

  const run = async (d: Decision, reason: string) => {
    const body = { decision: d, reason }
    await withIntent(intent, { loan: loan.id, ...body }, (key) =>
      decide.mutateAsync({ params: { path: { id: loan.id }, header: { 'Idempotency-Key': key } }, body }),
    )
    notifications.show({
      color: d === 'approve' ? 'teal' : 'gray',
      title: d === 'approve' ? `${loan.number} approved` : `${loan.number} rejected`,
      message:
        d === 'approve'
          ? `${loan.borrower_name} can now accept the disbursement of ${money}.`
          : `${loan.borrower_name} was told the application was not approved.`,
    })
  }

  return (
    <>
      <Group gap="xs" grow={fullWidth} wrap="nowrap">
        <Button
          size={size}
          color="teal"
          leftSection={<IconCheck size={16} />}
          onClick={() => setDecision('approve')}
          loading={decide.isPending && decide.variables?.body.decision === 'approve'}
          disabled={decide.isPending}
          aria-label={`Approve ${loan.number}`}
        >
          Approve
        </Button>
        <Button
          size={size}
          color="red"
          variant="light"
          leftSection={<IconX size={16} />}
          onClick={() => setDecision('reject')}
          loading={decide.isPending && decide.variables?.body.decision === 'reject'}
          disabled={decide.isPending}
          aria-label={`Reject ${loan.number}`}
        >
          Reject
        </Button>
      </Group>
      <ConfirmDialog
        opened={decision !== null}
        onClose={() => setDecision(null)}
        title={decision === 'reject' ? `Reject ${loan.number}?` : `Approve ${loan.number}?`}
        confirmLabel={decision === 'reject' ? 'Reject application' : 'Approve application'}
        color={decision === 'reject' ? 'red' : 'teal'}
        reason={{
          label: decision === 'reject' ? 'Reason for rejection' : 'Reason for approval',
          required: true,
          placeholder: decision === 'reject' ? 'e.g. Income could not be verified' : 'e.g. Income and identity verified',
          description: 'Recorded in the loan history and shown to the borrower.',
        }}
        onConfirm={(reason) => run(decision ?? 'approve', reason)}
      >
        <Stack gap={4}>
          <Text size="sm">
            <b>{loan.borrower_name}</b> ({loan.borrower_email}) asks for <b>{money}</b> over {loan.term_months} months at{' '}
            {formatMoney(loan.monthly_payment, loan.currency)} a month.
          </Text>
          <Text size="sm" c="dimmed">
            {decision === 'reject'
              ? 'The application will be closed. This cannot be undone.'
              : 'The borrower can then have the money paid into their wallet.'}
          </Text>
        </Stack>
      </ConfirmDialog>
    </>
  )
}
