package httpapi_test

import (
	"bytes"
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/acme/lending/gen/api/client"
	"github.com/acme/lending/internal/apitest"
	"github.com/acme/lending/internal/jobs"
)

// eventually polls cond until it holds (a hang guard for background work, not a timing assertion).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestContractRenderedOnApproval(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u, other, admin := env.Register("pdf"), env.Register("peek"), env.Admin()
	l := apply(t, u, 1_000_000, 48)
	none, _ := u.C.GetLoanContractWithResponse(ctx, l.Id)
	assertProblem(t, none.HTTPResponse, none.Body, 404)
	decide(t, admin, l.Id, client.Approve)

	var pdf []byte
	eventually(t, "contract PDF", func() bool {
		r, err := u.C.GetLoanContractWithResponse(ctx, l.Id)
		if err == nil && r.StatusCode() == 200 {
			pdf = r.Body
			return true
		}
		return false
	})
	for _, want := range []string{"%PDF", l.Number, "10,000.00 USD", "225.79", "225.78", "837.91", "4.00 %", "48 months"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("contract lacks %q", want)
		}
	}
	if r, _ := admin.C.GetLoanContractWithResponse(ctx, l.Id); r.StatusCode() != 200 || r.HTTPResponse.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("admin download: %d %s", r.StatusCode(), r.HTTPResponse.Header.Get("Content-Type"))
	}
	if r, _ := other.C.GetLoanContractWithResponse(ctx, l.Id); r.StatusCode() != 404 {
		t.Fatalf("another borrower got the contract: %d", r.StatusCode())
	}
	// River records completions in batches, a moment after the effect.
	eventually(t, "completed contract job listed", func() bool {
		list, _ := admin.C.ListJobsWithResponse(ctx, &client.ListJobsParams{State: ptr(client.ListJobsParamsStateCompleted)})
		for _, j := range list.JSON200.Items {
			if j.Kind == "loan_contract" && j.FinalizedAt != nil {
				return true
			}
		}
		return false
	})
	denied, _ := u.C.ListJobsWithResponse(ctx, nil)
	assertProblem(t, denied.HTTPResponse, denied.Body, 403)
}

func TestDelinquencySweep(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u, admin := env.Register("late"), env.Admin()
	l := apply(t, u, 120_000, 12)
	decide(t, admin, l.Id, client.Approve)
	disburse(t, u, l.Id)

	env.Advance(40 * 24 * time.Hour) // the first installment is now ~9 days late
	if _, err := env.App.Jobs.Insert(ctx, jobs.SweepArgs{}); err != nil {
		t.Fatal(err)
	}
	overdueNotices := func() int {
		n, _ := u.C.ListNotificationsWithResponse(ctx, nil)
		count := 0
		for _, it := range n.JSON200.Items {
			if it.Type == "loan.overdue" {
				count++
			}
		}
		return count
	}
	eventually(t, "overdue notification", func() bool { return overdueNotices() > 0 })
	if c := overdueNotices(); c != 1 {
		t.Fatalf("overdue notifications: %d", c)
	}
	var stored string
	if err := env.Pool.QueryRow(ctx, "SELECT status FROM loan_installments WHERE loan_id = $1 AND number = 1", l.Id).Scan(&stored); err != nil || stored != "overdue" {
		t.Fatalf("stored status %q %v", stored, err)
	}
	s0, _ := u.C.GetLoanScheduleWithResponse(ctx, l.Id)
	if s0.JSON200.Installments[0].Status != client.Overdue || s0.JSON200.Installments[1].Status != client.Due {
		t.Fatalf("schedule statuses: %s", s0.Body)
	}
	g, _ := u.C.GetLoanWithResponse(ctx, l.Id)
	if g.JSON200.DaysPastDue < 8 || g.JSON200.DaysPastDue > 10 {
		t.Fatalf("days past due %d", g.JSON200.DaysPastDue)
	}
	// Running it again the same day changes and announces nothing.
	changed, err := jobs.Sweep(ctx, env.Pool, env.Now())
	if err != nil || changed != 0 {
		t.Fatalf("second sweep: %d %v", changed, err)
	}
	s, _ := admin.C.GetAdminStatsWithResponse(ctx)
	if s.JSON200.OverdueCount != 1 || s.JSON200.OverdueAmount != s0.JSON200.Installments[0].Payment {
		t.Fatalf("stats overdue: %+v, want 1 loan owing %d", s.JSON200, s0.JSON200.Installments[0].Payment)
	}

	// A month later a second installment is late: still one loan, owing both.
	env.Advance(31 * 24 * time.Hour)
	if changed, err := jobs.Sweep(ctx, env.Pool, env.Now()); err != nil || changed != 1 {
		t.Fatalf("sweep a month later: %d %v", changed, err)
	}
	late := s0.JSON200.Installments[0].Payment + s0.JSON200.Installments[1].Payment
	overdue := func() (int64, int64) {
		t.Helper()
		s, _ := admin.C.GetAdminStatsWithResponse(ctx)
		return s.JSON200.OverdueCount, s.JSON200.OverdueAmount
	}
	if n, amt := overdue(); n != 1 || amt != late {
		t.Fatalf("two late installments: %d loans owing %d, want 1 owing %d", n, amt, late)
	}
	// Part of the first installment, then the rest of both: the figures follow the payments.
	repay := func(amount int64) {
		t.Helper()
		if r, err := u.C.RepayWithResponse(ctx, nil, client.RepayJSONRequestBody{LoanId: l.Id, Amount: amount}); err != nil || r.JSON201 == nil {
			t.Fatalf("repay %d: %v %s", amount, err, r.Body)
		}
	}
	repay(5_000)
	if n, amt := overdue(); n != 1 || amt != late-5_000 {
		t.Fatalf("after a partial payment: %d loans owing %d, want 1 owing %d", n, amt, late-5_000)
	}
	env.CheckLedger()
	repay(late - 5_000)
	if n, amt := overdue(); n != 0 || amt != 0 {
		t.Fatalf("after paying what was late: %d loans owing %d, want none", n, amt)
	}
	env.CheckLedger()
}

type recordingSender struct {
	mu     sync.Mutex
	sent   []string
	failAt int // when > 0, the failAt-th Send fails (the server refused it)
	calls  int
}

func (r *recordingSender) Send(_ context.Context, to, subject, _ string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls++
	if r.calls == r.failAt {
		return errors.New("550 mailbox unavailable")
	}
	r.sent = append(r.sent, to+"|"+subject)
	return nil
}

// A send that fails keeps what went out before it: the retry resends
// only from the failure on, never the e-mails already delivered.
func TestEmailOutboxFailureKeepsWhatWasSent(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u := env.Register("mailfail")
	for _, amount := range []int64{1_000, 2_000, 3_000} {
		deposit(t, u, amount)
	}
	var pending int
	if err := env.Pool.QueryRow(ctx, "SELECT count(*) FROM notifications WHERE emailed_at IS NULL").Scan(&pending); err != nil || pending < 3 {
		t.Fatalf("pending e-mails: %d %v", pending, err)
	}
	rec := &recordingSender{failAt: 2}
	n, err := jobs.DrainOutbox(ctx, env.Pool, rec)
	if err == nil || n != 1 || len(rec.sent) != 1 {
		t.Fatalf("drain with a failing second send: sent %d, err %v; want 1 and the error", n, err)
	}
	retry := &recordingSender{}
	if n, err := jobs.DrainOutbox(ctx, env.Pool, retry); err != nil || n != pending-1 {
		t.Fatalf("retry: sent %d, err %v; want the %d not yet delivered", n, err, pending-1)
	}
	if n, _ := jobs.DrainOutbox(ctx, env.Pool, retry); n != 0 {
		t.Fatalf("a third drain sent %d", n)
	}
}

func TestEmailOutboxSendsOnce(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u := env.Register("mail")
	deposit(t, u, 1_000)
	deposit(t, u, 2_000)
	rec := &recordingSender{}
	// Two drains racing, then a third: every notification is e-mailed exactly once.
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); _, _ = jobs.DrainOutbox(ctx, env.Pool, rec) }()
	}
	wg.Wait()
	if n, _ := jobs.DrainOutbox(ctx, env.Pool, rec); n != 0 {
		t.Fatalf("third drain sent %d", n)
	}
	mine := 0
	for _, s := range rec.sent {
		if bytes.HasPrefix([]byte(s), []byte(u.Email+"|")) {
			mine++
		}
	}
	if mine != 2 {
		t.Fatalf("sent %v", rec.sent)
	}
}

// TestJobKilledMidRunRunsOnce stops a worker while its job is inside its
// transaction (blocked on a row lock the test holds), then lets another
// instance retry it: the effect happens exactly once.
func TestJobKilledMidRunRunsOnce(t *testing.T) {
	t.Parallel()
	a := apitest.New(t)
	u, admin := a.Register("kill"), a.Admin()
	l := apply(t, u, 120_000, 12)
	decide(t, admin, l.Id, client.Approve)
	disburse(t, u, l.Id)
	a.Advance(40 * 24 * time.Hour)

	blocker, err := a.Pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := blocker.Exec(ctx, "SELECT 1 FROM loan_installments WHERE loan_id = $1 FOR UPDATE", l.Id); err != nil {
		t.Fatal(err)
	}
	job, err := a.App.Jobs.Insert(ctx, jobs.SweepArgs{})
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "sweep running on instance A", func() bool {
		j, err := a.App.Jobs.Get(ctx, job.ID)
		return err == nil && j.State == "running"
	})
	if err := a.App.Jobs.Kill(ctx); err != nil { // the worker dies mid-job
		t.Fatal(err)
	}
	_ = blocker.Rollback(ctx)
	b := a.Instance() // a restarted worker
	eventually(t, "sweep retried and completed", func() bool {
		j, err := b.App.Jobs.Get(ctx, job.ID)
		return err == nil && j.State == "completed"
	})
	j, _ := b.App.Jobs.Get(ctx, job.ID)
	// Both workers took the job: A was interrupted, B finished it.
	if len(j.AttemptedBy) < 2 || j.AttemptedBy[0] == j.AttemptedBy[len(j.AttemptedBy)-1] {
		t.Fatalf("job attempted by %v; the kill did not interrupt it", j.AttemptedBy)
	}
	var notices int
	if err := a.Pool.QueryRow(ctx, "SELECT count(*) FROM notifications WHERE user_id = $1 AND type = 'loan.overdue'", u.ID).Scan(&notices); err != nil || notices != 1 {
		t.Fatalf("overdue notices %d %v", notices, err)
	}
}
