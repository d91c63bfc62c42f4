/**
 * The app's API client: the shared typed client (openapi-fetch + openapi-react-query over
 * gen/ts) provided through React context, so tests can swap in one with a mocked fetch.
 */
import { createContext, useContext, type ReactNode } from 'react'
import { createApiClient, type ApiClient } from '@shared/api/client'
import type { components } from '@gen/schema'

export type Schemas = components['schemas']
export type User = Schemas['User']
export type Loan = Schemas['Loan']
export type LoanStatus = Schemas['LoanStatus']
export type Quote = Schemas['Quote']
export type Installment = Schemas['Installment']
export type Wallet = Schemas['Wallet']
export type Transaction = Schemas['Transaction']
export type TransactionType = Schemas['TransactionType']
export type Withdrawal = Schemas['Withdrawal']
export type WithdrawalStatus = Schemas['WithdrawalStatus']
export type Notification = Schemas['Notification']
export type WsMessage = Schemas['WsMessage']
export type LoanEvent = Schemas['LoanEvent']
export type Repayment = Schemas['Repayment']

/** Tokens of the borrower app; the admin app uses its own key on the same origin. */
export const STORAGE_KEY = 'lending.user.session'

export function createAppApi(): ApiClient {
  return createApiClient({ baseUrl: import.meta.env.VITE_API_BASE_URL ?? '/api', storageKey: STORAGE_KEY })
}

const ApiContext = createContext<ApiClient | null>(null)

export function ApiProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
}

export function useApi(): ApiClient {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi outside ApiProvider')
  return api
}
