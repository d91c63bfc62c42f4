import { useState } from 'react'
import { Alert, Button, Card, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle, IconUserCheck, IconUserOff } from '@tabler/icons-react'
import { useIdempotentIntent } from '@shared/react/useIdempotentIntent'
import type { Role, User } from '@/lib/api'
import { withIntent } from '@/lib/intent'
import { roleLabel } from '@/lib/labels'
import { ConfirmDialog } from '@/components/ConfirmDialog'
import { useDeactivateUser, useUpdateUser } from '../api/users'

type Dialog = { kind: 'role'; role: Role } | { kind: 'deactivate' } | { kind: 'reactivate' }

/**
 * Access management for one account: change the role, deactivate (keeps every record,
 * revokes all sessions) or reactivate. Each asks for confirmation first. Staff cannot change
 * their own account here, so nobody locks themselves out by accident.
 */
export function UserActions({ user, isSelf }: { user: User; isSelf: boolean }) {
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const update = useUpdateUser()
  const deactivate = useDeactivateUser()
  const intent = useIdempotentIntent()
  const busy = update.isPending || deactivate.isPending

  const changeRole = async (role: Role) => {
    const body = { role }
    await withIntent(intent, { user: user.id, ...body }, (key) =>
      update.mutateAsync({ params: { path: { id: user.id } }, body, headers: { 'Idempotency-Key': key } }),
    )
    notifications.show({ color: 'teal', title: 'Role changed', message: `${user.full_name} is now ${roleLabel[role].toLowerCase()}. Their other sessions were signed out.` })
  }

  const doDeactivate = async () => {
    await withIntent(intent, { user: user.id, deactivate: true }, (key) =>
      deactivate.mutateAsync({ params: { path: { id: user.id } }, headers: { 'Idempotency-Key': key } }),
    )
    notifications.show({ color: 'gray', title: 'User deactivated', message: `${user.full_name} can no longer sign in. Their records are kept.` })
  }

  const doReactivate = async () => {
    const body = { status: 'active' as const }
    await withIntent(intent, { user: user.id, ...body }, (key) =>
      update.mutateAsync({ params: { path: { id: user.id } }, body, headers: { 'Idempotency-Key': key } }),
    )
    notifications.show({ color: 'teal', title: 'User reactivated', message: `${user.full_name} can sign in again.` })
  }

  return (
    <Card withBorder padding="lg" component="section" aria-label="Access">
      <Stack gap="sm">
        <Title order={4}>Access</Title>
        {isSelf ? (
          <Alert color="blue" icon={<IconInfoCircle size={18} />}>
            This is your own account. Ask another administrator to change its role or status.
          </Alert>
        ) : (
          <>
            <Text size="sm" fw={500} id="role-label">
              Role
            </Text>
            <SegmentedControl
              aria-labelledby="role-label"
              fullWidth
              value={user.role}
              disabled={busy || user.status !== 'active'}
              onChange={(v) => v !== user.role && setDialog({ kind: 'role', role: v as Role })}
              data={[
                { value: 'user', label: 'Borrower' },
                { value: 'admin', label: 'Staff (admin)' },
              ]}
            />
            {user.status === 'active' ? (
              <Button mt="xs" variant="light" color="red" leftSection={<IconUserOff size={18} />} onClick={() => setDialog({ kind: 'deactivate' })} loading={deactivate.isPending} disabled={busy}>
                Deactivate user
              </Button>
            ) : (
              <Button mt="xs" color="teal" leftSection={<IconUserCheck size={18} />} onClick={() => setDialog({ kind: 'reactivate' })} loading={update.isPending} disabled={busy}>
                Reactivate user
              </Button>
            )}
          </>
        )}
      </Stack>

      <ConfirmDialog
        opened={dialog?.kind === 'role'}
        onClose={() => setDialog(null)}
        title={`Make ${user.full_name} ${dialog?.kind === 'role' ? roleLabel[dialog.role].toLowerCase() : ''}?`}
        confirmLabel="Change role"
        color={dialog?.kind === 'role' && dialog.role === 'admin' ? 'violet' : 'blue'}
        onConfirm={() => changeRole(dialog?.kind === 'role' ? dialog.role : user.role)}
      >
        <Text size="sm">
          {dialog?.kind === 'role' && dialog.role === 'admin'
            ? `${user.email} will get full staff access: deciding loans, paying out withdrawals and managing users.`
            : `${user.email} will lose staff access and can only use the borrower app.`}{' '}
          Their other sessions are signed out.
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog?.kind === 'deactivate'}
        onClose={() => setDialog(null)}
        title={`Deactivate ${user.full_name}?`}
        confirmLabel="Deactivate"
        color="red"
        onConfirm={doDeactivate}
      >
        <Text size="sm">
          {user.email} will be signed out everywhere and can no longer sign in. Loans, wallet and history are kept, and you can reactivate the account later.
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog?.kind === 'reactivate'}
        onClose={() => setDialog(null)}
        title={`Reactivate ${user.full_name}?`}
        confirmLabel="Reactivate"
        color="teal"
        onConfirm={doReactivate}
      >
        <Text size="sm">{user.email} will be able to sign in again.</Text>
      </ConfirmDialog>
    </Card>
  )
}
