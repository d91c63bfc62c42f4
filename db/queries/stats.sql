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
SELECT coalesce(sum(count), 0)::bigint FROM user_totals;

-- name: StatsDaily :many
-- The daily series from the trigger-kept totals (00004_daily_totals).
SELECT day, sum(applications)::bigint AS applications, sum(approvals)::bigint AS approvals,
       sum(disbursements)::bigint AS disbursements, sum(disbursed_amount)::bigint AS disbursed_amount
FROM loan_daily_totals
WHERE day >= @since::date
GROUP BY day ORDER BY day;
