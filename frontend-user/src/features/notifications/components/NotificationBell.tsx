import { Link } from 'react-router'
import { ActionIcon, Indicator, Tooltip } from '@mantine/core'
import { IconBell } from '@tabler/icons-react'
import { useUnreadNotifications } from '../api/notifications'

export function NotificationBell() {
  const unread = useUnreadNotifications(1)
  const count = unread.data?.unread_count ?? 0
  const label = count > 0 ? `Notifications, ${count} unread` : 'Notifications'
  return (
    <Tooltip label={label}>
      <Indicator label={count > 99 ? '99+' : count} size={18} disabled={count === 0} color="red" offset={4}>
        <ActionIcon component={Link} to="/notifications" variant="subtle" color="gray" size="lg" aria-label={label}>
          <IconBell size={20} />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  )
}
