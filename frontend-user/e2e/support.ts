import { join } from 'node:path'
import { expect, type Page, type TestInfo } from '@playwright/test'
import { ADMIN_EMAIL, adminPassword, call, collectConsoleErrors, idempotencyKey, login, saveScreenshot } from '../shared/e2e/support'

export { uniqueEmail } from '../shared/e2e/support'

export const ARTIFACTS = join(import.meta.dirname, '..', 'e2e-artifacts')

/** Staff actions the borrower app does not have, done through the API as the first admin. */
export const admin = {
  async token(): Promise<string> {
    return login(ADMIN_EMAIL, adminPassword())
  },
  async approve(loanId: string, reason = 'Income verified by e2e'): Promise<void> {
    await call('POST', `/loans/${loanId}/approve`, await admin.token(), { decision: 'approve', reason }, idempotencyKey())
  },
}

/** Saves a full-page screenshot under e2e-artifacts/ and attaches it to the report. */
export async function snap(page: Page, name: string, testInfo?: TestInfo): Promise<void> {
  // Let data load (no spinners left) and charts settle. (Not 'networkidle': a refused WebSocket
  // handshake can stay pending in vite preview's proxy, so the network never looks idle.)
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0, { timeout: 10_000 }).catch(() => {})
  await page.waitForTimeout(300)
  await saveScreenshot(page, ARTIFACTS, name, testInfo)
}

/** Fails the test on console errors and uncaught exceptions (network status lines excepted). */
export function watchConsole(page: Page): () => void {
  const errors = collectConsoleErrors(page)
  return () => expect(errors, 'console errors').toEqual([])
}
