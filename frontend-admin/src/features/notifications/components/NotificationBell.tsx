import { useNavigate } from 'react-router'
import { ActionIcon, Button, Divider, Indicator, Popover, ScrollArea, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconBell } from '@tabler/icons-react'
import { formatRelative } from '@/lib/format'
import { notificationLink, useMarkRead, useUnreadNotifications } from '../api/notifications'

export function NotificationBell() {
  const [opened, { toggle, close }] = useDisclosure(false)
  const unread = useUnreadNotifications()
  const markRead = useMarkRead()
  const navigate = useNavigate()
  const count = unread.data?.unread_count ?? 0
  const items = unread.data?.items ?? []
  const label = count > 0 ? `Notifications, ${count} unread` : 'Notifications'

  return (
    <Popover opened={opened} onChange={(o) => !o && close()} position="bottom-end" width={340} shadow="md" withArrow>
      <Popover.Target>
        <Tooltip label={label} disabled={opened}>
          <Indicator label={count > 99 ? '99+' : count} size={18} disabled={count === 0} color="red" offset={4}>
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} onClick={toggle}>
              <IconBell size={20} />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Text fw={600} px="md" py="sm">
          Unread notifications
        </Text>
        <Divider />
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" px="md" py="lg" ta="center">
            You are all caught up.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap={0}>
              {items.map((n) => (
                <UnstyledButton
                  key={n.id}
                  px="md"
                  py="sm"
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                  onClick={() => {
                    markRead.mutate({ params: { path: { id: n.id } } })
                    const link = notificationLink(n)
                    close()
                    if (link) navigate(link)
                  }}
                >
                  <Text size="sm" fw={600}>
                    {n.title}
                  </Text>
                  {n.body && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {n.body}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" mt={2}>
                    {formatRelative(n.created_at)}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        <Divider />
        <Button
          variant="subtle"
          fullWidth
          radius={0}
          onClick={() => {
            close()
            navigate('/notifications')
          }}
        >
          See all notifications
        </Button>
      </Popover.Dropdown>
    </Popover>
  )
}
