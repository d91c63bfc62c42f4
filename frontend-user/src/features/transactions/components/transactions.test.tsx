import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockApi, type Recorded } from '@/testing/mockApi'
import { user } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { TransactionsPage } from './TransactionsPage'
import { rangeToBounds } from './dateRange'

afterEach(() => vi.unstubAllGlobals())

const tx = (id: string, type: string, amount: number) => ({
  id,
  user_id: user.id,
  type,
  amount,
  balance_after: 100000,
  currency: 'USD',
  created_at: '2026-05-01T10:00:00Z',
  description: `tx ${id}`,
})

describe('transactions', () => {
  it('pages with next_cursor and filters by type', async () => {
    const api = mockApi({
      'GET /auth/me': () => user,
      'GET /transactions': (r: Recorded) => {
        const cursor = r.query.get('cursor')
        const type = r.query.get('type')
        if (type === 'repayment') return { items: [tx('r1', 'repayment', -22579)] }
        if (!cursor) return { items: [tx('a', 'deposit', 50000), tx('b', 'disbursement', 1000000)], next_cursor: 'page-2' }
        return { items: [tx('c', 'withdrawal', -1000)], next_cursor: null }
      },
    })
    renderApp(<TransactionsPage />)
    expect(await screen.findByText('tx a')).toBeInTheDocument()
    expect(screen.getByText('+$500.00')).toBeInTheDocument()
    expect(api.find('GET', '/transactions')[0].query.has('cursor')).toBe(false)

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }))
    expect(await screen.findByText('tx c')).toBeInTheDocument()
    expect(api.find('GET', '/transactions')[1].query.get('cursor')).toBe('page-2')
    expect(screen.getByText('That is everything.')).toBeInTheDocument()

    await userEvent.click(screen.getByPlaceholderText('All types'))
    await userEvent.click(await screen.findByRole('option', { name: 'Loan repayment', hidden: true }))
    expect(await screen.findByText('tx r1')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByText('tx a')).not.toBeInTheDocument())
    expect(api.find('GET', '/transactions').at(-1)?.query.get('type')).toBe('repayment')
  })

  it('turns a picked day range into an exclusive API range', () => {
    const { from, to } = rangeToBounds('2026-05-01', '2026-05-31')
    expect(new Date(from!).getDate()).toBe(1)
    expect(new Date(to!).getMonth()).toBe(5) // June 1st, local midnight
    expect(new Date(to!).getDate()).toBe(1)
    expect(rangeToBounds(null, null)).toEqual({ from: null, to: null })
  })
})
