import { Group, Text, Tooltip } from '@mantine/core'

/**
 * The header's live-updates light: green while the WebSocket is open (`status` from
 * useLiveEvents), grey otherwise; `withLabel` adds "Live"/"Offline" next to it on wide screens.
 */
export function LiveIndicator({ status, withLabel = false }: { status: string; withLabel?: boolean }) {
  const open = status === 'open'
  return (
    <Tooltip label={open ? 'Live updates on' : 'Connecting to live updates…'}>
      <Group gap={6} wrap="nowrap" px={withLabel ? 6 : 0}>
        <span
          aria-label={open ? 'Live updates connected' : 'Live updates offline'}
          role="img"
          data-testid="live-status"
          data-status={status}
          style={{
            width: 10,
            height: 10,
            borderRadius: 10,
            display: 'inline-block',
            background: open ? 'var(--mantine-color-teal-5)' : 'var(--mantine-color-gray-4)',
            boxShadow: open ? '0 0 0 3px var(--mantine-color-teal-1)' : undefined,
          }}
        />
        {withLabel && (
          <Text size="xs" c="dimmed" visibleFrom="md">
            {open ? 'Live' : 'Offline'}
          </Text>
        )}
      </Group>
    </Tooltip>
  )
}
