-- name: EmailOutboxClaim :many
-- A batch of notifications to e-mail, locked so concurrent workers split the work.
SELECT n.id, n.title, n.body, u.email, u.full_name
FROM notifications n JOIN users u ON u.id = n.user_id
WHERE n.emailed_at IS NULL
ORDER BY n.created_at
LIMIT @lim
FOR UPDATE OF n SKIP LOCKED;

-- name: EmailOutboxMarkSent :exec
UPDATE notifications SET emailed_at = now() WHERE id = ANY(@ids::uuid[]);

-- name: ContractLoanGet :one
SELECT l.*, u.full_name AS borrower_name, u.email AS borrower_email
FROM loans l JOIN users u ON u.id = l.user_id
WHERE l.id = $1;

-- name: LoanMarkDaysPastDue :many
-- The second step of the sweep, for all the loans it touched at once: days
-- past due counted from the oldest overdue installment of each loan,
-- returned with what the notification to the borrower names.
UPDATE loans SET days_past_due = o.days
FROM (SELECT loan_id, (sqlc.arg(today)::date - min(due_date))::int AS days
      FROM loan_installments
      WHERE status = 'overdue' AND loan_id = ANY(sqlc.arg(loan_ids)::uuid[])
      GROUP BY loan_id) o
WHERE loans.id = o.loan_id
RETURNING loans.id, loans.user_id, loans.number, loans.days_past_due;
