import { Link, useNavigate } from 'react-router'
import { Anchor, ScrollArea, Stack, Table, Text } from '@mantine/core'
import { formatMoney } from '@shared/money'
import type { Loan } from '@/lib/api'
import { formatDate } from '@/lib/format'
import { LoanStatusBadge } from './StatusBadge'

/** Loans as a table: number, borrower, amount, term, payment, status, dates. Rows open the loan. */
export function LoansTable({ loans, showBorrower = true, caption }: { loans: Loan[]; showBorrower?: boolean; caption?: string }) {
  const navigate = useNavigate()
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table highlightOnHover verticalSpacing="sm" miw={showBorrower ? 960 : 780} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Loan</Table.Th>
            {showBorrower && <Table.Th scope="col">Borrower</Table.Th>}
            <Table.Th scope="col" ta="right">Amount</Table.Th>
            <Table.Th scope="col" ta="right">Term</Table.Th>
            <Table.Th scope="col" ta="right">Payment</Table.Th>
            <Table.Th scope="col" ta="right">Outstanding</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Applied</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loans.map((l) => (
            <Table.Tr key={l.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/loans/${l.id}`)} data-testid="loan-row">
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={`/loans/${l.id}`} fw={600} size="sm" style={{ whiteSpace: 'nowrap' }} onClick={(e) => e.stopPropagation()}>
                    {l.number}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={1} maw={220}>
                    {l.purpose}
                  </Text>
                </Stack>
              </Table.Td>
              {showBorrower && (
                <Table.Td>
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/users/${l.user_id}`} size="sm" onClick={(e) => e.stopPropagation()}>
                      {l.borrower_name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {l.borrower_email}
                    </Text>
                  </Stack>
                </Table.Td>
              )}
              <Table.Td ta="right" fw={600}>
                {formatMoney(l.amount, l.currency)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {l.term_months} mo
              </Table.Td>
              <Table.Td ta="right">{formatMoney(l.monthly_payment, l.currency)}</Table.Td>
              <Table.Td ta="right">
                {l.status === 'disbursed' ? (
                  <Text inherit c={l.days_past_due > 0 ? 'red.7' : undefined}>
                    {formatMoney(l.outstanding_principal, l.currency)}
                  </Text>
                ) : (
                  <Text inherit c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <LoanStatusBadge status={l.status} />
                {l.days_past_due > 0 && (
                  <Text size="xs" c="red.7" mt={2}>
                    {l.days_past_due} days past due
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(l.created_at)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  )
}
