package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"golang.org/x/crypto/bcrypt"

	"github.com/acme/lending/internal/amortization"
	"github.com/acme/lending/internal/auth"
)

// benchPassword is every generated user's password.
const benchPassword = "bench-password-1"

// The book the generator writes: users over two years, each loan in a
// realistic state with every row the service would have written for it
// (events, schedule, receivable, wallet movements and their double-entry
// transfers), so the ledger invariants hold on the generated data.
var (
	amounts  = []int64{100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000}
	terms    = []int{12, 24, 36}
	span     = 730 * 24 * time.Hour
	statuses = []struct {
		status string
		weight int
	}{{"submitted", 10}, {"approved", 5}, {"rejected", 10}, {"cancelled", 5}, {"disbursed", 50}, {"repaid", 20}}
)

// benchUser is a generated user the load runs as.
type benchUser struct {
	id        uuid.UUID
	email     string
	token     string
	loans     []uuid.UUID
	disbursed []uuid.UUID
}

// fixtures is what the scenarios need from the generated data.
type fixtures struct {
	admin    benchUser
	users    []*benchUser // with at least one disbursed loan, signed in
	loans    int64
	byStatus map[string]int64
	rows     int64
	took     time.Duration
}

// table is one COPY target with its columns and the rows of a batch.
type table struct {
	name string
	cols []string
	rows [][]any
}

type batch struct {
	users, accounts, loans, events, installments, withdrawals, walletTxs, transfers table
}

func newBatch() *batch {
	return &batch{
		users:    table{name: "users", cols: []string{"id", "email", "full_name", "password_hash", "role", "status", "created_at", "updated_at"}},
		accounts: table{name: "ledger_accounts", cols: []string{"id", "kind", "user_id", "loan_id", "balance", "created_at"}},
		loans: table{name: "loans", cols: []string{"id", "number", "user_id", "amount", "term_months", "annual_rate_bps", "monthly_payment",
			"total_interest", "purpose", "status", "decision_reason", "decided_by", "decided_at", "disbursed_at", "closed_at",
			"principal_paid", "interest_paid", "days_past_due", "created_at", "updated_at"}},
		events:       table{name: "loan_events", cols: []string{"id", "loan_id", "from_status", "to_status", "actor_id", "reason", "created_at"}},
		installments: table{name: "loan_installments", cols: []string{"loan_id", "number", "due_date", "principal", "interest", "principal_paid", "interest_paid", "status"}},
		withdrawals:  table{name: "withdrawals", cols: []string{"id", "user_id", "amount", "destination", "status", "reason", "resolved_by", "resolved_at", "created_at"}},
		walletTxs:    table{name: "wallet_transactions", cols: []string{"id", "user_id", "type", "amount", "balance_after", "loan_id", "withdrawal_id", "description", "created_at"}},
		transfers: table{name: "ledger_transfers", cols: []string{"id", "kind", "debit_account_id", "credit_account_id", "amount",
			"wallet_transaction_id", "user_id", "loan_id", "withdrawal_id", "created_at"}},
	}
}

func (b *batch) tables() []*table {
	return []*table{&b.users, &b.accounts, &b.loans, &b.events, &b.installments, &b.withdrawals, &b.walletTxs, &b.transfers}
}

// movement is one wallet transaction with its transfers, before the
// running balance is known.
type movement struct {
	at           time.Time
	typ          string
	amount       int64 // signed change of the wallet
	loanID       *uuid.UUID
	withdrawalID *uuid.UUID
	desc         string
	transfers    []transfer
}

type transfer struct {
	kind          string
	debit, credit uuid.UUID
	amount        int64
}

// generator holds what every user's rows refer to.
type generator struct {
	r        *rand.Rand
	now      time.Time
	hash     string
	admin    uuid.UUID
	cash     uuid.UUID
	pending  uuid.UUID
	income   uuid.UUID
	plans    map[[2]int64]amortization.Plan
	loanSeq  int64
	byStatus map[string]int64
}

func (g *generator) plan(amount int64, term int) amortization.Plan {
	k := [2]int64{amount, int64(term)}
	p, ok := g.plans[k]
	if !ok {
		var err error
		if p, err = amortization.Compute(amount, 400, term, time.Time{}); err != nil {
			panic(err)
		}
		g.plans[k] = p
	}
	return p
}

func (g *generator) status() string {
	n := g.r.IntN(100)
	for _, s := range statuses {
		if n < s.weight {
			return s.status
		}
		n -= s.weight
	}
	return "submitted"
}

func ptr[T any](v T) *T { return &v }

// user generates one user with nLoans loans into b and returns the ids of
// the user's loans and disbursed loans.
func (g *generator) user(b *batch, i, nLoans int) (uuid.UUID, []uuid.UUID, []uuid.UUID) {
	id := uuid.New()
	// Applications arrive at a steady rate over the span; a user registered
	// some time before their first one.
	times := make([]time.Time, nLoans)
	created := g.now.Add(-time.Duration(g.r.Int64N(int64(span))))
	for j := range times {
		times[j] = g.now.Add(-time.Duration(g.r.Int64N(int64(span))))
		if times[j].Before(created) {
			created = times[j]
		}
	}
	created = created.Add(-time.Duration(g.r.Int64N(int64(30 * 24 * time.Hour))))
	b.users.rows = append(b.users.rows, []any{id, fmt.Sprintf("user%07d@bench.example", i), fmt.Sprintf("Bench User %d", i),
		g.hash, "user", "active", created, created})
	wallet := uuid.New()
	var moves []movement
	var loans, disbursed []uuid.UUID
	for _, at := range times {
		lid := uuid.New()
		loans = append(loans, lid)
		amount, term := amounts[g.r.IntN(len(amounts))], terms[g.r.IntN(len(terms))]
		p := g.plan(amount, term)
		status := g.status()
		if at.After(g.now.Add(-3 * time.Hour)) {
			status = "submitted" // too recent to have been decided
		}
		disbursedAt := at.Add(24 * time.Hour)
		if (status == "disbursed" || status == "repaid") && disbursedAt.After(g.now.Add(-time.Hour)) {
			status = "approved" // too recent to have been paid out
		}
		var due []time.Time
		paid := 0
		if status == "disbursed" || status == "repaid" {
			for k := 1; k <= term; k++ {
				d := amortization.AddMonths(disbursedAt, k)
				due = append(due, d)
				if d.Before(g.now.Add(-2 * time.Hour)) {
					paid = k
				}
			}
			switch {
			case status == "repaid" && paid < term:
				status = "disbursed" // not yet at maturity
			case status == "disbursed" && paid == term:
				status = "repaid"
			}
		}
		overdue := status == "disbursed" && paid > 0 && g.r.IntN(10) == 0 // one in ten is behind by an installment
		if overdue {
			paid--
		}
		g.byStatus[status]++
		g.loanSeq++
		number := fmt.Sprintf("LN-%d-%06d", at.Year(), g.loanSeq)

		var reason *string
		var decidedBy *uuid.UUID
		var decidedAt, dAt, closedAt *time.Time
		var principalPaid, interestPaid int64
		daysPastDue := 0
		event := func(from *string, to string, actor uuid.UUID, why *string, when time.Time) {
			b.events.rows = append(b.events.rows, []any{uuid.New(), lid, from, to, actor, why, when})
		}
		event(nil, "submitted", id, nil, at)
		decided := at.Add(2 * time.Hour)
		switch status {
		case "rejected":
			reason, decidedBy, decidedAt = ptr("Income does not cover the payment"), &g.admin, &decided
			event(ptr("submitted"), "rejected", g.admin, reason, decided)
		case "cancelled":
			event(ptr("submitted"), "cancelled", id, nil, at.Add(time.Hour))
		case "approved", "disbursed", "repaid":
			reason, decidedBy, decidedAt = ptr("Meets the criteria"), &g.admin, &decided
			event(ptr("submitted"), "approved", g.admin, reason, decided)
		}
		updated := at
		if decidedAt != nil {
			updated = *decidedAt
		}
		if status == "disbursed" {
			disbursed = append(disbursed, lid) // open: takes repayments
		}
		if status == "disbursed" || status == "repaid" {
			dAt, updated = ptr(disbursedAt), disbursedAt
			event(ptr("approved"), "disbursed", id, nil, disbursedAt)
			receivable := uuid.New()
			moves = append(moves, movement{at: disbursedAt, typ: "disbursement", amount: amount, loanID: &lid,
				desc: "Disbursement of loan " + number, transfers: []transfer{{"disbursement", receivable, wallet, amount}}})
			if g.r.IntN(5) == 0 { // one in five withdraws part of it
				moves = append(moves, g.withdrawal(b, id, wallet, amount/10, disbursedAt.Add(time.Hour)))
			}
			for k, in := range p.Installments {
				st, pp, ip := "due", int64(0), int64(0)
				switch {
				case k < paid:
					st, pp, ip = "paid", in.Principal, in.Interest
					principalPaid += pp
					interestPaid += ip
				case overdue && k == paid:
					st = "overdue"
					daysPastDue = int(g.now.Sub(due[k]).Hours() / 24)
				}
				b.installments.rows = append(b.installments.rows, []any{lid, int32(in.Number), due[k], in.Principal, in.Interest, pp, ip, st})
			}
			if paid > 0 {
				// The installments paid so far, as one deposit and one repayment.
				payAt := due[paid-1].Add(-time.Hour)
				total := principalPaid + interestPaid
				moves = append(moves, movement{at: payAt, typ: "deposit", amount: total, desc: "Deposit sim_seed",
					transfers: []transfer{{"deposit", g.cash, wallet, total}}})
				rep := movement{at: payAt.Add(time.Minute), typ: "repayment", amount: -total, loanID: &lid, desc: "Repayment of loan " + number}
				if principalPaid > 0 {
					rep.transfers = append(rep.transfers, transfer{"repayment_principal", wallet, receivable, principalPaid})
				}
				if interestPaid > 0 {
					rep.transfers = append(rep.transfers, transfer{"repayment_interest", wallet, g.income, interestPaid})
				}
				moves = append(moves, rep)
				updated = rep.at
			}
			if status == "repaid" {
				closedAt = ptr(due[term-1].Add(-time.Hour + time.Minute))
				event(ptr("disbursed"), "repaid", id, nil, *closedAt)
			}
			b.accounts.rows = append(b.accounts.rows, []any{receivable, "loan_receivable", id, lid, -(amount - principalPaid), disbursedAt})
		}
		b.loans.rows = append(b.loans.rows, []any{lid, number, id, amount, int32(term), int32(400), p.MonthlyPayment, p.TotalInterest,
			"Bench loan", status, reason, decidedBy, decidedAt, dAt, closedAt, principalPaid, interestPaid, int32(daysPastDue), at, updated})
	}

	// Wallet movements in time order, with the running balance.
	slices.SortStableFunc(moves, func(a, b movement) int { return a.at.Compare(b.at) })
	var balance int64
	for _, m := range moves {
		balance += m.amount
		if balance < 0 {
			panic("generator: negative wallet")
		}
		tx := uuid.New()
		b.walletTxs.rows = append(b.walletTxs.rows, []any{tx, id, m.typ, m.amount, balance, m.loanID, m.withdrawalID, m.desc, m.at})
		for _, t := range m.transfers {
			b.transfers.rows = append(b.transfers.rows, []any{uuid.New(), t.kind, t.debit, t.credit, t.amount, tx, id, m.loanID, m.withdrawalID, m.at})
		}
	}
	b.accounts.rows = append(b.accounts.rows, []any{wallet, "wallet", id, nil, balance, created})
	return id, loans, disbursed
}

// withdrawal writes a withdrawal of amount (processed, or still pending)
// and returns its wallet movement (the hold).
func (g *generator) withdrawal(b *batch, userID, wallet uuid.UUID, amount int64, at time.Time) movement {
	wid := uuid.New()
	status := "processed"
	var resolvedBy *uuid.UUID
	var resolvedAt *time.Time
	if at.Before(g.now.Add(-48*time.Hour)) && g.r.IntN(10) != 0 {
		resolvedBy, resolvedAt = &g.admin, ptr(at.Add(24*time.Hour))
		b.transfers.rows = append(b.transfers.rows, []any{uuid.New(), "withdrawal_payout", g.pending, g.cash, amount, nil, userID, nil, wid, *resolvedAt})
	} else {
		status = "pending"
	}
	b.withdrawals.rows = append(b.withdrawals.rows, []any{wid, userID, amount, "DE89 3704 0044 0532 0130 00", status, nil, resolvedBy, resolvedAt, at})
	return movement{at: at, typ: "withdrawal", amount: -amount, withdrawalID: &wid, desc: "Withdrawal to DE89 3704 0044 0532 0130 00",
		transfers: []transfer{{"withdrawal_hold", wallet, g.pending, amount}}}
}

// seed fills the database, then prepares the bench users' sessions.
func seed(ctx context.Context, cl *cluster, o options) (*fixtures, error) {
	start := time.Now()
	fx := &fixtures{byStatus: map[string]int64{}}
	conn, err := cl.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Release()
	// The first start created admin@localhost; the generated decisions are its.
	if err := conn.QueryRow(ctx, `SELECT id, email FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`).Scan(&fx.admin.id, &fx.admin.email); err != nil {
		return nil, fmt.Errorf("first admin: %w", err)
	}
	g := &generator{r: rand.New(rand.NewPCG(1, 2)), now: time.Now().UTC(), admin: fx.admin.id,
		plans: map[[2]int64]amortization.Plan{}, byStatus: map[string]int64{}}
	h, err := bcrypt.GenerateFromPassword([]byte(benchPassword), o.bcryptCost)
	if err != nil {
		return nil, err
	}
	g.hash = string(h)
	for kind, dst := range map[string]*uuid.UUID{"cash": &g.cash, "pending_payouts": &g.pending, "interest_income": &g.income} {
		if err := conn.QueryRow(ctx, `SELECT id FROM ledger_accounts WHERE kind = $1 AND user_id IS NULL`, kind).Scan(dst); err != nil {
			return nil, fmt.Errorf("platform account %s: %w", kind, err)
		}
	}
	// Loans per user: each loan goes to a random user.
	perUser := make([]int, o.users)
	for range o.loans {
		perUser[g.r.IntN(o.users)]++
	}

	// Bulk load: skip triggers and foreign-key checks (the rows are
	// consistent by construction); the trigger-kept totals are rebuilt below.
	if _, err := conn.Exec(ctx, "SET session_replication_role = replica"); err != nil {
		return nil, err
	}
	fmt.Printf("generating %d users and %d loans with their ledger rows (COPY in batches) ...\n", o.users, o.loans)
	const usersPerBatch = 2_000
	var candidates []*benchUser
	wantUsers := max(o.concurrency*32, 1000)
	for first := 0; first < o.users; first += usersPerBatch {
		b := newBatch()
		for i := first; i < min(first+usersPerBatch, o.users); i++ {
			id, loans, disbursed := g.user(b, i, perUser[i])
			if len(disbursed) > 0 && len(candidates) < wantUsers && g.r.IntN(2) == 0 {
				candidates = append(candidates, &benchUser{id: id, email: fmt.Sprintf("user%07d@bench.example", i), loans: loans, disbursed: disbursed})
			}
		}
		for _, t := range b.tables() {
			if len(t.rows) == 0 {
				continue
			}
			n, err := conn.CopyFrom(ctx, pgx.Identifier{t.name}, t.cols, pgx.CopyFromRows(t.rows))
			if err != nil {
				return nil, fmt.Errorf("copy %s: %w", t.name, err)
			}
			fx.rows += n
		}
		done := min(first+usersPerBatch, o.users)
		el := time.Since(start)
		fmt.Fprintf(os.Stderr, "\r  %s %3d%%  users %d/%d  loans %d/%d  rows %d  %v (%.0f rows/s)   ",
			bar(done, o.users, 30), done*100/max(o.users, 1), done, o.users, g.loanSeq, o.loans, fx.rows,
			el.Round(time.Second), float64(fx.rows)/el.Seconds())
	}
	fmt.Fprintln(os.Stderr)
	if _, err := conn.Exec(ctx, "RESET session_replication_role"); err != nil {
		return nil, err
	}
	fx.loans, fx.byStatus = g.loanSeq, g.byStatus

	fmt.Println("rebuilding trigger-kept totals, VACUUM ANALYZE, CHECKPOINT ...")
	if _, err := conn.Exec(ctx, `SELECT setval('loan_number_seq', (SELECT count(*) FROM loans) + 1)`); err != nil {
		return nil, err
	}
	// The triggers were off during the load: rebuild what they keep, the
	// way each migration first filled its table. (A new trigger-kept table
	// needs its line here.)
	rebuild := map[string][]string{
		"loan_totals": {`DELETE FROM loan_totals`,
			`INSERT INTO loan_totals (status, shard, count, amount, principal_paid)
			 SELECT status, 0, count(*), sum(amount), sum(principal_paid) FROM loans GROUP BY status`},
		"loan_daily_totals": {`DELETE FROM loan_daily_totals`,
			`INSERT INTO loan_daily_totals (day, shard, applications, approvals, disbursements, disbursed_amount)
			 SELECT (e.created_at AT TIME ZONE 'UTC')::date, 0,
			        count(*) FILTER (WHERE e.from_status IS NULL),
			        count(*) FILTER (WHERE e.to_status = 'approved'),
			        count(*) FILTER (WHERE e.to_status = 'disbursed'),
			        coalesce(sum(l.amount) FILTER (WHERE e.to_status = 'disbursed'), 0)
			 FROM loan_events e JOIN loans l ON l.id = e.loan_id GROUP BY 1`},
		"user_totals": {`DELETE FROM user_totals`, `INSERT INTO user_totals (shard, count) SELECT 0, count(*) FROM users`},
		"withdrawal_totals": {`DELETE FROM withdrawal_totals`,
			`INSERT INTO withdrawal_totals (status, shard, count, amount)
			 SELECT status, 0, count(*), sum(amount) FROM withdrawals GROUP BY status`},
		// (The UPDATE fires the loans trigger that counts into overdue_totals: empty it after.)
		"overdue_totals": {`UPDATE loans l SET overdue_installments = o.n
			 FROM (SELECT loan_id, count(*)::int AS n FROM loan_installments WHERE status = 'overdue' GROUP BY loan_id) o
			 WHERE l.id = o.loan_id`,
			`DELETE FROM overdue_totals`,
			`INSERT INTO overdue_totals (shard, amount, loans)
			 SELECT 0, coalesce(sum(principal - principal_paid + interest - interest_paid), 0), count(DISTINCT loan_id)
			 FROM loan_installments WHERE status = 'overdue'`},
	}
	for table, stmts := range rebuild {
		var exists bool
		if err := conn.QueryRow(ctx, `SELECT to_regclass($1) IS NOT NULL`, table).Scan(&exists); err != nil {
			return nil, err
		}
		for _, q := range stmts {
			if !exists {
				break
			}
			if _, err := conn.Exec(ctx, q); err != nil {
				return nil, fmt.Errorf("rebuild %s: %w", table, err)
			}
		}
	}
	for _, q := range []string{`VACUUM (ANALYZE)`, `CHECKPOINT`} {
		if _, err := conn.Exec(ctx, q); err != nil {
			return nil, fmt.Errorf("%s: %w", q, err)
		}
	}

	// Sessions for the load's users (as a login would create them); their
	// access tokens are signed with the server's key, like the server does.
	tokens := auth.NewTokens([]byte(cl.secret), "lendingd", "lending-api", 6*time.Hour)
	all := append([]*benchUser{&fx.admin}, candidates...)
	rows := make([][]any, 0, len(all))
	for _, u := range all {
		sid := uuid.New()
		rows = append(rows, []any{sid, u.id, time.Now().Add(6 * time.Hour), "lendingbench", "127.0.0.1"})
		role := auth.RoleUser
		if u == &fx.admin {
			role = auth.RoleAdmin
		}
		if u.token, err = tokens.Issue(u.id, sid, role); err != nil {
			return nil, err
		}
	}
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{"sessions"}, []string{"id", "user_id", "expires_at", "user_agent", "ip"}, pgx.CopyFromRows(rows)); err != nil {
		return nil, fmt.Errorf("sessions: %w", err)
	}
	fx.users = candidates
	fx.took = time.Since(start)
	if len(fx.users) == 0 {
		return nil, fmt.Errorf("no generated user has a disbursed loan; raise -loans")
	}
	fmt.Printf("seeded %d rows in %v (%.0f rows/s); %d users sign in for the load; loans by status %v\n",
		fx.rows, fx.took.Round(time.Second), float64(fx.rows)/fx.took.Seconds(), len(fx.users), fx.byStatus)
	return fx, nil
}

func bar(done, total, width int) string {
	if total == 0 {
		total = 1
	}
	n := done * width / total
	return "[" + repeat('#', n) + repeat('.', width-n) + "]"
}

func repeat(c byte, n int) string {
	b := make([]byte, max(n, 0))
	for i := range b {
		b[i] = c
	}
	return string(b)
}
