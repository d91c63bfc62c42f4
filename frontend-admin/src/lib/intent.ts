/**
 * Runs one money-moving or destructive call under an IdempotentIntent (from @shared): the
 * same intent (same scope and body) reuses its Idempotency-Key on retry, a success or a
 * definite rejection starts a new one.
 */
import type { IdempotentIntent } from '@shared/idempotency'
import { toProblem } from '@shared/problem'

export async function withIntent<T>(intent: IdempotentIntent, scope: unknown, run: (key: string) => Promise<T>): Promise<T> {
  const key = intent.keyFor(scope)
  try {
    const result = await run(key)
    intent.complete()
    return result
  } catch (e) {
    intent.failed(toProblem(e).status || undefined)
    throw e
  }
}
