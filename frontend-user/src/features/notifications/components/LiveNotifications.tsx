import { useCallback, useEffect } from 'react'
import { useNavigate } from 'react-router'
import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { useLiveEvents } from '@shared/live/useLiveEvents'
import { useApi, type WsMessage } from '@/lib/api'
import { consumeEcho } from '@/lib/echo'
import { notificationColor, notificationLink } from './notificationLink'

/**
 * Keeps the WebSocket open while signed in: every event becomes a toast and refreshes what
 * is on screen (the event may change a loan, the wallet or the lists).
 */
export function LiveNotifications({ onStatus }: { onStatus?: (status: string) => void }) {
  const api = useApi()
  const qc = useQueryClient()
  const navigate = useNavigate()

  const onMessage = useCallback(
    (msg: WsMessage) => {
      if (!msg || msg.type === 'hello') return
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'get' })
      if (consumeEcho(msg.type)) return // the page that caused it already said so
      const n = msg.data
      const link = n ? notificationLink(n) : null
      notifications.show({
        id: msg.id,
        title: n?.title ?? msg.type,
        message: n?.body || 'Tap to see the details.',
        color: notificationColor(msg.type),
        autoClose: 8000,
        withBorder: true,
        style: link ? { cursor: 'pointer' } : undefined,
        onClick: link ? () => navigate(link) : undefined,
        'data-testid': 'live-toast',
      } as Parameters<typeof notifications.show>[0])
    },
    [navigate, qc],
  )

  const { status } = useLiveEvents<WsMessage>({
    getToken: api.session.getAccessToken,
    onMessage,
    // After a reconnect, refetch what we might have missed while offline.
    onOpen: (reconnected) => {
      if (reconnected) void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'get' })
    },
  })
  useEffect(() => onStatus?.(status), [status, onStatus])
  return null
}
