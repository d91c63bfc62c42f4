-- name: LedgerAccountCreate :one
INSERT INTO ledger_accounts (kind, user_id, loan_id) VALUES ($1, $2, $3)
RETURNING id;

-- name: LedgerPlatformAccountID :one
SELECT id FROM ledger_accounts WHERE kind = $1 AND user_id IS NULL AND loan_id IS NULL;

-- name: LedgerWalletGet :one
SELECT id, balance FROM ledger_accounts WHERE kind = 'wallet' AND user_id = $1;

-- name: LedgerReceivableGet :one
SELECT id, balance FROM ledger_accounts WHERE kind = 'loan_receivable' AND loan_id = $1;

-- name: LedgerAccountAdjust :one
-- Guarded update: a wallet never goes negative, a receivable never positive.
-- No row back means the guard refused the change.
UPDATE ledger_accounts SET balance = balance + @delta::bigint
WHERE id = @id
  AND (kind <> 'wallet' OR balance + @delta::bigint >= 0)
  AND (kind <> 'loan_receivable' OR balance + @delta::bigint <= 0)
RETURNING balance;

-- name: LedgerTransferCreate :exec
INSERT INTO ledger_transfers (kind, debit_account_id, credit_account_id, amount, wallet_transaction_id, user_id, loan_id, withdrawal_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);

-- name: WalletTransactionCreate :one
INSERT INTO wallet_transactions (user_id, type, amount, balance_after, loan_id, withdrawal_id, description)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING *;

-- name: WalletTransactionList :many
SELECT * FROM wallet_transactions
WHERE (sqlc.narg(user_id)::uuid IS NULL OR user_id = sqlc.narg(user_id))
  AND (sqlc.narg(loan_id)::uuid IS NULL OR loan_id = sqlc.narg(loan_id))
  AND (sqlc.narg(type)::text IS NULL OR type = sqlc.narg(type))
  AND (sqlc.narg(from_at)::timestamptz IS NULL OR created_at >= sqlc.narg(from_at))
  AND (sqlc.narg(to_at)::timestamptz IS NULL OR created_at < sqlc.narg(to_at))
  AND (sqlc.narg(cursor_at)::timestamptz IS NULL OR (created_at, id) < (sqlc.narg(cursor_at)::timestamptz, sqlc.narg(cursor_id)::uuid))
ORDER BY created_at DESC, id DESC
LIMIT @lim;

-- name: LedgerCheckAccounts :many
-- Accounts whose maintained balance disagrees with their transfers (must be empty).
SELECT a.id, a.kind, a.balance,
       (coalesce((SELECT sum(amount) FROM ledger_transfers t WHERE t.credit_account_id = a.id), 0)
      - coalesce((SELECT sum(amount) FROM ledger_transfers t WHERE t.debit_account_id = a.id), 0))::bigint AS derived
FROM ledger_accounts a
WHERE a.kind IN ('wallet', 'loan_receivable');

-- name: LedgerPlatformBalance :one
SELECT (coalesce((SELECT sum(amount) FROM ledger_transfers t WHERE t.credit_account_id = @id), 0)
      - coalesce((SELECT sum(amount) FROM ledger_transfers t WHERE t.debit_account_id = @id), 0))::bigint AS balance;
