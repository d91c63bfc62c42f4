import type { ReactNode } from 'react'
import { Card, Group, Stack, Text, ThemeIcon } from '@mantine/core'

/** A headline figure with its label, an optional hint below and an icon on the right. */
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
  return (
    <Card withBorder padding="lg" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {label}
          </Text>
          <Text fw={700} fz={24} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
            {value}
          </Text>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </Stack>
        {icon && (
          <ThemeIcon size={42} radius="md" variant="light" color={color} aria-hidden>
            {icon}
          </ThemeIcon>
        )}
      </Group>
    </Card>
  )
}
