import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { borrowerUser, json, makeWithdrawal, problem, renderApp, sent } from '@/testing/utils'

const pendingList = (items: unknown[]) => (r: { method: string; path: string; search: URLSearchParams }) =>
  r.method === 'GET' && r.path === '/api/withdrawals' && r.search.get('status') === 'pending' ? json({ items, next_cursor: null }) : undefined
const userById = (r: { method: string; path: string }) => (r.method === 'GET' && r.path === `/api/users/${borrowerUser.id}` ? json(borrowerUser) : undefined)

describe('pending withdrawals', () => {
  it('asks for confirmation before paying out, then processes once with an Idempotency-Key', async () => {
    const w = makeWithdrawal()
    const { requests } = renderApp({
      path: '/withdrawals',
      handlers: [
        pendingList([w]),
        userById,
        (r) => (r.method === 'POST' && r.path === `/api/withdrawals/${w.id}/process` ? json({ ...w, status: 'processed' }) : undefined),
      ],
    })
    const user = userEvent.setup()
    const row = (await screen.findAllByTestId('withdrawal-row'))[0]!
    expect(within(row).getByText('$100.00')).toBeInTheDocument()

    // Clicking Process only opens the confirmation; backing out sends nothing.
    await user.click(within(row).getByRole('button', { name: 'Process' }))
    let dialog = await screen.findByRole('dialog', { name: 'Pay out this withdrawal?' })
    expect(dialog).toHaveTextContent('$100.00 will be paid to DE89 3704 0044 0532 0130 00')
    expect(sent(requests, 'POST', `/api/withdrawals/${w.id}/process`)).toHaveLength(0)
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(sent(requests, 'POST', `/api/withdrawals/${w.id}/process`)).toHaveLength(0)

    // Confirmed: one POST, with a key.
    await user.click(within(row).getByRole('button', { name: 'Process' }))
    dialog = await screen.findByRole('dialog', { name: 'Pay out this withdrawal?' })
    await user.click(within(dialog).getByRole('button', { name: 'Pay out $100.00' }))
    await waitFor(() => expect(sent(requests, 'POST', `/api/withdrawals/${w.id}/process`)).toHaveLength(1))
    expect(sent(requests, 'POST', `/api/withdrawals/${w.id}/process`)[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(await screen.findByText('Withdrawal paid out')).toBeInTheDocument()
    expect(sent(requests, 'POST', `/api/withdrawals/${w.id}/cancel`)).toHaveLength(0)
  })

  it('retries a failed payout with the same Idempotency-Key, so it cannot be paid twice', async () => {
    const w = makeWithdrawal()
    let attempts = 0
    const { requests } = renderApp({
      path: '/withdrawals',
      handlers: [
        pendingList([w]),
        userById,
        (r) => {
          if (r.method !== 'POST' || r.path !== `/api/withdrawals/${w.id}/process`) return undefined
          attempts += 1
          return attempts === 1 ? problem(503, 'Service unavailable', 'The database is busy; try again.') : json({ ...w, status: 'processed' })
        },
      ],
    })
    const user = userEvent.setup()

    await user.click(await screen.findByRole('button', { name: 'Process' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Pay out $100.00' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The database is busy; try again.')
    await user.click(within(dialog).getByRole('button', { name: 'Pay out $100.00' }))
    expect(await screen.findByText('Withdrawal paid out')).toBeInTheDocument()

    const keys = sent(requests, 'POST', `/api/withdrawals/${w.id}/process`).map((r) => r.headers.get('Idempotency-Key'))
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
  })

  it('cancels with an optional reason after confirmation', async () => {
    const w = makeWithdrawal()
    const { requests } = renderApp({
      path: '/withdrawals',
      handlers: [
        pendingList([w]),
        userById,
        (r) => (r.method === 'POST' && r.path === `/api/withdrawals/${w.id}/cancel` ? json({ ...w, status: 'cancelled' }) : undefined),
      ],
    })
    const user = userEvent.setup()

    await user.click(await screen.findByRole('button', { name: 'Cancel' }))
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this withdrawal?' })
    await user.type(within(dialog).getByLabelText(/Reason/), 'Account closed')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel and return funds' }))

    await waitFor(() => expect(sent(requests, 'POST', `/api/withdrawals/${w.id}/cancel`)).toHaveLength(1))
    const post = sent(requests, 'POST', `/api/withdrawals/${w.id}/cancel`)[0]!
    expect(post.body).toEqual({ reason: 'Account closed' })
    expect(post.headers.get('Idempotency-Key')).toBeTruthy()
    expect(await screen.findByText('Withdrawal cancelled')).toBeInTheDocument()
  })
})
