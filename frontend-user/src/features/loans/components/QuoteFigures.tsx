import { SimpleGrid, Stack, Text } from '@mantine/core'
import { formatRateBps } from '@shared/money'
import { Money } from '@shared/ui/Money'

interface Figures {
  annual_rate_bps: number
  monthly_payment: number
  total_interest: number
  total_payable: number
  currency: string
  term_months: number
}

function Figure({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fw={700} fz="lg" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  )
}

/** Rate, monthly payment, total interest and total payable of a quote or a loan. */
export function QuoteFigures({ q }: { q: Figures }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
      <Figure label="Monthly payment" testId="quote-monthly">
        <Money value={q.monthly_payment} currency={q.currency} />
      </Figure>
      <Figure label="Interest rate">{formatRateBps(q.annual_rate_bps)} APR</Figure>
      <Figure label="Total interest" testId="quote-interest">
        <Money value={q.total_interest} currency={q.currency} />
      </Figure>
      <Figure label="Total to repay">
        <Money value={q.total_payable} currency={q.currency} />
      </Figure>
    </SimpleGrid>
  )
}
