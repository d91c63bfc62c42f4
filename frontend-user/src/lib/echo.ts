/**
 * The server also notifies the user of what they just did themselves (a deposit, a repayment…).
 * The page that did it already says so, so its live toast would repeat the message: actions
 * announce the notification types they expect, and the live listener skips one toast for each.
 */
const expected = new Map<string, number>()

export function expectEcho(...types: string[]): void {
  const until = Date.now() + 15_000
  for (const t of types) expected.set(t, until)
}

/** True (once) when a toast for `type` was announced by a local action within the last 15 s. */
export function consumeEcho(type: string): boolean {
  const until = expected.get(type)
  if (until === undefined) return false
  expected.delete(type)
  return until >= Date.now()
}
