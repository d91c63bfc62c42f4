import { useCallback } from 'react'
import { useNavigate } from 'react-router'
import { useQueryClient, type Query } from '@tanstack/react-query'
import { useLiveUpdates } from '@shared/live/useLiveUpdates'
import { showLiveToast } from '@shared/ui/liveToast'
import type { WsMessage } from '@/lib/api'
import { notificationColor, notificationLink } from '../api/notifications'

/** Which cached GETs an event can have changed. */
function affected(type: string): RegExp {
  if (type.startsWith('loan.')) return /^\/(loans|admin\/stats|transactions|wallet|notifications)/
  if (type.startsWith('withdrawal.')) return /^\/(withdrawals|admin\/stats|transactions|wallet|notifications)/
  return /^\//
}

const isGet = (q: Query, path: RegExp) => q.queryKey[0] === 'get' && typeof q.queryKey[1] === 'string' && path.test(q.queryKey[1])

/**
 * Keeps the WebSocket open while signed in. A new application (`loan.submitted`) or
 * withdrawal request (`withdrawal.requested`) refreshes the queues on screen and shows a toast
 * that leads to it; any other event refreshes what it may have changed.
 */
export function LiveUpdates({ onStatus }: { onStatus?: (status: string) => void }) {
  const qc = useQueryClient()
  const navigate = useNavigate()

  const onMessage = useCallback(
    (msg: WsMessage) => {
      if (!msg || msg.type === 'hello') return
      const n = msg.data
      void qc.invalidateQueries({ predicate: (q) => isGet(q, affected(msg.type)) })
      const link = n ? notificationLink(n) : null
      showLiveToast({
        id: msg.id,
        title: n?.title ?? msg.type,
        message: n?.body || 'Open it to see the details.',
        color: notificationColor(msg.type),
        onClick: link ? () => navigate(link) : undefined,
      })
    },
    [navigate, qc],
  )

  useLiveUpdates({ onMessage, onStatus })
  return null
}
