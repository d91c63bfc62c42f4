import type { ReactNode } from 'react'
import { Card, Group, Stack, Text, ThemeIcon } from '@mantine/core'

/** A headline figure with its label, an optional hint below and an icon beside the label. */
export function StatCard({
  label,
  value,
  hint,
  icon,
  color = 'blue',
  testId,
}: {
  label: string
  value: ReactNode
  hint?: ReactNode
  icon?: ReactNode
  color?: string
  /** data-testid of the value. */
  testId?: string
}) {
  // The icon shares a row with the label only, so a long figure (or a narrow
  // card on a busy grid) takes the card's whole width instead of running
  // under the icon.
  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" style={{ minWidth: 0 }}>
            {label}
          </Text>
          {icon && (
            <ThemeIcon size={36} radius="md" variant="light" color={color} aria-hidden style={{ flexShrink: 0 }}>
              {icon}
            </ThemeIcon>
          )}
        </Group>
        <Text fw={700} fz="clamp(1.125rem, 1.6vw, 1.5rem)" lh={1.2} style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }} data-testid={testId}>
          {value}
        </Text>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
    </Card>
  )
}
