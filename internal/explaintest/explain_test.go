// Package explaintest checks the query plans of the hot read paths: with
// realistic statistics the planner must reach loans, wallet movements,
// withdrawals, notifications and users through an index, and a page must
// touch a bounded number of rows, so latency does not grow with the tables.
//
// The SQL is the exact text sqlc generated (the constants of gen/db, read
// from its source), run with parameters, so the plans shown are the ones
// made for those values: the ones the searches with optional filters always
// get (database.CustomPlans); keyed statements are planned on their keys.
package explaintest

import (
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/lending/internal/database"
	"github.com/acme/lending/internal/testdb"
)

// Data volume: small enough to generate in about a second, large enough
// that a sequential scan costs the planner far more than an index path.
const (
	nUsers         = 5_000
	nLoans         = 40_000
	nTransactions  = 40_000
	nWithdrawals   = 10_000
	nNotifications = 40_000
)

// largeTables grow with the business; a Seq Scan on any of them in a hot
// query fails the test. (loan_totals has at most 6 x 16 rows by design.)
var largeTables = map[string]bool{
	"users": true, "sessions": true, "refresh_tokens": true, "loans": true, "loan_installments": true,
	"loan_events": true, "wallet_transactions": true, "ledger_accounts": true, "ledger_transfers": true,
	"withdrawals": true, "notifications": true, "idempotency_keys": true,
}

// maxRowsTouched bounds the rows (or index entries) any scan node of a
// per-request query may read (EXPLAIN ANALYZE "Actual Rows" x loops, plus
// rows its filter dropped): a page is at most 101 rows.
const maxRowsTouched = 500

// fixture holds ids of generated rows to use as parameters.
type fixture struct {
	user, admin, disbursed, withdrawal uuid.UUID
	loansOfUser                        []uuid.UUID
	userEmail                          string
	session                            uuid.UUID
	cursorAt                           time.Time
	cursorID                           uuid.UUID
}

// seed fills the database with generate_series, then ANALYZEs it.
func seed(t *testing.T, ctx context.Context, pool *pgxpool.Pool) fixture {
	t.Helper()
	stmts := []string{
		`CREATE TEMP TABLE un AS SELECT 0 AS rn, NULL::uuid AS id LIMIT 0`,
		fmt.Sprintf(`INSERT INTO users (email, full_name, password_hash, role, created_at)
		 SELECT 'user' || g || '@example.com', 'User ' || g, 'x', CASE WHEN g <= 3 THEN 'admin' ELSE 'user' END,
		        now() - make_interval(mins => g * 20)
		 FROM generate_series(1, %d) g`, nUsers),
		`INSERT INTO un SELECT row_number() OVER (ORDER BY email), id FROM users`,
		`CREATE INDEX ON un (rn)`,
		`INSERT INTO ledger_accounts (kind, user_id) SELECT 'wallet', id FROM users`,
		`INSERT INTO sessions (user_id, expires_at) SELECT id, now() + interval '30 days' FROM users`,
		fmt.Sprintf(`INSERT INTO loans (number, user_id, amount, term_months, annual_rate_bps, monthly_payment, total_interest,
		                     purpose, status, created_at)
		 SELECT 'LN-T-' || g, un.id, 100000 + g, 6, 400, 16782, 697, 'seed',
		        (ARRAY['submitted','approved','rejected','cancelled','disbursed','disbursed','disbursed','repaid'])[1 + g %% 8],
		        now() - make_interval(mins => g * 20)
		 FROM generate_series(1, %d) g JOIN un ON un.rn = 1 + g %% %d`, nLoans, nUsers),
		`INSERT INTO loan_events (loan_id, from_status, to_status, created_at)
		 SELECT id, NULL, 'submitted', created_at FROM loans`,
		`INSERT INTO loan_events (loan_id, from_status, to_status, created_at)
		 SELECT id, 'submitted', status, created_at + interval '1 hour' FROM loans WHERE status <> 'submitted'`,
		// Past installments are paid, except a recent one here and there
		// (overdue); the future ones are due, as the daily sweep leaves them.
		`INSERT INTO loan_installments (loan_id, number, due_date, principal, interest, principal_paid, interest_paid, status)
		 SELECT l.id, n, d, 16667, 115, CASE WHEN s = 'paid' THEN 16667 ELSE 0 END, CASE WHEN s = 'paid' THEN 115 ELSE 0 END, s
		 FROM loans l, generate_series(1, 6) n,
		      LATERAL (SELECT (l.created_at + make_interval(months => n))::date AS d) due,
		      LATERAL (SELECT CASE WHEN d >= current_date THEN 'due'
		                           WHEN d >= current_date - 40 AND hashtext(l.id::text) % 10 = 0 THEN 'overdue'
		                           ELSE 'paid' END AS s) st
		 WHERE l.status = 'disbursed'`,
		`INSERT INTO ledger_accounts (kind, loan_id) SELECT 'loan_receivable', id FROM loans WHERE status = 'disbursed'`,
		fmt.Sprintf(`INSERT INTO wallet_transactions (user_id, type, amount, balance_after, created_at)
		 SELECT un.id, (ARRAY['deposit','repayment','withdrawal'])[1 + g %% 3], 1000 + g, 1000000, now() - make_interval(mins => g * 20)
		 FROM generate_series(1, %d) g JOIN un ON un.rn = 1 + g %% %d`, nTransactions, nUsers),
		fmt.Sprintf(`INSERT INTO withdrawals (user_id, amount, destination, status, created_at)
		 SELECT un.id, 1000 + g, 'IBAN', CASE WHEN g %% 50 = 0 THEN 'pending' WHEN g %% 7 = 0 THEN 'cancelled' ELSE 'processed' END,
		        now() - make_interval(mins => g * 20)
		 FROM generate_series(1, %d) g JOIN un ON un.rn = 1 + g %% %d`, nWithdrawals, nUsers),
		fmt.Sprintf(`INSERT INTO notifications (user_id, type, title, body, read_at, created_at)
		 SELECT un.id, 'loan.approved', 'Title', 'Body', CASE WHEN g %% 4 = 0 THEN NULL ELSE now() END, now() - make_interval(mins => g * 20)
		 FROM generate_series(1, %d) g JOIN un ON un.rn = 1 + g %% %d`, nNotifications, nUsers),
		`ANALYZE`,
	}
	conn, err := pool.Acquire(ctx) // one connection: the temp table lives in its session
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	// Skip triggers and foreign-key checks while loading when allowed
	// (superuser): the rows are consistent by construction, and the
	// running totals of loan_totals are not what this test reads.
	if _, err := conn.Exec(ctx, "SET session_replication_role = replica"); err != nil {
		t.Logf("loading with triggers on: %v", err)
	}
	for _, s := range stmts {
		if _, err := conn.Exec(ctx, s); err != nil {
			t.Fatalf("seed: %v\n%s", err, s)
		}
	}
	if _, err := conn.Exec(ctx, "RESET session_replication_role"); err != nil {
		t.Fatal(err)
	}
	var f fixture
	q := func(sql string, dest ...any) {
		t.Helper()
		if err := conn.QueryRow(ctx, sql).Scan(dest...); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	q(`SELECT u.id, u.email FROM users u WHERE role = 'user' AND EXISTS (SELECT 1 FROM loans l WHERE l.user_id = u.id AND l.status = 'disbursed') LIMIT 1`, &f.user, &f.userEmail)
	q(`SELECT id FROM users WHERE role = 'admin' LIMIT 1`, &f.admin)
	q(`SELECT id FROM loans WHERE user_id = (SELECT id FROM users WHERE email = '`+f.userEmail+`') AND status = 'disbursed' LIMIT 1`, &f.disbursed)
	q(`SELECT id FROM withdrawals LIMIT 1`, &f.withdrawal)
	q(`SELECT id FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = '`+f.userEmail+`')`, &f.session)
	q(`SELECT created_at, id FROM loans ORDER BY created_at DESC, id DESC OFFSET 5000 LIMIT 1`, &f.cursorAt, &f.cursorID)
	rows, err := conn.Query(ctx, `SELECT id FROM loans ORDER BY created_at DESC LIMIT 20`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id uuid.UUID
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		f.loansOfUser = append(f.loansOfUser, id)
	}
	return f
}

// check is one query with parameters, as a handler runs it.
type check struct {
	name  string // what the request is
	query string // gen/db constant name
	args  []any
	// bounded: every scan node reads at most maxRowsTouched rows.
	bounded bool
}

func TestHotQueriesUseIndexes(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	pool, err := database.Open(ctx, testdb.New(t), 4)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	sqls := generatedSQL(t)
	f := seed(t, ctx, pool)

	var (
		lim        = int32(21) // a default page (20) plus the look-ahead row
		submitted  = "submitted"
		disbursed  = "disbursed"
		pending    = "pending"
		deposit    = "deposit"
		today      = time.Now().UTC().Truncate(24 * time.Hour)
		since      = today.AddDate(0, 0, -29)
		nilUUID    *uuid.UUID
		nilText    *string
		nilTime    *time.Time
		user       = &f.user
		loan       = &f.disbursed
		cursorAt   = &f.cursorAt
		cursorID   = &f.cursorID
		ids        = f.loansOfUser
		falseValue = false
		trueValue  = true
	)
	checks := []check{
		// Every authenticated request.
		{"auth: session of the access token", "sessionGetActive", []any{f.session}, true},
		// Borrower reads.
		{"GET /loans (own)", "loanListNewest", []any{user, nilText, nilTime, nilTime, nilTime, nilUUID, lim}, true},
		{"GET /loans (own, status)", "loanListNewest", []any{user, &disbursed, nilTime, nilTime, nilTime, nilUUID, lim}, true},
		{"GET /loans/{id}", "loanViews", []any{[]uuid.UUID{f.disbursed}, today}, true},
		{"GET /loans/{id}/payoff, /schedule, ...: the loan", "loanGetByID", []any{f.disbursed}, true},
		{"loan views of a page (borrower, open installments)", "loanViews", []any{ids, today}, true},
		{"GET /loans/{id}/schedule", "installmentList", []any{f.disbursed}, true},
		{"GET /loans/{id}/events", "loanEventList", []any{f.disbursed}, true},
		{"GET /wallet: wallet row", "ledgerWalletGet", []any{f.user}, true},
		{"GET /wallet: held", "withdrawalHeldForUser", []any{f.user}, true},
		{"GET /transactions (own)", "walletTransactionList", []any{user, nilUUID, nilText, nilTime, nilTime, nilTime, nilUUID, lim}, true},
		{"GET /transactions (own, type)", "walletTransactionList", []any{user, nilUUID, &deposit, nilTime, nilTime, nilTime, nilUUID, lim}, true},
		{"GET /withdrawals (own)", "withdrawalListNewest", []any{user, nilText, nilTime, nilUUID, lim}, true},
		{"GET /withdrawals/{id}", "withdrawalGetByID", []any{f.withdrawal}, true},
		{"GET /notifications", "notificationList", []any{f.user, falseValue, nilTime, nilUUID, lim}, true},
		{"GET /notifications?unread", "notificationList", []any{f.user, trueValue, nilTime, nilUUID, lim}, true},
		{"GET /notifications: unread count", "notificationUnreadCount", []any{f.user}, true},
		{"POST /auth/login: user by e-mail", "userGetByEmail", []any{f.userEmail}, true},
		// Staff reads.
		{"admin GET /loans", "loanListNewest", []any{nilUUID, nilText, nilTime, nilTime, nilTime, nilUUID, lim}, true},
		{"admin GET /loans?status=submitted", "loanListNewest", []any{nilUUID, &submitted, nilTime, nilTime, nilTime, nilUUID, lim}, true},
		{"admin GET /loans?status=submitted&order=oldest", "loanListOldest", []any{nilUUID, &submitted, nilTime, nilTime, nilTime, nilUUID, lim}, true},
		{"admin GET /loans (page 250)", "loanListNewest", []any{nilUUID, nilText, nilTime, nilTime, cursorAt, cursorID, lim}, true},
		{"admin GET /loans?user_id", "loanListNewest", []any{user, nilText, nilTime, nilTime, nilTime, nilUUID, lim}, true},
		{"admin GET /transactions", "walletTransactionList", []any{nilUUID, nilUUID, nilText, nilTime, nilTime, nilTime, nilUUID, lim}, true},
		{"admin GET /transactions?loan_id", "walletTransactionList", []any{nilUUID, loan, nilText, nilTime, nilTime, nilTime, nilUUID, lim}, true},
		{"admin GET /withdrawals?status=pending&order=oldest", "withdrawalListOldest", []any{nilUUID, &pending, nilTime, nilUUID, lim}, true},
		{"admin GET /withdrawals?status=pending", "withdrawalListNewest", []any{nilUUID, &pending, nilTime, nilUUID, lim}, true},
		{"admin GET /users", "userList", []any{nilText, nilText, nilText, nilTime, nilUUID, lim}, true},
		{"admin GET /admin/stats: by status", "statsLoansByStatus", nil, true},
		{"admin GET /admin/stats: pending withdrawals", "statsPendingWithdrawals", nil, true},
		{"admin GET /admin/stats: overdue", "statsOverdue", nil, true},
		// StatsDaily reads the last 30 days of transitions: it grows with
		// activity, not with the size of the book; no Seq Scan allowed.
		{"admin GET /admin/stats: daily", "statsDaily", []any{since}, false},
		{"admin GET /admin/stats: users", "statsUsers", nil, true},
		// Background jobs: they run every few seconds to daily; they may read
		// a range, but never scan a whole table.
		{"job: e-mail outbox claim", "emailOutboxClaim", []any{int32(100)}, true},
		{"job: contract of a loan", "contractLoanGet", []any{f.disbursed}, true},
		{"job: delinquency sweep: lock the loans", "loanLockFallingDue", []any{today}, false},
		{"job: delinquency sweep", "installmentMarkOverdue", []any{today}, false},
		{"job: days past due of the swept loans", "loanMarkDaysPastDue", []any{today, ids}, true},
		{"job: expired sessions", "sessionDeleteExpired", nil, false},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			sql, ok := sqls[c.query]
			if !ok {
				t.Fatalf("no constant %s in gen/db", c.query)
			}
			plan := explain(t, ctx, pool, sql, c.args...)
			var problems []string
			walk(plan, func(n map[string]any) {
				rel, _ := n["Relation Name"].(string)
				idx, _ := n["Index Name"].(string)
				typ, _ := n["Node Type"].(string)
				if strings.Contains(typ, "Seq Scan") && largeTables[rel] {
					problems = append(problems, fmt.Sprintf("%s on %s", typ, rel))
				}
				if c.bounded && (rel != "" || idx != "") {
					if touched := rowsTouched(n); touched > maxRowsTouched {
						problems = append(problems, fmt.Sprintf("%s on %s%s reads %d rows (bound %d)", typ, rel, idx, touched, maxRowsTouched))
					}
				}
			})
			if len(problems) > 0 {
				t.Errorf("%s (%s): %s\nplan:\n%s", c.name, c.query, strings.Join(problems, "; "), render(plan, 0))
			} else if testing.Verbose() {
				t.Logf("plan:\n%s", render(plan, 0))
			}
		})
	}
}

// rowsTouched is what a scan node read: the rows it returned plus those its
// filter removed, per loop, times the loops.
func rowsTouched(n map[string]any) int {
	num := func(k string) float64 { v, _ := n[k].(float64); return v }
	loops := num("Actual Loops")
	if loops == 0 {
		loops = 1
	}
	return int((num("Actual Rows") + num("Rows Removed by Filter") + num("Rows Removed by Index Recheck")) * loops)
}

// explain runs EXPLAIN (ANALYZE, FORMAT JSON) on sql with args, inside a
// transaction that is rolled back.
func explain(t *testing.T, ctx context.Context, pool *pgxpool.Pool, sql string, args ...any) map[string]any {
	t.Helper()
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback(ctx) }()
	var raw []byte
	if err := tx.QueryRow(ctx, "EXPLAIN (ANALYZE, COSTS, FORMAT JSON) "+sql, args...).Scan(&raw); err != nil {
		t.Fatalf("explain: %v\n%s", err, sql)
	}
	var out []struct {
		Plan map[string]any `json:"Plan"`
	}
	if err := json.Unmarshal(raw, &out); err != nil || len(out) == 0 {
		t.Fatalf("explain output: %v %s", err, raw)
	}
	return out[0].Plan
}

func walk(n map[string]any, fn func(map[string]any)) {
	fn(n)
	kids, _ := n["Plans"].([]any)
	for _, k := range kids {
		if m, ok := k.(map[string]any); ok {
			walk(m, fn)
		}
	}
}

// render prints a plan tree compactly for failure messages.
func render(n map[string]any, depth int) string {
	var b strings.Builder
	b.WriteString(strings.Repeat("  ", depth))
	fmt.Fprint(&b, n["Node Type"])
	if rel, ok := n["Relation Name"].(string); ok {
		b.WriteString(" on " + rel)
	}
	if idx, ok := n["Index Name"].(string); ok {
		b.WriteString(" using " + idx)
	}
	b.WriteString(" (rows=" + strconv.Itoa(rowsTouched(n)) + ")\n")
	kids, _ := n["Plans"].([]any)
	for _, k := range kids {
		if m, ok := k.(map[string]any); ok {
			b.WriteString(render(m, depth+1))
		}
	}
	return b.String()
}

// generatedSQL reads the string constants of gen/db/*.sql.go, so the test
// explains exactly the SQL the service sends.
func generatedSQL(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "gen", "db", "*.sql.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("gen/db sources not found: %v", err)
	}
	sort.Strings(files)
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, path := range files {
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i >= len(vs.Values) {
						continue
					}
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					v, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatal(err)
					}
					out[name.Name] = v
				}
			}
		}
	}
	return out
}
