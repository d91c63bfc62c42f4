/** Words and colours for the API's enums, in one place. */
import type { LoanStatus, TransactionType, WithdrawalStatus, Installment } from './api'

export const loanStatusLabel: Record<LoanStatus, string> = {
  submitted: 'Under review',
  approved: 'Approved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  disbursed: 'Active',
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

export const loanStatusHint: Record<LoanStatus, string> = {
  submitted: 'We are reviewing your application. You can still edit or cancel it.',
  approved: 'Approved! Accept the disbursement to receive the money in your wallet.',
  rejected: 'This application was not approved.',
  cancelled: 'This application was cancelled.',
  disbursed: 'The money is in your wallet. Repayments follow the schedule below.',
  repaid: 'Fully repaid. Well done!',
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
