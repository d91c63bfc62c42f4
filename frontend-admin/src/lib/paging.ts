/**
 * Cursor paging for tables (`next_cursor` -> `cursor`): a stack of the cursors that led to
 * the current page, so staff can go forward and back. The stack starts over when the
 * filters change (pass them as `resetKey`).
 */
import { useCallback, useState } from 'react'

export interface CursorPager {
  /** The cursor of the current page (undefined on the first). */
  cursor: string | undefined
  /** 1-based page number. */
  page: number
  hasPrevious: boolean
  next: (nextCursor: string | null | undefined) => void
  previous: () => void
  first: () => void
}

export function useCursorPager(resetKey: string): CursorPager {
  const [state, setState] = useState<{ key: string; stack: string[] }>({ key: resetKey, stack: [] })
  // Filters changed: back to page one (adjusting state while rendering, as React recommends).
  let stack = state.stack
  if (state.key !== resetKey) {
    stack = []
    setState({ key: resetKey, stack })
  }
  const next = useCallback((c: string | null | undefined) => {
    if (c) setState((s) => ({ ...s, stack: [...s.stack, c] }))
  }, [])
  const previous = useCallback(() => setState((s) => ({ ...s, stack: s.stack.slice(0, -1) })), [])
  const first = useCallback(() => setState((s) => ({ ...s, stack: [] })), [])
  return {
    cursor: stack[stack.length - 1],
    page: stack.length + 1,
    hasPrevious: stack.length > 0,
    next,
    previous,
    first,
  }
}

/** Drops undefined, null and empty-string values, so they are not sent as query parameters. */
export function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  const out: Partial<T> = {}
  for (const [k, v] of Object.entries(o)) {
    if (v !== undefined && v !== null && v !== '') (out as Record<string, unknown>)[k] = v
  }
  return out
}
