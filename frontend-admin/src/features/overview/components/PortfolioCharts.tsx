import { AreaChart, BarChart, DonutChart } from '@mantine/charts'
import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { formatMoney } from '@shared/money'
import type { AdminStats } from '@/lib/api'
import { formatCount, formatShortDate } from '@/lib/format'
import { loanStatusColor, loanStatusLabel, loanStatuses } from '@/lib/labels'

/** Loans by status as a donut with the amounts beside it. */
export function StatusBreakdown({ stats }: { stats: AdminStats }) {
  const byStatus = new Map(stats.loans_by_status.map((f) => [f.status, f]))
  const rows = loanStatuses.map((s) => ({ status: s, count: byStatus.get(s)?.count ?? 0, amount: byStatus.get(s)?.amount ?? 0 }))
  const total = rows.reduce((sum, r) => sum + r.count, 0)
  const donut = rows.filter((r) => r.count > 0).map((r) => ({ name: loanStatusLabel[r.status], value: r.count, color: `${loanStatusColor[r.status]}.6` }))
  return (
    <Card withBorder padding="lg" component="section" aria-label="Loans by status">
      <Title order={4} mb="md">
        Loans by status
      </Title>
      <Group align="center" gap="xl" wrap="wrap" justify="center">
        <figure aria-label={`Loans by status, ${total} in total`} style={{ margin: 0 }}>
          {total > 0 ? (
            <DonutChart data={donut} size={170} thickness={26} strokeWidth={donut.length > 1 ? 1 : 0} chartLabel={`${formatCount(total)} ${total === 1 ? 'loan' : 'loans'}`} withTooltip tooltipDataSource="segment" />
          ) : (
            <DonutChart data={[{ name: 'None', value: 1, color: 'gray.2' }]} size={170} thickness={26} chartLabel="No loans" withTooltip={false} />
          )}
        </figure>
        <Table verticalSpacing={4} style={{ flex: 1, minWidth: 240, fontVariantNumeric: 'tabular-nums' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col" ta="right">Loans</Table.Th>
              <Table.Th scope="col" ta="right">Amount</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.status}>
                <Table.Td>
                  <Group gap={8} wrap="nowrap">
                    <span aria-hidden style={{ width: 10, height: 10, borderRadius: 3, background: `var(--mantine-color-${loanStatusColor[r.status]}-6)` }} />
                    {loanStatusLabel[r.status]}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{formatCount(r.count)}</Table.Td>
                <Table.Td ta="right">{formatMoney(r.amount, stats.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Group>
    </Card>
  )
}

/** The last 30 days: applications, approvals and disbursements per day, and the money paid out. */
export function DailyCharts({ stats }: { stats: AdminStats }) {
  const data = stats.daily.map((d) => ({
    day: formatShortDate(d.date),
    Applications: d.applications,
    Approvals: d.approvals,
    Disbursements: d.disbursements,
    Disbursed: d.disbursed_amount,
  }))
  const totals = stats.daily.reduce(
    (t, d) => ({ applications: t.applications + d.applications, approvals: t.approvals + d.approvals, disbursed: t.disbursed + d.disbursed_amount }),
    { applications: 0, approvals: 0, disbursed: 0 },
  )
  const money = (v: number) => formatMoney(Math.round(v), stats.currency, { compactZeros: true })
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Card withBorder padding="lg" component="section" aria-label="Activity, last 30 days">
        <Stack gap={2} mb="md">
          <Title order={4}>Activity, last 30 days</Title>
          <Text size="sm" c="dimmed">
            {formatCount(totals.applications)} applications · {formatCount(totals.approvals)} approvals
          </Text>
        </Stack>
        <figure aria-label="Applications, approvals and disbursements per day over the last 30 days" style={{ margin: 0 }}>
          <BarChart
            h={240}
            data={data}
            dataKey="day"
            series={[
              { name: 'Applications', color: 'yellow.6' },
              { name: 'Approvals', color: 'teal.6' },
              { name: 'Disbursements', color: 'blue.6' },
            ]}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            tickLine="y"
            gridAxis="x"
            xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 16 }}
            yAxisProps={{ allowDecimals: false, width: 32 }}
          />
        </figure>
      </Card>
      <Card withBorder padding="lg" component="section" aria-label="Money disbursed, last 30 days">
        <Stack gap={2} mb="md">
          <Title order={4}>Money disbursed, last 30 days</Title>
          <Text size="sm" c="dimmed">
            {formatMoney(totals.disbursed, stats.currency)} in total
          </Text>
        </Stack>
        <figure aria-label="Amount disbursed per day over the last 30 days" style={{ margin: 0 }}>
          <AreaChart
            h={240}
            data={data}
            dataKey="day"
            series={[{ name: 'Disbursed', color: 'indigo.6' }]}
            curveType="monotone"
            valueFormatter={money}
            tickLine="y"
            gridAxis="x"
            withGradient
            withDots={false}
            xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 16 }}
            yAxisProps={{ width: 72 }}
          />
        </figure>
      </Card>
    </SimpleGrid>
  )
}
