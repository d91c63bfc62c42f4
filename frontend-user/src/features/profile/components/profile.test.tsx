import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RequireAuth } from '@/app/routes/guards'
import { mockApi, problem, type Recorded } from '@/testing/mockApi'
import { user } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { ProfilePage } from './ProfilePage'

afterEach(() => vi.unstubAllGlobals())

const routes = [{ element: <RequireAuth />, children: [{ path: '/', element: <ProfilePage /> }] }]

describe('profile', () => {
  it('updates the name and shows it', async () => {
    const api = mockApi({
      'GET /auth/me': () => user,
      'PUT /users/:id': (r: Recorded) => ({ ...user, ...(r.body as object), updated_at: '2026-06-01T00:00:00Z' }),
    })
    renderApp(routes)
    const name = await screen.findByRole('textbox', { name: 'Full name' })
    await userEvent.clear(name)
    await userEvent.type(name, 'Augusta Ada King')
    await userEvent.click(screen.getByRole('button', { name: 'Save details' }))
    expect(await screen.findByText('Profile saved')).toBeInTheDocument()
    expect(api.find('PUT', `/users/${user.id}`)[0].body).toEqual({ full_name: 'Augusta Ada King' })
    expect(screen.getByRole('textbox', { name: 'Full name' })).toHaveValue('Augusta Ada King')
  })

  it('puts a wrong current password next to its field', async () => {
    mockApi({
      'GET /auth/me': () => user,
      'PUT /users/:id': () =>
        problem(422, 'Invalid request', 'current_password is missing or wrong', [{ field: 'current_password', message: 'is missing or wrong' }]),
    })
    renderApp(routes)
    const form = await screen.findByRole('form', { name: 'Change password' })
    const inputs = form.querySelectorAll('input')
    await userEvent.type(inputs[0], 'not-my-password')
    await userEvent.type(inputs[1], 'brand-new-password')
    await userEvent.type(inputs[2], 'brand-new-password')
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }))
    expect(await screen.findByText('Is missing or wrong')).toBeInTheDocument()
  })
})
