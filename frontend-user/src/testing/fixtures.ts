import type { Loan, User, Wallet } from '@/lib/api'

export const user: User = {
  id: '11111111-1111-4111-8111-111111111111',
  email: 'ada@example.com',
  full_name: 'Ada Lovelace',
  role: 'user',
  status: 'active',
  created_at: '2026-01-01T10:00:00Z',
  updated_at: '2026-01-01T10:00:00Z',
}

export const wallet = (over: Partial<Wallet> = {}): Wallet => ({
  user_id: user.id,
  balance: 50000,
  held: 0,
  available: 50000,
  currency: 'USD',
  ...over,
})

export const loan = (over: Partial<Loan> = {}): Loan => ({
  id: '22222222-2222-4222-8222-222222222222',
  number: 'LN-2026-000042',
  user_id: user.id,
  borrower_name: user.full_name,
  borrower_email: user.email,
  amount: 1000000,
  currency: 'USD',
  term_months: 48,
  annual_rate_bps: 400,
  monthly_payment: 22579,
  total_interest: 83791,
  total_payable: 1083791,
  purpose: 'Home renovation',
  status: 'submitted',
  outstanding_principal: 1000000,
  paid_principal: 0,
  paid_interest: 0,
  days_past_due: 0,
  created_at: '2026-05-01T10:00:00Z',
  updated_at: '2026-05-01T10:00:00Z',
  ...over,
})

/** A 4% quote computed like the server (for tests only). */
export function quote(amount: number, term: number) {
  return {
    amount,
    term_months: term,
    annual_rate_bps: 400,
    monthly_payment: amount === 1000000 && term === 48 ? 22579 : Math.round(amount / term) + 100,
    total_interest: amount === 1000000 && term === 48 ? 83791 : 4242,
    total_payable: amount + 4242,
    currency: 'USD',
    schedule: [
      { number: 1, payment: 22579, principal: 19246, interest: 3333, balance_after: 980754, principal_paid: 0, interest_paid: 0, status: 'planned' as const },
      { number: 2, payment: 22579, principal: 19310, interest: 3269, balance_after: 961444, principal_paid: 0, interest_paid: 0, status: 'planned' as const },
    ],
  }
}
