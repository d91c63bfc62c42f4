-- +goose Up
-- E-mail delivery is an outbox: the delivery job picks notifications not
-- yet e-mailed, so a notification is e-mailed once it committed, whatever
-- crashed in between.
ALTER TABLE notifications ADD COLUMN emailed_at timestamptz;
-- Rows from before this migration are not e-mailed retroactively.
UPDATE notifications SET emailed_at = created_at;
CREATE INDEX notifications_email_outbox_idx ON notifications (created_at) WHERE emailed_at IS NULL;

-- +goose Down
DROP INDEX notifications_email_outbox_idx;
ALTER TABLE notifications DROP COLUMN emailed_at;
