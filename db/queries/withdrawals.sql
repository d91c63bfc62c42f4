-- name: WithdrawalCreate :one
INSERT INTO withdrawals (user_id, amount, destination) VALUES ($1, $2, $3)
RETURNING *;

-- name: WithdrawalGetByID :one
SELECT * FROM withdrawals WHERE id = $1;

-- name: WithdrawalGetForUpdate :one
SELECT * FROM withdrawals WHERE id = $1 FOR UPDATE;

-- name: WithdrawalResolve :one
UPDATE withdrawals SET status = @status, reason = sqlc.narg(reason), resolved_by = @resolved_by, resolved_at = now()
WHERE id = @id AND status = 'pending'
RETURNING *;

-- name: WithdrawalHeldForUser :one
SELECT coalesce(sum(amount), 0)::bigint FROM withdrawals WHERE user_id = $1 AND status = 'pending';

-- name: WithdrawalListNewest :many
SELECT * FROM withdrawals
WHERE (sqlc.narg(user_id)::uuid IS NULL OR user_id = sqlc.narg(user_id))
  AND (sqlc.narg(status)::text IS NULL OR status = sqlc.narg(status))
  AND (sqlc.narg(cursor_at)::timestamptz IS NULL OR (created_at, id) < (sqlc.narg(cursor_at)::timestamptz, sqlc.narg(cursor_id)::uuid))
ORDER BY created_at DESC, id DESC
LIMIT @lim;

-- name: WithdrawalListOldest :many
SELECT * FROM withdrawals
WHERE (sqlc.narg(user_id)::uuid IS NULL OR user_id = sqlc.narg(user_id))
  AND (sqlc.narg(status)::text IS NULL OR status = sqlc.narg(status))
  AND (sqlc.narg(cursor_at)::timestamptz IS NULL OR (created_at, id) > (sqlc.narg(cursor_at)::timestamptz, sqlc.narg(cursor_id)::uuid))
ORDER BY created_at ASC, id ASC
LIMIT @lim;
