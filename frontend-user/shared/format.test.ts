import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatRelative, initials, pluralize } from './format'

describe('format', () => {
  it('keeps a calendar date on its day in every time zone', () => {
    expect(formatDate('2026-05-04')).toBe(new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 4, 4, 12)))
  })

  it('shows a dash for nothing and the raw text for what is not a date', () => {
    expect(formatDate(null)).toBe('—')
    expect(formatDateTime(undefined)).toBe('—')
    expect(formatDate('soon')).toBe('soon')
    expect(formatRelative('soon')).toBe('soon')
  })

  it('says how long ago an instant was', () => {
    const now = Date.parse('2026-05-04T12:00:00Z')
    expect(formatRelative('2026-05-04T11:59:50Z', now)).toBe('just now')
    expect(formatRelative('2026-05-04T11:57:00Z', now)).toMatch(/3/)
    expect(formatRelative('2026-01-01T12:00:00Z', now)).toBe(formatDate('2026-01-01T12:00:00Z'))
  })

  it('counts in words and makes initials', () => {
    expect(pluralize(1, 'loan')).toBe('1 loan')
    expect(pluralize(2, 'entry', 'entries')).toBe('2 entries')
    expect(initials('Ada  King Lovelace')).toBe('AK')
    expect(initials('')).toBe('')
  })
})
