import { ScrollArea, Stack, Table, Text } from '@mantine/core'
import { formatMoney } from '@shared/money'
import type { Withdrawal } from '@/lib/api'
import { formatDateTime, formatRelative } from '@/lib/format'
import { WithdrawalStatusBadge } from '@/components/StatusBadge'
import { UserCell } from '@/components/UserCell'
import { WithdrawalActions } from './WithdrawalActions'

/** Withdrawal requests; with Process / Cancel on pending ones when `actions` is set. */
export function WithdrawalsTable({ items, actions = false }: { items: Withdrawal[]; actions?: boolean }) {
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table verticalSpacing="sm" highlightOnHover miw={actions ? 960 : 880} style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Requested</Table.Th>
            <Table.Th scope="col">User</Table.Th>
            <Table.Th scope="col" ta="right">Amount</Table.Th>
            <Table.Th scope="col">Destination</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            {actions ? (
              <Table.Th scope="col" ta="right">
                Actions
              </Table.Th>
            ) : (
              <Table.Th scope="col">Resolved</Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((w) => (
            <Table.Tr key={w.id} data-testid="withdrawal-row" data-withdrawal-id={w.id}>
              <Table.Td>
                <Text size="sm">{formatDateTime(w.created_at)}</Text>
                <Text size="xs" c="dimmed">
                  {formatRelative(w.created_at)}
                </Text>
              </Table.Td>
              <Table.Td maw={240}>
                <UserCell userId={w.user_id} email={w.user_email} />
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {formatMoney(w.amount, w.currency)}
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {w.destination}
                </Text>
              </Table.Td>
              <Table.Td>
                <WithdrawalStatusBadge status={w.status} />
              </Table.Td>
              {actions ? (
                <Table.Td ta="right">{w.status === 'pending' && <WithdrawalActions withdrawal={w} />}</Table.Td>
              ) : (
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm">{w.resolved_at ? formatDateTime(w.resolved_at) : '—'}</Text>
                    {w.reason && (
                      <Text size="xs" c="dimmed" lineClamp={2} maw={260}>
                        “{w.reason}”
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  )
}
