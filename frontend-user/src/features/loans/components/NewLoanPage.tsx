import { useState } from 'react'
import { useNavigate } from 'react-router'
import {
  Alert,
  Badge,
  Button,
  Card,
  Collapse,
  Grid,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertCircle, IconChevronDown, IconChevronUp } from '@tabler/icons-react'
import { parseMoney } from '@shared/money'
import { fieldErrors, problemMessage, toProblem } from '@shared/problem'
import { useIdempotentIntent } from '@shared/react/useIdempotentIntent'
import { Money } from '@shared/ui/Money'
import { ScheduleTable } from '@shared/ui/ScheduleTable'
import { useCurrency } from '@/lib/currency'
import { expectEcho } from '@/lib/echo'
import { applyProblem } from '@/lib/forms'
import { MoneyInput } from '@/components/MoneyInput'
import { PageHeader } from '@/components/PageHeader'
import { useApplyLoan, useLiveQuote } from '../api/loans'
import { QuoteFigures } from './QuoteFigures'
import { ScheduleChart } from './ScheduleChart'

const TERM_PRESETS = ['12', '24', '36', '48', '60']

export function NewLoanPage() {
  const currency = useCurrency()
  const navigate = useNavigate()
  const apply = useApplyLoan()
  const intent = useIdempotentIntent()
  const [showSchedule, setShowSchedule] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const form = useForm({
    mode: 'controlled',
    initialValues: { amount: '10000', term_months: 48 as number | string, purpose: '' },
    validate: {
      amount: (v) => {
        const r = parseMoney(v, currency)
        return r.ok ? (r.minor > 0 ? null : 'Enter an amount above zero') : r.message
      },
      term_months: (v) => (Number.isInteger(Number(v)) && Number(v) > 0 ? null : 'Choose a term in months'),
      purpose: (v) => (v.trim() ? null : 'Tell us what the loan is for'),
    },
  })
  const values = form.getValues()
  const parsed = parseMoney(values.amount, currency)
  const amountMinor = parsed.ok && parsed.minor > 0 ? parsed.minor : null
  const term = Number.isInteger(Number(values.term_months)) && Number(values.term_months) > 0 ? Number(values.term_months) : null
  const quote = useLiveQuote(amountMinor, term)
  const q = quote.data
  const quoteErrors = quote.isError ? fieldErrors(quote.error) : {}
  const amountHint = !parsed.ok && values.amount.trim() !== '' ? parsed.message : quoteErrors.amount
  const termHint = quoteErrors.term_months

  const submit = form.onSubmit(async (v) => {
    setError(null)
    const r = parseMoney(v.amount, currency)
    if (!r.ok) return
    const body = { amount: r.minor, term_months: Number(v.term_months), purpose: v.purpose.trim() }
    const key = intent.keyFor(body)
    try {
      expectEcho('loan.submitted')
      const loan = await apply.mutateAsync({ body, params: { header: { 'Idempotency-Key': key } } })
      intent.complete()
      notifications.show({ color: 'teal', title: 'Application submitted', message: `${loan.number} is now under review. We will notify you of the decision.` })
      navigate(`/loans/${loan.id}`)
    } catch (e) {
      intent.failed(toProblem(e).status)
      setError(applyProblem(form, e))
    }
  })

  return (
    <>
      <PageHeader title="Loan calculator" description="Adjust the amount and term; your quote updates as you type. Apply when it looks right." />
      <form onSubmit={submit} noValidate>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder padding="lg">
              <Stack>
                <Title order={4}>Your loan</Title>
                <MoneyInput
                  currency={currency}
                  label="How much do you need?"
                  size="md"
                  required
                  {...form.getInputProps('amount')}
                  error={form.errors.amount ?? amountHint}
                />
                <Stack gap={6}>
                  <NumberInput
                    label="Term (months)"
                    size="md"
                    min={1}
                    max={600}
                    allowDecimal={false}
                    allowNegative={false}
                    required
                    {...form.getInputProps('term_months')}
                    error={form.errors.term_months ?? termHint}
                  />
                  <SegmentedControl
                    aria-label="Common terms"
                    size="xs"
                    fullWidth
                    data={TERM_PRESETS.map((t) => ({ value: t, label: `${t} mo` }))}
                    value={TERM_PRESETS.includes(String(values.term_months)) ? String(values.term_months) : ''}
                    onChange={(v) => form.setFieldValue('term_months', Number(v))}
                  />
                </Stack>
                <Textarea
                  label="Purpose"
                  placeholder="e.g. Home renovation"
                  autosize
                  minRows={2}
                  maxLength={500}
                  required
                  {...form.getInputProps('purpose')}
                />
                {error && (
                  <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
                    {error}
                  </Alert>
                )}
                <Button type="submit" size="md" loading={apply.isPending} disabled={!q || quote.isError}>
                  Apply for this loan
                </Button>
                <Text size="xs" c="dimmed">
                  Applying is free and does not move money. You can edit or cancel while we review it.
                </Text>
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder padding="lg" aria-live="polite" aria-busy={quote.pending}>
              <Group justify="space-between" mb="md">
                <Title order={4}>Your quote</Title>
                {quote.pending && q ? <Loader size="xs" aria-label="Updating quote" /> : q ? <Badge variant="light">Live</Badge> : null}
              </Group>
              {!quote.ready && !q && <Text c="dimmed">Enter an amount and a term to see your quote.</Text>}
              {quote.ready && quote.isLoading && !q && (
                <Group gap="xs">
                  <Loader size="sm" />
                  <Text c="dimmed">Calculating…</Text>
                </Group>
              )}
              {quote.isError && (
                <Alert color="orange" icon={<IconAlertCircle size={18} />} mb="md">
                  {problemMessage(quote.error)}
                </Alert>
              )}
              {q && (
                <Stack gap="lg" style={{ opacity: quote.isError ? 0.4 : 1 }}>
                  <Stack gap={2}>
                    <Text size="sm" c="dimmed">
                      Borrow <Money value={q.amount} currency={q.currency} fw={600} c="dark" /> over {q.term_months} months and pay
                    </Text>
                    <Group gap={6} align="baseline">
                      <Money value={q.monthly_payment} currency={q.currency} fz={36} fw={800} c="indigo.7" data-testid="quote-payment" />
                      <Text c="dimmed">/ month</Text>
                    </Group>
                  </Stack>
                  <QuoteFigures q={q} />
                  <ScheduleChart installments={q.schedule} currency={q.currency} />
                  <Button
                    variant="subtle"
                    onClick={() => setShowSchedule((s) => !s)}
                    rightSection={showSchedule ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
                    aria-expanded={showSchedule}
                  >
                    {showSchedule ? 'Hide' : 'Show'} the full schedule
                  </Button>
                  <Collapse expanded={showSchedule}>
                    <ScheduleTable installments={q.schedule} currency={q.currency} maxHeight={360} />
                  </Collapse>
                </Stack>
              )}
            </Card>
          </Grid.Col>
        </Grid>
      </form>
    </>
  )
}
