-- name: LoanCreate :one
INSERT INTO loans (number, user_id, amount, term_months, annual_rate_bps, monthly_payment, total_interest, purpose)
-- At least six digits; lpad alone would truncate the millionth number and collide.
VALUES ('LN-' || to_char(now() AT TIME ZONE 'UTC', 'YYYY') || '-' ||
        (SELECT lpad(s.n::text, greatest(6, length(s.n::text)), '0') FROM (SELECT nextval('loan_number_seq') AS n) s),
        $1, $2, $3, $4, $5, $6, $7)
RETURNING *;

-- name: LoanGetByID :one
SELECT * FROM loans WHERE id = $1;

-- name: LoanGetForUpdate :one
SELECT * FROM loans WHERE id = $1 FOR UPDATE;

-- name: LoanListNewest :many
-- A page of loan ids (LoanViews then reads the loans with what readers see).
SELECT id, created_at FROM loans
WHERE (sqlc.narg(user_id)::uuid IS NULL OR user_id = sqlc.narg(user_id))
  AND (sqlc.narg(status)::text IS NULL OR status = sqlc.narg(status))
  AND (sqlc.narg(from_at)::timestamptz IS NULL OR created_at >= sqlc.narg(from_at))
  AND (sqlc.narg(to_at)::timestamptz IS NULL OR created_at < sqlc.narg(to_at))
  AND (sqlc.narg(cursor_at)::timestamptz IS NULL OR (created_at, id) < (sqlc.narg(cursor_at)::timestamptz, sqlc.narg(cursor_id)::uuid))
ORDER BY created_at DESC, id DESC
LIMIT @lim;

-- name: LoanListOldest :many
-- A page of loan ids (LoanViews then reads the loans with what readers see).
SELECT id, created_at FROM loans
WHERE (sqlc.narg(user_id)::uuid IS NULL OR user_id = sqlc.narg(user_id))
  AND (sqlc.narg(status)::text IS NULL OR status = sqlc.narg(status))
  AND (sqlc.narg(from_at)::timestamptz IS NULL OR created_at >= sqlc.narg(from_at))
  AND (sqlc.narg(to_at)::timestamptz IS NULL OR created_at < sqlc.narg(to_at))
  AND (sqlc.narg(cursor_at)::timestamptz IS NULL OR (created_at, id) > (sqlc.narg(cursor_at)::timestamptz, sqlc.narg(cursor_id)::uuid))
ORDER BY created_at ASC, id ASC
LIMIT @lim;

-- name: LoanUpdateTerms :one
UPDATE loans SET amount = $2, term_months = $3, purpose = $4, monthly_payment = $5, total_interest = $6, updated_at = now()
WHERE id = $1
RETURNING *;

-- name: LoanSetStatus :one
UPDATE loans SET
    status          = @status,
    decision_reason = coalesce(sqlc.narg(decision_reason), decision_reason),
    decided_by      = coalesce(sqlc.narg(decided_by), decided_by),
    decided_at      = coalesce(sqlc.narg(decided_at), decided_at),
    disbursed_at    = coalesce(sqlc.narg(disbursed_at), disbursed_at),
    closed_at       = coalesce(sqlc.narg(closed_at), closed_at),
    updated_at      = now()
WHERE id = @id
RETURNING *;

-- name: LoanAddPaid :one
UPDATE loans SET principal_paid = principal_paid + @principal, interest_paid = interest_paid + @interest, updated_at = now()
WHERE id = @id
RETURNING *;

-- name: LoanEventCreate :exec
INSERT INTO loan_events (loan_id, from_status, to_status, actor_id, reason)
VALUES ($1, $2, $3, $4, $5);

-- name: LoanEventList :many
SELECT e.*, u.full_name AS actor_name
FROM loan_events e LEFT JOIN users u ON u.id = e.actor_id
WHERE e.loan_id = $1
ORDER BY e.created_at, e.id;

-- name: InstallmentCreate :copyfrom
INSERT INTO loan_installments (loan_id, number, due_date, principal, interest) VALUES ($1, $2, $3, $4, $5);

-- name: InstallmentList :many
SELECT * FROM loan_installments WHERE loan_id = $1 ORDER BY number;

-- name: LoanViews :many
-- Loans with what a reader sees beside the row, in one round trip: the
-- borrower, and for a disbursed loan the open installments that decide its
-- next due amount and days past due: those due up to the first one due on
-- or after today (all open ones past maturity). One primary-key probe per
-- loan (LATERAL): a plain "loan_id = ANY(...)" lets the planner AND in the
-- partial due-date index and read millions of rows on a large book.
SELECT sqlc.embed(loans), users.full_name AS borrower_name, users.email AS borrower_email,
       coalesce(due.items, '[]')::jsonb AS open_installments
FROM unnest(@loan_ids::uuid[]) AS wanted(id)
JOIN loans ON loans.id = wanted.id
JOIN users ON users.id = loans.user_id
LEFT JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object(
               'number', n.number, 'due_date', n.due_date, 'principal', n.principal, 'interest', n.interest,
               'principal_paid', n.principal_paid, 'interest_paid', n.interest_paid) ORDER BY n.number) AS items
    FROM loan_installments n
    WHERE loans.status = 'disbursed' AND n.loan_id = loans.id AND n.status IN ('due', 'overdue')
      AND n.due_date <= coalesce(
            (SELECT m.due_date FROM loan_installments m
             WHERE m.loan_id = loans.id AND m.status IN ('due', 'overdue') AND m.due_date >= @today::date
             ORDER BY m.number LIMIT 1),
            'infinity'::date)
) due ON true;

-- name: InstallmentApplyPayment :exec
UPDATE loan_installments SET
    principal_paid = principal_paid + @principal,
    interest_paid  = interest_paid + @interest,
    status = CASE WHEN principal_paid + @principal = principal AND interest_paid + @interest = interest THEN 'paid' ELSE status END
WHERE loan_id = @loan_id AND number = @number;

-- name: InstallmentWaiveRest :exec
-- On payoff: principal is all paid, the interest not yet due is waived.
UPDATE loan_installments SET status = CASE WHEN interest_paid = interest AND principal_paid = principal THEN 'paid' ELSE 'waived' END
WHERE loan_id = $1 AND status IN ('due', 'overdue');

-- name: LoanLockFallingDue :exec
-- The sweep locks the loans it is about to mark overdue, in id order, the
-- way repayments lock theirs before touching installments (the overdue
-- totals triggers then never wait on a lock held by a repayment).
SELECT id FROM loans
WHERE id = ANY(ARRAY(SELECT DISTINCT loan_id FROM loan_installments WHERE status = 'due' AND due_date < @today::date))
ORDER BY id FOR UPDATE;

-- name: InstallmentMarkOverdue :many
-- The delinquency sweep: open installments due before the given day become overdue.
UPDATE loan_installments SET status = 'overdue'
WHERE status = 'due' AND due_date < @today::date
RETURNING loan_id, number;

-- name: LoanContractPut :exec
INSERT INTO loan_contracts (loan_id, pdf) VALUES ($1, $2)
ON CONFLICT (loan_id) DO UPDATE SET pdf = excluded.pdf, created_at = now();

-- name: LoanContractGet :one
SELECT pdf FROM loan_contracts WHERE loan_id = $1;
