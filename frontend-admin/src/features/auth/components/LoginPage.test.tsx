import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { adminUser, borrowerUser, json, problem, renderApp, sent } from '@/testing/utils'

const tokens = { access_token: 'a-1', refresh_token: 'r-1', token_type: 'bearer', expires_in: 900 }

async function signIn(email: string, password: string) {
  const user = userEvent.setup()
  await user.type(await screen.findByLabelText(/E-mail/), email)
  await user.type(screen.getByLabelText(/^Password/), password)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
}

describe('staff sign in', () => {
  it('refuses a borrower with a clear message and ends their session at once', async () => {
    const { requests, api } = renderApp({
      path: '/login',
      tokens: null,
      me: borrowerUser,
      handlers: [
        (r) => (r.method === 'POST' && r.path === '/api/auth/login' ? json(tokens) : undefined),
        (r) => (r.method === 'POST' && r.path === '/api/auth/logout' ? new Response(null, { status: 204 }) : undefined),
      ],
    })

    await signIn('ada@example.com', 'correct-horse-battery')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Staff only')
    expect(alert).toHaveTextContent('ada@example.com is not a staff account')
    // The role was checked with GET /auth/me, and the borrower's session was ended.
    expect(sent(requests, 'GET', '/api/auth/me').length).toBeGreaterThan(0)
    await waitFor(() => expect(sent(requests, 'POST', '/api/auth/logout')).toHaveLength(1))
    expect(api.tokens.get()).toBeNull()
    // Still on the sign-in form, nothing of the console shown.
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: 'Main navigation' })).not.toBeInTheDocument()
  })

  it('lets an admin in', async () => {
    const { api } = renderApp({
      path: '/login',
      tokens: null,
      me: adminUser,
      handlers: [(r) => (r.method === 'POST' && r.path === '/api/auth/login' ? json(tokens) : undefined)],
    })

    await signIn('admin@localhost', 'secret-password')

    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeInTheDocument()
    expect(api.tokens.get()?.accessToken).toBe('a-1')
  })

  it('shows the problem detail of a failed login', async () => {
    renderApp({
      path: '/login',
      tokens: null,
      handlers: [(r) => (r.method === 'POST' && r.path === '/api/auth/login' ? problem(401, 'Unauthorized', 'Wrong e-mail or password.') : undefined)],
    })

    await signIn('admin@localhost', 'nope')

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong e-mail or password.')
  })
})
