import { screen, within } from '@testing-library/react'
import { json, makeLoan, renderApp } from '@/testing/utils'

const day = (date: string, over: Record<string, number> = {}) => ({ date, applications: 0, approvals: 0, disbursements: 0, disbursed_amount: 0, ...over })

describe('overview', () => {
  it('shows the portfolio figures in the API currency', async () => {
    renderApp({
      path: '/',
      handlers: [
        (r) =>
          r.path === '/api/admin/stats'
            ? json({
                currency: 'EUR',
                loans_by_status: [
                  { status: 'submitted', count: 3, amount: 1_500_000 },
                  { status: 'disbursed', count: 2, amount: 2_000_000 },
                ],
                total_disbursed: 2_000_000,
                outstanding_principal: 1_750_050,
                overdue_amount: 22_579,
                overdue_count: 1,
                pending_withdrawals_count: 4,
                pending_withdrawals_amount: 40_000,
                users_count: 12,
                daily: [day('2026-05-01', { applications: 2 }), day('2026-05-02', { approvals: 1, disbursements: 1, disbursed_amount: 1_000_000 })],
              })
            : undefined,
      ],
    })
    expect(await screen.findByTestId('stat-disbursed')).toHaveTextContent('€20,000.00')
    expect(screen.getByTestId('stat-outstanding')).toHaveTextContent('€17,500.50')
    expect(screen.getByTestId('stat-overdue')).toHaveTextContent('€225.79')
    expect(screen.getByTestId('stat-withdrawals')).toHaveTextContent('4')
    const byStatus = screen.getByRole('region', { name: 'Loans by status' })
    expect(within(byStatus).getByText('Pending review').closest('tr')).toHaveTextContent('3€15,000.00')
    expect(screen.getByText('2 applications · 1 approvals')).toBeInTheDocument()
  })

  it('still shows the queues when the figures are not available (501)', async () => {
    const loan = makeLoan()
    renderApp({
      path: '/',
      handlers: [(r) => (r.path === '/api/loans' && r.search.get('status') === 'submitted' ? json({ items: [loan], next_cursor: null }) : undefined)],
    })
    expect(await screen.findByText('Not available yet')).toBeInTheDocument()
    expect(await screen.findByText(/LN-2026-000042 · Ada Lovelace/)).toBeInTheDocument()
  })
})
