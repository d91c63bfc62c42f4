import type { ReactNode } from 'react'
import { IconBolt, IconChartLine, IconLock } from '@tabler/icons-react'
import { AuthLayout as SharedAuthLayout } from '@shared/ui/AuthLayout'

const points = [
  { icon: IconChartLine, text: 'Instant quotes with the full repayment schedule' },
  { icon: IconBolt, text: 'Live updates the moment your loan is decided' },
  { icon: IconLock, text: 'Your money on a double-entry ledger, every cent accounted for' },
]

export function AuthLayout({ title, subtitle, children }: { title: string; subtitle: ReactNode; children: ReactNode }) {
  return (
    <SharedAuthLayout appName="Lendwise" headline="Borrow with clarity. Repay on your terms." points={points} title={title} subtitle={subtitle}>
      {children}
    </SharedAuthLayout>
  )
}
