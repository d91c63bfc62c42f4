import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page, type TestInfo } from '@playwright/test'

export const API = `${process.env.E2E_API_URL}/api`
export const ARTIFACTS = join(import.meta.dirname, '..', 'e2e-artifacts')
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

const idem = () => ({ 'Idempotency-Key': crypto.randomUUID() })

export async function login(email: string, password: string): Promise<string> {
  const t = await call<{ access_token: string }>('POST', '/auth/login', null, { email, password })
  return t.access_token
}

export function uniqueEmail(prefix = 'borrower'): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`
}

export interface Loan {
  id: string
  number: string
  status: string
  amount: number
  currency: string
}
export interface Withdrawal {
  id: string
  status: string
  amount: number
}
export interface Wallet {
  balance: number
  held: number
  available: number
  currency: string
}

/** A borrower driven through the API, as the borrower app would. */
export class Borrower {
  readonly email: string
  readonly password = 'correct-horse-battery'
  readonly fullName: string
  id = ''
  private token = ''

  constructor(fullName: string) {
    this.fullName = fullName
    this.email = uniqueEmail(fullName.split(' ')[0]!.toLowerCase())
  }

  static async register(fullName: string): Promise<Borrower> {
    const b = new Borrower(fullName)
    const u = await call<{ id: string }>('POST', '/auth/register', null, { email: b.email, password: b.password, full_name: fullName })
    b.id = u.id
    b.token = await login(b.email, b.password)
    return b
  }

  apply(amount: number, termMonths: number, purpose: string): Promise<Loan> {
    return call('POST', '/loans', this.token, { amount, term_months: termMonths, purpose }, idem())
  }
  deposit(amount: number): Promise<unknown> {
    return call('POST', '/transactions/deposit', this.token, { amount }, idem())
  }
  withdraw(amount: number, destination: string): Promise<Withdrawal> {
    return call('POST', '/withdrawals', this.token, { amount, destination }, idem())
  }
  disburse(loanId: string): Promise<Loan> {
    return call('POST', `/loans/${loanId}/disburse`, this.token, undefined, idem())
  }
  wallet(): Promise<Wallet> {
    return call('GET', '/wallet', this.token)
  }
  withdrawal(id: string): Promise<Withdrawal> {
    return call('GET', `/withdrawals/${id}`, this.token)
  }
}

/** Signs in through the login form as the first admin and waits for the overview. */
export async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto('login')
  await page.getByLabel('E-mail').fill(ADMIN_EMAIL)
  await page.getByRole('textbox', { name: 'Password' }).fill(adminPassword())
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Overview', exact: true })).toBeVisible()
}

/** Saves a full-page screenshot under e2e-artifacts/ and attaches it to the report. */
export async function snap(page: Page, name: string, testInfo?: TestInfo): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  // Let charts and fonts settle.
  await page.waitForLoadState('networkidle').catch(() => {})
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
    // Chromium logs every non-2xx response (and failed WebSocket handshakes); the API answers some on purpose.
    if (/Failed to load resource|WebSocket connection to/.test(text)) return
    errors.push(text)
  })
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  return () => expect(errors, 'console errors').toEqual([])
}
