import { useState } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react'
import { useAuth } from '@/lib/auth'
import { applyProblem } from '@/lib/forms'
import { AuthLayout } from './AuthLayout'

export function LoginPage() {
  const { login, endedReason } = useAuth()
  const navigate = useNavigate()
  const location = useLocation()
  const state = location.state as { from?: string; registered?: string } | null
  const [error, setError] = useState<string | null>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: state?.registered ?? '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : 'Enter your e-mail address'),
      password: (v) => (v.length > 0 ? null : 'Enter your password'),
    },
  })
  const [submitting, setSubmitting] = useState(false)

  const submit = form.onSubmit(async (values) => {
    setError(null)
    setSubmitting(true)
    try {
      await login(values.email.trim(), values.password)
      navigate(state?.from && state.from !== '/login' ? state.from : '/', { replace: true })
    } catch (e) {
      setError(applyProblem(form, e))
    } finally {
      setSubmitting(false)
    }
  })

  return (
    <AuthLayout title="Welcome back" subtitle="Sign in to manage your loans and wallet.">
      <form onSubmit={submit} noValidate>
        <Stack>
          {state?.registered && !error && (
            <Alert color="teal" icon={<IconInfoCircle size={18} />}>
              Your account is ready. Sign in with your new password.
            </Alert>
          )}
          {endedReason && !error && !state?.registered && (
            <Alert color="yellow" icon={<IconInfoCircle size={18} />}>
              {endedReason}
            </Alert>
          )}
          {error && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
              {error}
            </Alert>
          )}
          <TextInput label="E-mail" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={submitting} fullWidth size="md">
            Sign in
          </Button>
          <Text size="sm" ta="center" c="dimmed">
            New here?{' '}
            <Anchor component={Link} to="/register">
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  )
}
