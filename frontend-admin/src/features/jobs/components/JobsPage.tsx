import { Code, ScrollArea, Select, Table, Text, Tooltip } from '@mantine/core'
import { IconSettingsAutomation } from '@tabler/icons-react'
import type { JobState } from '@/lib/api'
import { formatDateTime, formatRelative } from '@/lib/format'
import { jobStates } from '@/lib/labels'
import { useUrlFilters } from '@/lib/searchParams'
import { PageHeader } from '@/components/PageHeader'
import { EmptyState } from '@/components/States'
import { ListCard } from '@/components/ListCard'
import { FilterCard } from '@/components/FilterCard'
import { JobStateBadge } from '@/components/StatusBadge'
import { useJobs } from '../api/jobs'

/** Background work (contract PDFs, notifications, overdue checks) and how it went. */
export function JobsPage() {
  const { values, set, clear, active } = useUrlFilters(['state'] as const)
  const state = (values.state || undefined) as JobState | undefined
  const jobs = useJobs(state)
  const items = jobs.data?.items ?? []

  return (
    <>
      <PageHeader title="Background jobs" description="Work the server does in the background, newest first. Refreshes every 15 seconds." />
      <FilterCard active={active} onClear={clear} label="Job filters">
        <Select
          label="State"
          placeholder="Any state"
          clearable
          w={200}
          data={jobStates.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))}
          value={values.state || null}
          onChange={(v) => set({ state: v })}
        />
      </FilterCard>
      <ListCard query={jobs} empty={items.length === 0} emptyState={<EmptyState icon={<IconSettingsAutomation size={26} />} title={state ? `No ${state} jobs` : 'No jobs yet'} />}>
        <ScrollArea type="auto" offsetScrollbars>
          <Table verticalSpacing="sm" highlightOnHover miw={900} style={{ fontVariantNumeric: 'tabular-nums' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">ID</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">State</Table.Th>
                <Table.Th scope="col" ta="right">Attempts</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">Scheduled</Table.Th>
                <Table.Th scope="col">Finished</Table.Th>
                <Table.Th scope="col">Last error</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((j) => (
                <Table.Tr key={j.id}>
                  <Table.Td>{j.id}</Table.Td>
                  <Table.Td>
                    <Code>{j.kind}</Code>
                  </Table.Td>
                  <Table.Td>
                    <JobStateBadge state={j.state} />
                  </Table.Td>
                  <Table.Td ta="right">
                    {j.attempt} / {j.max_attempts}
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={formatDateTime(j.created_at)}>
                      <Text size="sm">{formatRelative(j.created_at)}</Text>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>{formatDateTime(j.scheduled_at)}</Table.Td>
                  <Table.Td>{formatDateTime(j.finalized_at)}</Table.Td>
                  <Table.Td maw={280}>
                    {j.last_error ? (
                      <Text size="xs" c="red.7" lineClamp={2} title={j.last_error}>
                        {j.last_error}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </ListCard>
    </>
  )
}
