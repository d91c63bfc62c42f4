import { expect, test } from '@playwright/test'
import { admin, snap, uniqueEmail, watchConsole } from './support'

test.describe.configure({ mode: 'serial' })

test('a borrower takes a loan from application to repayment and withdraws', async ({ page }, testInfo) => {
  const checkConsole = watchConsole(page)
  const email = uniqueEmail()
  const password = 'correct-horse-battery'

  // Register: lands on the dashboard, signed in.
  await page.goto('/register')
  await snap(page, '01-register', testInfo)
  await page.getByLabel('Full name').fill('Ada Lovelace')
  await page.getByLabel('E-mail').fill(email)
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: /Ada/ })).toBeVisible()
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'open')

  // Stays signed in across a reload.
  await page.reload()
  await expect(page.getByRole('heading', { name: /Ada/ })).toBeVisible()

  // An access token the server refuses is replaced through one refresh-token rotation: the
  // dashboard's parallel requests share it (a second use of the old refresh token would make
  // the server revoke the session and sign us out).
  const key = 'lending.user.session'
  const before = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), key)
  await page.evaluate((k) => {
    const t = JSON.parse(localStorage.getItem(k)!)
    localStorage.setItem(k, JSON.stringify({ ...t, accessToken: 'not-a-valid-token' }))
  }, key)
  await page.reload()
  await expect(page.getByRole('heading', { name: /Ada/ })).toBeVisible()
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'open')
  const after = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), key)
  expect(after.refreshToken).not.toBe(before.refreshToken)
  expect(after.accessToken).not.toBe('not-a-valid-token')
  await snap(page, '02-dashboard-empty', testInfo)

  // Calculator: quotes as you type, then apply.
  await page.getByRole('link', { name: 'New loan' }).first().click()
  const amount = page.getByLabel('How much do you need?')
  await amount.fill('10000')
  await page.getByLabel('Term (months)').fill('48')
  await expect(page.getByTestId('quote-payment')).toHaveText('$225.79')
  await expect(page.getByTestId('quote-interest')).toHaveText('$837.91')
  await amount.fill('12000')
  await expect(page.getByTestId('quote-payment')).not.toHaveText('$225.79')
  await amount.fill('10000')
  await expect(page.getByTestId('quote-payment')).toHaveText('$225.79')
  await page.getByLabel('Purpose').fill('Home renovation')
  await snap(page, '03-calculator', testInfo)
  await page.getByRole('button', { name: 'Apply for this loan' }).click()

  await expect(page).toHaveURL(/\/loans\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('loan-status')).toHaveText('Under review')
  const loanId = page.url().split('/').pop()!
  await snap(page, '04-loan-submitted', testInfo)

  // Staff approve through the API; the borrower sees it live.
  await admin.approve(loanId)
  const toast = page.locator('.mantine-Notification-root').filter({ hasText: /approv/i })
  await expect(toast.first()).toBeVisible()
  await expect(page.getByTestId('loan-status')).toHaveText('Approved')
  await snap(page, '05-loan-approved-toast', testInfo)

  // Accept the disbursement.
  await page.getByRole('button', { name: /Accept and receive/ }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Accept disbursement' }).click()
  await expect(page.getByTestId('loan-status')).toHaveText('Active')
  await expect(page.getByTestId('payoff-amount')).toBeVisible()
  await page.getByRole('tab', { name: 'Chart' }).click()
  await expect(page.getByRole('figure', { name: /Remaining balance/ })).toBeVisible()
  await snap(page, '06-loan-active', testInfo)
  await page.getByRole('tab', { name: 'Schedule' }).click()

  // The contract PDF (rendered in the background after approval).
  await expect(async () => {
    const download = page.waitForEvent('download', { timeout: 3_000 })
    await page.getByRole('button', { name: 'Download contract (PDF)' }).click()
    expect((await download).suggestedFilename()).toMatch(/contract\.pdf$/)
  }).toPass({ timeout: 45_000 })

  // Deposit into the wallet.
  await page.getByRole('link', { name: 'Wallet' }).first().click()
  await expect(page.getByTestId('wallet-available')).toHaveText('$10,000.00')
  await page.getByLabel('Deposit amount').fill('500')
  await page.getByRole('button', { name: 'Deposit', exact: true }).click()
  await expect(page.getByTestId('wallet-available')).toHaveText('$10,500.00')

  // Repay the next installment and see how it was allocated.
  await page.goto(`/loans/${loanId}`)
  await page.getByRole('button', { name: /Next installment/ }).click()
  await page.getByRole('button', { name: /^Pay \$/ }).click()
  const result = page.getByTestId('repay-result')
  await expect(result).toBeVisible()
  await expect(result.getByTestId('allocation').first()).toContainText('Installment #1')
  await snap(page, '07-repaid-installment', testInfo)

  // Withdrawal: too much is explained before submitting; a valid amount is held.
  await page.getByRole('link', { name: 'Wallet' }).first().click()
  await page.getByRole('tab', { name: 'Withdraw' }).click()
  const available = await page.getByTestId('withdraw-available').textContent()
  await page.getByRole('textbox', { name: 'Amount', exact: true }).fill('999999')
  await expect(page.getByText(/Insufficient funds/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Request withdrawal' })).toBeDisabled()
  await page.getByRole('textbox', { name: 'Amount', exact: true }).fill('1000')
  await page.getByLabel('Bank account').fill('DE89 3704 0044 0532 0130 00')
  await page.getByRole('button', { name: 'Request withdrawal' }).click()
  await expect(page.getByTestId('wallet-held')).toHaveText('$1,000.00')
  await expect(page.getByTestId('withdrawal-history').getByText('Pending')).toBeVisible()
  expect(await page.getByTestId('withdraw-available').textContent()).not.toBe(available)
  await snap(page, '08-wallet', testInfo)

  // History, notifications, profile.
  await page.getByRole('link', { name: 'Transactions' }).first().click()
  await expect(page.getByTestId('transactions-table').getByText('Loan disbursement')).toBeVisible()
  await expect(page.getByTestId('transactions-table').getByText('Deposit', { exact: true })).toBeVisible()
  await snap(page, '09-transactions', testInfo)

  await page.getByRole('link', { name: 'Notifications', exact: true }).first().click()
  await expect(page.getByTestId('notification-item').first()).toBeVisible()
  await snap(page, '10-notifications', testInfo)

  await page.getByRole('link', { name: 'Dashboard' }).first().click()
  await expect(page.getByTestId('active-loan')).toHaveCount(1)
  await snap(page, '11-dashboard', testInfo)

  await page.getByRole('link', { name: 'My loans' }).first().click()
  await expect(page.getByTestId('loan-card')).toHaveCount(1)
  await snap(page, '11b-loans', testInfo)

  await page.getByRole('link', { name: 'Profile' }).first().click()
  await expect(page.getByLabel('Full name')).toHaveValue('Ada Lovelace')
  await snap(page, '12-profile', testInfo)

  // Sign out.
  await page.getByRole('button', { name: 'Account menu' }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await snap(page, '13-login', testInfo)
  checkConsole()
})

test('an application can be edited and cancelled while under review', async ({ page }) => {
  const checkConsole = watchConsole(page)
  await page.goto('/register')
  await page.getByLabel('Full name').fill('Charles Babbage')
  await page.getByLabel('E-mail').fill(uniqueEmail('edit'))
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('correct-horse-battery')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: /Charles/ })).toBeVisible()

  await page.goto('/loans/new')
  await page.getByLabel('How much do you need?').fill('5000')
  await page.getByText('24 mo', { exact: true }).click()
  await page.getByLabel('Purpose').fill('Workshop tools')
  await expect(page.getByText(/Borrow \$5,000\.00 over 24 months/)).toBeVisible()
  await page.getByRole('button', { name: 'Apply for this loan' }).click()
  await expect(page.getByTestId('loan-status')).toHaveText('Under review')

  await page.getByRole('button', { name: 'Edit application' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Amount').fill('6000')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('$6,000.00').first()).toBeVisible()

  await page.getByRole('button', { name: 'Cancel application' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel application' }).click()
  await expect(page.getByTestId('loan-status')).toHaveText('Cancelled')
  await page.goto('/loans?status=cancelled')
  await expect(page.getByTestId('loan-card')).toHaveCount(1)
  checkConsole()
})

test('wrong credentials are explained on the login form', async ({ page }) => {
  const checkConsole = watchConsole(page)
  await page.goto('/login')
  await page.getByLabel('E-mail').fill('nobody@example.com')
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert').filter({ hasText: /wrong|invalid|incorrect/i })).toBeVisible()
  checkConsole()
})
