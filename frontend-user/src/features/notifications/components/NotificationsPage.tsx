import { useState } from 'react'
import { useNavigate } from 'react-router'
import { Button, Card, Group, SegmentedControl, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core'
import { IconBell, IconCheck } from '@tabler/icons-react'
import { EmptyState, ErrorState, LoadingState } from '@shared/ui/States'
import type { Notification } from '@/lib/api'
import { formatRelative, formatDateTime } from '@/lib/format'
import { PageHeader } from '@/components/PageHeader'
import { useMarkRead, useNotificationList } from '../api/notifications'
import { notificationColor, notificationLink } from './notificationLink'

export function NotificationsPage() {
  const [filter, setFilter] = useState<'all' | 'unread'>('all')
  const list = useNotificationList(filter === 'unread')
  const items = list.data?.pages.flatMap((p) => p.items) ?? []
  const unread = list.data?.pages[0]?.unread_count ?? 0

  return (
    <>
      <PageHeader title="Notifications" description={unread > 0 ? `${unread} unread` : 'You are all caught up.'} />
      <SegmentedControl
        aria-label="Show"
        mb="md"
        value={filter}
        onChange={(v) => setFilter(v as 'all' | 'unread')}
        data={[
          { value: 'all', label: 'All' },
          { value: 'unread', label: 'Unread' },
        ]}
      />
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<IconBell size={26} />} title={filter === 'unread' ? 'No unread notifications' : 'No notifications yet'} description="Decisions on your loans and updates on withdrawals appear here, live." />
      ) : (
        <Stack gap="sm">
          {items.map((n) => (
            <NotificationItem key={n.id} n={n} />
          ))}
          {list.hasNextPage && (
            <Group justify="center">
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                Load more
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  )
}

function NotificationItem({ n }: { n: Notification }) {
  const markRead = useMarkRead()
  const navigate = useNavigate()
  const link = notificationLink(n)
  const unread = !n.read_at
  const open = () => {
    if (unread) markRead.mutate({ params: { path: { id: n.id } } })
    if (link) navigate(link)
  }
  return (
    <Card withBorder padding="md" bg={unread ? 'indigo.0' : undefined} data-testid="notification-item" data-unread={unread}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <UnstyledButton onClick={open} style={{ flex: 1 }} aria-label={`${n.title}${unread ? ' (unread)' : ''}`}>
          <Group wrap="nowrap" align="flex-start" gap="sm">
            <ThemeIcon variant="light" color={notificationColor(n.type)} radius="xl" size={36}>
              <IconBell size={18} />
            </ThemeIcon>
            <Stack gap={2}>
              <Text fw={unread ? 700 : 500}>{n.title}</Text>
              {n.body && (
                <Text size="sm" c="dimmed">
                  {n.body}
                </Text>
              )}
              <Text size="xs" c="dimmed" title={formatDateTime(n.created_at)}>
                {formatRelative(n.created_at)}
              </Text>
            </Stack>
          </Group>
        </UnstyledButton>
        {unread && (
          <Button size="xs" variant="subtle" leftSection={<IconCheck size={14} />} onClick={() => markRead.mutate({ params: { path: { id: n.id } } })} loading={markRead.isPending}>
            Mark read
          </Button>
        )}
      </Group>
    </Card>
  )
}
