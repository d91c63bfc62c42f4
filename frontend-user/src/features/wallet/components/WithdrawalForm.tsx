import { useState } from 'react'
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertCircle } from '@tabler/icons-react'
import { formatMoney, minorToDecimal, parseMoney } from '@shared/money'
import { toProblem } from '@shared/problem'
import { useIdempotentIntent } from '@shared/react/useIdempotentIntent'
import { Money } from '@shared/ui/Money'
import type { Wallet } from '@/lib/api'
import { expectEcho } from '@/lib/echo'
import { applyProblem } from '@/lib/forms'
import { MoneyInput } from '@/components/MoneyInput'
import { useRequestWithdrawal } from '../api/wallet'

export function WithdrawalForm({ wallet }: { wallet: Wallet }) {
  const request = useRequestWithdrawal()
  const intent = useIdempotentIntent()
  const [error, setError] = useState<string | null>(null)
  const { currency, available } = wallet
  const form = useForm({
    mode: 'controlled',
    initialValues: { amount: '', destination: '' },
    validate: {
      amount: (v) => {
        const r = parseMoney(v, currency)
        if (!r.ok) return r.message
        if (r.minor <= 0) return 'Enter an amount above zero'
        if (r.minor > available) return `You can withdraw at most ${formatMoney(available, currency)}`
        return null
      },
      destination: (v) => (v.trim() ? null : 'Enter the bank account (IBAN or account number)'),
    },
  })
  const parsed = parseMoney(form.getValues().amount, currency)
  const over = parsed.ok && parsed.minor > available

  const submit = form.onSubmit(async (v) => {
    setError(null)
    const r = parseMoney(v.amount, currency)
    if (!r.ok) return
    const body = { amount: r.minor, destination: v.destination.trim() }
    const key = intent.keyFor(body)
    try {
      expectEcho('withdrawal.requested')
      const w = await request.mutateAsync({ body, params: { header: { 'Idempotency-Key': key } } })
      intent.complete()
      form.reset()
      notifications.show({
        color: 'teal',
        title: 'Withdrawal requested',
        message: `${formatMoney(w.amount, w.currency)} is held for payout to ${w.destination}.`,
      })
    } catch (e) {
      intent.failed(toProblem(e).status)
      setError(applyProblem(form, e))
    }
  })

  return (
    <form onSubmit={submit} noValidate aria-label="Request a withdrawal">
      <Stack>
        <Text size="sm" c="dimmed">
          Available to withdraw: <Money value={available} currency={currency} fw={700} c="dark" data-testid="withdraw-available" />
        </Text>
        <MoneyInput
          currency={currency}
          label="Amount"
          required
          {...form.getInputProps('amount')}
          error={form.errors.amount ?? (over ? `Insufficient funds: only ${formatMoney(available, currency)} is available.` : undefined)}
        />
        {available > 0 && (
          <Button size="xs" variant="subtle" style={{ alignSelf: 'flex-start' }} onClick={() => form.setFieldValue('amount', minorToDecimal(available, currency))}>
            Withdraw everything
          </Button>
        )}
        <TextInput label="Bank account" placeholder="DE89 3704 0044 0532 0130 00" required maxLength={200} {...form.getInputProps('destination')} />
        {error && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {error}
          </Alert>
        )}
        <Button type="submit" loading={request.isPending} disabled={over || available <= 0}>
          Request withdrawal
        </Button>
        <Text size="xs" c="dimmed">
          The amount is held right away and paid out once our team processes the request.
        </Text>
      </Stack>
    </form>
  )
}
