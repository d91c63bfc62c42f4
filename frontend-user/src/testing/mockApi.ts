/**
 * A tiny fake of the API for component tests: routes "METHOD /path" (with :params) to
 * handlers, records every request, and is installed as globalThis.fetch. The app's client
 * is created with `fetch: (r) => globalThis.fetch(r)`, so it goes through this.
 */
import { vi } from 'vitest'

export interface Recorded {
  method: string
  path: string
  query: URLSearchParams
  headers: Headers
  body: unknown
}

type Handler = (req: Recorded, params: Record<string, string>) => Response | Promise<Response> | unknown

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  })
}

export function problem(status: number, title: string, detail?: string, errors?: { field: string; message: string }[]): Response {
  return json({ type: 'about:blank', title, status, detail, errors }, status)
}

export function mockApi(routes: Record<string, Handler>) {
  const calls: Recorded[] = []
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(' ')
    const names: string[] = []
    const re = new RegExp(
      '^/api' + pattern.replace(/:(\w+)/g, (_, n: string) => (names.push(n), '([^/]+)')) + '$',
    )
    return { method, re, names, handler }
  })
  const fetchMock = vi.fn(async (input: Request) => {
    const url = new URL(input.url)
    const text = input.method === 'GET' ? '' : await input.text()
    let body: unknown = undefined
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      body = text
    }
    const rec: Recorded = { method: input.method, path: url.pathname, query: url.searchParams, headers: input.headers, body }
    calls.push(rec)
    for (const r of table) {
      const m = r.method === input.method && r.re.exec(url.pathname)
      if (m) {
        const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]))
        const out = await r.handler(rec, params)
        return out instanceof Response ? out : json(out)
      }
    }
    return problem(404, 'Not found', `no mock for ${input.method} ${url.pathname}`)
  })
  vi.stubGlobal('fetch', fetchMock)
  return { calls, fetchMock, find: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === `/api${path}`) }
}
