import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useLiveEvents } from './useLiveEvents'

class FakeSocket {
  static all: FakeSocket[] = []
  onopen: (() => void) | null = null
  onclose: (() => void) | null = null
  onerror: (() => void) | null = null
  onmessage: ((e: { data: string }) => void) | null = null
  closed = false
  url: string
  constructor(url: string) {
    this.url = url
    FakeSocket.all.push(this)
  }
  open() {
    this.onopen?.()
  }
  drop() {
    this.onclose?.()
  }
  send(data: unknown) {
    this.onmessage?.({ data: JSON.stringify(data) })
  }
  close() {
    this.closed = true
  }
}

beforeEach(() => {
  FakeSocket.all = []
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

const flush = () => act(async () => {
  await Promise.resolve()
  await Promise.resolve()
})

describe('useLiveEvents', () => {
  it('connects with the token, delivers messages and reconnects with growing delays', async () => {
    const onMessage = vi.fn()
    let token = 'tok-1'
    const { result, unmount } = renderHook(() =>
      useLiveEvents({
        getToken: async () => token,
        onMessage,
        backoff: { initialMs: 1000, maxMs: 8000, jitter: 0 },
        WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
      }),
    )
    await flush()
    expect(FakeSocket.all).toHaveLength(1)
    expect(FakeSocket.all[0].url).toBe('ws://localhost:3000/api/ws?access_token=tok-1')
    act(() => FakeSocket.all[0].open())
    expect(result.current.status).toBe('open')
    act(() => FakeSocket.all[0].send({ type: 'loan.approved', id: '1' }))
    expect(onMessage).toHaveBeenCalledWith({ type: 'loan.approved', id: '1' })

    // Drop: retry after 1 s, then 2 s, then 4 s while it keeps failing.
    token = 'tok-2'
    act(() => FakeSocket.all[0].drop())
    expect(result.current.status).toBe('reconnecting')
    await act(async () => vi.advanceTimersByTime(999))
    expect(FakeSocket.all).toHaveLength(1)
    await act(async () => vi.advanceTimersByTime(1))
    await flush()
    expect(FakeSocket.all).toHaveLength(2)
    expect(FakeSocket.all[1].url).toContain('access_token=tok-2')
    act(() => FakeSocket.all[1].drop())
    await act(async () => vi.advanceTimersByTime(1999))
    expect(FakeSocket.all).toHaveLength(2)
    await act(async () => vi.advanceTimersByTime(1))
    await flush()
    expect(FakeSocket.all).toHaveLength(3)

    // A successful open resets the backoff.
    act(() => FakeSocket.all[2].open())
    act(() => FakeSocket.all[2].drop())
    await act(async () => vi.advanceTimersByTime(1000))
    await flush()
    expect(FakeSocket.all).toHaveLength(4)

    unmount()
    expect(FakeSocket.all[3].closed).toBe(true)
  })

  it('stops when there is no token (signed out)', async () => {
    const { result } = renderHook(() =>
      useLiveEvents({ getToken: () => null, onMessage: () => {}, WebSocketImpl: FakeSocket as unknown as typeof WebSocket }),
    )
    await flush()
    expect(FakeSocket.all).toHaveLength(0)
    expect(result.current.status).toBe('idle')
  })
})
