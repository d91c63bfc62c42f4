import { Badge, type BadgeProps } from '@mantine/core'
import type { Installment, LoanStatus, Role, TransactionType, UserStatus, WithdrawalStatus } from '@/lib/api'
import {
  installmentStatusColor,
  installmentStatusLabel,
  jobStateColor,
  loanStatusColor,
  loanStatusLabel,
  roleColor,
  roleLabel,
  transactionTypeColor,
  transactionTypeLabel,
  userStatusColor,
  userStatusLabel,
  withdrawalStatusColor,
  withdrawalStatusLabel,
} from '@/lib/labels'

type P = Omit<BadgeProps, 'color' | 'children'> & { 'data-testid'?: string }

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

export function RoleBadge({ role, ...rest }: P & { role: Role }) {
  return (
    <Badge color={roleColor[role]} variant={role === 'admin' ? 'filled' : 'light'} size="sm" {...rest}>
      {roleLabel[role]}
    </Badge>
  )
}

export function UserStatusBadge({ status, ...rest }: P & { status: UserStatus }) {
  return (
    <Badge color={userStatusColor[status]} variant="light" size="sm" {...rest}>
      {userStatusLabel[status]}
    </Badge>
  )
}

export function JobStateBadge({ state, ...rest }: P & { state: string }) {
  return (
    <Badge color={jobStateColor[state] ?? 'gray'} variant="light" size="sm" {...rest}>
      {state}
    </Badge>
  )
}
