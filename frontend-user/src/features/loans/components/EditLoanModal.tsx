import { useState } from 'react'
import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertCircle } from '@tabler/icons-react'
import { minorToDecimal, parseMoney } from '@shared/money'
import { Money } from '@shared/ui/Money'
import type { Loan } from '@/lib/api'
import { applyProblem } from '@/lib/forms'
import { MoneyInput } from '@/components/MoneyInput'
import { useLiveQuote, useUpdateLoan } from '../api/loans'

export function EditLoanModal({ loan, opened, onClose }: { loan: Loan; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Edit ${loan.number}`} size="lg" centered>
      {opened && <EditLoanForm loan={loan} onDone={onClose} />}
    </Modal>
  )
}

function EditLoanForm({ loan, onDone }: { loan: Loan; onDone: () => void }) {
  const update = useUpdateLoan()
  const [error, setError] = useState<string | null>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      amount: minorToDecimal(loan.amount, loan.currency),
      term_months: loan.term_months as number | string,
      purpose: loan.purpose,
    },
    validate: {
      amount: (v) => {
        const r = parseMoney(v, loan.currency)
        return r.ok ? (r.minor > 0 ? null : 'Enter an amount above zero') : r.message
      },
      term_months: (v) => (Number.isInteger(Number(v)) && Number(v) > 0 ? null : 'Choose a term in months'),
      purpose: (v) => (v.trim() ? null : 'Tell us what the loan is for'),
    },
  })
  const v = form.getValues()
  const parsed = parseMoney(v.amount, loan.currency)
  const quote = useLiveQuote(parsed.ok && parsed.minor > 0 ? parsed.minor : null, Number(v.term_months) > 0 ? Number(v.term_months) : null)

  const submit = form.onSubmit(async (values) => {
    setError(null)
    const r = parseMoney(values.amount, loan.currency)
    if (!r.ok) return
    const body: { amount?: number; term_months?: number; purpose?: string } = {}
    if (r.minor !== loan.amount) body.amount = r.minor
    if (Number(values.term_months) !== loan.term_months) body.term_months = Number(values.term_months)
    if (values.purpose.trim() !== loan.purpose) body.purpose = values.purpose.trim()
    if (Object.keys(body).length === 0) {
      onDone()
      return
    }
    try {
      await update.mutateAsync({ params: { path: { id: loan.id } }, body })
      notifications.show({ color: 'teal', title: 'Application updated', message: `${loan.number} was updated and stays under review.` })
      onDone()
    } catch (e) {
      setError(applyProblem(form, e))
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <MoneyInput currency={loan.currency} label="Amount" required {...form.getInputProps('amount')} />
        <NumberInput label="Term (months)" min={1} max={600} allowDecimal={false} allowNegative={false} required {...form.getInputProps('term_months')} />
        <Textarea label="Purpose" autosize minRows={2} maxLength={500} required {...form.getInputProps('purpose')} />
        <Text size="sm" c="dimmed" aria-live="polite">
          New monthly payment:{' '}
          {quote.data ? <Money value={quote.data.monthly_payment} currency={quote.data.currency} fw={700} c="dark" /> : '—'}
        </Text>
        {error && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Discard
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
