import { useEffect, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { Anchor, Avatar, Group, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch, IconUsers } from '@tabler/icons-react'
import type { Role, UserStatus } from '@/lib/api'
import { formatDate, initials } from '@/lib/format'
import { roleLabel, roles, userStatuses, userStatusLabel } from '@/lib/labels'
import { useCursorPager } from '@/lib/paging'
import { useUrlFilters } from '@/lib/searchParams'
import { PageHeader } from '@/components/PageHeader'
import { EmptyState } from '@/components/States'
import { ListCard } from '@/components/ListCard'
import { FilterCard } from '@/components/FilterCard'
import { Pager } from '@/components/Pager'
import { RoleBadge, UserStatusBadge } from '@/components/StatusBadge'
import { useUserList } from '../api/users'


/** Everyone with an account: search by name or e-mail, filter by role and status. */
export function UsersPage() {
  const { values, set, clear, active } = useUrlFilters(['q', 'role', 'status'] as const)
  const [search, setSearch] = useState(values.q)
  const [debounced] = useDebouncedValue(search.trim(), 300)
  useEffect(() => {
    if (debounced !== values.q) set({ q: debounced })
  }, [debounced, values.q, set])

  const filters = { q: values.q || undefined, role: (values.role || undefined) as Role | undefined, status: (values.status || undefined) as UserStatus | undefined }
  const pager = useCursorPager(JSON.stringify(filters))
  const list = useUserList(filters, pager.cursor)
  const navigate = useNavigate()
  const items = list.data?.items ?? []

  return (
    <>
      <PageHeader title="Users" description="Borrowers and staff. Open a user to see their loans, wallet and transactions, or to change their access." />
      <FilterCard
        active={active}
        onClear={() => {
          setSearch('')
          clear()
        }}
        label="User filters"
      >
        <TextInput
          label="Search"
          placeholder="Name or e-mail"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', xs: 280 }}
          type="search"
        />
        <Select
          label="Role"
          placeholder="Any role"
          clearable
          w={170}
          data={roles.map((r) => ({ value: r, label: roleLabel[r] }))}
          value={values.role || null}
          onChange={(v) => set({ role: v })}
        />
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          w={170}
          data={userStatuses.map((s) => ({ value: s, label: userStatusLabel[s] }))}
          value={values.status || null}
          onChange={(v) => set({ status: v })}
        />
      </FilterCard>
      <ListCard
        query={list}
        empty={items.length === 0}
        emptyState={<EmptyState icon={<IconUsers size={26} />} title={active ? 'No users match' : 'No users yet'} description={active ? 'Try a shorter search or other filters.' : undefined} />}
      >
        <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <ScrollArea type="auto" offsetScrollbars>
            <Table highlightOnHover verticalSpacing="sm" miw={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">User</Table.Th>
                  <Table.Th scope="col">Role</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Joined</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((u) => (
                  <Table.Tr key={u.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/users/${u.id}`)} data-testid="user-row">
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        <Avatar radius="xl" color={u.role === 'admin' ? 'violet' : 'indigo'} size={34}>
                          {initials(u.full_name) || '?'}
                        </Avatar>
                        <Stack gap={0}>
                          <Anchor component={Link} to={`/users/${u.id}`} fw={600} size="sm" onClick={(e) => e.stopPropagation()}>
                            {u.full_name}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {u.email}
                          </Text>
                        </Stack>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <RoleBadge role={u.role} />
                    </Table.Td>
                    <Table.Td>
                      <UserStatusBadge status={u.status} />
                    </Table.Td>
                    <Table.Td>{formatDate(u.created_at)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Pager pager={pager} nextCursor={list.data?.next_cursor} fetching={list.isFetching} count={items.length} label="User pages" />
        </div>
      </ListCard>
    </>
  )
}
