/** List filters kept in the URL (?status=…&user_id=…), so a filtered view can be shared and survives reloads. */
import { useCallback } from 'react'
import { useSearchParams } from 'react-router'

export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams()
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>
  const set = useCallback(
    (patch: Partial<Record<K, string | null>>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          for (const [k, v] of Object.entries(patch) as [K, string | null | undefined][]) {
            if (v) next.set(k, v)
            else next.delete(k)
          }
          return next
        },
        { replace: true },
      ),
    [setParams],
  )
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams])
  const active = keys.some((k) => values[k] !== '')
  return { values, set, clear, active }
}
