-- name: StatsLoansByStatus :many
SELECT status, sum(count)::bigint AS count, sum(amount)::bigint AS amount, sum(principal_paid)::bigint AS principal_paid
FROM loan_totals GROUP BY status ORDER BY status;

-- name: StatsOverdue :one
-- From the trigger-kept totals (00007_overdue_totals).
SELECT coalesce(sum(amount), 0)::bigint AS amount, coalesce(sum(loans), 0)::bigint AS loans
FROM overdue_totals;

-- name: StatsCheckTotals :many
-- Each trigger-kept figure beside the same figure computed from the rows
-- (tests compare them after concurrent work; a full scan, never served).
SELECT 'loans ' || status AS figure, coalesce(sum(count), 0)::bigint AS kept,
       (SELECT count(*) FROM loans l WHERE l.status = t.status)::bigint AS actual
FROM loan_totals t GROUP BY status
UNION ALL
SELECT 'amount ' || status, coalesce(sum(amount), 0)::bigint,
       (SELECT coalesce(sum(l.amount), 0) FROM loans l WHERE l.status = t.status)::bigint
FROM loan_totals t GROUP BY status
UNION ALL
SELECT 'principal paid ' || status, coalesce(sum(principal_paid), 0)::bigint,
       (SELECT coalesce(sum(l.principal_paid), 0) FROM loans l WHERE l.status = t.status)::bigint
FROM loan_totals t GROUP BY status
UNION ALL
SELECT 'overdue amount', (SELECT coalesce(sum(amount), 0) FROM overdue_totals)::bigint,
       (SELECT coalesce(sum(principal - principal_paid + interest - interest_paid), 0) FROM loan_installments WHERE status = 'overdue')::bigint
UNION ALL
SELECT 'overdue loans', (SELECT coalesce(sum(loans), 0) FROM overdue_totals)::bigint,
       (SELECT count(DISTINCT loan_id) FROM loan_installments WHERE status = 'overdue')::bigint
UNION ALL
SELECT 'loans with a wrong overdue count', (SELECT count(*) FROM loans l
        WHERE l.overdue_installments <> (SELECT count(*) FROM loan_installments i WHERE i.loan_id = l.id AND i.status = 'overdue'))::bigint, 0
UNION ALL
SELECT 'withdrawals ' || s.status, (SELECT coalesce(sum(count), 0) FROM withdrawal_totals t WHERE t.status = s.status)::bigint,
       (SELECT count(*) FROM withdrawals w WHERE w.status = s.status)::bigint
FROM (VALUES ('pending'), ('processed'), ('cancelled')) AS s(status)
UNION ALL
SELECT 'withdrawn amount ' || s.status, (SELECT coalesce(sum(amount), 0) FROM withdrawal_totals t WHERE t.status = s.status)::bigint,
       (SELECT coalesce(sum(amount), 0) FROM withdrawals w WHERE w.status = s.status)::bigint
FROM (VALUES ('pending'), ('processed'), ('cancelled')) AS s(status)
UNION ALL
SELECT 'users', (SELECT coalesce(sum(count), 0) FROM user_totals)::bigint, (SELECT count(*) FROM users)::bigint;

-- name: StatsPendingWithdrawals :one
-- From the trigger-kept totals (00008_withdrawal_totals).
SELECT coalesce(sum(count), 0)::bigint AS count, coalesce(sum(amount), 0)::bigint AS amount
FROM withdrawal_totals WHERE status = 'pending';

-- name: StatsUsers :one
SELECT coalesce(sum(count), 0)::bigint FROM user_totals;

-- name: StatsDaily :many
-- The daily series from the trigger-kept totals (00004_daily_totals).
SELECT day, sum(applications)::bigint AS applications, sum(approvals)::bigint AS approvals,
       sum(disbursements)::bigint AS disbursements, sum(disbursed_amount)::bigint AS disbursed_amount
FROM loan_daily_totals
WHERE day >= @since::date
GROUP BY day ORDER BY day;
