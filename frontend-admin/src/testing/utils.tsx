/**
 * Component-test harness: the real app (routes, providers, shared API client) on a memory
 * router, with `fetch` answered by per-test handlers and every request recorded.
 */
import { render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { createApiClient, type ApiClient } from '@shared/api/client'
import { createMemoryTokenStore, type Tokens } from '@shared/api/tokenStore'
import { createQueryClient } from '@shared/react/queryClient'
import type { Loan, User, Withdrawal } from '@/lib/api'
import { AppProvider } from '@/app/provider'
import { routes } from '@/app/router'

export interface Recorded {
  method: string
  path: string
  search: URLSearchParams
  headers: Headers
  body: unknown
}

type Reply = Response | Promise<Response>
export type Handler = (req: Recorded) => Reply | undefined

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

export function problem(status: number, title: string, detail?: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  })
}

/** Answers for what every page around the one under test asks (menus, badges, bell). */
const background: Handler = (r) => {
  if (r.method !== 'GET') return undefined
  if (r.path === '/api/notifications') return json({ items: [], unread_count: 0, next_cursor: null })
  if (r.path === '/api/loans' || r.path === '/api/withdrawals' || r.path === '/api/transactions' || r.path === '/api/users') {
    return json({ items: [], next_cursor: null })
  }
  if (r.path === '/api/admin/stats' || r.path === '/api/admin/jobs') return problem(501, 'Not implemented', 'GetAdminStats is part of the contract but not available yet')
  return undefined
}

export const adminUser: User = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'admin@localhost',
  full_name: 'Grace Admin',
  role: 'admin',
  status: 'active',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
}

export const borrowerUser: User = {
  id: '00000000-0000-4000-8000-000000000002',
  email: 'ada@example.com',
  full_name: 'Ada Lovelace',
  role: 'user',
  status: 'active',
  created_at: '2026-01-02T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
}

export function makeLoan(over: Partial<Loan> = {}): Loan {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    number: 'LN-2026-000042',
    user_id: borrowerUser.id,
    borrower_name: borrowerUser.full_name,
    borrower_email: borrowerUser.email,
    amount: 1_000_000,
    currency: 'USD',
    term_months: 48,
    annual_rate_bps: 400,
    monthly_payment: 22_579,
    total_interest: 83_791,
    total_payable: 1_083_791,
    purpose: 'Home renovation',
    status: 'submitted',
    outstanding_principal: 0,
    paid_principal: 0,
    paid_interest: 0,
    days_past_due: 0,
    created_at: '2026-05-01T10:00:00Z',
    updated_at: '2026-05-01T10:00:00Z',
    ...over,
  }
}

export function makeWithdrawal(over: Partial<Withdrawal> = {}): Withdrawal {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    user_id: borrowerUser.id,
    user_email: borrowerUser.email,
    amount: 10_000,
    currency: 'USD',
    destination: 'DE89 3704 0044 0532 0130 00',
    status: 'pending',
    created_at: '2026-05-02T09:00:00Z',
    ...over,
  }
}

export const signedIn: Tokens = { accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: Date.now() + 3_600_000 }

/** A WebSocket that never connects, so component tests stay offline. */
class SilentWebSocket {
  onopen: (() => void) | null = null
  onclose: (() => void) | null = null
  onmessage: ((e: MessageEvent) => void) | null = null
  onerror: (() => void) | null = null
  close() {}
  send() {}
}

export interface RenderAppOptions {
  /** Route to start on (inside the /admin basename), e.g. "/applications". */
  path: string
  handlers?: Handler[]
  /** Stored tokens at start (signed in as `me`); null for signed out. */
  tokens?: Tokens | null
  /** Who GET /auth/me says is signed in. */
  me?: User
}

export function renderApp({ path, handlers = [], tokens = signedIn, me = adminUser }: RenderAppOptions) {
  const requests: Recorded[] = []
  globalThis.WebSocket = SilentWebSocket as unknown as typeof WebSocket

  const fetchMock = async (input: Request): Promise<Response> => {
    const url = new URL(input.url)
    const text = input.method === 'GET' || input.method === 'HEAD' ? '' : await input.clone().text()
    let body: unknown = undefined
    if (text) {
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
    }
    const rec: Recorded = { method: input.method, path: url.pathname, search: url.searchParams, headers: input.headers, body }
    requests.push(rec)
    const meHandler: Handler = (r) => (r.method === 'GET' && r.path === '/api/auth/me' ? json(me) : undefined)
    for (const h of [...handlers, meHandler, background]) {
      const res = h(rec)
      if (res) return res
    }
    return problem(404, 'Not found', `no test handler for ${rec.method} ${rec.path}`)
  }
  globalThis.fetch = fetchMock as typeof fetch

  const api: ApiClient = createApiClient({
    baseUrl: 'http://localhost/api',
    tokens: createMemoryTokenStore(tokens),
    fetch: (r) => globalThis.fetch(r),
  })
  const queryClient = createQueryClient()
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false, refetchOnWindowFocus: false } })
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const view = render(
    <AppProvider api={api} queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProvider>,
  )
  return { ...view, api, router, requests, queryClient }
}

/** Requests made to one method and path. */
export function sent(requests: Recorded[], method: string, path: string): Recorded[] {
  return requests.filter((r) => r.method === method && r.path === path)
}
