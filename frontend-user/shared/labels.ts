/**
 * Words and colours for the API's enums that read the same to borrowers and to staff. Wording
 * that differs between the apps (a loan's status, hints, event titles) lives in each app's
 * src/lib/labels.ts, which re-exports these.
 */
import type { Installment, LoanStatus, TransactionType, WithdrawalStatus } from './api/types'

export const loanStatusColor: Record<LoanStatus, string> = {
  submitted: 'yellow',
  approved: 'teal',
  rejected: 'red',
  cancelled: 'gray',
  disbursed: 'blue',
  repaid: 'green',
}

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
