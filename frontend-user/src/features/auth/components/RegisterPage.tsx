import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { Alert, Anchor, Button, PasswordInput, Progress, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertCircle } from '@tabler/icons-react'
import { useAuth } from '@/lib/auth'
import { applyProblem } from '@/lib/forms'
import { useRegister } from '../api/register'
import { AuthLayout } from './AuthLayout'

function strength(pw: string): number {
  let s = 0
  if (pw.length >= 8) s += 40
  if (pw.length >= 12) s += 20
  if (/[a-z]/.test(pw) && /[A-Z]/.test(pw)) s += 15
  if (/\d/.test(pw)) s += 10
  if (/[^A-Za-z0-9]/.test(pw)) s += 15
  return Math.min(100, s)
}

export function RegisterPage() {
  const register = useRegister()
  const { login } = useAuth()
  const navigate = useNavigate()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useForm({
    mode: 'controlled',
    initialValues: { full_name: '', email: '', password: '' },
    validate: {
      full_name: (v) => (v.trim() ? null : 'Tell us your name'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid e-mail address'),
      password: (v) => (new TextEncoder().encode(v).length < 8 ? 'Use at least 8 characters' : new TextEncoder().encode(v).length > 72 ? 'Use at most 72 bytes' : null),
    },
  })

  const submit = form.onSubmit(async (values) => {
    setError(null)
    setBusy(true)
    const body = { full_name: values.full_name.trim(), email: values.email.trim(), password: values.password }
    try {
      await register.mutateAsync({ body })
    } catch (e) {
      setError(applyProblem(form, e))
      setBusy(false)
      return
    }
    try {
      await login(body.email, body.password)
      navigate('/', { replace: true })
    } catch {
      navigate('/login', { replace: true, state: { registered: body.email } })
    } finally {
      setBusy(false)
    }
  })

  const pw = form.getValues().password
  const s = strength(pw)
  return (
    <AuthLayout title="Create your account" subtitle="It takes a minute. No paperwork to start.">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
              {error}
            </Alert>
          )}
          <TextInput label="Full name" autoComplete="name" required {...form.getInputProps('full_name')} />
          <TextInput label="E-mail" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <Stack gap={6}>
            <PasswordInput
              label="Password"
              description="At least 8 characters"
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            {pw && (
              <Progress
                value={s}
                size="xs"
                color={s < 50 ? 'red' : s < 75 ? 'yellow' : 'teal'}
                aria-label={`Password strength ${s < 50 ? 'weak' : s < 75 ? 'fair' : 'strong'}`}
              />
            )}
          </Stack>
          <Button type="submit" loading={busy} fullWidth size="md">
            Create account
          </Button>
          <Text size="sm" ta="center" c="dimmed">
            Already have an account?{' '}
            <Anchor component={Link} to="/login">
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  )
}
