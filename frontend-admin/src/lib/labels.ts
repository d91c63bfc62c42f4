/** Words and colours for the API's enums, in one place. */
import type { Installment, JobState, LoanStatus, Role, TransactionType, UserStatus, WithdrawalStatus } from './api'

export const loanStatuses: LoanStatus[] = ['submitted', 'approved', 'disbursed', 'repaid', 'rejected', 'cancelled']

export const loanStatusLabel: Record<LoanStatus, string> = {
  submitted: 'Pending review',
  approved: 'Approved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  disbursed: 'Disbursed',
  repaid: 'Repaid',
}

export const loanStatusColor: Record<LoanStatus, string> = {
  submitted: 'yellow',
  approved: 'teal',
  rejected: 'red',
  cancelled: 'gray',
  disbursed: 'blue',
  repaid: 'green',
}

export const transactionTypes: TransactionType[] = ['deposit', 'disbursement', 'repayment', 'withdrawal', 'withdrawal_reversal']

export const transactionTypeLabel: Record<TransactionType, string> = {
  deposit: 'Deposit',
  disbursement: 'Loan disbursement',
  withdrawal: 'Withdrawal',
  withdrawal_reversal: 'Withdrawal returned',
  repayment: 'Loan repayment',
}

export const transactionTypeColor: Record<TransactionType, string> = {
  deposit: 'teal',
  disbursement: 'blue',
  withdrawal: 'orange',
  withdrawal_reversal: 'grape',
  repayment: 'indigo',
}

export const withdrawalStatuses: WithdrawalStatus[] = ['pending', 'processed', 'cancelled']

export const withdrawalStatusLabel: Record<WithdrawalStatus, string> = {
  pending: 'Pending',
  processed: 'Paid out',
  cancelled: 'Cancelled',
}

export const withdrawalStatusColor: Record<WithdrawalStatus, string> = {
  pending: 'yellow',
  processed: 'green',
  cancelled: 'gray',
}

export const installmentStatusLabel: Record<Installment['status'], string> = {
  planned: 'Planned',
  due: 'Due',
  paid: 'Paid',
  overdue: 'Overdue',
  waived: 'Waived',
}

export const installmentStatusColor: Record<Installment['status'], string> = {
  planned: 'gray',
  due: 'yellow',
  paid: 'green',
  overdue: 'red',
  waived: 'grape',
}

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
