import { SimpleGrid, Stack, Text } from '@mantine/core'
import { AreaChart, BarChart } from '@mantine/charts'
import { formatMoney } from '@shared/money'
import type { Installment } from '@/lib/api'

/** Principal vs interest per installment, and the remaining balance over time. Values stay in minor units. */
export function ScheduleChart({ installments, currency }: { installments: Installment[]; currency: string }) {
  const data = installments.map((i) => ({
    month: `#${i.number}`,
    Principal: i.principal,
    Interest: i.interest,
    Balance: i.balance_after,
  }))
  const fmt = (v: number) => formatMoney(v, currency, { compactZeros: true })
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="xs" role="figure" aria-label="Principal and interest in each payment">
        <Text fw={600} size="sm">
          Principal vs interest per payment
        </Text>
        <BarChart
          h={240}
          data={data}
          dataKey="month"
          type="stacked"
          series={[
            { name: 'Principal', color: 'indigo.6' },
            { name: 'Interest', color: 'orange.5' },
          ]}
          valueFormatter={fmt}
          withLegend
          tickLine="none"
          gridAxis="y"
          barProps={{ isAnimationActive: false }}
          yAxisProps={{ width: 80 }}
        />
      </Stack>
      <Stack gap="xs" role="figure" aria-label="Remaining balance after each payment">
        <Text fw={600} size="sm">
          Remaining balance
        </Text>
        <AreaChart
          h={240}
          data={data}
          dataKey="month"
          series={[{ name: 'Balance', color: 'teal.6' }]}
          valueFormatter={fmt}
          curveType="monotone"
          withDots={false}
          tickLine="none"
          gridAxis="y"
          areaProps={{ isAnimationActive: false }}
          yAxisProps={{ width: 90 }}
        />
      </Stack>
    </SimpleGrid>
  )
}
