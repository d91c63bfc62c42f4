/**
 * Idempotency keys for POSTs that move money or create loans.
 *
 * One key per *intent*: a retry of the same submit (same body, after a network error, a
 * timeout or a 5xx) reuses the key, so the server replays the stored result instead of
 * moving the money twice. A changed body, a success or a definite rejection starts a new
 * intent with a new key.
 */

/** A fresh random key (UUID v4). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  // Fallback for non-secure contexts (http on a LAN address): RFC 4122 v4 from getRandomValues.
  const b = new Uint8Array(16)
  c.getRandomValues(b)
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** JSON with sorted keys, so {a,b} and {b,a} are the same intent. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`
}

/** Tracks the key of one user intent (one form, one button). */
export class IdempotentIntent {
  private key: string | null = null
  private fingerprint: string | null = null
  private readonly generate: () => string

  constructor(generate: () => string = newIdempotencyKey) {
    this.generate = generate
  }

  /** The key for submitting `body` (plus any scope such as a path id): reused while the intent is the same. */
  keyFor(body: unknown): string {
    const fp = stableStringify(body)
    if (this.key === null || fp !== this.fingerprint) {
      this.key = this.generate()
      this.fingerprint = fp
    }
    return this.key
  }

  /** The outcome is known (success): the next submit is a new intent. */
  complete(): void {
    this.key = null
    this.fingerprint = null
  }

  /**
   * After a failure: keep the key when the outcome is unknown (network error, 5xx, 409 "still
   * in flight") so a retry is safe; drop it on a definite rejection (other 4xx) so a corrected
   * retry is not answered with the stored rejection.
   */
  failed(status: number | undefined): void {
    if (status !== undefined && status >= 400 && status < 500 && status !== 409) this.complete()
  }
}
