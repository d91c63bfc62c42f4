import { Badge, type BadgeProps } from '@mantine/core'
import type { Installment, LoanStatus, TransactionType, WithdrawalStatus } from '../api/types'
import {
  installmentStatusColor,
  installmentStatusLabel,
  loanStatusColor,
  transactionTypeColor,
  transactionTypeLabel,
  withdrawalStatusColor,
  withdrawalStatusLabel,
} from '../labels'

export type BadgeRestProps = Omit<BadgeProps, 'color' | 'children'> & { 'data-testid'?: string }

/** A loan's status in the app's own words (`labels`: borrowers and staff name some differently). */
export function LoanStatusBadge({ status, labels, ...rest }: BadgeRestProps & { status: LoanStatus; labels: Record<LoanStatus, string> }) {
  return (
    <Badge color={loanStatusColor[status]} variant="light" {...rest}>
      {labels[status]}
    </Badge>
  )
}

export function WithdrawalStatusBadge({ status, ...rest }: BadgeRestProps & { status: WithdrawalStatus }) {
  return (
    <Badge color={withdrawalStatusColor[status]} variant="light" {...rest}>
      {withdrawalStatusLabel[status]}
    </Badge>
  )
}

export function InstallmentStatusBadge({ status, ...rest }: BadgeRestProps & { status: Installment['status'] }) {
  return (
    <Badge color={installmentStatusColor[status]} variant="dot" size="sm" {...rest}>
      {installmentStatusLabel[status]}
    </Badge>
  )
}

export function TransactionTypeBadge({ type, ...rest }: BadgeRestProps & { type: TransactionType }) {
  return (
    <Badge color={transactionTypeColor[type]} variant="light" size="sm" {...rest}>
      {transactionTypeLabel[type]}
    </Badge>
  )
}
