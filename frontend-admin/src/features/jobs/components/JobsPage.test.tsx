import { screen } from '@testing-library/react'
import { json, problem, renderApp } from '@/testing/utils'

describe('background jobs', () => {
  it('explains a 501 problem from the server instead of failing', async () => {
    renderApp({
      path: '/jobs',
      handlers: [(r) => (r.path === '/api/admin/jobs' ? problem(501, 'Not implemented', 'ListJobs is part of the contract but not available yet') : undefined)],
    })
    expect(await screen.findByText('Not available yet')).toBeInTheDocument()
    expect(screen.getByText('ListJobs is part of the contract but not available yet')).toBeInTheDocument()
    // Shown as information, not as an alarm.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('lists jobs and filters by state', async () => {
    const { requests } = renderApp({
      path: '/jobs?state=retryable',
      handlers: [
        (r) =>
          r.path === '/api/admin/jobs'
            ? json({
                items: [
                  {
                    id: 7,
                    kind: 'loan_contract',
                    state: 'retryable',
                    attempt: 2,
                    max_attempts: 25,
                    created_at: '2026-05-01T10:00:00Z',
                    scheduled_at: '2026-05-01T10:05:00Z',
                    last_error: 'pdf renderer timed out',
                  },
                ],
              })
            : undefined,
      ],
    })
    expect(await screen.findByText('loan_contract')).toBeInTheDocument()
    expect(screen.getByText('2 / 25')).toBeInTheDocument()
    expect(screen.getByText('pdf renderer timed out')).toBeInTheDocument()
    expect(requests.find((r) => r.path === '/api/admin/jobs')!.search.get('state')).toBe('retryable')
  })
})
