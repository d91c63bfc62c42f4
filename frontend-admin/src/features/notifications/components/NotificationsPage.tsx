import { useState } from 'react'
import { useNavigate } from 'react-router'
import { Badge, Button, Group, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core'
import { IconBell, IconCheck } from '@tabler/icons-react'
import { formatDateTime, formatRelative } from '@/lib/format'
import { useCursorPager } from '@/lib/paging'
import { PageHeader } from '@/components/PageHeader'
import { EmptyState } from '@/components/States'
import { ListCard } from '@/components/ListCard'
import { Pager } from '@/components/Pager'
import { notificationColor, notificationLink, useMarkRead, useNotifications } from '../api/notifications'

export function NotificationsPage() {
  const [filter, setFilter] = useState<'all' | 'unread'>('all')
  const pager = useCursorPager(filter)
  const list = useNotifications(filter === 'unread', pager.cursor)
  const markRead = useMarkRead()
  const navigate = useNavigate()
  const items = list.data?.items ?? []

  return (
    <>
      <PageHeader
        title="Notifications"
        description="What happened while you were away: new applications, withdrawal requests and decisions."
        actions={
          <SegmentedControl
            aria-label="Show"
            value={filter}
            onChange={(v) => setFilter(v as 'all' | 'unread')}
            data={[
              { value: 'all', label: 'All' },
              { value: 'unread', label: `Unread${list.data ? ` (${list.data.unread_count})` : ''}` },
            ]}
          />
        }
      />
      <ListCard query={list} empty={items.length === 0} emptyState={<EmptyState icon={<IconBell size={26} />} title={filter === 'unread' ? 'Nothing unread' : 'No notifications yet'} />}>
        <Stack gap={0}>
          {items.map((n) => {
            const link = notificationLink(n)
            return (
              <Group key={n.id} justify="space-between" wrap="nowrap" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                <UnstyledButton
                  style={{ flex: 1, minWidth: 0 }}
                  onClick={() => {
                    if (!n.read_at) markRead.mutate({ params: { path: { id: n.id } } })
                    if (link) navigate(link)
                  }}
                >
                  <Group gap="xs" wrap="nowrap">
                    <Badge size="xs" variant="dot" color={notificationColor(n.type)}>
                      {n.type}
                    </Badge>
                    {!n.read_at && (
                      <Badge size="xs" color="red">
                        New
                      </Badge>
                    )}
                  </Group>
                  <Text fw={n.read_at ? 500 : 700} size="sm" mt={4}>
                    {n.title}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {n.body}
                  </Text>
                  <Text size="xs" c="dimmed" title={formatDateTime(n.created_at)}>
                    {formatRelative(n.created_at)}
                  </Text>
                </UnstyledButton>
                {!n.read_at && (
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconCheck size={14} />}
                    loading={markRead.isPending && markRead.variables?.params.path.id === n.id}
                    onClick={() => markRead.mutate({ params: { path: { id: n.id } } })}
                  >
                    Mark read
                  </Button>
                )}
              </Group>
            )
          })}
          <Pager pager={pager} nextCursor={list.data?.next_cursor} fetching={list.isFetching} />
        </Stack>
      </ListCard>
    </>
  )
}
