/**
 * The app's API client: the shared typed client (openapi-fetch + openapi-react-query over
 * gen/ts) provided through React context (@shared/api/context), so tests can swap in one with a
 * mocked fetch.
 */
import { createApiClient, type ApiClient } from '@shared/api/client'
import type { Schemas } from '@shared/api/types'

export { useApi } from '@shared/api/context'
export type * from '@shared/api/types'
export type Quote = Schemas['Quote']
export type Repayment = Schemas['Repayment']

/** Tokens of the borrower app; the admin app uses its own key on the same origin. */
export const STORAGE_KEY = 'lending.user.session'

export function createAppApi(): ApiClient {
  return createApiClient({ baseUrl: import.meta.env.VITE_API_BASE_URL ?? '/api', storageKey: STORAGE_KEY })
}
