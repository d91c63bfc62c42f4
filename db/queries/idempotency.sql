-- name: IdempotencyReserve :one
-- Claims a key; returns no row when another request holds or has completed it.
-- The claim commits without waiting for its WAL flush (synchronous_commit off
-- for this statement's transaction): it only keeps concurrent requests apart.
-- If a crash loses it, no effect committed after it survived either, because
-- the effect's own (synchronous) commit flushes all WAL written before it.
INSERT INTO idempotency_keys (user_id, key, operation, request_hash, locked_until)
SELECT @user_id, @key, @operation, @request_hash, now() + make_interval(secs => @lock_secs::int)
WHERE set_config('synchronous_commit', 'off', true) IS NOT NULL
ON CONFLICT (user_id, key) DO UPDATE SET locked_until = excluded.locked_until, request_hash = excluded.request_hash, operation = excluded.operation
    WHERE idempotency_keys.status_code IS NULL AND idempotency_keys.locked_until < now()
RETURNING user_id;

-- name: IdempotencyGet :one
SELECT * FROM idempotency_keys WHERE user_id = $1 AND key = $2;

-- name: IdempotencyComplete :exec
UPDATE idempotency_keys SET status_code = $3, response_body = $4, locked_until = NULL
WHERE user_id = $1 AND key = $2;

-- name: IdempotencyRelease :exec
DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status_code IS NULL;

-- name: IdempotencyDeleteOld :execrows
DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => @hours::int);
