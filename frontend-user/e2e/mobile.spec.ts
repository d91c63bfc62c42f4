import { expect, test } from '@playwright/test'
import { snap, uniqueEmail, watchConsole } from './support'

test('the app works on a phone', async ({ page }, testInfo) => {
  const checkConsole = watchConsole(page)
  await page.goto('/register')
  await page.getByLabel('Full name').fill('Grace Hopper')
  await page.getByLabel('E-mail').fill(uniqueEmail('phone'))
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('correct-horse-battery')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: /Grace/ })).toBeVisible()
  await snap(page, 'dashboard', testInfo)

  await page.getByRole('button', { name: 'Toggle navigation' }).click()
  await page.getByRole('link', { name: 'New loan' }).first().click()
  await page.getByLabel('How much do you need?').fill('2500')
  await expect(page.getByText(/Borrow \$2,500\.00 over 48 months/)).toBeVisible()
  await snap(page, 'calculator', testInfo)
  checkConsole()
})
