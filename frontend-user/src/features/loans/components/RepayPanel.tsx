import { useState } from 'react'
import { Link } from 'react-router'
import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react'
import { formatMoney, minorToDecimal, parseMoney } from '@shared/money'
import { toProblem } from '@shared/problem'
import { useIdempotentIntent } from '@shared/react/useIdempotentIntent'
import { Money } from '@shared/ui/Money'
import type { Loan, Repayment } from '@/lib/api'
import { expectEcho } from '@/lib/echo'
import { formatDate } from '@/lib/format'
import { applyProblem } from '@/lib/forms'
import { MoneyInput } from '@/components/MoneyInput'
import { useLoanPayoff, useRepay, useWalletForLoans } from '../api/loans'

/** Repay any amount up to the payoff, from the wallet; shows how the payment was allocated. */
export function RepayPanel({ loan }: { loan: Loan }) {
  const payoff = useLoanPayoff(loan.id, loan.status === 'disbursed')
  const wallet = useWalletForLoans()
  const repay = useRepay()
  const intent = useIdempotentIntent()
  const [result, setResult] = useState<Repayment | null>(null)
  const [error, setError] = useState<string | null>(null)
  const currency = loan.currency

  const form = useForm({
    mode: 'controlled',
    initialValues: { amount: loan.next_due_amount ? minorToDecimal(loan.next_due_amount, currency) : '' },
  })
  const parsed = parseMoney(form.getValues().amount, currency)
  const amount = parsed.ok ? parsed.minor : null
  const available = wallet.data?.available
  const max = payoff.data?.amount
  let warning: string | null = null
  if (amount !== null && max !== undefined && amount > max) {
    warning = `That is more than the payoff amount of ${formatMoney(max, currency)}. Pay at most the payoff.`
  } else if (amount !== null && available !== undefined && amount > available) {
    warning = `Your available balance is ${formatMoney(available, currency)}. Deposit ${formatMoney(amount - available, currency)} more or pay less.`
  }

  const submit = form.onSubmit(async (values) => {
    setError(null)
    const r = parseMoney(values.amount, currency)
    if (!r.ok) {
      form.setFieldError('amount', r.message)
      return
    }
    if (r.minor <= 0) {
      form.setFieldError('amount', 'Enter an amount above zero')
      return
    }
    if (warning) return
    const body = { loan_id: loan.id, amount: r.minor }
    const key = intent.keyFor(body)
    try {
      expectEcho('repayment.posted', 'loan.repaid')
      const res = await repay.mutateAsync({ body, params: { header: { 'Idempotency-Key': key } } })
      intent.complete()
      setResult(res)
      form.setValues({ amount: '' })
    } catch (e) {
      intent.failed(toProblem(e).status)
      setError(applyProblem(form, e))
    }
  })

  if (loan.status !== 'disbursed' && !result) return null

  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={4}>Make a payment</Title>
        {result && (
          <Alert color="teal" icon={<IconCircleCheck size={18} />} title={`Payment of ${formatMoney(result.transaction.amount < 0 ? -result.transaction.amount : result.transaction.amount, currency)} received`} data-testid="repay-result">
            <Stack gap="xs">
              {result.loan.status === 'repaid' ? (
                <Text size="sm">This loan is now fully repaid. Any remaining interest was waived.</Text>
              ) : (
                <Text size="sm">
                  Outstanding principal now <Money value={result.loan.outstanding_principal} currency={currency} fw={600} />.
                  {result.loan.next_due_date && <> Next payment due {formatDate(result.loan.next_due_date)}.</>}
                </Text>
              )}
              <Text size="xs" fw={700} tt="uppercase" c="dimmed" id="allocation-title">
                How your payment was allocated
              </Text>
              <List spacing={4} size="sm" listStyleType="none" aria-labelledby="allocation-title" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {result.allocations.map((a) => (
                  <List.Item key={a.number} data-testid="allocation">
                    <Text span fw={600} size="sm">
                      Installment #{a.number}
                    </Text>
                    <Text size="sm">
                      {formatMoney(a.interest, currency)} interest · {formatMoney(a.principal, currency)} principal
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Alert>
        )}
        {loan.status === 'disbursed' && (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Group gap="lg" wrap="wrap">
                <Text size="sm" c="dimmed">
                  Available in wallet: <Money value={available} currency={currency} fw={600} c="dark" />
                </Text>
                <Text size="sm" c="dimmed">
                  Payoff today: <Money value={max} currency={currency} fw={600} c="dark" data-testid="payoff-amount" />
                </Text>
              </Group>
              <MoneyInput currency={currency} label="Amount to pay" required {...form.getInputProps('amount')} />
              <Group gap="xs">
                {loan.next_due_amount != null && (
                  <Button size="xs" variant="light" onClick={() => form.setFieldValue('amount', minorToDecimal(loan.next_due_amount!, currency))}>
                    Next installment ({formatMoney(loan.next_due_amount, currency)})
                  </Button>
                )}
                {max !== undefined && (
                  <Button size="xs" variant="light" color="teal" onClick={() => form.setFieldValue('amount', minorToDecimal(max, currency))}>
                    Pay off ({formatMoney(max, currency)})
                  </Button>
                )}
              </Group>
              {warning && (
                <Alert color="orange" icon={<IconAlertCircle size={18} />}>
                  {warning}{' '}
                  {available !== undefined && amount !== null && amount > available && (
                    <Anchor component={Link} to="/wallet" size="sm">
                      Go to wallet
                    </Anchor>
                  )}
                </Alert>
              )}
              {error && (
                <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
                  {error}
                </Alert>
              )}
              <Button type="submit" loading={repay.isPending} disabled={!!warning}>
                Pay {amount ? formatMoney(amount, currency) : ''}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  )
}
