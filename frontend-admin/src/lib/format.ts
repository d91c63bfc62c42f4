/** Display helpers; dates, counts and names come from @shared/format, money from @shared/money. */
export { formatMoney, formatRateBps, minorToDecimal } from '@shared/money'
export { formatCount, formatDate, formatDateTime, formatRelative, initials, pluralize } from '@shared/format'

const shortDateFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' })

/** A calendar date as "May 4" (chart axes). */
export function formatShortDate(value: string): string {
  const d = new Date(`${value.slice(0, 10)}T12:00:00Z`)
  return Number.isNaN(d.getTime()) ? value : shortDateFmt.format(d)
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

/** Hours from an instant until now. */
export function hoursSince(value: string, now: number = Date.now()): number {
  return (now - new Date(value).getTime()) / 3_600_000
}
