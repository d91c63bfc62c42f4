import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderUi } from '../testing/render'
import { EmptyState, ErrorState } from './States'

const problem = (status: number, title: string, detail?: string) => ({ type: 'about:blank', title, status, detail, instance: '/api/loans/42' })

describe('ErrorState', () => {
  it('shows the problem as an alert and retries on request', async () => {
    const retry = vi.fn()
    renderUi(<ErrorState error={problem(500, 'Internal Server Error', 'The database is down.')} onRetry={retry} />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Internal Server Error')
    expect(alert).toHaveTextContent('The database is down.')
    expect(alert).not.toHaveTextContent('HTTP 500')
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(retry).toHaveBeenCalledOnce()
  })

  it('adds the status and instance when asked for details', () => {
    renderUi(<ErrorState error={problem(500, 'Internal Server Error')} details />)
    expect(screen.getByRole('alert')).toHaveTextContent('HTTP 500 · /api/loans/42')
  })

  it('reads a 501 as not available yet rather than as a failure', () => {
    renderUi(<ErrorState error={problem(501, 'Not Implemented', 'Stats are not offered yet.')} details />)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    const status = screen.getByRole('status')
    expect(status).toHaveTextContent('Not available yet')
    expect(status).toHaveTextContent('Stats are not offered yet.')
    expect(status).not.toHaveTextContent('HTTP 501 ·')
  })

  it('names a 404 "Not found"', () => {
    renderUi(<ErrorState error={problem(404, 'Loan not found')} details />)
    expect(screen.getByRole('alert')).toHaveTextContent('Not found')
    expect(screen.getByRole('alert')).not.toHaveTextContent('HTTP 404')
  })
})

describe('EmptyState', () => {
  it('shows its title, description and action', () => {
    renderUi(<EmptyState title="No loans yet" description="Apply for one to get started." action={<button>Apply</button>} />)
    expect(screen.getByRole('heading', { name: 'No loans yet' })).toBeInTheDocument()
    expect(screen.getByText('Apply for one to get started.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Apply' })).toBeInTheDocument()
  })
})
