-- name: SessionCreate :one
INSERT INTO sessions (user_id, expires_at, user_agent, ip)
VALUES ($1, $2, $3, $4)
RETURNING *;

-- name: SessionGetActive :one
-- The per-request check behind every access token.
SELECT s.id, s.user_id, u.role, u.status
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now();

-- name: SessionRevoke :exec
UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL;

-- name: SessionRevokeAllForUser :exec
UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL;

-- name: SessionRevokeOthersForUser :exec
UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND id <> @keep AND revoked_at IS NULL;

-- name: SessionDeleteExpired :execrows
DELETE FROM sessions WHERE expires_at < now() - interval '1 day';

-- name: RefreshTokenCreate :exec
INSERT INTO refresh_tokens (token_hash, session_id) VALUES ($1, $2);

-- name: RefreshTokenGetForUpdate :one
SELECT r.token_hash, r.session_id, r.rotated_at, s.user_id, s.revoked_at, s.expires_at
FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id
WHERE r.token_hash = $1
FOR UPDATE OF r;

-- name: RefreshTokenMarkRotated :exec
UPDATE refresh_tokens SET rotated_at = now() WHERE token_hash = $1;

-- name: LoginThrottleGet :one
SELECT * FROM login_throttle WHERE key = $1;

-- name: LoginThrottleFail :one
-- Counts a failure in a sliding window and locks the key once it passes the limit.
INSERT INTO login_throttle AS t (key, failures, window_start)
VALUES (@key, 1, now())
ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN t.window_start < now() - make_interval(secs => @window_secs::int) THEN 1 ELSE t.failures + 1 END,
    window_start = CASE WHEN t.window_start < now() - make_interval(secs => @window_secs::int) THEN now() ELSE t.window_start END,
    locked_until = CASE
        WHEN t.window_start >= now() - make_interval(secs => @window_secs::int) AND t.failures + 1 >= @max_failures::int
        THEN now() + make_interval(secs => @lock_secs::int)
        ELSE t.locked_until END
RETURNING *;

-- name: LoginThrottleReset :exec
DELETE FROM login_throttle WHERE key = $1;
