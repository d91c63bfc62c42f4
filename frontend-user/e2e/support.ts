import { readFileSync } from 'node:fs'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page, type TestInfo } from '@playwright/test'

export const API = `${process.env.E2E_API_URL}/api`
export const ARTIFACTS = join(import.meta.dirname, '..', 'e2e-artifacts')

export function adminPassword(): string {
  return readFileSync(join(process.env.E2E_DATA_DIR!, 'admin-password.txt'), 'utf8').trim()
}

async function call<T>(method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
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
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text}`)
  return (text ? JSON.parse(text) : null) as T
}

export async function login(email: string, password: string): Promise<string> {
  const t = await call<{ access_token: string }>('POST', '/auth/login', null, { email, password })
  return t.access_token
}

/** Staff actions the borrower app does not have, done through the API as the first admin. */
export const admin = {
  async token(): Promise<string> {
    return login('admin@localhost', adminPassword())
  },
  async approve(loanId: string, reason = 'Income verified by e2e'): Promise<void> {
    await call('POST', `/loans/${loanId}/approve`, await admin.token(), { decision: 'approve', reason }, { 'Idempotency-Key': crypto.randomUUID() })
  },
}

export function uniqueEmail(prefix = 'borrower'): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`
}

/** Saves a full-page screenshot under e2e-artifacts/ and attaches it to the report. */
export async function snap(page: Page, name: string, testInfo?: TestInfo): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  // Let data load (no spinners left) and charts settle. (Not 'networkidle': a refused WebSocket
  // handshake can stay pending in vite preview's proxy, so the network never looks idle.)
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0, { timeout: 10_000 }).catch(() => {})
  await page.waitForTimeout(300)
  const path = join(ARTIFACTS, `${testInfo?.project.name ?? 'desktop'}-${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo?.attach(name, { path, contentType: 'image/png' })
}

/** Fails the test on console errors and uncaught exceptions (network status lines excepted). */
export function watchConsole(page: Page): () => void {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const text = m.text()
    // Chromium logs every non-2xx response; the API answers some of them on purpose.
    if (/Failed to load resource/.test(text)) return
    // A refused WebSocket handshake (e.g. with an expired token) is retried by design.
    if (/WebSocket connection to .* failed/.test(text)) return
    errors.push(text)
  })
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  return () => expect(errors, 'console errors').toEqual([])
}
