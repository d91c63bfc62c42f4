import { ScrollArea, Table, Text } from '@mantine/core'
import type { Installment } from '../api/types'
import { formatDate } from '../format'
import { formatMoney } from '../money'
import { InstallmentStatusBadge } from './StatusBadge'

/**
 * The amortization schedule; with due dates, payments and statuses once the loan is running
 * (`live`). The caption reads "<caption>, 48 monthly installments".
 */
export function ScheduleTable({
  installments,
  currency,
  live = false,
  maxHeight = 420,
  caption = 'Amortization schedule',
}: {
  installments: Installment[]
  currency: string
  live?: boolean
  maxHeight?: number
  caption?: string
}) {
  const m = (v: number) => formatMoney(v, currency)
  return (
    <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars>
      <Table striped highlightOnHover stickyHeader verticalSpacing={6} horizontalSpacing="xs" fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }} miw={live ? 660 : 480}>
        <Table.Caption>
          {caption}, {installments.length} monthly installments
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            {live && <Table.Th scope="col">Due</Table.Th>}
            <Table.Th scope="col" ta="right">Payment</Table.Th>
            <Table.Th scope="col" ta="right">Principal</Table.Th>
            <Table.Th scope="col" ta="right">Interest</Table.Th>
            <Table.Th scope="col" ta="right">Balance after</Table.Th>
            {live && <Table.Th scope="col" ta="right">Paid</Table.Th>}
            {live && <Table.Th scope="col">Status</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {installments.map((i) => (
            <Table.Tr key={i.number}>
              <Table.Td>{i.number}</Table.Td>
              {live && <Table.Td>{formatDate(i.due_date)}</Table.Td>}
              <Table.Td ta="right">{m(i.payment)}</Table.Td>
              <Table.Td ta="right">{m(i.principal)}</Table.Td>
              <Table.Td ta="right">{m(i.interest)}</Table.Td>
              <Table.Td ta="right">{m(i.balance_after)}</Table.Td>
              {live && (
                <Table.Td ta="right">
                  <Text inherit c={i.principal_paid + i.interest_paid > 0 ? undefined : 'dimmed'}>
                    {m(i.principal_paid + i.interest_paid)}
                  </Text>
                </Table.Td>
              )}
              {live && (
                <Table.Td>
                  <InstallmentStatusBadge status={i.status} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  )
}
