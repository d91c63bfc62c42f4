import { useState } from 'react'
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCash, IconDownload, IconFileTime, IconX } from '@tabler/icons-react'
import { formatMoney } from '@shared/money'
import { problemMessage, toProblem } from '@shared/problem'
import { useIdempotentIntent } from '@shared/react/useIdempotentIntent'
import type { Loan } from '@/lib/api'
import { withIntent } from '@/lib/intent'
import { ConfirmDialog } from '@/components/ConfirmDialog'
import { useCancelLoan, useContractDownload, useDisburseLoan } from '../api/loans'
import { DecisionButtons } from './DecisionButtons'

/**
 * What staff may do with the loan in its current state: decide (submitted), cancel
 * (submitted or approved), disburse (approved), and get the contract once it exists.
 */
export function LoanActions({ loan }: { loan: Loan }) {
  const [dialog, setDialog] = useState<'cancel' | 'disburse' | null>(null)
  const cancel = useCancelLoan()
  const disburse = useDisburseLoan()
  const download = useContractDownload()
  const cancelIntent = useIdempotentIntent()
  const disburseIntent = useIdempotentIntent()
  const [downloading, setDownloading] = useState(false)
  const [contractNote, setContractNote] = useState<{ color: string; text: string } | null>(null)
  const money = formatMoney(loan.amount, loan.currency)

  const doCancel = async () => {
    await withIntent(cancelIntent, { cancel: loan.id }, (key) =>
      // DELETE is idempotent by nature; the key is sent so the server can dedupe it once it supports that here too.
      cancel.mutateAsync({ params: { path: { id: loan.id } }, headers: { 'Idempotency-Key': key } }),
    )
    notifications.show({ color: 'gray', title: `${loan.number} cancelled`, message: `The application of ${loan.borrower_name} was cancelled.` })
  }

  const doDisburse = async () => {
    await withIntent(disburseIntent, { disburse: loan.id }, (key) =>
      disburse.mutateAsync({ params: { path: { id: loan.id }, header: { 'Idempotency-Key': key } } }),
    )
    notifications.show({ color: 'teal', title: `${loan.number} disbursed`, message: `${money} was paid into the wallet of ${loan.borrower_name}.` })
  }

  const getContract = async () => {
    setContractNote(null)
    setDownloading(true)
    try {
      await download(loan.id, loan.number)
    } catch (e) {
      const p = toProblem(e)
      setContractNote(
        p.status === 404
          ? { color: 'yellow', text: 'The contract is being prepared. It is generated in the background after approval; try again in a moment.' }
          : { color: 'red', text: problemMessage(e) },
      )
    } finally {
      setDownloading(false)
    }
  }

  const canDecide = loan.status === 'submitted'
  const canCancel = loan.status === 'submitted' || loan.status === 'approved'
  const canDisburse = loan.status === 'approved'
  const hasContract = loan.status === 'approved' || loan.status === 'disbursed' || loan.status === 'repaid'

  return (
    <Card withBorder padding="lg" component="section" aria-label="Actions">
      <Stack gap="sm">
        <Title order={4}>Actions</Title>
        {canDecide && <DecisionButtons loan={loan} fullWidth />}
        {canDisburse && (
          <Button leftSection={<IconCash size={18} />} onClick={() => setDialog('disburse')} loading={disburse.isPending}>
            Disburse {money}
          </Button>
        )}
        {canCancel && (
          <Button leftSection={<IconX size={18} />} variant="subtle" color="red" onClick={() => setDialog('cancel')} loading={cancel.isPending}>
            Cancel {loan.status === 'approved' ? 'loan' : 'application'}
          </Button>
        )}
        {hasContract && (
          <Button leftSection={<IconDownload size={18} />} variant="default" onClick={() => void getContract()} loading={downloading}>
            Download contract (PDF)
          </Button>
        )}
        {contractNote && (
          <Alert color={contractNote.color} icon={<IconFileTime size={18} />} role="status">
            {contractNote.text}
          </Alert>
        )}
        {!canDecide && !canCancel && !canDisburse && !hasContract && (
          <Text size="sm" c="dimmed">
            Nothing to do: this application is closed.
          </Text>
        )}
      </Stack>

      <ConfirmDialog
        opened={dialog === 'cancel'}
        onClose={() => setDialog(null)}
        title={`Cancel ${loan.number}?`}
        confirmLabel={loan.status === 'approved' ? 'Cancel loan' : 'Cancel application'}
        cancelLabel="Keep it"
        color="red"
        onConfirm={doCancel}
      >
        <Text size="sm">
          The {loan.status === 'approved' ? 'approved loan' : 'application'} of <b>{loan.borrower_name}</b> for {money} will be cancelled and can no
          longer be disbursed. This cannot be undone.
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'disburse'}
        onClose={() => setDialog(null)}
        title={`Disburse ${loan.number}?`}
        confirmLabel={`Pay out ${money}`}
        color="teal"
        onConfirm={doDisburse}
      >
        <Text size="sm">
          <b>{money}</b> will be paid into the wallet of <b>{loan.borrower_name}</b> now, and the repayment schedule starts: the first payment of{' '}
          {formatMoney(loan.monthly_payment, loan.currency)} falls due in one month.
        </Text>
      </ConfirmDialog>
    </Card>
  )
}
