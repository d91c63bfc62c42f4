import { Badge, type BadgeProps } from '@mantine/core'
import type { Installment, LoanStatus, TransactionType, WithdrawalStatus } from '@/lib/api'
import {
  installmentStatusColor,
  installmentStatusLabel,
  loanStatusColor,
  loanStatusLabel,
  transactionTypeColor,
  transactionTypeLabel,
  withdrawalStatusColor,
  withdrawalStatusLabel,
} from '@/lib/labels'

type P = Omit<BadgeProps, 'color' | 'children'>

export function LoanStatusBadge({ status, ...rest }: P & { status: LoanStatus }) {
  return (
    <Badge color={loanStatusColor[status]} variant="light" {...rest}>
      {loanStatusLabel[status]}
    </Badge>
  )
}

export function WithdrawalStatusBadge({ status, ...rest }: P & { status: WithdrawalStatus }) {
  return (
    <Badge color={withdrawalStatusColor[status]} variant="light" {...rest}>
      {withdrawalStatusLabel[status]}
    </Badge>
  )
}

export function InstallmentStatusBadge({ status, ...rest }: P & { status: Installment['status'] }) {
  return (
    <Badge color={installmentStatusColor[status]} variant="dot" size="sm" {...rest}>
      {installmentStatusLabel[status]}
    </Badge>
  )
}

export function TransactionTypeBadge({ type, ...rest }: P & { type: TransactionType }) {
  return (
    <Badge color={transactionTypeColor[type]} variant="light" size="sm" {...rest}>
      {transactionTypeLabel[type]}
    </Badge>
  )
}
