-- +goose Up
-- Daily counts for the admin's 30-day series, kept by a trigger on loan
-- events (sharded like loan_totals), so the series reads at most 30 x 16
-- rows instead of joining a month of events to a large loans table.
CREATE TABLE loan_daily_totals (
    day              date NOT NULL,
    shard            int NOT NULL,
    applications     bigint NOT NULL DEFAULT 0,
    approvals        bigint NOT NULL DEFAULT 0,
    disbursements    bigint NOT NULL DEFAULT 0,
    disbursed_amount bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (day, shard)
);

-- +goose StatementBegin
CREATE FUNCTION loan_daily_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    apps bigint := 0;
    apprs bigint := 0;
    disbs bigint := 0;
    amt bigint := 0;
BEGIN
    IF NEW.from_status IS NULL THEN
        apps := 1;
    ELSIF NEW.to_status = 'approved' THEN
        apprs := 1;
    ELSIF NEW.to_status = 'disbursed' THEN
        disbs := 1;
        SELECT amount INTO amt FROM loans WHERE id = NEW.loan_id;
    ELSE
        RETURN NULL;
    END IF;
    INSERT INTO loan_daily_totals AS t (day, shard, applications, approvals, disbursements, disbursed_amount)
    VALUES ((NEW.created_at AT TIME ZONE 'UTC')::date, floor(random() * 16)::int, apps, apprs, disbs, amt)
    ON CONFLICT (day, shard) DO UPDATE
        SET applications = t.applications + excluded.applications,
            approvals = t.approvals + excluded.approvals,
            disbursements = t.disbursements + excluded.disbursements,
            disbursed_amount = t.disbursed_amount + excluded.disbursed_amount;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER loan_events_daily AFTER INSERT ON loan_events
    FOR EACH ROW EXECUTE FUNCTION loan_daily_track();

INSERT INTO loan_daily_totals (day, shard, applications, approvals, disbursements, disbursed_amount)
SELECT (e.created_at AT TIME ZONE 'UTC')::date, 0,
       count(*) FILTER (WHERE e.from_status IS NULL),
       count(*) FILTER (WHERE e.to_status = 'approved'),
       count(*) FILTER (WHERE e.to_status = 'disbursed'),
       coalesce(sum(l.amount) FILTER (WHERE e.to_status = 'disbursed'), 0)
FROM loan_events e JOIN loans l ON l.id = e.loan_id
GROUP BY 1;

-- +goose Down
DROP TRIGGER loan_events_daily ON loan_events;
DROP FUNCTION loan_daily_track();
DROP TABLE loan_daily_totals;
