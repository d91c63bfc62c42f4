import type { ComponentProps } from 'react'
import { Badge } from '@mantine/core'
import { LoanStatusBadge as SharedLoanStatusBadge, type BadgeRestProps as P } from '@shared/ui/StatusBadge'
import type { Role, UserStatus } from '@/lib/api'
import { jobStateColor, loanStatusLabel, roleColor, roleLabel, userStatusColor, userStatusLabel } from '@/lib/labels'

export { InstallmentStatusBadge, TransactionTypeBadge, WithdrawalStatusBadge } from '@shared/ui/StatusBadge'

/** A loan's status in staff words ("Pending review", "Disbursed"). */
export function LoanStatusBadge(props: Omit<ComponentProps<typeof SharedLoanStatusBadge>, 'labels'>) {
  return <SharedLoanStatusBadge labels={loanStatusLabel} {...props} />
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
