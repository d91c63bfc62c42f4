import { Text, ThemeIcon, Timeline } from '@mantine/core'
import { IconCheck, IconCircleDot, IconCoin, IconSend, IconX } from '@tabler/icons-react'
import type { LoanEvent, LoanStatus } from '@/lib/api'
import { formatDateTime } from '@/lib/format'
import { loanStatusColor, loanStatusLabel } from '@/lib/labels'

const icons: Record<LoanStatus, typeof IconCheck> = {
  submitted: IconSend,
  approved: IconCheck,
  rejected: IconX,
  cancelled: IconX,
  disbursed: IconCoin,
  repaid: IconCheck,
}

const verbs: Record<LoanStatus, string> = {
  submitted: 'Application submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  disbursed: 'Disbursed into the wallet',
  repaid: 'Repaid in full',
}

/** The loan's audit history: every transition, who made it, when and why. */
export function LoanTimeline({ events }: { events: LoanEvent[] }) {
  return (
    <Timeline active={events.length - 1} bulletSize={28} lineWidth={2} data-testid="loan-timeline">
      {events.map((e) => {
        const Icon = icons[e.to_status] ?? IconCircleDot
        return (
          <Timeline.Item
            key={e.id}
            title={verbs[e.to_status] ?? loanStatusLabel[e.to_status]}
            bullet={
              <ThemeIcon size={28} radius="xl" color={loanStatusColor[e.to_status]}>
                <Icon size={16} />
              </ThemeIcon>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(e.created_at)}
              {e.actor_name ? ` · by ${e.actor_name}` : ''}
              {e.from_status ? ` · from ${loanStatusLabel[e.from_status]}` : ''}
            </Text>
            {e.reason && (
              <Text size="sm" mt={4}>
                “{e.reason}”
              </Text>
            )}
          </Timeline.Item>
        )
      })}
    </Timeline>
  )
}
