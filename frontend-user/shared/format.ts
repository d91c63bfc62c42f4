/** Display helpers for dates, counts and names; money formatting lives in ./money. */

const dateFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
const dateTimeFmt = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})
const relFmt = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
const intFmt = new Intl.NumberFormat()

/** "2026-05-04" (a calendar date) or an RFC 3339 instant -> "May 4, 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—'
  // A bare date is a calendar day: format it at noon UTC so no time zone shifts the day.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value)
  return Number.isNaN(d.getTime()) ? value : dateFmt.format(d)
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—'
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? value : dateTimeFmt.format(d)
}

/** "3 minutes ago", "yesterday". */
export function formatRelative(value: string | null | undefined, now: number = Date.now()): string {
  if (!value) return '—'
  const t = new Date(value).getTime()
  if (Number.isNaN(t)) return value
  const s = Math.round((t - now) / 1000)
  const abs = Math.abs(s)
  if (abs < 45) return 'just now'
  if (abs < 3600) return relFmt.format(Math.round(s / 60), 'minute')
  if (abs < 86400) return relFmt.format(Math.round(s / 3600), 'hour')
  if (abs < 86400 * 30) return relFmt.format(Math.round(s / 86400), 'day')
  return formatDate(value)
}

/** 1234 -> "1,234" (in the reader's locale). */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : intFmt.format(n)
}

/** (1, 'loan') -> "1 loan"; (3, 'loan') -> "3 loans". */
export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

/** "Ada Lovelace" -> "AL" for avatars. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('')
}
