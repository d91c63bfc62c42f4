import type { ReactNode } from 'react'
import { Group, Stack, Text, Title } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'

export interface PageHeaderProps {
  /** The app's name, after the title in the browser tab ("Loans · Lendwise"). */
  appName: string
  title: ReactNode
  description?: ReactNode
  actions?: ReactNode
  badge?: ReactNode
}

/** A page's heading (also the browser tab's title), with a line of description and actions on the right. */
export function PageHeader({ appName, title, description, actions, badge }: PageHeaderProps) {
  useDocumentTitle(typeof title === 'string' ? `${title} · ${appName}` : appName)
  return (
    <Group justify="space-between" align="flex-end" mb="lg" wrap="wrap" gap="sm">
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <Title order={2}>{title}</Title>
          {badge}
        </Group>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  )
}
