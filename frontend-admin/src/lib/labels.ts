/** Words and colours for the API's enums, in one place: staff wording here, the rest shared. */
import type { JobState, LoanStatus, Role, TransactionType, UserStatus, WithdrawalStatus } from './api'

export * from '@shared/labels'

export const loanStatuses: LoanStatus[] = ['submitted', 'approved', 'disbursed', 'repaid', 'rejected', 'cancelled']

export const loanStatusLabel: Record<LoanStatus, string> = {
  submitted: 'Pending review',
  approved: 'Approved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  disbursed: 'Disbursed',
  repaid: 'Repaid',
}

/** Titles of a loan's history entries, by the status each led to. */
export const loanEventTitle: Record<LoanStatus, string> = {
  submitted: 'Application submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  disbursed: 'Disbursed into the wallet',
  repaid: 'Repaid in full',
}

export const transactionTypes: TransactionType[] = ['deposit', 'disbursement', 'repayment', 'withdrawal', 'withdrawal_reversal']

export const withdrawalStatuses: WithdrawalStatus[] = ['pending', 'processed', 'cancelled']

export const roles: Role[] = ['user', 'admin']
export const roleLabel: Record<Role, string> = { user: 'Borrower', admin: 'Staff (admin)' }
export const roleColor: Record<Role, string> = { user: 'gray', admin: 'violet' }

export const userStatuses: UserStatus[] = ['active', 'deactivated']
export const userStatusLabel: Record<UserStatus, string> = { active: 'Active', deactivated: 'Deactivated' }
export const userStatusColor: Record<UserStatus, string> = { active: 'teal', deactivated: 'red' }

export const jobStates: JobState[] = ['available', 'scheduled', 'running', 'retryable', 'completed', 'cancelled', 'discarded']
export const jobStateColor: Record<string, string> = {
  available: 'blue',
  scheduled: 'cyan',
  running: 'indigo',
  retryable: 'orange',
  completed: 'green',
  cancelled: 'gray',
  discarded: 'red',
}
