import { useState } from 'react'
import { Button, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowBackUp, IconSend } from '@tabler/icons-react'
import { formatMoney } from '@shared/money'
import { useIdempotentIntent } from '@shared/react/useIdempotentIntent'
import { useApi, type Withdrawal } from '@/lib/api'
import { withIntent } from '@/lib/intent'
import { ConfirmDialog } from '@/components/ConfirmDialog'
import { useCancelWithdrawal, useProcessWithdrawal } from '../api/withdrawals'

/**
 * Process (pay out) or cancel (return the funds to the wallet) one pending withdrawal. Both
 * ask first, disable while in flight and carry an Idempotency-Key, so a request is resolved
 * exactly once however often the button is clicked.
 */
export function WithdrawalActions({ withdrawal: w }: { withdrawal: Withdrawal }) {
  const { $api } = useApi()
  // Same query (and cache entry) as the row's UserCell.
  const user = $api.useQuery('get', '/users/{id}', { params: { path: { id: w.user_id } } }, { staleTime: 5 * 60_000, retry: false })
  const who = user.data ? `${user.data.full_name} (${user.data.email})` : (w.user_email ?? 'the user')
  const [dialog, setDialog] = useState<'process' | 'cancel' | null>(null)
  const processW = useProcessWithdrawal()
  const cancelW = useCancelWithdrawal()
  const processIntent = useIdempotentIntent()
  const cancelIntent = useIdempotentIntent()
  const money = formatMoney(w.amount, w.currency)
  const busy = processW.isPending || cancelW.isPending

  const doProcess = async () => {
    await withIntent(processIntent, { process: w.id }, (key) =>
      processW.mutateAsync({ params: { path: { id: w.id }, header: { 'Idempotency-Key': key } } }),
    )
    notifications.show({ color: 'teal', title: 'Withdrawal paid out', message: `${money} was sent to ${w.destination}.` })
  }

  const doCancel = async (reason: string) => {
    const body = reason ? { reason } : {}
    await withIntent(cancelIntent, { cancel: w.id, ...body }, (key) =>
      cancelW.mutateAsync({ params: { path: { id: w.id }, header: { 'Idempotency-Key': key } }, body }),
    )
    notifications.show({ color: 'gray', title: 'Withdrawal cancelled', message: `${money} was returned to the wallet of ${who}.` })
  }

  return (
    <>
      <Group gap="xs" wrap="nowrap" justify="flex-end">
        <Button size="xs" color="teal" leftSection={<IconSend size={14} />} onClick={() => setDialog('process')} loading={processW.isPending} disabled={busy}>
          Process
        </Button>
        <Button size="xs" variant="light" color="red" leftSection={<IconArrowBackUp size={14} />} onClick={() => setDialog('cancel')} loading={cancelW.isPending} disabled={busy}>
          Cancel
        </Button>
      </Group>
      <ConfirmDialog
        opened={dialog === 'process'}
        onClose={() => setDialog(null)}
        title="Pay out this withdrawal?"
        confirmLabel={`Pay out ${money}`}
        color="teal"
        onConfirm={doProcess}
      >
        <Stack gap={4}>
          <Text size="sm">
            <b>{money}</b> will be paid to <b>{w.destination}</b> for {who}.
          </Text>
          <Text size="sm" c="dimmed">
            The held funds leave the platform. This cannot be undone.
          </Text>
        </Stack>
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'cancel'}
        onClose={() => setDialog(null)}
        title="Cancel this withdrawal?"
        confirmLabel="Cancel and return funds"
        cancelLabel="Keep it"
        color="red"
        reason={{ label: 'Reason', required: false, placeholder: 'e.g. The destination account could not be verified', description: 'Optional. Shown to the borrower.' }}
        onConfirm={doCancel}
      >
        <Text size="sm">
          The request of {who} for <b>{money}</b> to {w.destination} will be cancelled and the money returned to their wallet.
        </Text>
      </ConfirmDialog>
    </>
  )
}
