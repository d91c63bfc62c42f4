import { Link } from 'react-router'
import { Anchor, Skeleton, Stack, Text } from '@mantine/core'
import { useApi } from '@/lib/api'
import { shortId } from '@/lib/format'

/**
 * Who a user id belongs to, linked to their page. Names are fetched once per user and cached
 * for a while, since ledger rows and withdrawals carry only the id (and sometimes the e-mail).
 */
export function UserCell({ userId, email, name }: { userId: string; email?: string | null; name?: string | null }) {
  const { $api } = useApi()
  const known = Boolean(name)
  const user = $api.useQuery('get', '/users/{id}', { params: { path: { id: userId } } }, { enabled: !known, staleTime: 5 * 60_000, retry: false })
  const displayName = name ?? user.data?.full_name
  const displayEmail = email ?? user.data?.email
  if (!known && user.isPending && !displayEmail) return <Skeleton height={14} width={120} />
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Anchor component={Link} to={`/users/${userId}`} size="sm" fw={500} truncate="end">
        {displayName ?? displayEmail ?? shortId(userId)}
      </Anchor>
      {displayName && displayEmail && (
        <Text size="xs" c="dimmed" truncate="end">
          {displayEmail}
        </Text>
      )}
    </Stack>
  )
}
