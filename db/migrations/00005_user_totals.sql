-- +goose Up
-- A running count of accounts (sharded, trigger-kept) so the admin figures
-- never count a large users table.
CREATE TABLE user_totals (
    shard int PRIMARY KEY,
    count bigint NOT NULL DEFAULT 0
);

-- +goose StatementBegin
CREATE FUNCTION user_totals_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO user_totals AS t (shard, count) VALUES (floor(random() * 16)::int, 1)
    ON CONFLICT (shard) DO UPDATE SET count = t.count + 1;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER users_totals AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION user_totals_track();
INSERT INTO user_totals (shard, count) SELECT 0, count(*) FROM users;

-- +goose Down
DROP TRIGGER users_totals ON users;
DROP FUNCTION user_totals_track();
DROP TABLE user_totals;
