/**
 * useLiveEvents: one WebSocket to `/api/ws?access_token=…`, kept open while `enabled`.
 *
 * - Each message is JSON-parsed and given to `onMessage` (the latest callback is used, so
 *   passing an inline function does not reconnect).
 * - On close or error it reconnects with exponential backoff and jitter; the attempt counter
 *   resets once a connection opens. Going back online or to a visible tab reconnects at once.
 * - Every (re)connect asks `getToken()` for a fresh access token (the session layer refreshes
 *   an expiring one); when it returns null (logged out) the hook stops.
 */
import { useEffect, useRef, useState } from 'react'
import { backoffDelay, liveEventsUrl, type BackoffOptions } from './backoff'

export type LiveStatus = 'idle' | 'connecting' | 'open' | 'reconnecting'

export interface UseLiveEventsOptions<M> {
  /** Path or absolute URL of the WebSocket endpoint (default "/api/ws"). */
  path?: string
  getToken: () => Promise<string | null> | string | null
  onMessage: (message: M) => void
  /** Called after each successful (re)connect, e.g. to refetch what may have been missed. */
  onOpen?: (reconnected: boolean) => void
  enabled?: boolean
  backoff?: BackoffOptions
  /** For tests: the WebSocket constructor. */
  WebSocketImpl?: typeof WebSocket
}

export interface LiveEventsState {
  status: LiveStatus
  /** Reconnect attempts since the last successful open. */
  attempt: number
}

export function useLiveEvents<M = unknown>(options: UseLiveEventsOptions<M>): LiveEventsState {
  const { enabled = true, path = '/api/ws' } = options
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })
  const [state, setState] = useState<LiveEventsState>({ status: 'idle', attempt: 0 })

  useEffect(() => {
    if (!enabled) return
    let socket: WebSocket | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    let attempt = 0
    let everOpened = false
    let stopped = false
    let connecting = false

    const schedule = () => {
      if (stopped) return
      const delay = backoffDelay(attempt, latest.current.backoff)
      attempt += 1
      setState({ status: 'reconnecting', attempt })
      timer = setTimeout(connect, delay)
    }

    async function connect() {
      timer = undefined
      if (stopped || connecting) return
      connecting = true
      try {
        await open()
      } finally {
        connecting = false
      }
    }

    async function open() {
      setState((s) => ({ status: s.status === 'reconnecting' ? 'reconnecting' : 'connecting', attempt }))
      let token: string | null = null
      try {
        token = await latest.current.getToken()
      } catch {
        token = null
        if (!stopped) schedule()
        return
      }
      if (stopped) return
      if (!token) {
        setState({ status: 'idle', attempt: 0 })
        return
      }
      const WS = latest.current.WebSocketImpl ?? WebSocket
      let ws: WebSocket
      try {
        ws = new WS(liveEventsUrl(path, token))
      } catch {
        schedule()
        return
      }
      socket = ws
      ws.onopen = () => {
        const reconnected = everOpened
        everOpened = true
        attempt = 0
        setState({ status: 'open', attempt: 0 })
        latest.current.onOpen?.(reconnected)
      }
      ws.onmessage = (ev: MessageEvent) => {
        if (typeof ev.data !== 'string') return
        let msg: M
        try {
          msg = JSON.parse(ev.data) as M
        } catch {
          return
        }
        latest.current.onMessage(msg)
      }
      ws.onclose = () => {
        if (socket === ws) socket = null
        schedule()
      }
      ws.onerror = () => {
        /* onclose follows and reconnects */
      }
    }

    const reconnectNow = () => {
      if (stopped || socket || connecting) return
      if (timer) clearTimeout(timer)
      attempt = 0
      void connect()
    }
    const onVisible = () => {
      if (document.visibilityState === 'visible') reconnectNow()
    }

    void connect()
    window.addEventListener('online', reconnectNow)
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
      window.removeEventListener('online', reconnectNow)
      document.removeEventListener('visibilitychange', onVisible)
      if (socket) {
        socket.onclose = null
        socket.close(1000, 'bye')
        socket = null
      }
      setState({ status: 'idle', attempt: 0 })
    }
  }, [enabled, path])

  return state
}
