/**
 * The one place that attaches the bearer token and rotates the refresh token.
 *
 * `createSession` returns a `fetch` to give openapi-fetch. For every request it
 *  1. refreshes first when the access token expires within `leewayMs`,
 *  2. sends the request with `Authorization: Bearer <access>`,
 *  3. on a 401, refreshes once and retries the request once with the new token.
 *
 * Refreshes are single-flight: concurrent 401s share one POST /auth/refresh (and across tabs,
 * through the Web Locks API where available), because the server rotates refresh tokens and
 * treats the reuse of an old one as theft, revoking the whole session. When the server rejects
 * the refresh token, the tokens are cleared and `onSessionEnded` listeners run (log out).
 * Network errors during a refresh keep the tokens: the user is not logged out for being offline.
 */
import type { TokenStore, Tokens } from './tokenStore'

/** The refresh call failed for good (the server rejected the refresh token). */
export class RefreshRejectedError extends Error {
  readonly status: number
  constructor(status: number) {
    super(`refresh rejected with ${status}`)
    this.name = 'RefreshRejectedError'
    this.status = status
  }
}

export type SessionEndReason = 'refresh_rejected' | 'logout'

export interface SessionOptions {
  tokens: TokenStore
  /** Exchanges a refresh token for new tokens; throws RefreshRejectedError when the server says no. */
  refresh: (refreshToken: string) => Promise<Tokens>
  /** The fetch to send requests with; defaults to the global one at call time. */
  fetch?: (request: Request) => Promise<Response>
  /** Requests that must not carry a token nor trigger a refresh (login, register, refresh). */
  isPublic?: (request: Request) => boolean
  /** Refresh proactively when the access token expires within this many ms (default 30 s). */
  leewayMs?: number
  /** Name for the cross-tab lock (navigator.locks); defaults to "session-refresh". */
  lockName?: string
  now?: () => number
}

export interface Session {
  /** fetch for openapi-fetch: adds the token, refreshes and retries on 401. */
  fetch: (request: Request) => Promise<Response>
  /**
   * Refreshes now (single-flight). `staleAccessToken` is the token that was refused: when the
   * stored one already differs (another request or tab rotated meanwhile), that one is used.
   * Resolves to the new access token, or null when logged out.
   */
  refresh: (staleAccessToken?: string) => Promise<string | null>
  /** A valid access token, refreshed first if it is about to expire; null when logged out. */
  getAccessToken: () => Promise<string | null>
  /** Clears the tokens and tells the listeners. */
  end: (reason: SessionEndReason) => void
  onEnded: (listener: (reason: SessionEndReason) => void) => () => void
}

const defaultIsPublic = (r: Request) => /\/auth\/(login|register|refresh)(\?|$)/.test(new URL(r.url).pathname)

export function createSession(options: SessionOptions): Session {
  const { tokens } = options
  const send = options.fetch ?? ((r: Request) => globalThis.fetch(r))
  const isPublic = options.isPublic ?? defaultIsPublic
  const leeway = options.leewayMs ?? 30_000
  const now = options.now ?? Date.now
  const lockName = options.lockName ?? 'session-refresh'
  const listeners = new Set<(reason: SessionEndReason) => void>()
  let inflight: Promise<string | null> | null = null

  const end = (reason: SessionEndReason) => {
    const had = tokens.get() !== null
    tokens.clear()
    if (had || reason === 'logout') listeners.forEach((l) => l(reason))
  }

  const doRefresh = async (stale: string | undefined): Promise<string | null> => {
    const current = tokens.get()
    if (!current) return null
    // Someone else already rotated: use their result instead of spending a used refresh token.
    if (stale !== undefined && current.accessToken !== stale && current.expiresAt - leeway > now()) {
      return current.accessToken
    }
    try {
      const next = await options.refresh(current.refreshToken)
      tokens.set(next)
      return next.accessToken
    } catch (e) {
      if (e instanceof RefreshRejectedError) {
        // Another tab may have rotated in the meantime; only give up if nothing newer exists.
        const latest = tokens.get()
        if (latest && latest.refreshToken !== current.refreshToken) return latest.accessToken
        end('refresh_rejected')
        return null
      }
      throw e
    }
  }

  const refresh = (stale?: string): Promise<string | null> => {
    if (!inflight) {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined
      const run = () => doRefresh(stale)
      const p: Promise<string | null> = locks ? locks.request(lockName, run).then((v) => v) : run()
      inflight = p.finally(() => {
        inflight = null
      })
    }
    return inflight
  }

  const getAccessToken = async (): Promise<string | null> => {
    const t = tokens.get()
    if (!t) return null
    if (t.expiresAt - leeway > now()) return t.accessToken
    try {
      return await refresh(t.accessToken)
    } catch {
      return tokens.get()?.accessToken ?? null // offline: try with what we have
    }
  }

  const withToken = (r: Request, token: string | null | undefined): Request => {
    if (token) r.headers.set('Authorization', `Bearer ${token}`)
    return r
  }

  const sessionFetch = async (request: Request): Promise<Response> => {
    if (isPublic(request)) return send(request)
    const token = await getAccessToken()
    if (!token) return send(request)
    // Keep an unsent copy for the retry: the body of `request` is consumed by sending it.
    const spare = request.clone()
    const response = await send(withToken(request, token))
    if (response.status !== 401) return response

    let fresh: string | null
    try {
      fresh = await refresh(token)
    } catch {
      return response // refresh failed on the network: report the original 401
    }
    if (!fresh) return response
    // A 401 again (e.g. a wrong current password) is the endpoint's answer: pass it on.
    return send(withToken(spare, fresh))
  }

  return {
    fetch: sessionFetch,
    refresh,
    getAccessToken,
    end,
    onEnded(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
