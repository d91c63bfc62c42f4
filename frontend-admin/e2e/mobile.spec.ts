import { expect, test } from '@playwright/test'
import { signInAsAdmin, snap, watchConsole } from './support'

test('the console works on a phone: navigation drawer and queues', async ({ page }, testInfo) => {
  const checkConsole = watchConsole(page)
  await signInAsAdmin(page)
  await snap(page, 'overview', testInfo)
  await page.getByRole('button', { name: 'Toggle navigation' }).click()
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Withdrawals/ }).click()
  await expect(page.getByRole('heading', { name: 'Withdrawals', exact: true })).toBeVisible()
  await snap(page, 'withdrawals', testInfo)
  checkConsole()
})
