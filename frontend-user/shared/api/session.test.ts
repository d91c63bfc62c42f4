import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApiClient } from './client'
import { createSession, RefreshRejectedError } from './session'
import { createMemoryTokenStore, type Tokens } from './tokenStore'

const NOW = 1_700_000_000_000
const fresh = (n: number): Tokens => ({ accessToken: `a${n}`, refreshToken: `r${n}`, expiresAt: NOW + 900_000 })

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  })
}
const unauthorized = () => json(401, { type: 'about:blank', title: 'Unauthorized', status: 401 })

/** A fake API: accepts only the current access token. */
function fakeServer(validToken: () => string) {
  const seen: { auth: string | null; body: string }[] = []
  const send = vi.fn(async (r: Request) => {
    const auth = r.headers.get('Authorization')
    seen.push({ auth, body: await r.text() })
    return auth === `Bearer ${validToken()}` ? json(200, { ok: true }) : unauthorized()
  })
  return { send, seen }
}

describe('createSession', () => {
  it('attaches the bearer token', async () => {
    const tokens = createMemoryTokenStore(fresh(1))
    const { send, seen } = fakeServer(() => 'a1')
    const s = createSession({ tokens, fetch: send, refresh: vi.fn(), now: () => NOW })
    const res = await s.fetch(new Request('http://x/api/wallet'))
    expect(res.status).toBe(200)
    expect(seen[0].auth).toBe('Bearer a1')
  })

  it('refreshes once on 401 and retries the request with its body', async () => {
    const tokens = createMemoryTokenStore(fresh(1))
    let valid = 'a2' // the server already considers a1 expired
    const { send, seen } = fakeServer(() => valid)
    const refresh = vi.fn(async (rt: string) => {
      expect(rt).toBe('r1')
      valid = 'a2'
      return fresh(2)
    })
    const s = createSession({ tokens, fetch: send, refresh, now: () => NOW })
    const res = await s.fetch(new Request('http://x/api/transactions/deposit', { method: 'POST', body: '{"amount":100}' }))
    expect(res.status).toBe(200)
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(seen.map((x) => x.auth)).toEqual(['Bearer a1', 'Bearer a2'])
    expect(seen[1].body).toBe('{"amount":100}')
    expect(tokens.get()).toEqual(fresh(2))
  })

  it('shares one in-flight refresh between concurrent 401s', async () => {
    const tokens = createMemoryTokenStore(fresh(1))
    const { send } = fakeServer(() => 'a2')
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const refresh = vi.fn(async () => {
      await gate
      return fresh(2)
    })
    const s = createSession({ tokens, fetch: send, refresh, now: () => NOW })
    const all = Promise.all([1, 2, 3, 4].map((i) => s.fetch(new Request(`http://x/api/loans/${i}`))))
    await new Promise((r) => setTimeout(r, 10))
    release()
    const res = await all
    expect(res.map((r) => r.status)).toEqual([200, 200, 200, 200])
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('does not spend a refresh token when another caller already rotated', async () => {
    const tokens = createMemoryTokenStore(fresh(1))
    const refresh = vi.fn(async () => fresh(3))
    const s = createSession({ tokens, fetch: vi.fn(), refresh, now: () => NOW })
    tokens.set(fresh(2)) // e.g. another tab
    expect(await s.refresh('a1')).toBe('a2')
    expect(refresh).not.toHaveBeenCalled()
  })

  it('refreshes before sending when the access token is about to expire', async () => {
    const tokens = createMemoryTokenStore({ ...fresh(1), expiresAt: NOW + 5_000 })
    const { send, seen } = fakeServer(() => 'a2')
    const refresh = vi.fn(async () => fresh(2))
    const s = createSession({ tokens, fetch: send, refresh, now: () => NOW, leewayMs: 30_000 })
    await s.fetch(new Request('http://x/api/wallet'))
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(seen.map((x) => x.auth)).toEqual(['Bearer a2'])
  })

  it('logs out when the server rejects the refresh token', async () => {
    const tokens = createMemoryTokenStore(fresh(1))
    const { send } = fakeServer(() => 'nope')
    const refresh = vi.fn(async () => {
      throw new RefreshRejectedError(401)
    })
    const s = createSession({ tokens, fetch: send, refresh, now: () => NOW })
    const ended = vi.fn()
    s.onEnded(ended)
    const res = await s.fetch(new Request('http://x/api/wallet'))
    expect(res.status).toBe(401)
    expect(tokens.get()).toBeNull()
    expect(ended).toHaveBeenCalledWith('refresh_rejected')
    // Later calls go out without a token and do not try to refresh again.
    await s.fetch(new Request('http://x/api/wallet'))
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('keeps the session when the refresh fails on the network', async () => {
    const tokens = createMemoryTokenStore(fresh(1))
    const { send } = fakeServer(() => 'nope')
    const refresh = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    const s = createSession({ tokens, fetch: send, refresh, now: () => NOW })
    const ended = vi.fn()
    s.onEnded(ended)
    const res = await s.fetch(new Request('http://x/api/wallet'))
    expect(res.status).toBe(401)
    expect(tokens.get()).toEqual(fresh(1))
    expect(ended).not.toHaveBeenCalled()
  })

  it('leaves the public auth endpoints alone', async () => {
    const tokens = createMemoryTokenStore(fresh(1))
    const send = vi.fn(async () => unauthorized())
    const refresh = vi.fn()
    const s = createSession({ tokens, fetch: send, refresh, now: () => NOW })
    const req = new Request('http://x/api/auth/login', { method: 'POST', body: '{}' })
    expect((await s.fetch(req)).status).toBe(401)
    expect(req.headers.get('Authorization')).toBeNull()
    expect(refresh).not.toHaveBeenCalled()
  })
})

describe('createApiClient', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('rotates tokens through POST /auth/refresh and retries the typed call', async () => {
    let current = 'old-access'
    const calls: string[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (r: Request) => {
        const path = new URL(r.url).pathname
        calls.push(`${r.method} ${path} ${r.headers.get('Authorization') ?? '-'}`)
        if (path === '/api/auth/refresh') {
          const body = (await r.json()) as { refresh_token: string }
          if (body.refresh_token !== 'refresh-1') return unauthorized()
          current = 'new-access'
          return json(200, { access_token: 'new-access', refresh_token: 'refresh-2', token_type: 'bearer', expires_in: 900 })
        }
        if (r.headers.get('Authorization') !== `Bearer ${current}` || current === 'old-access') return unauthorized()
        return json(200, { user_id: 'u', balance: 1000, held: 0, available: 1000, currency: 'USD' })
      }),
    )
    const tokens = createMemoryTokenStore({ accessToken: 'old-access', refreshToken: 'refresh-1', expiresAt: Date.now() + 600_000 })
    const api = createApiClient({ baseUrl: 'http://localhost/api', tokens, fetch: (r) => globalThis.fetch(r) })
    const { data } = await api.client.GET('/wallet')
    expect(data?.available).toBe(1000)
    expect(tokens.get()?.refreshToken).toBe('refresh-2')
    expect(calls).toEqual([
      'GET /api/wallet Bearer old-access',
      'POST /api/auth/refresh -',
      'GET /api/wallet Bearer new-access',
    ])
  })

  it('ends the session when the refresh token is refused', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => unauthorized()))
    const tokens = createMemoryTokenStore({ accessToken: 'a', refreshToken: 'r', expiresAt: Date.now() + 600_000 })
    const api = createApiClient({ baseUrl: 'http://localhost/api', tokens, fetch: (r) => globalThis.fetch(r) })
    const ended = vi.fn()
    api.session.onEnded(ended)
    const { error, response } = await api.client.GET('/wallet')
    expect(response.status).toBe(401)
    expect(error).toMatchObject({ status: 401 })
    expect(ended).toHaveBeenCalledWith('refresh_rejected')
    expect(tokens.get()).toBeNull()
  })

  it('stores tokens on login and forgets them on logout', async () => {
    const fetchMock = vi.fn(async (r: Request) => {
      const path = new URL(r.url).pathname
      if (path === '/api/auth/login') {
        return json(200, { access_token: 'A', refresh_token: 'R', token_type: 'bearer', expires_in: 900 })
      }
      if (path === '/api/auth/logout') return new Response(null, { status: 204 })
      return unauthorized()
    })
    vi.stubGlobal('fetch', fetchMock)
    const tokens = createMemoryTokenStore()
    const api = createApiClient({ baseUrl: 'http://localhost/api', tokens, fetch: (r) => globalThis.fetch(r) })
    await api.login('ada@example.com', 'secret-password')
    expect(tokens.get()?.accessToken).toBe('A')
    await api.logout()
    expect(tokens.get()).toBeNull()
    const logoutReq = fetchMock.mock.calls[1][0] as Request
    expect(logoutReq.headers.get('Authorization')).toBe('Bearer A')
  })

  it('throws the problem on a failed login', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { type: 'about:blank', title: 'Invalid credentials', status: 401 })))
    const api = createApiClient({ baseUrl: 'http://localhost/api', tokens: createMemoryTokenStore(), fetch: (r) => globalThis.fetch(r) })
    await expect(api.login('a@b.c', 'x')).rejects.toMatchObject({ title: 'Invalid credentials' })
  })
})
