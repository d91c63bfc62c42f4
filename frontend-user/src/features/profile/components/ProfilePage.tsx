import { useState } from 'react'
import { Alert, Badge, Button, Card, Grid, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertCircle } from '@tabler/icons-react'
import { useUser } from '@/lib/auth'
import { formatDate } from '@/lib/format'
import { applyProblem } from '@/lib/forms'
import { PageHeader } from '@/components/PageHeader'
import { useUpdateProfile } from '../api/profile'

export function ProfilePage() {
  const user = useUser()
  return (
    <>
      <PageHeader title="Profile" description="Your personal details and password." />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <DetailsForm key={`${user.id}:${user.updated_at}`} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <PasswordForm />
        </Grid.Col>
      </Grid>
    </>
  )
}

function DetailsForm() {
  const user = useUser()
  const update = useUpdateProfile()
  const [error, setError] = useState<string | null>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: { full_name: user.full_name, email: user.email, current_password: '' },
    validate: {
      full_name: (v) => (v.trim() ? null : 'Enter your name'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid e-mail address'),
      current_password: (v, values) => (values.email.trim() !== user.email && !v ? 'Enter your current password to change your e-mail' : null),
    },
  })
  const v = form.getValues()
  const emailChanged = v.email.trim() !== user.email

  const submit = form.onSubmit(async (values) => {
    setError(null)
    const body: { full_name?: string; email?: string; current_password?: string } = {}
    if (values.full_name.trim() !== user.full_name) body.full_name = values.full_name.trim()
    if (values.email.trim() !== user.email) {
      body.email = values.email.trim()
      body.current_password = values.current_password
    }
    if (Object.keys(body).length === 0) {
      notifications.show({ message: 'Nothing to save.' })
      return
    }
    try {
      await update.mutateAsync({ params: { path: { id: user.id } }, body })
      notifications.show({ color: 'teal', title: 'Profile saved', message: 'Your details were updated.' })
    } catch (e) {
      setError(applyProblem(form, e))
    }
  })

  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit} noValidate aria-label="Personal details">
        <Stack>
          <Group justify="space-between">
            <Title order={4}>Personal details</Title>
            <Badge variant="light">Member since {formatDate(user.created_at)}</Badge>
          </Group>
          <TextInput label="Full name" autoComplete="name" required {...form.getInputProps('full_name')} />
          <TextInput label="E-mail" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          {emailChanged && (
            <PasswordInput label="Current password" description="Needed to change your e-mail" autoComplete="current-password" required {...form.getInputProps('current_password')} />
          )}
          {error && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              Save details
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}

function PasswordForm() {
  const user = useUser()
  const update = useUpdateProfile()
  const [error, setError] = useState<string | null>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: { current_password: '', password: '', confirm: '' },
    validate: {
      current_password: (v) => (v ? null : 'Enter your current password'),
      password: (v) => {
        const n = new TextEncoder().encode(v).length
        return n < 8 ? 'Use at least 8 characters' : n > 72 ? 'Use at most 72 bytes' : null
      },
      confirm: (v, values) => (v === values.password ? null : 'The passwords do not match'),
    },
  })

  const submit = form.onSubmit(async (values) => {
    setError(null)
    try {
      await update.mutateAsync({ params: { path: { id: user.id } }, body: { password: values.password, current_password: values.current_password } })
      form.reset()
      notifications.show({ color: 'teal', title: 'Password changed', message: 'Your other sessions were signed out.' })
    } catch (e) {
      setError(applyProblem(form, e))
    }
  })

  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit} noValidate aria-label="Change password">
        <Stack>
          <Title order={4}>Change password</Title>
          <Text size="sm" c="dimmed">
            Changing your password signs you out everywhere else.
          </Text>
          <PasswordInput label="Current password" autoComplete="current-password" required {...form.getInputProps('current_password')} />
          <PasswordInput label="New password" description="At least 8 characters" autoComplete="new-password" required {...form.getInputProps('password')} />
          <PasswordInput label="Repeat new password" autoComplete="new-password" required {...form.getInputProps('confirm')} />
          {error && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
