import { useState } from 'react'
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconCash, IconDownload, IconEdit, IconX } from '@tabler/icons-react'
import { formatMoney } from '@shared/money'
import { problemMessage, toProblem } from '@shared/problem'
import { useIdempotentIntent } from '@shared/react/useIdempotentIntent'
import type { Loan } from '@/lib/api'
import { expectEcho } from '@/lib/echo'
import { useCancelLoan, useContractDownload, useDisburseLoan } from '../api/loans'
import { EditLoanModal } from './EditLoanModal'

/** The actions the loan's state allows: edit/cancel under review, accept when approved, the contract. */
export function LoanActions({ loan }: { loan: Loan }) {
  const [editOpen, edit] = useDisclosure(false)
  const cancel = useCancelLoan()
  const disburse = useDisburseLoan()
  const download = useContractDownload()
  const disburseIntent = useIdempotentIntent()
  const [downloading, setDownloading] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const confirmCancel = () =>
    modals.openConfirmModal({
      title: `Cancel ${loan.number}?`,
      children: <Text size="sm">The application will be withdrawn. This cannot be undone; you can always apply again.</Text>,
      labels: { confirm: 'Cancel application', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        setError(null)
        try {
          expectEcho('loan.cancelled')
          await cancel.mutateAsync({ params: { path: { id: loan.id } } })
          notifications.show({ color: 'gray', title: 'Application cancelled', message: `${loan.number} was cancelled.` })
        } catch (e) {
          setError(problemMessage(e))
        }
      },
    })

  const confirmDisburse = () =>
    modals.openConfirmModal({
      title: 'Accept and receive the money',
      children: (
        <Text size="sm">
          {formatMoney(loan.amount, loan.currency)} will be paid into your wallet now. Your first payment of{' '}
          {formatMoney(loan.monthly_payment, loan.currency)} is due one month from today.
        </Text>
      ),
      labels: { confirm: 'Accept disbursement', cancel: 'Not yet' },
      onConfirm: async () => {
        setError(null)
        const key = disburseIntent.keyFor({ loan: loan.id })
        try {
          expectEcho('loan.disbursed')
          await disburse.mutateAsync({ params: { path: { id: loan.id }, header: { 'Idempotency-Key': key } } })
          disburseIntent.complete()
          notifications.show({ color: 'teal', title: 'Money on its way', message: `${formatMoney(loan.amount, loan.currency)} is now in your wallet.` })
        } catch (e) {
          disburseIntent.failed(toProblem(e).status)
          setError(problemMessage(e))
        }
      },
    })

  const getContract = async () => {
    setError(null)
    setDownloading(true)
    try {
      await download(loan.id, loan.number)
    } catch (e) {
      const p = toProblem(e)
      setError(p.status === 404 ? 'The contract is still being prepared. Try again in a moment.' : problemMessage(e))
    } finally {
      setDownloading(false)
    }
  }

  const hasContract = loan.status === 'approved' || loan.status === 'disbursed' || loan.status === 'repaid'
  const anything = loan.status === 'submitted' || loan.status === 'approved' || hasContract
  if (!anything) return null

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={4}>Actions</Title>
        {loan.status === 'approved' && (
          <Button leftSection={<IconCash size={18} />} size="md" onClick={confirmDisburse} loading={disburse.isPending}>
            Accept and receive {formatMoney(loan.amount, loan.currency)}
          </Button>
        )}
        {loan.status === 'submitted' && (
          <Button leftSection={<IconEdit size={18} />} variant="light" onClick={edit.open}>
            Edit application
          </Button>
        )}
        {(loan.status === 'submitted' || loan.status === 'approved') && (
          <Button leftSection={<IconX size={18} />} variant="subtle" color="red" onClick={confirmCancel} loading={cancel.isPending}>
            Cancel application
          </Button>
        )}
        {hasContract && (
          <Button leftSection={<IconDownload size={18} />} variant="default" onClick={getContract} loading={downloading}>
            Download contract (PDF)
          </Button>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
      <EditLoanModal loan={loan} opened={editOpen} onClose={edit.close} />
    </Card>
  )
}
