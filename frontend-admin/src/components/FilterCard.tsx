import type { ReactNode } from 'react'
import { Button, Card, Group } from '@mantine/core'
import { IconFilterOff } from '@tabler/icons-react'

/** The row of filters above a list, with "Clear filters" when any is set. */
export function FilterCard({ children, active, onClear, label = 'Filters' }: { children: ReactNode; active: boolean; onClear: () => void; label?: string }) {
  return (
    <Card withBorder padding="md" mb="md" component="section" aria-label={label}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        {children}
        {active && (
          <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
            Clear filters
          </Button>
        )}
      </Group>
    </Card>
  )
}
