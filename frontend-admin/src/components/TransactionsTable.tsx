import { Link } from 'react-router'
import { Anchor, ScrollArea, Table, Text } from '@mantine/core'
import { formatMoney } from '@shared/money'
import type { Transaction } from '@/lib/api'
import { formatDateTime, shortId } from '@/lib/format'
import { TransactionTypeBadge } from './StatusBadge'
import { UserCell } from './UserCell'

/** Ledger rows (wallet movements): signed amount and the wallet's balance after each one. */
export function TransactionsTable({ items, showUser = true, caption }: { items: Transaction[]; showUser?: boolean; caption?: string }) {
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table verticalSpacing="sm" highlightOnHover miw={showUser ? 920 : 720} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            {showUser && <Table.Th scope="col">User</Table.Th>}
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Description</Table.Th>
            <Table.Th scope="col" ta="right">Amount</Table.Th>
            <Table.Th scope="col" ta="right">Balance after</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((t) => (
            <Table.Tr key={t.id} data-testid="transaction-row">
              <Table.Td>
                <Text size="sm">{formatDateTime(t.created_at)}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {shortId(t.id)}
                </Text>
              </Table.Td>
              {showUser && (
                <Table.Td maw={220}>
                  <UserCell userId={t.user_id} />
                </Table.Td>
              )}
              <Table.Td>
                <TransactionTypeBadge type={t.type} />
              </Table.Td>
              <Table.Td maw={300}>
                <Text size="sm" lineClamp={2}>
                  {t.description || '—'}
                </Text>
                {t.loan_id && (
                  <Anchor component={Link} to={`/loans/${t.loan_id}`} size="xs">
                    View loan
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                <Text inherit c={t.amount > 0 ? 'teal.7' : t.amount < 0 ? 'red.7' : undefined}>
                  {formatMoney(t.amount, t.currency, { signDisplay: 'exceptZero' })}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatMoney(t.balance_after, t.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  )
}
