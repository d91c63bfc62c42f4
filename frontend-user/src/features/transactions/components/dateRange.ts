/**
 * A picked calendar range (local days, "YYYY-MM-DD") as API bounds: `from` is the start of the
 * first day, `to` the start of the day after the last one (the API's `to` is exclusive).
 */
export function rangeToBounds(start: string | null, end: string | null): { from: string | null; to: string | null } {
  const toLocalMidnight = (d: string, addDays = 0) => {
    const [y, m, day] = d.split('-').map(Number)
    return new Date(y, m - 1, day + addDays).toISOString()
  }
  return { from: start ? toLocalMidnight(start) : null, to: end ? toLocalMidnight(end, 1) : null }
}
