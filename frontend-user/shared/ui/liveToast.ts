import { notifications } from '@mantine/notifications'

/** A toast for a live event (data-testid "live-toast"); `onClick`, when given, opens what it is about. */
export function showLiveToast({ id, title, message, color, onClick }: { id: string; title: string; message: string; color: string; onClick?: () => void }) {
  notifications.show({
    id,
    title,
    message,
    color,
    autoClose: 8000,
    withBorder: true,
    style: onClick ? { cursor: 'pointer' } : undefined,
    onClick,
    'data-testid': 'live-toast',
  } as Parameters<typeof notifications.show>[0])
}
