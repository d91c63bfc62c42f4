/** Exponential backoff with full jitter, capped: the delay before reconnect attempt `attempt` (0-based). */
export interface BackoffOptions {
  /** First delay in ms (default 500). */
  initialMs?: number
  /** Upper bound in ms (default 30 000). */
  maxMs?: number
  /** Growth per attempt (default 2). */
  factor?: number
  /** 0 = no jitter, 1 = full jitter in [delay/2, delay] (default 0.5). */
  jitter?: number
}

export function backoffDelay(attempt: number, o: BackoffOptions = {}, random: () => number = Math.random): number {
  const initial = o.initialMs ?? 500
  const max = o.maxMs ?? 30_000
  const factor = o.factor ?? 2
  const jitter = Math.min(Math.max(o.jitter ?? 0.5, 0), 1)
  const base = Math.min(max, initial * Math.pow(factor, Math.max(0, attempt)))
  return Math.round(base - base * jitter * random())
}

/** ws(s)://<host><path>?access_token=… from the page's location (or an absolute http(s) base). */
export function liveEventsUrl(path: string, accessToken: string, base: string = globalThis.location?.href ?? 'http://localhost/'): string {
  const url = new URL(path, base)
  url.protocol = url.protocol === 'https:' ? 'wss:' : url.protocol === 'http:' ? 'ws:' : url.protocol
  url.searchParams.set('access_token', accessToken)
  return url.toString()
}
