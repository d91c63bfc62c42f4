-- name: StatsLoansByStatus :many
SELECT status, sum(count)::bigint AS count, sum(amount)::bigint AS amount, sum(principal_paid)::bigint AS principal_paid
FROM loan_totals GROUP BY status ORDER BY status;

-- name: StatsOverdue :one
SELECT coalesce(sum(principal - principal_paid + interest - interest_paid), 0)::bigint AS amount,
       count(DISTINCT loan_id)::bigint AS loans
FROM loan_installments WHERE status = 'overdue';

-- name: StatsPendingWithdrawals :one
SELECT count(*)::bigint AS count, coalesce(sum(amount), 0)::bigint AS amount
FROM withdrawals WHERE status = 'pending';

-- name: StatsUsers :one
SELECT count(*)::bigint FROM users;

-- name: StatsDaily :many
-- Transitions per UTC day since @since (loan_events_day_idx).
SELECT (e.created_at AT TIME ZONE 'UTC')::date AS day,
       count(*) FILTER (WHERE e.from_status IS NULL)::bigint AS applications,
       count(*) FILTER (WHERE e.to_status = 'approved')::bigint AS approvals,
       count(*) FILTER (WHERE e.to_status = 'disbursed')::bigint AS disbursements,
       coalesce(sum(l.amount) FILTER (WHERE e.to_status = 'disbursed'), 0)::bigint AS disbursed_amount
FROM loan_events e JOIN loans l ON l.id = e.loan_id
WHERE e.created_at >= @since::timestamptz
GROUP BY 1 ORDER BY 1;
