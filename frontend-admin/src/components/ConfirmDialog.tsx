import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { problemMessage } from '@shared/problem'

export interface ReasonField {
  label: string
  required: boolean
  placeholder?: string
  description?: string
  maxLength?: number
}

export interface ConfirmDialogProps {
  opened: boolean
  onClose: () => void
  title: ReactNode
  /** What will happen, in plain words. */
  children?: ReactNode
  confirmLabel: string
  cancelLabel?: string
  color?: string
  /** Ask for a reason (required or optional) sent with the action. */
  reason?: ReasonField
  /** Runs the action; throw (e.g. the API's problem) to keep the dialog open with the message. */
  onConfirm: (reason: string) => Promise<void>
}

/**
 * The one confirmation step every destructive or money-moving action goes through. The
 * confirm button shows a spinner and nothing can be clicked twice while the request is in
 * flight; a failure stays in the dialog, readable, so the action can be retried (the caller's
 * IdempotentIntent reuses its key for the same retry).
 */
export function ConfirmDialog({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  color = 'blue',
  reason,
  onConfirm,
}: ConfirmDialogProps) {
  const [text, setText] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const formId = useId()

  const close = () => {
    if (busy) return
    setText('')
    setFieldError(null)
    setError(null)
    onClose()
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    const value = text.trim()
    if (reason?.required && value === '') {
      setFieldError(`${reason.label} is required`)
      return
    }
    setFieldError(null)
    setError(null)
    setBusy(true)
    try {
      await onConfirm(value)
      setBusy(false)
      setText('')
      onClose()
    } catch (err) {
      setBusy(false)
      setError(problemMessage(err))
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      centered
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      withCloseButton={!busy}
      radius="md"
    >
      <form id={formId} onSubmit={submit} noValidate>
        <Stack gap="md">
          {children}
          {reason && (
            <Textarea
              label={reason.label}
              description={reason.description}
              placeholder={reason.placeholder}
              required={reason.required}
              withAsterisk={reason.required}
              autosize
              minRows={3}
              maxLength={reason.maxLength ?? 1000}
              value={text}
              error={fieldError}
              disabled={busy}
              data-autofocus
              onChange={(e) => {
                setText(e.currentTarget.value)
                if (fieldError) setFieldError(null)
              }}
            />
          )}
          {error && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={busy}>
              {cancelLabel}
            </Button>
            <Button type="submit" color={color} loading={busy} data-autofocus={reason ? undefined : true}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
