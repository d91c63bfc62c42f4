/**
 * Helpers both apps' Playwright suites share: the API of the server under test, called directly,
 * a console watcher and screenshots. Nothing here imports @playwright/test, not even its types:
 * resolved from this folder it would be the borrower app's copy, which the admin app's run must
 * not load (Playwright refuses a second copy) nor its type check read. Each app's e2e/support.ts
 * adds what needs `expect`; Playwright's Page and TestInfo fit the small interfaces below.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The parts of Playwright's Page used here. */
interface Page {
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): unknown
  on(event: 'pageerror', listener: (error: Error) => void): unknown
  screenshot(options: { path: string; fullPage: boolean }): Promise<unknown>
}

/** The parts of Playwright's TestInfo used here. */
interface TestInfo {
  project: { name: string }
  attach(name: string, options: { path: string; contentType: string }): Promise<void>
}

/** The API of the server the Playwright config started (E2E_API_URL is set there). */
export const API = `${process.env.E2E_API_URL}/api`
export const ADMIN_EMAIL = 'admin@localhost'

/** The first admin's password, written by the server on first start. */
export function adminPassword(): string {
  return readFileSync(join(process.env.E2E_DATA_DIR!, 'admin-password.txt'), 'utf8').trim()
}

export class ApiError extends Error {
  readonly status: number
  readonly body: string
  constructor(method: string, path: string, status: number, body: string) {
    super(`${method} ${path} -> ${status}: ${body}`)
    this.status = status
    this.body = body
  }
}

/** One API call; JSON in and out, throws ApiError on a non-2xx answer. */
export async function call<T>(method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${API}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  if (!res.ok) throw new ApiError(method, path, res.status, text)
  return (text ? JSON.parse(text) : null) as T
}

export const idempotencyKey = () => ({ 'Idempotency-Key': crypto.randomUUID() })

/** Signs in through the API; returns the access token. */
export async function login(email: string, password: string): Promise<string> {
  const t = await call<{ access_token: string }>('POST', '/auth/login', null, { email, password })
  return t.access_token
}

export function uniqueEmail(prefix = 'borrower'): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`
}

/** Saves a full-page screenshot as <dir>/<project>-<name>.png and attaches it to the report. */
export async function saveScreenshot(page: Page, dir: string, name: string, testInfo?: TestInfo): Promise<void> {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${testInfo?.project.name ?? 'desktop'}-${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo?.attach(name, { path, contentType: 'image/png' })
}

/**
 * Collects the page's console errors and uncaught exceptions, except the network lines Chromium
 * logs for every non-2xx response and refused WebSocket handshake (the API answers some on
 * purpose; the live connection retries by design).
 */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const text = m.text()
    if (/Failed to load resource|WebSocket connection to .* failed/.test(text)) return
    errors.push(text)
  })
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  return errors
}
