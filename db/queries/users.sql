-- name: UserCreate :one
INSERT INTO users (email, full_name, password_hash, role)
VALUES ($1, $2, $3, $4)
RETURNING *;

-- name: UserGetByID :one
SELECT * FROM users WHERE id = $1;

-- name: UserGetByEmail :one
SELECT * FROM users WHERE lower(email) = lower(@email::text);

-- name: UserList :many
SELECT * FROM users
WHERE (sqlc.narg(role)::text IS NULL OR role = sqlc.narg(role))
  AND (sqlc.narg(status)::text IS NULL OR status = sqlc.narg(status))
  AND (sqlc.narg(q)::text IS NULL OR lower(email) LIKE '%' || lower(sqlc.narg(q)) || '%' OR lower(full_name) LIKE '%' || lower(sqlc.narg(q)) || '%')
  AND (sqlc.narg(cursor_at)::timestamptz IS NULL OR (created_at, id) < (sqlc.narg(cursor_at)::timestamptz, sqlc.narg(cursor_id)::uuid))
ORDER BY created_at DESC, id DESC
LIMIT @lim;

-- name: UserUpdate :one
UPDATE users SET
    email         = coalesce(sqlc.narg(email), email),
    full_name     = coalesce(sqlc.narg(full_name), full_name),
    password_hash = coalesce(sqlc.narg(password_hash), password_hash),
    role          = coalesce(sqlc.narg(role), role),
    status        = coalesce(sqlc.narg(status), status),
    updated_at    = now()
WHERE id = @id
RETURNING *;

-- name: UserAdminExists :one
SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin');

