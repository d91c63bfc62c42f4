import { useState } from 'react'
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertCircle } from '@tabler/icons-react'
import { formatMoney, parseMoney } from '@shared/money'
import { toProblem } from '@shared/problem'
import { useIdempotentIntent } from '@shared/react/useIdempotentIntent'
import { expectEcho } from '@/lib/echo'
import { applyProblem } from '@/lib/forms'
import { MoneyInput } from '@/components/MoneyInput'
import { useDeposit } from '../api/wallet'

const QUICK = ['100', '500', '1000']

export function DepositForm({ currency }: { currency: string }) {
  const deposit = useDeposit()
  const intent = useIdempotentIntent()
  const [error, setError] = useState<string | null>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: { amount: '' },
    validate: {
      amount: (v) => {
        const r = parseMoney(v, currency)
        return r.ok ? (r.minor > 0 ? null : 'Enter an amount above zero') : r.message
      },
    },
  })

  const submit = form.onSubmit(async (v) => {
    setError(null)
    const r = parseMoney(v.amount, currency)
    if (!r.ok) return
    const body = { amount: r.minor }
    const key = intent.keyFor(body)
    try {
      expectEcho('deposit.posted')
      const tx = await deposit.mutateAsync({ body, params: { header: { 'Idempotency-Key': key } } })
      intent.complete()
      form.reset()
      notifications.show({
        color: 'teal',
        title: 'Deposit received',
        message: `${formatMoney(tx.amount, tx.currency)} was added. New balance ${formatMoney(tx.balance_after, tx.currency)}.`,
      })
    } catch (e) {
      intent.failed(toProblem(e).status)
      setError(applyProblem(form, e))
    }
  })

  return (
    <form onSubmit={submit} noValidate aria-label="Deposit">
      <Stack>
        <Text size="sm" c="dimmed">
          Add money to your wallet (simulated bank transfer).
        </Text>
        <MoneyInput currency={currency} label="Deposit amount" required {...form.getInputProps('amount')} />
        <Group gap="xs">
          {QUICK.map((q) => (
            <Button key={q} size="xs" variant="light" onClick={() => form.setFieldValue('amount', q)}>
              {formatMoney(Number(q) * 100, currency, { compactZeros: true })}
            </Button>
          ))}
        </Group>
        {error && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {error}
          </Alert>
        )}
        <Button type="submit" loading={deposit.isPending}>
          Deposit
        </Button>
      </Stack>
    </form>
  )
}
