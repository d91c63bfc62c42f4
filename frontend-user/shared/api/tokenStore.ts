/**
 * Where the session's tokens live: localStorage under an app-specific key, so the borrower
 * app ("/") and the admin app ("/admin/") on the same origin keep separate sessions. Other
 * tabs' changes (a rotation, a logout) are picked up through the `storage` event.
 */
import type { components } from '@gen/schema'

export type TokenResponse = components['schemas']['TokenResponse']

export interface Tokens {
  accessToken: string
  refreshToken: string
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number
}

export interface TokenStore {
  get(): Tokens | null
  set(tokens: Tokens | null): void
  clear(): void
  /** Called on every change, from this tab or another one. Returns an unsubscribe function. */
  subscribe(listener: (tokens: Tokens | null) => void): () => void
}

export function tokensFromResponse(r: TokenResponse, now: number = Date.now()): Tokens {
  return { accessToken: r.access_token, refreshToken: r.refresh_token, expiresAt: now + r.expires_in * 1000 }
}

function parse(raw: string | null): Tokens | null {
  if (!raw) return null
  try {
    const t = JSON.parse(raw) as Partial<Tokens>
    if (typeof t.accessToken === 'string' && typeof t.refreshToken === 'string' && typeof t.expiresAt === 'number') {
      return { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: t.expiresAt }
    }
  } catch {
    /* corrupted entry: treat as logged out */
  }
  return null
}

function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage
  } catch {
    return undefined // e.g. storage disabled by the browser
  }
}

/** A store backed by `storage` (localStorage by default; memory only when unavailable). */
export function createTokenStore(key: string, storage: Storage | undefined = safeStorage()): TokenStore {
  let memory: Tokens | null = parse(storage?.getItem(key) ?? null)
  const listeners = new Set<(t: Tokens | null) => void>()
  const notify = () => listeners.forEach((l) => l(memory))

  if (typeof window !== 'undefined' && storage) {
    window.addEventListener('storage', (e) => {
      if (e.key !== key && e.key !== null) return
      const next = parse(storage.getItem(key))
      if (next?.accessToken === memory?.accessToken && next?.refreshToken === memory?.refreshToken) return
      memory = next
      notify()
    })
  }

  return {
    get() {
      // Re-read: another tab may have rotated the tokens since.
      if (storage) memory = parse(storage.getItem(key))
      return memory
    },
    set(tokens) {
      memory = tokens
      try {
        if (tokens) storage?.setItem(key, JSON.stringify(tokens))
        else storage?.removeItem(key)
      } catch {
        /* quota or privacy mode: keep the in-memory copy */
      }
      notify()
    },
    clear() {
      this.set(null)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** A store that never persists (tests, or a "don't remember me" login). */
export function createMemoryTokenStore(initial: Tokens | null = null): TokenStore {
  let memory = initial
  const listeners = new Set<(t: Tokens | null) => void>()
  return {
    get: () => memory,
    set(t) {
      memory = t
      listeners.forEach((l) => l(memory))
    },
    clear() {
      this.set(null)
    },
    subscribe(l) {
      listeners.add(l)
      return () => listeners.delete(l)
    },
  }
}
