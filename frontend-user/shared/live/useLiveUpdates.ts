import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useApi } from '../api/context'
import type { WsMessage } from '../api/types'
import { useLiveEvents } from './useLiveEvents'

/**
 * A signed-in app's live connection: useLiveEvents with the session's access token, every
 * cached GET refetched after a reconnect (events may have been missed while offline), and the
 * connection status reported to `onStatus` (for the header's indicator).
 */
export function useLiveUpdates({ onMessage, onStatus }: { onMessage: (msg: WsMessage) => void; onStatus?: (status: string) => void }) {
  const api = useApi()
  const qc = useQueryClient()
  const { status } = useLiveEvents<WsMessage>({
    getToken: api.session.getAccessToken,
    onMessage,
    onOpen: (reconnected) => {
      if (reconnected) void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'get' })
    },
  })
  useEffect(() => onStatus?.(status), [status, onStatus])
}
