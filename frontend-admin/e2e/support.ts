import { join } from 'node:path'
import { expect, type Page, type TestInfo } from '@playwright/test'
import { ADMIN_EMAIL, adminPassword, call, collectConsoleErrors, idempotencyKey as idem, login, saveScreenshot, uniqueEmail } from '../../frontend-user/shared/e2e/support'

export { ADMIN_EMAIL, ApiError, adminPassword, login } from '../../frontend-user/shared/e2e/support'

export const ARTIFACTS = join(import.meta.dirname, '..', 'e2e-artifacts')

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
  // Let charts and fonts settle.
  await page.waitForLoadState('networkidle').catch(() => {})
  await saveScreenshot(page, ARTIFACTS, name, testInfo)
}

/** Fails the test on console errors and uncaught exceptions (network status lines excepted). */
export function watchConsole(page: Page): () => void {
  const errors = collectConsoleErrors(page)
  return () => expect(errors, 'console errors').toEqual([])
}
