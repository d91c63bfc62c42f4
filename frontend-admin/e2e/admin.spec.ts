import { expect, test, type Page } from '@playwright/test'
import { ApiError, Borrower, login, signInAsAdmin, snap, watchConsole } from './support'

test.describe.configure({ mode: 'serial' })

/** The live-status dot in the header turns "open" once the WebSocket is connected. */
async function expectLive(page: Page) {
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'open')
}

test('a borrower cannot use the staff console', async ({ page }, testInfo) => {
  const checkConsole = watchConsole(page)
  const borrower = await Borrower.register('Bea Borrower')
  await page.goto('login')
  await page.getByLabel('E-mail').fill(borrower.email)
  await page.getByRole('textbox', { name: 'Password' }).fill(borrower.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText('is not a staff account')
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0)
  // The refused session was not kept: a reload still shows the sign-in form.
  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await snap(page, '00-login-refused', testInfo)
  checkConsole()
})

test('the admin approves an application that arrives live, and sees the disbursement', async ({ page }, testInfo) => {
  const checkConsole = watchConsole(page)
  const borrower = await Borrower.register('Ada Lovelace')

  await signInAsAdmin(page)
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Applications/ }).click()
  await expect(page.getByRole('heading', { name: 'Applications', exact: true })).toBeVisible()
  await expectLive(page)

  // The borrower applies through the API; the queue updates without a reload.
  const loan = await borrower.apply(1_000_000, 48, 'Home renovation')
  const card = page.getByRole('article', { name: `Application ${loan.number}` })
  await expect(card).toBeVisible()
  await expect(card.getByTestId('application-amount')).toHaveText('$10,000.00')
  await expect(card).toContainText('$225.79')
  await expect(card).toContainText('Ada Lovelace')
  await expect(card.getByTestId('other-loans')).toContainText('first application')
  await snap(page, '02-applications', testInfo)

  // Approve: the reason is required.
  await card.getByRole('button', { name: `Approve ${loan.number}` }).click()
  const dialog = page.getByRole('dialog', { name: `Approve ${loan.number}?` })
  await dialog.getByRole('button', { name: 'Approve application' }).click()
  await expect(dialog.getByText('Reason for approval is required')).toBeVisible()
  await dialog.getByLabel(/Reason for approval/).fill('Income and identity verified')
  await snap(page, '03-approve-dialog', testInfo)
  await dialog.getByRole('button', { name: 'Approve application' }).click()
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: `${loan.number} approved` })).toBeVisible()
  await expect(card).toHaveCount(0)

  // The loan page shows the decision and the state's actions.
  await page.goto(`loans/${loan.id}`)
  await expect(page.getByTestId('loan-status')).toHaveText('Approved')
  await expect(page.getByTestId('decision-reason')).toContainText('Income and identity verified')
  await expect(page.getByRole('button', { name: /Disburse \$10,000\.00/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Cancel loan' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Approve/ })).toHaveCount(0)

  // The contract: downloaded once rendered, "being prepared" until then.
  const download = page.waitForEvent('download', { timeout: 10_000 }).then(() => 'downloaded' as const).catch(() => null)
  await page.getByRole('button', { name: 'Download contract (PDF)' }).click()
  const outcome = await Promise.race([
    download,
    page.getByText('The contract is being prepared').waitFor({ timeout: 10_000 }).then(() => 'preparing' as const),
  ])
  expect(['downloaded', 'preparing']).toContain(outcome)

  // The borrower accepts the money through the API; the admin's loan page and the wallet show it.
  await borrower.disburse(loan.id)
  expect((await borrower.wallet()).balance).toBe(1_000_000)
  await page.reload()
  await expect(page.getByTestId('loan-status')).toHaveText('Disbursed')
  await expect(page.getByTestId('loan-outstanding')).toHaveText('$10,000.00')
  await expect(page.getByTestId('borrower-wallet-balance')).toHaveText('$10,000.00')
  await page.getByRole('tab', { name: /Payments/ }).click()
  await expect(page.getByTestId('transaction-row').filter({ hasText: 'Loan disbursement' })).toContainText('+$10,000.00')
  await page.getByRole('tab', { name: 'History' }).click()
  await expect(page.getByTestId('loan-timeline')).toContainText('Disbursed into the wallet')
  await expect(page.getByTestId('loan-timeline')).toContainText('Income and identity verified')
  await snap(page, '04-loan-disbursed', testInfo)

  // The borrower's page: wallet and the loan.
  await page.getByRole('link', { name: 'Ada Lovelace' }).first().click()
  await expect(page.getByTestId('user-wallet-balance')).toHaveText('$10,000.00')
  await expect(page.getByTestId('loan-row').filter({ hasText: loan.number })).toContainText('Disbursed')
  await snap(page, '05-user-page', testInfo)

  // All loans, filtered by status.
  await page.goto('loans?status=disbursed')
  await expect(page.getByTestId('loan-row').filter({ hasText: loan.number })).toBeVisible()
  await snap(page, '06-all-loans', testInfo)
  checkConsole()
})

test('the admin processes one withdrawal and cancels another', async ({ page }, testInfo) => {
  const checkConsole = watchConsole(page)
  const borrower = await Borrower.register('Bob Builder')
  await borrower.deposit(50_000)

  await signInAsAdmin(page)
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Withdrawals/ }).click()
  await expect(page.getByRole('heading', { name: 'Withdrawals', exact: true })).toBeVisible()
  await expectLive(page)

  // Two requests arrive while the admin watches the queue.
  const first = await borrower.withdraw(10_000, 'DE89 3704 0044 0532 0130 00')
  const second = await borrower.withdraw(5_000, 'GB29 NWBK 6016 1331 9268 19')
  const row1 = page.locator(`[data-withdrawal-id="${first.id}"]`)
  const row2 = page.locator(`[data-withdrawal-id="${second.id}"]`)
  await expect(row1).toBeVisible()
  await expect(row2).toBeVisible()
  await expect(row1).toContainText('$100.00')
  await expect(row1).toContainText('Bob Builder')
  await snap(page, '07-withdrawals-pending', testInfo)

  // Process the first, after confirming.
  await row1.getByRole('button', { name: 'Process' }).click()
  const pay = page.getByRole('dialog', { name: 'Pay out this withdrawal?' })
  await expect(pay).toContainText('$100.00 will be paid to DE89 3704 0044 0532 0130 00')
  await pay.getByRole('button', { name: 'Pay out $100.00' }).click()
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: 'Withdrawal paid out' })).toBeVisible()
  await expect(row1).toHaveCount(0)

  // Cancel the second, with a reason.
  await row2.getByRole('button', { name: 'Cancel' }).click()
  const cancel = page.getByRole('dialog', { name: 'Cancel this withdrawal?' })
  await cancel.getByLabel(/Reason/).fill('Destination account could not be verified')
  await cancel.getByRole('button', { name: 'Cancel and return funds' }).click()
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: 'Withdrawal cancelled' })).toBeVisible()
  await expect(row2).toHaveCount(0)

  // Each was resolved exactly once; the cancelled amount is back in the wallet.
  expect((await borrower.withdrawal(first.id)).status).toBe('processed')
  expect((await borrower.withdrawal(second.id)).status).toBe('cancelled')
  const wallet = await borrower.wallet()
  expect(wallet.balance).toBe(40_000)
  expect(wallet.held).toBe(0)

  // History, filtered.
  await page.getByRole('tab', { name: 'History' }).click()
  await page.getByRole('combobox', { name: 'Status' }).click()
  await page.getByRole('option', { name: 'Cancelled' }).click()
  await expect(page.locator(`[data-withdrawal-id="${second.id}"]`)).toContainText('Destination account could not be verified')
  await expect(page.locator(`[data-withdrawal-id="${first.id}"]`)).toHaveCount(0)
  await snap(page, '08-withdrawals-history', testInfo)

  // The ledger shows the movements of this user.
  await page.goto('transactions')
  await expect(page.getByTestId('transaction-row').first()).toBeVisible()
  await expect(page.getByTestId('transaction-row').filter({ hasText: 'Withdrawal returned' }).first()).toBeVisible()
  await snap(page, '09-transactions', testInfo)
  checkConsole()
})

test('the admin deactivates a user, who then cannot log in, and reactivates them', async ({ page }, testInfo) => {
  const checkConsole = watchConsole(page)
  const borrower = await Borrower.register('Carol Danvers')

  await signInAsAdmin(page)
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click()
  await page.getByRole('searchbox', { name: 'Search' }).fill(borrower.email)
  const row = page.getByTestId('user-row').filter({ hasText: borrower.email })
  await expect(row).toHaveCount(1)
  await expect(page.getByTestId('user-row')).toHaveCount(1)
  await snap(page, '10-users', testInfo)
  await row.getByRole('link', { name: 'Carol Danvers' }).click()
  await expect(page.getByRole('heading', { name: 'Carol Danvers', exact: true })).toBeVisible()
  await expect(page.getByTestId('user-status')).toHaveText('Active')

  // Role changes ask first, too.
  await page.getByText('Staff (admin)', { exact: true }).click()
  const promote = page.getByRole('dialog', { name: /Make Carol Danvers staff/ })
  await expect(promote).toContainText('full staff access')
  await promote.getByRole('button', { name: 'Change role' }).click()
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: 'Role changed' })).toBeVisible()
  await expect(page.getByText('Staff (admin)', { exact: true }).first()).toBeVisible()
  await page.getByText('Borrower', { exact: true }).last().click()
  await page.getByRole('dialog', { name: /Make Carol Danvers borrower/ }).getByRole('button', { name: 'Change role' }).click()
  await expect(page.getByTestId('user-role')).toHaveText('Borrower')

  await page.getByRole('button', { name: 'Deactivate user' }).click()
  const dialog = page.getByRole('dialog', { name: 'Deactivate Carol Danvers?' })
  await expect(dialog).toContainText('can no longer sign in')
  await dialog.getByRole('button', { name: 'Deactivate' }).click()
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: 'User deactivated' })).toBeVisible()
  await expect(page.getByTestId('user-status')).toHaveText('Deactivated')
  await snap(page, '11-user-deactivated', testInfo)

  // The API refuses their login now.
  const refused = await login(borrower.email, borrower.password).then(
    () => null,
    (e: unknown) => e,
  )
  expect(refused).toBeInstanceOf(ApiError)
  expect((refused as ApiError).status).toBe(401)

  // Reactivated, they can sign in again.
  await page.getByRole('button', { name: 'Reactivate user' }).click()
  await page.getByRole('dialog', { name: 'Reactivate Carol Danvers?' }).getByRole('button', { name: 'Reactivate' }).click()
  await expect(page.getByTestId('user-status')).toHaveText('Active')
  expect(await login(borrower.email, borrower.password)).toBeTruthy()
  checkConsole()
})

test('overview figures, charts, jobs and notifications', async ({ page }, testInfo) => {
  const checkConsole = watchConsole(page)
  await signInAsAdmin(page)
  await expect(page.getByTestId('stat-disbursed')).toContainText('$')
  await expect(page.getByTestId('stat-outstanding')).toContainText('$')
  await expect(page.getByRole('region', { name: 'Loans by status' })).toContainText('Disbursed')
  await expect(page.getByRole('figure', { name: /Amount disbursed per day/ })).toBeVisible()
  await snap(page, '01-overview', testInfo)

  await page.goto('jobs')
  await expect(page.getByRole('heading', { name: 'Background jobs', exact: true })).toBeVisible()
  // Approving a loan queued its contract PDF.
  await expect(page.getByRole('table').getByText('loan_contract').first()).toBeVisible()
  await snap(page, '12-jobs', testInfo)

  await page.goto('notifications')
  await expect(page.getByText(/New loan application LN-/).first()).toBeVisible()
  await snap(page, '13-notifications', testInfo)
  checkConsole()
})
