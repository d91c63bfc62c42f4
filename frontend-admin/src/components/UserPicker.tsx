import { useMemo, useState } from 'react'
import { Loader, Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData } from '@tanstack/react-query'
import { useApi } from '@/lib/api'

const label_ = (u: { full_name: string; email: string }) => `${u.full_name} · ${u.email}`

/**
 * Picks one user by typing part of their name or e-mail (GET /users?q=…). The value is the
 * user's id; a preset id (e.g. from the URL) is shown by name.
 */
export function UserPicker({
  value,
  onChange,
  label = 'Borrower',
  placeholder = 'Search name or e-mail',
  w = 260,
}: {
  value: string | null
  onChange: (id: string | null) => void
  label?: string
  placeholder?: string
  w?: number | string
}) {
  const { $api } = useApi()
  const [search, setSearch] = useState('')
  const selected = $api.useQuery('get', '/users/{id}', { params: { path: { id: value ?? '' } } }, { enabled: Boolean(value), staleTime: 5 * 60_000, retry: false })
  const selectedLabel = selected.data ? label_(selected.data) : null
  // Once a user is picked the search box shows their label: that is not a search.
  const [q] = useDebouncedValue(search === selectedLabel ? '' : search.trim(), 250)
  const list = $api.useQuery('get', '/users', { params: { query: { limit: 10, ...(q ? { q } : {}) } } }, { placeholderData: keepPreviousData, staleTime: 30_000 })

  const data = useMemo(() => {
    const opts = new Map<string, string>()
    if (value) opts.set(value, selected.data ? label_(selected.data) : value)
    for (const u of list.data?.items ?? []) opts.set(u.id, label_(u))
    return [...opts].map(([v, l]) => ({ value: v, label: l }))
  }, [list.data, selected.data, value])

  return (
    <Select
      label={label}
      placeholder={placeholder}
      w={w}
      searchable
      clearable
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={list.isFetching ? 'Searching…' : 'No matching user'}
      rightSection={list.isFetching ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  )
}
