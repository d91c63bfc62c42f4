import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Installment, LoanEvent, LoanStatus } from '../api/types'
import { formatMoney } from '../money'
import { renderUi } from '../testing/render'
import { LoanTimeline } from './LoanTimeline'
import { ScheduleTable } from './ScheduleTable'
import { LoanStatusBadge } from './StatusBadge'

// Made-up wording: each app passes its own.
const titles: Record<LoanStatus, string> = {
  submitted: 'Sent in',
  approved: 'Said yes',
  rejected: 'Said no',
  cancelled: 'Called off',
  disbursed: 'Money sent',
  repaid: 'All paid back',
}
const labels: Record<LoanStatus, string> = { ...titles, submitted: 'Waiting for a decision' }

const events: LoanEvent[] = [
  { id: 'e1', loan_id: 'l1', from_status: null, to_status: 'submitted', actor_name: 'Ada Lovelace', created_at: '2026-05-01T10:00:00Z' },
  { id: 'e2', loan_id: 'l1', from_status: 'submitted', to_status: 'approved', actor_name: 'Grace Admin', reason: 'Income verified', created_at: '2026-05-02T10:00:00Z' },
  { id: 'e3', loan_id: 'l1', from_status: 'approved', to_status: 'disbursed', created_at: '2026-05-03T10:00:00Z' },
]

const installments: Installment[] = [
  { number: 1, due_date: '2026-06-01', payment: 22_579, principal: 19_246, interest: 3_333, balance_after: 980_754, principal_paid: 19_246, interest_paid: 3_333, status: 'paid' },
  { number: 2, due_date: '2026-07-01', payment: 22_579, principal: 19_310, interest: 3_269, balance_after: 961_444, principal_paid: 0, interest_paid: 0, status: 'due' },
]

describe('LoanTimeline', () => {
  it('titles each entry in the words given, with who did it and why', () => {
    renderUi(<LoanTimeline events={events} titles={titles} />)
    const timeline = screen.getByTestId('loan-timeline')
    expect(within(timeline).getByText('Sent in')).toBeInTheDocument()
    expect(within(timeline).getByText('Money sent')).toBeInTheDocument()
    expect(timeline).toHaveTextContent('by Grace Admin')
    expect(timeline).toHaveTextContent('“Income verified”')
    expect(timeline).not.toHaveTextContent('from ')
  })

  it('says which status each entry came from when given labels for them', () => {
    renderUi(<LoanTimeline events={events} titles={titles} fromLabels={labels} />)
    expect(screen.getByTestId('loan-timeline')).toHaveTextContent('by Grace Admin · from Waiting for a decision')
  })
})

describe('ScheduleTable', () => {
  it('shows the plan, and due dates, payments and statuses once live', () => {
    const { unmount } = renderUi(<ScheduleTable installments={installments} currency="USD" />)
    expect(screen.getByRole('table')).toHaveTextContent('Amortization schedule, 2 monthly installments')
    expect(screen.queryByRole('columnheader', { name: 'Due' })).not.toBeInTheDocument()
    expect(screen.getAllByRole('row')).toHaveLength(3)
    unmount()

    renderUi(<ScheduleTable installments={installments} currency="USD" live caption="Repayment schedule" />)
    expect(screen.getByRole('table')).toHaveTextContent('Repayment schedule, 2 monthly installments')
    expect(screen.getByRole('columnheader', { name: 'Due' })).toBeInTheDocument()
    const [, first, second] = screen.getAllByRole('row')
    expect(first).toHaveTextContent('Paid')
    expect(first).toHaveTextContent(formatMoney(22_579, 'USD'))
    expect(second).toHaveTextContent('Due')
    expect(second).toHaveTextContent(formatMoney(0, 'USD'))
  })
})

describe('LoanStatusBadge', () => {
  it("names the status in the app's own words", () => {
    renderUi(<LoanStatusBadge status="submitted" labels={labels} />)
    expect(screen.getByText('Waiting for a decision')).toBeInTheDocument()
  })
})
