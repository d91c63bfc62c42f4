import { describe, expect, it } from 'vitest'
import { backoffDelay, liveEventsUrl } from './backoff'

describe('backoffDelay', () => {
  it('grows exponentially up to the cap', () => {
    const noJitter = { initialMs: 500, maxMs: 10_000, jitter: 0 }
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, noJitter))).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000])
  })
  it('applies jitter below the nominal delay', () => {
    expect(backoffDelay(2, { initialMs: 1000, jitter: 0.5 }, () => 1)).toBe(2000)
    expect(backoffDelay(2, { initialMs: 1000, jitter: 0.5 }, () => 0)).toBe(4000)
  })
})

describe('liveEventsUrl', () => {
  it('derives ws/wss URLs from the page', () => {
    expect(liveEventsUrl('/api/ws', 'a b', 'http://localhost:5173/loans')).toBe('ws://localhost:5173/api/ws?access_token=a+b')
    expect(liveEventsUrl('/api/ws', 't', 'https://lend.example/')).toBe('wss://lend.example/api/ws?access_token=t')
  })
})
