-- name: StatsLoansByStatus :many
SELECT status, count(*)::bigint AS count, coalesce(sum(amount), 0)::bigint AS amount
FROM loans GROUP BY status ORDER BY status;

-- name: StatsOutstanding :one
SELECT coalesce(sum(amount), 0)::bigint AS total_disbursed,
       coalesce(sum(amount - principal_paid) FILTER (WHERE status = 'disbursed'), 0)::bigint AS outstanding_principal
FROM loans WHERE status IN ('disbursed', 'repaid');

-- name: StatsOverdue :one
SELECT coalesce(sum(principal - principal_paid + interest - interest_paid), 0)::bigint AS amount,
       count(DISTINCT loan_id)::bigint AS loans
FROM loan_installments WHERE status = 'overdue';

-- name: StatsPendingWithdrawals :one
SELECT count(*)::bigint AS count, coalesce(sum(amount), 0)::bigint AS amount
FROM withdrawals WHERE status = 'pending';

-- name: StatsDaily :many
SELECT (created_at AT TIME ZONE 'UTC')::date AS day,
       count(*) FILTER (WHERE to_status = 'submitted' AND from_status IS NULL)::bigint AS applications,
       count(*) FILTER (WHERE to_status = 'approved')::bigint AS approvals,
       count(*) FILTER (WHERE to_status = 'disbursed')::bigint AS disbursements
FROM loan_events
WHERE created_at >= @since::timestamptz
GROUP BY 1 ORDER BY 1;
