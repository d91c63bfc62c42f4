import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { json, makeLoan, renderApp, sent } from '@/testing/utils'

describe('applications queue', () => {
  it('approves an application only with a reason, once, with an Idempotency-Key', async () => {
    const loan = makeLoan()
    let decided = false
    let release: () => void = () => {}
    const { requests } = renderApp({
      path: '/applications',
      handlers: [
        (r) =>
          r.method === 'GET' && r.path === '/api/loans' && r.search.get('status') === 'submitted'
            ? json({ items: decided ? [] : [loan], next_cursor: null })
            : undefined,
        (r) =>
          r.method === 'POST' && r.path === `/api/loans/${loan.id}/approve`
            ? new Promise<Response>((resolve) => {
                release = () => {
                  decided = true
                  resolve(json({ ...loan, status: 'approved', decision_reason: 'Income verified' }))
                }
              })
            : undefined,
      ],
    })
    const user = userEvent.setup()

    const card = await screen.findByRole('article', { name: 'Application LN-2026-000042' })
    expect(within(card).getByText('$10,000.00')).toBeInTheDocument()
    expect(within(card).getByText('$225.79')).toBeInTheDocument()
    expect(within(card).getByText('Ada Lovelace')).toBeInTheDocument()
    expect(await within(card).findByText(/this is their first application/)).toBeInTheDocument()

    await user.click(within(card).getByRole('button', { name: 'Approve LN-2026-000042' }))
    const dialog = await screen.findByRole('dialog', { name: 'Approve LN-2026-000042?' })

    // No reason: refused in the form, nothing sent.
    await user.click(within(dialog).getByRole('button', { name: 'Approve application' }))
    expect(await within(dialog).findByText('Reason for approval is required')).toBeInTheDocument()
    expect(sent(requests, 'POST', `/api/loans/${loan.id}/approve`)).toHaveLength(0)

    await user.type(within(dialog).getByLabelText(/Reason for approval/), '  Income verified ')
    await user.click(within(dialog).getByRole('button', { name: 'Approve application' }))

    // In flight: the confirm button is busy and a second click sends nothing more.
    await waitFor(() => expect(sent(requests, 'POST', `/api/loans/${loan.id}/approve`)).toHaveLength(1))
    const confirm = within(dialog).getByRole('button', { name: 'Approve application' })
    expect(confirm).toHaveAttribute('data-loading')
    await user.click(confirm).catch(() => {})
    expect(sent(requests, 'POST', `/api/loans/${loan.id}/approve`)).toHaveLength(1)

    const [post] = sent(requests, 'POST', `/api/loans/${loan.id}/approve`)
    expect(post!.body).toEqual({ decision: 'approve', reason: 'Income verified' })
    expect(post!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(post!.headers.get('Authorization')).toBe('Bearer access-1')

    release()
    expect(await screen.findByText('LN-2026-000042 approved')).toBeInTheDocument()
    expect(await screen.findByText('The queue is empty')).toBeInTheDocument()
  })

  it('rejects with the reason the reviewer gave', async () => {
    const loan = makeLoan()
    const { requests } = renderApp({
      path: '/applications',
      handlers: [
        (r) => (r.method === 'GET' && r.path === '/api/loans' && r.search.get('status') === 'submitted' ? json({ items: [loan], next_cursor: null }) : undefined),
        (r) => (r.method === 'POST' && r.path === `/api/loans/${loan.id}/approve` ? json({ ...loan, status: 'rejected' }) : undefined),
      ],
    })
    const user = userEvent.setup()

    await user.click(await screen.findByRole('button', { name: 'Reject LN-2026-000042' }))
    const dialog = await screen.findByRole('dialog', { name: 'Reject LN-2026-000042?' })
    await user.type(within(dialog).getByLabelText(/Reason for rejection/), 'Income could not be verified')
    await user.click(within(dialog).getByRole('button', { name: 'Reject application' }))

    await waitFor(() => expect(sent(requests, 'POST', `/api/loans/${loan.id}/approve`)).toHaveLength(1))
    expect(sent(requests, 'POST', `/api/loans/${loan.id}/approve`)[0]!.body).toEqual({ decision: 'reject', reason: 'Income could not be verified' })
    expect(await screen.findByText('LN-2026-000042 rejected')).toBeInTheDocument()
  })

  it('shows the problem when the decision is refused, keeping the dialog open', async () => {
    const loan = makeLoan()
    renderApp({
      path: '/applications',
      handlers: [
        (r) => (r.method === 'GET' && r.path === '/api/loans' && r.search.get('status') === 'submitted' ? json({ items: [loan], next_cursor: null }) : undefined),
        (r) =>
          r.method === 'POST' && r.path === `/api/loans/${loan.id}/approve`
            ? json({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'The loan was cancelled by the borrower.' }, 409)
            : undefined,
      ],
    })
    const user = userEvent.setup()

    await user.click(await screen.findByRole('button', { name: 'Approve LN-2026-000042' }))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText(/Reason for approval/), 'ok')
    await user.click(within(dialog).getByRole('button', { name: 'Approve application' }))

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The loan was cancelled by the borrower.')
  })
})
