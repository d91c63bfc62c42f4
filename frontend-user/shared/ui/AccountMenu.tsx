import type { ReactNode } from 'react'
import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core'
import { IconChevronDown } from '@tabler/icons-react'
import { initials } from '../format'

/** The header's account button (avatar, name and e-mail) opening a menu of `children` (Menu.Item, ...). */
export function AccountMenu({ user, children }: { user: { full_name: string; email: string }; children: ReactNode }) {
  return (
    <Menu position="bottom-end" withArrow shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label="Account menu">
          <Group gap={8} wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={34}>
              {initials(user.full_name) || '?'}
            </Avatar>
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.2}>
                {user.full_name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {user.email}
              </Text>
            </Stack>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  )
}
