/**
 * The app's API client: the shared typed client (openapi-fetch + openapi-react-query over
 * gen/ts, bearer token and refresh handled by @shared/api/session) provided through React
 * context (@shared/api/context), so tests can swap in one with a mocked fetch.
 */
import { createApiClient, type ApiClient } from '@shared/api/client'
import type { Schemas } from '@shared/api/types'
import type { operations } from '@gen/schema'

export { useApi } from '@shared/api/context'
export type * from '@shared/api/types'
export type Role = Schemas['Role']
export type UserStatus = Schemas['UserStatus']
export type AdminStats = Schemas['AdminStats']
export type DailyFigure = Schemas['DailyFigure']
export type Job = Schemas['Job']
export type JobState = NonNullable<NonNullable<operations['listJobs']['parameters']['query']>['state']>

/** Tokens of the staff app; the borrower app keeps its own key on the same origin. */
export const STORAGE_KEY = 'lending.admin.session'

export function createAppApi(): ApiClient {
  return createApiClient({ baseUrl: import.meta.env.VITE_API_BASE_URL ?? '/api', storageKey: STORAGE_KEY })
}
