import type { ReactNode } from 'react'
import { IconCash, IconClipboardCheck, IconShieldCheck, IconUsers } from '@tabler/icons-react'
import { AuthLayout as SharedAuthLayout } from '@shared/ui/AuthLayout'

const points = [
  { icon: IconClipboardCheck, text: 'Review applications as they arrive, oldest first' },
  { icon: IconCash, text: 'Pay out or return withdrawal requests, each exactly once' },
  { icon: IconUsers, text: 'Oversee borrowers, loans and the whole ledger' },
]

export function AuthLayout({ title, subtitle, children }: { title: string; subtitle: ReactNode; children: ReactNode }) {
  return (
    <SharedAuthLayout
      appName="Lendwise Staff"
      headline="The back office for every loan and every cent."
      points={points}
      tone="dark"
      tag={{ label: 'Staff', icon: <IconShieldCheck size={12} /> }}
      title={title}
      subtitle={subtitle}
    >
      {children}
    </SharedAuthLayout>
  )
}
