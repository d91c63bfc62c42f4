/** Puts an API problem onto a Mantine form: field errors next to fields, the rest returned. */
import { splitProblem } from '@shared/problem'

interface FormLike {
  setErrors: (errors: Record<string, string>) => void
  getValues: () => object
}

/**
 * Sets the problem's field errors on the form's fields (API names renamed with `rename`)
 * and returns the message for a form-level alert (null when everything found its field).
 */
export function applyProblem(form: FormLike, error: unknown, rename: Record<string, string> = {}): string | null {
  const fields = Object.keys(form.getValues())
  const { fields: errs, message } = splitProblem(error, fields, rename)
  form.setErrors(errs)
  return message
}
