import { Link } from 'react-router'
import { Anchor, Badge, Card, Divider, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconClock } from '@tabler/icons-react'
import { formatMoney, formatRateBps } from '@shared/money'
import type { Loan } from '@/lib/api'
import { formatDateTime, formatRelative, hoursSince } from '@/lib/format'
import { BorrowerLoans } from './BorrowerLoans'
import { DecisionButtons } from './DecisionButtons'

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fw={700} fz="lg" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  )
}

/** One application in the review queue: who, how much, what it costs them, their history, decide. */
export function ApplicationCard({ loan, position }: { loan: Loan; position: number }) {
  const waitingHours = hoursSince(loan.created_at)
  return (
    <Card withBorder padding="lg" component="article" aria-label={`Application ${loan.number}`} data-testid="application-card">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <Stack gap={2}>
                <Group gap="xs">
                  <Badge variant="outline" color="gray" size="sm">
                    #{position}
                  </Badge>
                  <Title order={4}>
                    <Anchor component={Link} to={`/loans/${loan.id}`} inherit>
                      {loan.number}
                    </Anchor>
                  </Title>
                </Group>
                <Text size="sm">
                  <Anchor component={Link} to={`/users/${loan.user_id}`} fw={600}>
                    {loan.borrower_name}
                  </Anchor>{' '}
                  <Text span c="dimmed" inherit>
                    {loan.borrower_email}
                  </Text>
                </Text>
              </Stack>
              <Badge
                variant="light"
                color={waitingHours > 48 ? 'red' : waitingHours > 24 ? 'orange' : 'gray'}
                leftSection={<IconClock size={12} />}
                title={formatDateTime(loan.created_at)}
              >
                Applied {formatRelative(loan.created_at)}
              </Badge>
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
              <Figure label="Amount" value={formatMoney(loan.amount, loan.currency)} testId="application-amount" />
              <Figure label="Term" value={`${loan.term_months} months`} />
              <Figure label="Monthly payment" value={formatMoney(loan.monthly_payment, loan.currency)} />
              <Figure label="Rate" value={formatRateBps(loan.annual_rate_bps)} />
            </SimpleGrid>
            <Text size="sm">
              <Text span c="dimmed" inherit>
                Purpose:{' '}
              </Text>
              {loan.purpose}
            </Text>
            <Text size="xs" c="dimmed">
              Total interest {formatMoney(loan.total_interest, loan.currency)} · total payable {formatMoney(loan.total_payable, loan.currency)}
            </Text>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm" h="100%" justify="space-between">
            <Stack gap={6}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                Their other loans
              </Text>
              <BorrowerLoans userId={loan.user_id} exceptId={loan.id} max={3} />
            </Stack>
            <Divider hiddenFrom="md" />
            <DecisionButtons loan={loan} fullWidth />
          </Stack>
        </Grid.Col>
      </Grid>
    </Card>
  )
}
