import { useCallback } from 'react'
import { useNavigate } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { useLiveUpdates } from '@shared/live/useLiveUpdates'
import { showLiveToast } from '@shared/ui/liveToast'
import type { WsMessage } from '@/lib/api'
import { consumeEcho } from '@/lib/echo'
import { notificationColor, notificationLink } from './notificationLink'

/**
 * Keeps the WebSocket open while signed in: every event becomes a toast and refreshes what
 * is on screen (the event may change a loan, the wallet or the lists).
 */
export function LiveNotifications({ onStatus }: { onStatus?: (status: string) => void }) {
  const qc = useQueryClient()
  const navigate = useNavigate()

  const onMessage = useCallback(
    (msg: WsMessage) => {
      if (!msg || msg.type === 'hello') return
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'get' })
      if (consumeEcho(msg.type)) return // the page that caused it already said so
      const n = msg.data
      const link = n ? notificationLink(n) : null
      showLiveToast({
        id: msg.id,
        title: n?.title ?? msg.type,
        message: n?.body || 'Tap to see the details.',
        color: notificationColor(msg.type),
        onClick: link ? () => navigate(link) : undefined,
      })
    },
    [navigate, qc],
  )

  useLiveUpdates({ onMessage, onStatus })
  return null
}
