-- name: EmailOutboxClaim :many
-- A batch of notifications to e-mail, locked so concurrent workers split the work.
SELECT n.id, n.title, n.body, u.email, u.full_name
FROM notifications n JOIN users u ON u.id = n.user_id
WHERE n.emailed_at IS NULL
ORDER BY n.created_at
LIMIT @lim
FOR UPDATE OF n SKIP LOCKED;

-- name: EmailOutboxMarkSent :exec
UPDATE notifications SET emailed_at = now() WHERE id = $1;

-- name: ContractLoanGet :one
SELECT l.*, u.full_name AS borrower_name, u.email AS borrower_email
FROM loans l JOIN users u ON u.id = l.user_id
WHERE l.id = $1;

-- name: LoanOverdueSummary :many
-- Per loan with overdue installments: the oldest overdue due date.
SELECT loan_id, min(due_date)::date AS oldest_due
FROM loan_installments
WHERE status = 'overdue' AND loan_id = ANY(@loan_ids::uuid[])
GROUP BY loan_id;
