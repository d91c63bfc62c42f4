import { useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertCircle, IconInfoCircle, IconShieldX } from '@tabler/icons-react'
import { splitProblem } from '@shared/problem'
import { NotStaffError, useAuth } from '@/lib/auth'
import { AuthLayout } from './AuthLayout'

export function LoginPage() {
  const { login, endedReason } = useAuth()
  const navigate = useNavigate()
  const location = useLocation()
  const from = (location.state as { from?: string } | null)?.from
  const [error, setError] = useState<{ message: string; notStaff: boolean } | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim().length > 0 ? null : 'Enter your e-mail address'),
      password: (v) => (v.length > 0 ? null : 'Enter your password'),
    },
  })

  const submit = form.onSubmit(async (values) => {
    setError(null)
    setSubmitting(true)
    try {
      await login(values.email.trim(), values.password)
      navigate(from && from !== '/login' ? from : '/', { replace: true })
    } catch (e) {
      if (e instanceof NotStaffError) {
        form.setFieldValue('password', '')
        setError({ message: e.message, notStaff: true })
      } else {
        const { fields, message } = splitProblem(e, ['email', 'password'])
        form.setErrors(fields)
        setError(message ? { message, notStaff: false } : null)
      }
    } finally {
      setSubmitting(false)
    }
  })

  return (
    <AuthLayout title="Staff sign in" subtitle="For Lendwise staff. Use the administrator account you were given.">
      <form onSubmit={submit} noValidate aria-label="Sign in">
        <Stack>
          {endedReason && !error && (
            <Alert color="yellow" icon={<IconInfoCircle size={18} />}>
              {endedReason}
            </Alert>
          )}
          {error && (
            <Alert
              color="red"
              icon={error.notStaff ? <IconShieldX size={18} /> : <IconAlertCircle size={18} />}
              title={error.notStaff ? 'Staff only' : undefined}
              role="alert"
            >
              {error.message}
            </Alert>
          )}
          <TextInput label="E-mail" type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={submitting} fullWidth size="md">
            Sign in
          </Button>
          <Text size="xs" ta="center" c="dimmed">
            The first administrator is <b>admin@localhost</b>; the server prints its password on first start and
            saves it as <code>admin-password.txt</code> in its data folder.
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  )
}
