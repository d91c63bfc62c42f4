/** Display helpers; dates, counts and names come from @shared/format, money from @shared/money. */
export { formatMoney, formatRateBps, minorToDecimal, parseMoney } from '@shared/money'
export { formatDate, formatDateTime, formatRelative, initials, pluralize } from '@shared/format'

/** Whole days from today to a calendar date (negative when past). */
export function daysUntil(date: string | null | undefined, now: Date = new Date()): number | null {
  if (!date) return null
  const target = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10))
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())
  return Math.round((target - today) / 86400000)
}
