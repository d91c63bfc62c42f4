import { describe, expect, it } from 'vitest'
import { IdempotentIntent, newIdempotencyKey, stableStringify } from './idempotency'

describe('idempotency keys', () => {
  it('generates UUIDs', () => {
    const a = newIdempotencyKey()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newIdempotencyKey()).not.toBe(a)
  })

  it('stringifies objects independent of key order', () => {
    expect(stableStringify({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(stableStringify({ a: [1, { c: 3, d: 2 }], b: 1 }))
  })

  it('reuses a key for retries of one intent and rotates on change, success or rejection', () => {
    let n = 0
    const intent = new IdempotentIntent(() => `k${++n}`)
    expect(intent.keyFor({ amount: 100 })).toBe('k1')
    intent.failed(undefined) // network error: unknown outcome
    expect(intent.keyFor({ amount: 100 })).toBe('k1')
    intent.failed(503)
    expect(intent.keyFor({ amount: 100 })).toBe('k1')
    intent.failed(409) // still in flight on the server
    expect(intent.keyFor({ amount: 100 })).toBe('k1')
    expect(intent.keyFor({ amount: 200 })).toBe('k2') // another body is another intent
    intent.failed(422) // definite rejection
    expect(intent.keyFor({ amount: 200 })).toBe('k3')
    intent.complete()
    expect(intent.keyFor({ amount: 200 })).toBe('k4')
  })
})
