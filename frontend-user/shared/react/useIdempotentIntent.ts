/** React handle on an IdempotentIntent: one per form/button, stable across renders. */
import { useState } from 'react'
import { IdempotentIntent } from '../idempotency'

export function useIdempotentIntent(): IdempotentIntent {
  const [intent] = useState(() => new IdempotentIntent())
  return intent
}
