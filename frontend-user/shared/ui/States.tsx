import type { ReactNode } from 'react'
import { Alert, Button, Center, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconAlertTriangle, IconInbox, IconTool } from '@tabler/icons-react'
import { problemMessage, toProblem } from '../problem'

export function LoadingState({ label = 'Loading…', minHeight = 160 }: { label?: string; minHeight?: number }) {
  return (
    <Center mih={minHeight} role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Center>
  )
}

export interface ErrorStateProps {
  error: unknown
  onRetry?: () => void
  title?: string
  /** Also show the HTTP status and the problem's instance (for staff, to quote in a report). */
  details?: boolean
}

/** A problem+json (or any error) shown readably; 501 reads as "not available yet", not as a failure. */
export function ErrorState({ error, onRetry, title, details = false }: ErrorStateProps) {
  const p = toProblem(error)
  const notYet = p.status === 501
  return (
    <Alert
      color={notYet ? 'gray' : 'red'}
      variant="light"
      icon={notYet ? <IconTool size={18} /> : <IconAlertTriangle size={18} />}
      title={title ?? (notYet ? 'Not available yet' : p.status === 404 ? 'Not found' : p.title)}
      role={notYet ? 'status' : 'alert'}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{problemMessage(error)}</Text>
        {notYet && (
          <Text size="xs" c="dimmed">
            The server does not offer this yet (HTTP 501). It will appear here once it does.
          </Text>
        )}
        {details && !notYet && p.status !== 0 && p.status !== 404 && p.status !== 403 && (
          <Text size="xs" c="dimmed">
            HTTP {p.status}
            {p.instance ? ` · ${p.instance}` : ''}
          </Text>
        )}
        {onRetry && (
          <Button size="xs" variant="white" color={notYet ? 'gray' : 'red'} onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  )
}

export function EmptyState({
  title,
  description,
  action,
  icon,
}: {
  title: string
  description?: ReactNode
  action?: ReactNode
  icon?: ReactNode
}) {
  return (
    <Center py="xl" px="md">
      <Stack align="center" gap="xs" maw={420} ta="center">
        <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
          {icon ?? <IconInbox size={26} />}
        </ThemeIcon>
        <Title order={4}>{title}</Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {action && <Group mt="xs">{action}</Group>}
      </Stack>
    </Center>
  )
}
