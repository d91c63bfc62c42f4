/** Words and colours for the API's enums, in one place: the borrower's words here, the rest shared. */
import type { LoanStatus } from './api'

export * from '@shared/labels'

export const loanStatusLabel: Record<LoanStatus, string> = {
  submitted: 'Under review',
  approved: 'Approved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  disbursed: 'Active',
  repaid: 'Repaid',
}

export const loanStatusHint: Record<LoanStatus, string> = {
  submitted: 'We are reviewing your application. You can still edit or cancel it.',
  approved: 'Approved! Accept the disbursement to receive the money in your wallet.',
  rejected: 'This application was not approved.',
  cancelled: 'This application was cancelled.',
  disbursed: 'The money is in your wallet. Repayments follow the schedule below.',
  repaid: 'Fully repaid. Well done!',
}

/** Titles of a loan's history entries, by the status each led to. */
export const loanEventTitle: Record<LoanStatus, string> = {
  submitted: 'Application submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  disbursed: 'Funds disbursed to your wallet',
  repaid: 'Loan repaid in full',
}
