-- +goose Up
-- Withdrawals by status, kept running like loan_totals (00006's scheme:
-- one shard per session, a status change applied in status-name order),
-- so the pending figure of the admin stats no longer counts the pending
-- rows on every request.
CREATE TABLE withdrawal_totals (
    status text NOT NULL,
    shard  int NOT NULL,
    count  bigint NOT NULL DEFAULT 0,
    amount bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (status, shard)
);

-- +goose StatementBegin
CREATE FUNCTION withdrawal_totals_apply(p_status text, p_count bigint, p_amount bigint) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO withdrawal_totals AS t (status, shard, count, amount)
    VALUES (p_status, pg_backend_pid() % 16, p_count, p_amount)
    ON CONFLICT (status, shard) DO UPDATE SET count = t.count + excluded.count, amount = t.amount + excluded.amount;
$$;

CREATE FUNCTION withdrawal_totals_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM withdrawal_totals_apply(NEW.status, 1, NEW.amount);
    ELSIF NEW.status IS DISTINCT FROM OLD.status OR NEW.amount <> OLD.amount THEN
        IF OLD.status < NEW.status THEN
            PERFORM withdrawal_totals_apply(OLD.status, -1, -OLD.amount);
            PERFORM withdrawal_totals_apply(NEW.status, 1, NEW.amount);
        ELSE
            PERFORM withdrawal_totals_apply(NEW.status, 1, NEW.amount);
            PERFORM withdrawal_totals_apply(OLD.status, -1, -OLD.amount);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

INSERT INTO withdrawal_totals (status, shard, count, amount)
SELECT status, 0, count(*), sum(amount) FROM withdrawals GROUP BY status;

CREATE TRIGGER withdrawals_totals AFTER INSERT OR UPDATE ON withdrawals
    FOR EACH ROW EXECUTE FUNCTION withdrawal_totals_track();

-- +goose Down
DROP TRIGGER withdrawals_totals ON withdrawals;
DROP FUNCTION withdrawal_totals_track();
DROP FUNCTION withdrawal_totals_apply(text, bigint, bigint);
DROP TABLE withdrawal_totals;
