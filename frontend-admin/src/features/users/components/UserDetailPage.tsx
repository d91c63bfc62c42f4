import { Link, useParams } from 'react-router'
import { Anchor, Avatar, Breadcrumbs, Card, Grid, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core'
import { IconCash, IconListDetails, IconReceipt } from '@tabler/icons-react'
import { formatMoney } from '@shared/money'
import { StatCard } from '@shared/ui/StatCard'
import { useUser } from '@/lib/auth'
import { formatDate, formatDateTime, initials } from '@/lib/format'
import { useCursorPager } from '@/lib/paging'
import { PageHeader } from '@/components/PageHeader'
import { EmptyState, ErrorState, LoadingState, TableSkeleton } from '@/components/States'
import { LoansTable } from '@/components/LoansTable'
import { Pager } from '@/components/Pager'
import { RoleBadge, UserStatusBadge, WithdrawalStatusBadge } from '@/components/StatusBadge'
import { TransactionsTable } from '@/components/TransactionsTable'
import { useUserById, useUserLoans, useUserTransactions, useUserWallet, useUserWithdrawals } from '../api/users'
import { UserActions } from './UserActions'

function UserLoans({ userId }: { userId: string }) {
  const pager = useCursorPager(userId)
  const loans = useUserLoans(userId, pager.cursor)
  if (loans.isPending) return <TableSkeleton rows={3} />
  if (loans.isError)
    return (
      <Stack p="md">
        <ErrorState error={loans.error} onRetry={() => void loans.refetch()} />
      </Stack>
    )
  if (loans.data.items.length === 0) return <EmptyState icon={<IconListDetails size={26} />} title="No loans" description="This user has not applied for a loan yet." />
  return (
    <>
      <LoansTable loans={loans.data.items} showBorrower={false} />
      <Pager pager={pager} nextCursor={loans.data.next_cursor} fetching={loans.isFetching} count={loans.data.items.length} label="Loan pages" />
    </>
  )
}

function UserTransactions({ userId }: { userId: string }) {
  const pager = useCursorPager(userId)
  const txs = useUserTransactions(userId, pager.cursor)
  if (txs.isPending) return <TableSkeleton rows={3} />
  if (txs.isError)
    return (
      <Stack p="md">
        <ErrorState error={txs.error} onRetry={() => void txs.refetch()} />
      </Stack>
    )
  if (txs.data.items.length === 0) return <EmptyState icon={<IconReceipt size={26} />} title="No transactions" description="Deposits, disbursements, repayments and withdrawals will appear here." />
  return (
    <>
      <TransactionsTable items={txs.data.items} showUser={false} />
      <Pager pager={pager} nextCursor={txs.data.next_cursor} fetching={txs.isFetching} count={txs.data.items.length} label="Transaction pages" />
    </>
  )
}

function UserWithdrawals({ userId }: { userId: string }) {
  const ws = useUserWithdrawals(userId)
  if (ws.isPending) return <TableSkeleton rows={3} />
  if (ws.isError)
    return (
      <Stack p="md">
        <ErrorState error={ws.error} onRetry={() => void ws.refetch()} />
      </Stack>
    )
  if (ws.data.items.length === 0) return <EmptyState icon={<IconCash size={26} />} title="No withdrawals" />
  return (
    <Stack gap={0}>
      {ws.data.items.map((w) => (
        <Group key={w.id} justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} wrap="nowrap">
          <Stack gap={0}>
            <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatMoney(w.amount, w.currency)} to {w.destination}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(w.created_at)}
              {w.reason ? ` · “${w.reason}”` : ''}
            </Text>
          </Stack>
          <WithdrawalStatusBadge status={w.status} />
        </Group>
      ))}
      <Group justify="flex-end" p="sm">
        <Anchor component={Link} to={`/withdrawals?tab=history&user_id=${userId}`} size="sm">
          All withdrawals of this user
        </Anchor>
      </Group>
    </Stack>
  )
}

export function UserDetailPage() {
  const { id = '' } = useParams()
  const me = useUser()
  const user = useUserById(id)
  const wallet = useUserWallet(id)

  if (user.isPending) return <LoadingState label="Loading the user…" minHeight={300} />
  if (user.isError) return <ErrorState error={user.error} onRetry={() => void user.refetch()} title="Could not load this user" />
  const u = user.data

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/users">
          Users
        </Anchor>
        <Text size="sm">{u.full_name}</Text>
      </Breadcrumbs>
      <Group gap="md" mb="lg" wrap="nowrap" align="center">
        <Avatar size={56} radius="xl" color={u.role === 'admin' ? 'violet' : 'indigo'}>
          {initials(u.full_name) || '?'}
        </Avatar>
        <div style={{ flex: 1, minWidth: 0 }}>
          <PageHeader
            title={u.full_name}
            badge={
              <Group gap={6}>
                <RoleBadge role={u.role} data-testid="user-role" />
                <UserStatusBadge status={u.status} data-testid="user-status" />
              </Group>
            }
            description={`${u.email} · joined ${formatDate(u.created_at)} · updated ${formatDateTime(u.updated_at)}`}
          />
        </div>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {wallet.isError ? (
              <ErrorState error={wallet.error} title="Could not load the wallet" onRetry={() => void wallet.refetch()} />
            ) : (
              <SimpleGrid cols={{ base: 1, xs: 3 }}>
                <StatCard label="Wallet balance" value={wallet.data ? formatMoney(wallet.data.balance, wallet.data.currency) : '…'} testId="user-wallet-balance" />
                <StatCard label="Held for withdrawals" value={wallet.data ? formatMoney(wallet.data.held, wallet.data.currency) : '…'} />
                <StatCard label="Available" value={wallet.data ? formatMoney(wallet.data.available, wallet.data.currency) : '…'} />
              </SimpleGrid>
            )}
            <Card withBorder padding={0}>
              <Tabs defaultValue="loans" keepMounted={false}>
                <Tabs.List px="md" pt="xs">
                  <Tabs.Tab value="loans" leftSection={<IconListDetails size={16} />}>
                    Loans
                  </Tabs.Tab>
                  <Tabs.Tab value="transactions" leftSection={<IconReceipt size={16} />}>
                    Transactions
                  </Tabs.Tab>
                  <Tabs.Tab value="withdrawals" leftSection={<IconCash size={16} />}>
                    Withdrawals
                  </Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="loans">
                  <UserLoans userId={u.id} />
                </Tabs.Panel>
                <Tabs.Panel value="transactions">
                  <UserTransactions userId={u.id} />
                </Tabs.Panel>
                <Tabs.Panel value="withdrawals">
                  <UserWithdrawals userId={u.id} />
                </Tabs.Panel>
              </Tabs>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <UserActions user={u} isSelf={u.id === me.id} />
        </Grid.Col>
      </Grid>
    </>
  )
}
