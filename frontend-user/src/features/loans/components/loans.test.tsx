import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { json, mockApi, problem, type Recorded } from '@/testing/mockApi'
import { loan, quote, user, wallet } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { NewLoanPage } from './NewLoanPage'
import { LoanDetailPage } from './LoanDetailPage'

afterEach(() => vi.unstubAllGlobals())

const base = {
  'GET /auth/me': () => user,
  'GET /wallet': () => wallet(),
}

describe('loan calculator', () => {
  it('quotes as the borrower types, in cents, and applies with an Idempotency-Key', async () => {
    let attempts = 0
    const api = mockApi({
      ...base,
      'POST /loans/quote': (r: Recorded) => {
        const b = r.body as { amount: number; term_months: number }
        return quote(b.amount, b.term_months)
      },
      'POST /loans': (r: Recorded) => {
        attempts++
        if (attempts === 1) throw new TypeError('Failed to fetch') // the network drops the first try
        return json(loan({ amount: (r.body as { amount: number }).amount }), 201)
      },
      'GET /loans/:id': () => loan(),
      'GET /loans/:id/schedule': () => ({ loan_id: loan().id, currency: 'USD', installments: quote(1000000, 48).schedule }),
      'GET /loans/:id/events': () => ({ items: [] }),
    })
    const { router } = renderApp([{ path: '/loans/new', element: <NewLoanPage /> }, { path: '/loans/:id', element: <LoanDetailPage /> }], { path: '/loans/new' })

    expect(await screen.findByTestId('quote-payment')).toHaveTextContent('$225.79')
    const amount = screen.getByRole('textbox', { name: /How much do you need/ })
    await userEvent.clear(amount)
    await userEvent.type(amount, '12,345.67')
    await waitFor(() => expect(api.find('POST', '/loans/quote').at(-1)?.body).toEqual({ amount: 1234567, term_months: 48 }))
    // Debounced: not one request per keystroke.
    expect(api.find('POST', '/loans/quote').length).toBeLessThan(4)

    await userEvent.type(screen.getByRole('textbox', { name: /Purpose/ }), 'New roof')
    await userEvent.click(screen.getByRole('button', { name: 'Apply for this loan' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not reach the server/i)
    await userEvent.click(screen.getByRole('button', { name: 'Apply for this loan' }))
    await waitFor(() => expect(router.state.location.pathname).toBe(`/loans/${loan().id}`))

    const posts = api.find('POST', '/loans')
    expect(posts).toHaveLength(2)
    expect(posts[0].body).toEqual({ amount: 1234567, term_months: 48, purpose: 'New roof' })
    const key = posts[0].headers.get('Idempotency-Key')
    expect(key).toMatch(/^[0-9a-f-]{36}$/)
    // The retry of the same submit reuses the key, so the server cannot create two loans.
    expect(posts[1].headers.get('Idempotency-Key')).toBe(key)
  })

  it('shows the API limits next to the amount', async () => {
    mockApi({
      ...base,
      'POST /loans/quote': () => problem(422, 'Invalid request', 'amount must be at least 10000', [{ field: 'amount', message: 'must be at least 10000' }]),
    })
    renderApp([{ path: '/loans/new', element: <NewLoanPage /> }], { path: '/loans/new' })
    expect(await screen.findByText('Must be at least 10000')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Apply for this loan' })).toBeDisabled()
  })
})

describe('loan page', () => {
  const routes = [{ path: '/loans/:id', element: <LoanDetailPage /> }]
  const path = `/loans/${loan().id}`
  const common = {
    ...base,
    'GET /loans/:id/schedule': () => ({ loan_id: loan().id, currency: 'USD', installments: quote(1000000, 48).schedule }),
    'GET /loans/:id/events': () => ({
      items: [{ id: 'e1', loan_id: loan().id, from_status: null, to_status: 'submitted', created_at: '2026-05-01T10:00:00Z', actor_name: 'Ada Lovelace' }],
    }),
  }

  it('offers edit and cancel while under review', async () => {
    mockApi({ ...common, 'GET /loans/:id': () => loan() })
    renderApp(routes, { path })
    expect(await screen.findByTestId('loan-status')).toHaveTextContent('Under review')
    expect(screen.getByRole('button', { name: 'Edit application' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Cancel application' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Accept and receive/ })).not.toBeInTheDocument()
    expect(await screen.findByText('Application submitted')).toBeInTheDocument()
  })

  it('accepts the disbursement of an approved loan', async () => {
    let status: 'approved' | 'disbursed' = 'approved'
    const api = mockApi({
      ...common,
      'GET /loans/:id': () => loan({ status }),
      'POST /loans/:id/disburse': () => {
        status = 'disbursed'
        return loan({ status })
      },
      'GET /loans/:id/payoff': () => ({ loan_id: loan().id, amount: 1003333, principal: 1000000, interest: 3333, as_of: '2026-05-02T00:00:00Z', currency: 'USD' }),
      'GET /transactions': () => ({ items: [] }),
    })
    renderApp(routes, { path })
    await userEvent.click(await screen.findByRole('button', { name: 'Accept and receive $10,000.00' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Accept disbursement' }))
    await waitFor(() => expect(screen.getByTestId('loan-status')).toHaveTextContent('Active'))
    expect(api.find('POST', `/loans/${loan().id}/disburse`)[0].headers.get('Idempotency-Key')).toBeTruthy()
  })

  it('repays up to the payoff and shows the allocation', async () => {
    const running = loan({ status: 'disbursed', next_due_amount: 22579, next_due_date: '2026-06-01', disbursed_at: '2026-05-01T10:00:00Z' })
    const api = mockApi({
      ...common,
      'GET /wallet': () => wallet({ available: 30000, balance: 30000 }),
      'GET /loans/:id': () => running,
      'GET /loans/:id/payoff': () => ({ loan_id: running.id, amount: 1003333, principal: 1000000, interest: 3333, as_of: '2026-05-02T00:00:00Z', currency: 'USD' }),
      'GET /transactions': () => ({ items: [] }),
      'POST /transactions/repay': () =>
        json(
          {
            transaction: { id: 't1', user_id: user.id, type: 'repayment', amount: -22579, balance_after: 7421, currency: 'USD', created_at: '2026-05-02T00:00:00Z' },
            loan: { ...running, outstanding_principal: 980754 },
            allocations: [{ number: 1, principal: 19246, interest: 3333 }],
          },
          201,
        ),
    })
    renderApp(routes, { path })
    const input = await screen.findByRole('textbox', { name: /Amount to pay/ })
    expect(input).toHaveValue('225.79')

    // More than the wallet holds is explained before submitting.
    await userEvent.clear(input)
    await userEvent.type(input, '400')
    expect(await screen.findByText(/Your available balance is \$300\.00/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Pay $400.00' })).toBeDisabled()

    await userEvent.click(screen.getByRole('button', { name: /Next installment/ }))
    await userEvent.click(screen.getByRole('button', { name: 'Pay $225.79' }))
    const result = await screen.findByTestId('repay-result')
    expect(within(result).getByTestId('allocation')).toHaveTextContent('Installment #1$33.33 interest · $192.46 principal')
    const call = api.find('POST', '/transactions/repay')[0]
    expect(call.body).toEqual({ loan_id: running.id, amount: 22579 })
    expect(call.headers.get('Idempotency-Key')).toBeTruthy()
  })
})
