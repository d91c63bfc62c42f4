/** Short names for the contract's schemas (gen/ts/schema.d.ts) that both apps use. */
import type { components } from '@gen/schema'

export type Schemas = components['schemas']
export type User = Schemas['User']
export type Loan = Schemas['Loan']
export type LoanStatus = Schemas['LoanStatus']
export type LoanEvent = Schemas['LoanEvent']
export type Installment = Schemas['Installment']
export type Wallet = Schemas['Wallet']
export type Transaction = Schemas['Transaction']
export type TransactionType = Schemas['TransactionType']
export type Withdrawal = Schemas['Withdrawal']
export type WithdrawalStatus = Schemas['WithdrawalStatus']
export type Notification = Schemas['Notification']
export type WsMessage = Schemas['WsMessage']
