/**
 * RFC 9457 problem+json helpers. openapi-fetch hands back the parsed error body, and
 * openapi-react-query throws it; these functions turn whatever was thrown into a
 * message for people and a map of field errors for forms.
 */
import type { components } from '@gen/schema'

export type Problem = components['schemas']['Problem']
export type FieldError = components['schemas']['FieldError']

/** True for a problem+json document (as parsed by openapi-fetch). */
export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  )
}

/** Thrown by our own code (e.g. the session layer) to carry a problem. */
export class ProblemError extends Error {
  readonly problem: Problem
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title)
    this.name = 'ProblemError'
    this.problem = problem
  }
}

/** Normalises anything thrown by an API call into a Problem. */
export function toProblem(error: unknown): Problem {
  if (isProblem(error)) return error
  if (error instanceof ProblemError) return error.problem
  if (error instanceof DOMException && error.name === 'AbortError') {
    return { type: 'about:blank', title: 'Request cancelled', status: 0 }
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the network is down or the server unreachable.
    return {
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: 'Could not reach the server. Check your connection and try again.',
    }
  }
  if (typeof error === 'string' && error.trim() !== '') {
    return { type: 'about:blank', title: error.slice(0, 200), status: 0 }
  }
  return {
    type: 'about:blank',
    title: 'Something went wrong',
    status: 0,
    detail: error instanceof Error ? error.message : undefined,
  }
}

/** One readable sentence for a toast or alert. */
export function problemMessage(error: unknown): string {
  const p = toProblem(error)
  if (p.detail && p.detail.trim() !== '') return p.detail
  if (p.errors && p.errors.length > 0 && !p.detail) {
    return `${p.title}: ${p.errors.map((e) => `${humanField(e.field)} ${e.message}`).join('; ')}`
  }
  return p.title
}

/** "body.term_months" / "/term_months" / "term_months" -> "term_months". */
export function normaliseField(field: string): string {
  const parts = field.split(/[./]/).filter(Boolean)
  return parts[parts.length - 1] ?? field
}

function humanField(field: string): string {
  return normaliseField(field).replace(/_/g, ' ')
}

/**
 * Field errors keyed by API field name (normalised), first message per field.
 * `rename` maps API names to form names, e.g. { term_months: 'termMonths' }.
 */
export function fieldErrors(error: unknown, rename: Record<string, string> = {}): Record<string, string> {
  const p = toProblem(error)
  const out: Record<string, string> = {}
  for (const e of p.errors ?? []) {
    const name = normaliseField(e.field)
    const key = rename[name] ?? name
    if (!(key in out)) out[key] = capitalise(e.message)
  }
  return out
}

function capitalise(s: string): string {
  return s.length > 0 ? s[0].toUpperCase() + s.slice(1) : s
}

export interface SplitProblem {
  /** Errors that belong to a field of the form, keyed by form field name. */
  fields: Record<string, string>
  /** What is left for a form-level alert; null when every error found its field. */
  message: string | null
  problem: Problem
}

/**
 * Splits a problem between the fields a form has and a form-level message.
 * Field errors for unknown fields are folded into the message, so nothing is lost.
 */
export function splitProblem(
  error: unknown,
  formFields: readonly string[],
  rename: Record<string, string> = {},
): SplitProblem {
  const problem = toProblem(error)
  const all = fieldErrors(problem, rename)
  const fields: Record<string, string> = {}
  const leftovers: string[] = []
  for (const [k, v] of Object.entries(all)) {
    if (formFields.includes(k)) fields[k] = v
    else leftovers.push(`${humanField(k)}: ${v}`)
  }
  let message: string | null = null
  if (Object.keys(fields).length === 0 || leftovers.length > 0) {
    message = leftovers.length > 0 && !problem.detail ? `${problem.title}: ${leftovers.join('; ')}` : problemMessage(problem)
  }
  return { fields, message, problem }
}

/** Stable slug of a problem type URI: ".../problems/insufficient-funds" -> "insufficient-funds". */
export function problemKind(error: unknown): string {
  const t = toProblem(error).type ?? ''
  return t.split('/').filter(Boolean).pop() ?? ''
}
