/** Display helpers for dates and numbers; money formatting lives in @shared/money. */
export { formatMoney, formatRateBps, minorToDecimal } from '@shared/money'

const dateFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
const shortDateFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' })
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

/** A calendar date as "May 4" (chart axes). */
export function formatShortDate(value: string): string {
  const d = new Date(`${value.slice(0, 10)}T12:00:00Z`)
  return Number.isNaN(d.getTime()) ? value : shortDateFmt.format(d)
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

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : intFmt.format(n)
}

export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

/** "8739963d-…" -> "8739963d": a short, still searchable form of a UUID. */
export function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : '—'
}

/**
 * A local calendar day ("2026-05-04", as a date input gives it) as the RFC 3339 instant the
 * API filters take: the start of that day, or with `endOfDay` the start of the next one
 * (the API's `to` is exclusive).
 */
export function dayToInstant(day: string | null | undefined, endOfDay = false): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined
  const d = new Date(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10))
  if (endOfDay) d.setDate(d.getDate() + 1)
  return d.toISOString()
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

/** Hours from an instant until now. */
export function hoursSince(value: string, now: number = Date.now()): number {
  return (now - new Date(value).getTime()) / 3_600_000
}
