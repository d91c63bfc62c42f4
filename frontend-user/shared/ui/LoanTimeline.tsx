import { Text, ThemeIcon, Timeline } from '@mantine/core'
import { IconCheck, IconCircleDot, IconCoin, IconSend, IconX } from '@tabler/icons-react'
import type { LoanEvent, LoanStatus } from '../api/types'
import { formatDateTime } from '../format'
import { loanStatusColor } from '../labels'

const icons: Record<LoanStatus, typeof IconCheck> = {
  submitted: IconSend,
  approved: IconCheck,
  rejected: IconX,
  cancelled: IconX,
  disbursed: IconCoin,
  repaid: IconCheck,
}

/** A loan's history: every transition, when, by whom and why. */
export function LoanTimeline({
  events,
  titles,
  fromLabels,
}: {
  events: LoanEvent[]
  /** What each entry is called, by the status it led to (each app words these its own way). */
  titles: Record<LoanStatus, string>
  /** When given, each entry also says which status it came from, in these words. */
  fromLabels?: Record<LoanStatus, string>
}) {
  return (
    <Timeline active={events.length - 1} bulletSize={28} lineWidth={2} data-testid="loan-timeline">
      {events.map((e) => {
        const Icon = icons[e.to_status] ?? IconCircleDot
        return (
          <Timeline.Item
            key={e.id}
            title={titles[e.to_status] ?? e.to_status}
            bullet={
              <ThemeIcon size={28} radius="xl" color={loanStatusColor[e.to_status]}>
                <Icon size={16} />
              </ThemeIcon>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(e.created_at)}
              {e.actor_name ? ` · by ${e.actor_name}` : ''}
              {fromLabels && e.from_status ? ` · from ${fromLabels[e.from_status]}` : ''}
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
