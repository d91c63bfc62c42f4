-- name: NotificationCreate :one
INSERT INTO notifications (user_id, type, title, body, data) VALUES ($1, $2, $3, $4, $5)
RETURNING *;

-- name: NotificationList :many
SELECT * FROM notifications
WHERE user_id = @user_id
  AND (NOT @unread_only::bool OR read_at IS NULL)
  AND (sqlc.narg(cursor_at)::timestamptz IS NULL OR (created_at, id) < (sqlc.narg(cursor_at)::timestamptz, sqlc.narg(cursor_id)::uuid))
ORDER BY created_at DESC, id DESC
LIMIT @lim;

-- name: NotificationUnreadCount :one
SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL;

-- name: NotificationMarkRead :one
UPDATE notifications SET read_at = coalesce(read_at, now())
WHERE id = $1 AND user_id = $2
RETURNING *;

-- name: NotificationCreateForAdmins :many
-- One notification per active staff member, in one statement.
INSERT INTO notifications (user_id, type, title, body, data)
SELECT u.id, @type, @title, @body, @data FROM users u WHERE u.role = 'admin' AND u.status = 'active'
RETURNING id, user_id;

-- name: NotificationPublish :exec
-- NOTIFY is transactional: listeners hear it only if the transaction commits.
SELECT pg_notify('lending_events', @payload::text);

-- name: NotificationPublishMany :exec
-- Announcements queued by a committed transaction (see notify.Outbox).
SELECT pg_notify('lending_events', p) FROM unnest(@payloads::text[]) AS p;

-- name: NotificationGetByID :one
SELECT * FROM notifications WHERE id = $1;
