import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PublicOnly, RequireAuth } from '@/app/routes/guards'
import { json, mockApi, problem } from '@/testing/mockApi'
import { user } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { LoginPage } from './LoginPage'
import { RegisterPage } from './RegisterPage'

const routes = [
  { element: <PublicOnly />, children: [{ path: '/login', element: <LoginPage /> }, { path: '/register', element: <RegisterPage /> }] },
  { element: <RequireAuth />, children: [{ path: '/', element: <p>dashboard for signed-in users</p> }] },
]

afterEach(() => vi.unstubAllGlobals())

describe('auth pages', () => {
  it('sends anonymous visitors to the login page', async () => {
    mockApi({})
    renderApp(routes, { path: '/', signedIn: false })
    expect(await screen.findByRole('heading', { name: 'Welcome back' })).toBeInTheDocument()
  })

  it('shows the server message on wrong credentials', async () => {
    mockApi({
      'POST /auth/login': () => problem(401, 'Unauthorized', 'the e-mail or password is wrong, or the account is deactivated'),
    })
    renderApp(routes, { path: '/login', signedIn: false })
    await userEvent.type(await screen.findByRole('textbox', { name: 'E-mail' }), 'ada@example.com')
    await userEvent.type(screen.getByLabelText(/^Password/), 'nope-nope')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('the e-mail or password is wrong')
  })

  it('signs in, stores the tokens and opens the app', async () => {
    const api = mockApi({
      'POST /auth/login': () => json({ access_token: 'A1', refresh_token: 'R1', token_type: 'bearer', expires_in: 900 }),
      'GET /auth/me': () => user,
    })
    const { tokens } = renderApp(routes, { path: '/login', signedIn: false })
    await userEvent.type(await screen.findByRole('textbox', { name: 'E-mail' }), 'ada@example.com')
    await userEvent.type(screen.getByLabelText(/^Password/), 'correct-horse')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('dashboard for signed-in users')).toBeInTheDocument()
    expect(tokens.get()?.refreshToken).toBe('R1')
    expect(api.find('GET', '/auth/me')[0].headers.get('Authorization')).toBe('Bearer A1')
  })

  it('puts field errors from problem+json next to the field', async () => {
    mockApi({
      'POST /auth/register': () =>
        problem(422, 'Invalid request', 'password must be at least 8 bytes', [{ field: 'password', message: 'must be at least 8 bytes' }]),
    })
    renderApp(routes, { path: '/register', signedIn: false })
    await userEvent.type(await screen.findByRole('textbox', { name: 'Full name' }), 'Ada')
    await userEvent.type(screen.getByRole('textbox', { name: 'E-mail' }), 'ada@example.com')
    // Client-side check passes (8 characters); the server's rule is shown on the field.
    await userEvent.type(screen.getByLabelText(/^Password/), '12345678')
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }))
    expect(await screen.findByText('Must be at least 8 bytes')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('explains a taken e-mail', async () => {
    mockApi({ 'POST /auth/register': () => problem(409, 'Conflict', 'an account with this e-mail already exists') })
    renderApp(routes, { path: '/register', signedIn: false })
    await userEvent.type(await screen.findByRole('textbox', { name: 'Full name' }), 'Ada')
    await userEvent.type(screen.getByRole('textbox', { name: 'E-mail' }), 'ada@example.com')
    await userEvent.type(screen.getByLabelText(/^Password/), 'correct-horse')
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('already exists'))
  })
})
