import type { ComponentProps } from 'react'
import { LoanStatusBadge as SharedLoanStatusBadge } from '@shared/ui/StatusBadge'
import { loanStatusLabel } from '@/lib/labels'

export { InstallmentStatusBadge, TransactionTypeBadge, WithdrawalStatusBadge } from '@shared/ui/StatusBadge'

/** A loan's status in the borrower's words ("Under review", "Active"). */
export function LoanStatusBadge(props: Omit<ComponentProps<typeof SharedLoanStatusBadge>, 'labels'>) {
  return <SharedLoanStatusBadge labels={loanStatusLabel} {...props} />
}
