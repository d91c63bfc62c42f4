/**
 * Builds the typed API client both web apps use:
 *
 *   const api = createApiClient({ baseUrl: '/api', storageKey: 'lending.user.session' })
 *   api.$api.useQuery('get', '/wallet')               // openapi-react-query hooks
 *   await api.client.POST('/transactions/deposit', …)   // plain openapi-fetch
 *   await api.login(email, password); await api.logout()
 *   api.session.onEnded(() => navigate('/login'))      // refresh failed -> logged out
 *
 * Paths, bodies and responses are typed from gen/ts/schema.d.ts (the OpenAPI contract).
 */
import createFetchClient, { type Client } from 'openapi-fetch'
import createQueryClient, { type OpenapiQueryClient } from 'openapi-react-query'
import type { paths } from '@gen/schema'
import { isProblem, ProblemError, type Problem } from '../problem'
import { createSession, RefreshRejectedError, type Session } from './session'
import { createTokenStore, tokensFromResponse, type TokenStore, type Tokens } from './tokenStore'

export type ApiPaths = paths
export type FetchClient = Client<paths>
export type QueryHooks = OpenapiQueryClient<paths>

export interface ApiClientOptions {
  /** Absolute or root-relative base, e.g. "/api" (browser) or "http://localhost/api" (tests). */
  baseUrl: string
  /** localStorage key for the tokens; different per app ("lending.user.session", "lending.admin.session"). */
  storageKey?: string
  /** Supply a token store directly (tests); overrides storageKey. */
  tokens?: TokenStore
  /** The network fetch; tests pass `(r) => globalThis.fetch(r)` so mocks installed later apply. */
  fetch?: (request: Request) => Promise<Response>
  leewayMs?: number
}

export interface ApiClient {
  client: FetchClient
  $api: QueryHooks
  session: Session
  tokens: TokenStore
  /** POST /auth/login; stores the tokens. Throws the Problem on failure. */
  login: (email: string, password: string) => Promise<Tokens>
  /** POST /auth/logout (best effort) and forget the tokens locally either way. */
  logout: () => Promise<void>
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseFetch = options.fetch ?? ((r: Request) => globalThis.fetch(r))
  const tokens = options.tokens ?? createTokenStore(options.storageKey ?? 'lending.session')

  // A bare client without the session layer, for the token endpoints themselves.
  const bare = createFetchClient<paths>({ baseUrl: options.baseUrl, fetch: baseFetch })

  const session = createSession({
    tokens,
    fetch: baseFetch,
    leewayMs: options.leewayMs,
    lockName: `refresh:${options.storageKey ?? 'lending.session'}`,
    refresh: async (refreshToken) => {
      const { data, error, response } = await bare.POST('/auth/refresh', { body: { refresh_token: refreshToken } })
      if (data) return tokensFromResponse(data)
      if (response.status >= 400 && response.status < 500 && response.status !== 429) {
        throw new RefreshRejectedError(response.status)
      }
      throw isProblem(error) ? new ProblemError(error) : new Error(`refresh failed with ${response.status}`)
    },
  })

  const client = createFetchClient<paths>({ baseUrl: options.baseUrl, fetch: session.fetch })
  const $api = createQueryClient(client)

  return {
    client,
    $api,
    session,
    tokens,
    async login(email, password) {
      const { data, error, response } = await bare.POST('/auth/login', { body: { email, password } })
      if (!data) {
        throw isProblem(error)
          ? error
          : ({ type: 'about:blank', title: 'Login failed', status: response.status } satisfies Problem)
      }
      const t = tokensFromResponse(data)
      tokens.set(t)
      return t
    },
    async logout() {
      try {
        if (tokens.get()) await client.POST('/auth/logout')
      } catch {
        /* offline: forget the tokens anyway */
      } finally {
        session.end('logout')
      }
    },
  }
}
