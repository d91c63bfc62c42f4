import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { json, mockApi, problem, type Recorded } from '@/testing/mockApi'
import { user, wallet } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { WalletPage } from './WalletPage'

afterEach(() => vi.unstubAllGlobals())

describe('wallet', () => {
  it('explains insufficient funds before a withdrawal is submitted', async () => {
    const api = mockApi({
      'GET /auth/me': () => user,
      'GET /wallet': () => wallet({ available: 12345, balance: 12345 }),
      'GET /withdrawals': () => ({ items: [] }),
    })
    renderApp(<WalletPage />)
    await userEvent.click(await screen.findByRole('tab', { name: 'Withdraw' }))
    expect(screen.getByTestId('withdraw-available')).toHaveTextContent('$123.45')
    await userEvent.type(screen.getByRole('textbox', { name: 'Amount' }), '123.46')
    expect(await screen.findByText(/Insufficient funds: only \$123\.45 is available/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Request withdrawal' })).toBeDisabled()
    expect(api.find('POST', '/withdrawals')).toHaveLength(0)
    expect(screen.getByText('No withdrawals')).toBeInTheDocument()
  })

  it('deposits cents parsed from text, with a fresh key per intent', async () => {
    let balance = 0
    const api = mockApi({
      'GET /auth/me': () => user,
      'GET /wallet': () => wallet({ available: balance, balance }),
      'GET /withdrawals': () => ({ items: [] }),
      'POST /transactions/deposit': (r: Recorded) => {
        const amount = (r.body as { amount: number }).amount
        balance += amount
        return json({ id: 't', user_id: user.id, type: 'deposit', amount, balance_after: balance, currency: 'USD', created_at: '2026-05-01T00:00:00Z' }, 201)
      },
    })
    renderApp(<WalletPage />)
    const input = await screen.findByRole('textbox', { name: 'Deposit amount' })
    await userEvent.type(input, '1,000.05')
    await userEvent.click(screen.getByRole('button', { name: 'Deposit' }))
    await waitFor(() => expect(screen.getByTestId('wallet-available')).toHaveTextContent('$1,000.05'))
    await userEvent.type(input, '1,000.05')
    await userEvent.click(screen.getByRole('button', { name: 'Deposit' }))
    await waitFor(() => expect(screen.getByTestId('wallet-available')).toHaveTextContent('$2,000.10'))
    const posts = api.find('POST', '/transactions/deposit')
    expect(posts.map((p) => p.body)).toEqual([{ amount: 100005 }, { amount: 100005 }])
    // Two deposits of the same amount are two intents: two keys.
    expect(posts[0].headers.get('Idempotency-Key')).not.toBe(posts[1].headers.get('Idempotency-Key'))
  })

  it('shows a server rejection as a readable message', async () => {
    mockApi({
      'GET /auth/me': () => user,
      'GET /wallet': () => wallet({ available: 50000 }),
      'GET /withdrawals': () => ({ items: [] }),
      'POST /withdrawals': () => problem(422, 'Insufficient funds', 'The available balance is 50.00 USD; 100.00 USD was requested.'),
    })
    renderApp(<WalletPage />)
    await userEvent.click(await screen.findByRole('tab', { name: 'Withdraw' }))
    await userEvent.type(screen.getByRole('textbox', { name: 'Amount' }), '100')
    await userEvent.type(screen.getByRole('textbox', { name: 'Bank account' }), 'DE89 3704')
    await userEvent.click(screen.getByRole('button', { name: 'Request withdrawal' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The available balance is 50.00 USD')
  })
})
