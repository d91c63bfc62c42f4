import { Card, Grid, SimpleGrid, Tabs, Title } from '@mantine/core'
import { IconArrowBarDown, IconArrowBarUp, IconLock, IconWallet } from '@tabler/icons-react'
import { Money } from '@shared/ui/Money'
import { StatCard } from '@shared/ui/StatCard'
import { ErrorState, LoadingState } from '@shared/ui/States'
import { PageHeader } from '@/components/PageHeader'
import { useWallet } from '../api/wallet'
import { DepositForm } from './DepositForm'
import { WithdrawalForm } from './WithdrawalForm'
import { WithdrawalHistory } from './WithdrawalHistory'

export function WalletPage() {
  const wallet = useWallet()
  if (wallet.isLoading) return <LoadingState label="Loading wallet…" />
  if (wallet.isError || !wallet.data) return <ErrorState error={wallet.error} onRetry={() => void wallet.refetch()} />
  const w = wallet.data
  return (
    <>
      <PageHeader title="Wallet" description="Deposit money, request withdrawals and follow their status." />
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="lg">
        <StatCard label="Available" value={<Money value={w.available} currency={w.currency} data-testid="wallet-available" />} icon={<IconWallet size={22} />} color="teal" hint="Ready to use or withdraw" />
        <StatCard label="Held" value={<Money value={w.held} currency={w.currency} data-testid="wallet-held" />} icon={<IconLock size={22} />} color="orange" hint="Waiting for withdrawal payout" />
        <StatCard label="Balance" value={<Money value={w.balance} currency={w.currency} />} icon={<IconArrowBarDown size={22} />} color="indigo" hint="Everything in your wallet" />
      </SimpleGrid>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="lg">
            <Tabs defaultValue="deposit">
              <Tabs.List grow mb="md">
                <Tabs.Tab value="deposit" leftSection={<IconArrowBarDown size={16} />}>
                  Deposit
                </Tabs.Tab>
                <Tabs.Tab value="withdraw" leftSection={<IconArrowBarUp size={16} />}>
                  Withdraw
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="deposit">
                <DepositForm currency={w.currency} />
              </Tabs.Panel>
              <Tabs.Panel value="withdraw">
                <WithdrawalForm wallet={w} />
              </Tabs.Panel>
            </Tabs>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="lg">
            <Title order={4} mb="md">
              Withdrawal history
            </Title>
            <WithdrawalHistory />
          </Card>
        </Grid.Col>
      </Grid>
    </>
  )
}
