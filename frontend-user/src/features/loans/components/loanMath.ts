import type { Loan } from '@/lib/api'

/** Share of the principal repaid, 0..100 (a display ratio, not money). */
export function repaidPercent(loan: Pick<Loan, 'paid_principal' | 'amount'>): number {
  if (loan.amount <= 0) return 0
  return Math.min(100, Math.floor((loan.paid_principal * 100) / loan.amount))
}
