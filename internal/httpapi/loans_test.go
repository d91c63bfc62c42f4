package httpapi_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/acme/lending/gen/api/client"
	"github.com/acme/lending/internal/apitest"
)

// helpers shared by the money tests

func apply(t *testing.T, u *apitest.User, amount int64, term int) client.Loan {
	t.Helper()
	r, err := u.C.ApplyLoanWithResponse(ctx, nil, client.ApplyLoanJSONRequestBody{Amount: amount, TermMonths: term, Purpose: "Home renovation"})
	if err != nil || r.JSON201 == nil {
		t.Fatalf("apply: %v %s", err, r.Body)
	}
	return *r.JSON201
}

func decide(t *testing.T, admin *apitest.User, id uuid.UUID, d client.LoanDecisionDecision) client.Loan {
	t.Helper()
	r, err := admin.C.DecideLoanWithResponse(ctx, id, nil, client.DecideLoanJSONRequestBody{Decision: d, Reason: "checked"})
	if err != nil || r.JSON200 == nil {
		t.Fatalf("decide: %v %s", err, r.Body)
	}
	return *r.JSON200
}

func disburse(t *testing.T, u *apitest.User, id uuid.UUID) client.Loan {
	t.Helper()
	r, err := u.C.DisburseLoanWithResponse(ctx, id, nil)
	if err != nil || r.JSON200 == nil {
		t.Fatalf("disburse: %v %s", err, r.Body)
	}
	return *r.JSON200
}

func deposit(t *testing.T, u *apitest.User, amount int64) client.Transaction {
	t.Helper()
	r, err := u.C.DepositWithResponse(ctx, nil, client.DepositJSONRequestBody{Amount: amount})
	if err != nil || r.JSON201 == nil {
		t.Fatalf("deposit: %v %s", err, r.Body)
	}
	return *r.JSON201
}

func walletOf(t *testing.T, u *apitest.User) client.Wallet {
	t.Helper()
	r, err := u.C.GetWalletWithResponse(ctx, nil)
	if err != nil || r.JSON200 == nil {
		t.Fatalf("wallet: %v %s", err, r.Body)
	}
	return *r.JSON200
}

func TestQuoteMatchesHandCheckedVector(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u := env.Register("quote")
	r, _ := u.C.QuoteLoanWithResponse(ctx, client.QuoteLoanJSONRequestBody{Amount: 1_000_000, TermMonths: 48})
	if r.JSON200 == nil {
		t.Fatalf("quote: %s", r.Body)
	}
	q := r.JSON200
	if q.MonthlyPayment != 22579 || q.TotalInterest != 83791 || q.TotalPayable != 1_083_791 || q.AnnualRateBps != 400 || q.Currency != "USD" {
		t.Fatalf("quote figures: %+v", q)
	}
	if len(q.Schedule) != 48 || q.Schedule[47].Payment != 22578 || q.Schedule[46].Payment != 22579 {
		t.Fatalf("schedule: %d lines, last %+v", len(q.Schedule), q.Schedule[len(q.Schedule)-1])
	}
	for _, bad := range []client.QuoteLoanJSONRequestBody{
		{Amount: 9_999, TermMonths: 48}, {Amount: 100_000_001, TermMonths: 48},
		{Amount: 1_000_000, TermMonths: 5}, {Amount: 1_000_000, TermMonths: 61},
	} {
		rr, _ := u.C.QuoteLoanWithResponse(ctx, bad)
		assertProblem(t, rr.HTTPResponse, rr.Body, 422)
	}
	for _, body := range []string{`{"amount":-5,"term_months":48}`, `{"amount":0,"term_months":48}`, `{"amount":100.5,"term_months":48}`, `{"amount":"100","term_months":48}`} {
		resp := env.Do("POST", "/api/loans/quote", u.AccessToken, "application/json", stringsReader(body))
		if resp.StatusCode != 422 {
			t.Errorf("%s: %d", body, resp.StatusCode)
		}
	}
}

// TestBorrowerJourney walks one loan from application to payoff and checks
// every amount against the schedule.
func TestBorrowerJourney(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	ann, admin := env.Register("ann"), env.Admin()

	loan := apply(t, ann, 1_000_000, 48)
	if loan.Status != client.LoanStatusSubmitted || !regexp.MustCompile(`^LN-\d{4}-\d{6,}$`).MatchString(loan.Number) {
		t.Fatalf("application: %+v", loan)
	}
	if loan.MonthlyPayment != 22579 || loan.TotalInterest != 83791 {
		t.Fatalf("stored quote: %+v", loan)
	}
	// Owner edits while under review; payment is recomputed.
	up, _ := ann.C.UpdateLoanWithResponse(ctx, loan.Id, client.UpdateLoanJSONRequestBody{Amount: ptr(int64(500_000))})
	if up.JSON200 == nil || up.JSON200.Amount != 500_000 || up.JSON200.MonthlyPayment >= 22579 {
		t.Fatalf("edit: %s", up.Body)
	}
	up, _ = ann.C.UpdateLoanWithResponse(ctx, loan.Id, client.UpdateLoanJSONRequestBody{Amount: ptr(int64(1_000_000))})
	if up.JSON200 == nil || up.JSON200.MonthlyPayment != 22579 {
		t.Fatalf("edit back: %s", up.Body)
	}

	// Borrowers cannot decide; admins can.
	self, _ := ann.C.DecideLoanWithResponse(ctx, loan.Id, nil, client.DecideLoanJSONRequestBody{Decision: client.Approve, Reason: "me"})
	assertProblem(t, self.HTTPResponse, self.Body, 403)
	approved := decide(t, admin, loan.Id, client.Approve)
	if approved.Status != client.LoanStatusApproved || approved.DecidedBy == nil || *approved.DecidedBy != admin.ID || approved.DecisionReason == nil {
		t.Fatalf("approved: %+v", approved)
	}
	edit, _ := ann.C.UpdateLoanWithResponse(ctx, loan.Id, client.UpdateLoanJSONRequestBody{Purpose: ptr("car")})
	assertProblem(t, edit.HTTPResponse, edit.Body, 409)

	disbursed := disburse(t, ann, loan.Id)
	if disbursed.Status != client.LoanStatusDisbursed || disbursed.OutstandingPrincipal != 1_000_000 || disbursed.NextDueAmount == nil || *disbursed.NextDueAmount != 22579 {
		t.Fatalf("disbursed: %+v", disbursed)
	}
	if w := walletOf(t, ann); w.Available != 1_000_000 || w.Balance != 1_000_000 {
		t.Fatalf("wallet after disbursement: %+v", w)
	}
	sched, _ := ann.C.GetLoanScheduleWithResponse(ctx, loan.Id)
	lines := sched.JSON200.Installments
	if len(lines) != 48 || lines[0].DueDate == nil {
		t.Fatalf("schedule: %s", sched.Body)
	}
	if first := lines[0].DueDate.Time; first.Sub(*disbursed.DisbursedAt) < 27*24*time.Hour || first.Sub(*disbursed.DisbursedAt) > 32*24*time.Hour {
		t.Fatalf("first due %v not one month after %v", first, *disbursed.DisbursedAt)
	}

	// Pay six installments on their due dates, exactly as scheduled.
	var paidInterest int64
	for m := 0; m < 6; m++ {
		env.Advance(lines[m].DueDate.Sub(env.Now()) + time.Hour)
		r, err := ann.C.RepayWithResponse(ctx, nil, client.RepayJSONRequestBody{LoanId: loan.Id, Amount: lines[m].Payment})
		if err != nil || r.JSON201 == nil {
			t.Fatalf("repay month %d: %v %s", m+1, err, r.Body)
		}
		rep := r.JSON201
		if len(rep.Allocations) != 1 || rep.Allocations[0].Number != m+1 ||
			rep.Allocations[0].Interest != lines[m].Interest || rep.Allocations[0].Principal != lines[m].Principal {
			t.Fatalf("month %d allocation %+v, schedule %+v", m+1, rep.Allocations, lines[m])
		}
		if rep.Transaction.Amount != -lines[m].Payment || rep.Transaction.Type != client.TransactionTypeRepayment {
			t.Fatalf("transaction %+v", rep.Transaction)
		}
		paidInterest += lines[m].Interest
	}
	env.CheckLedger()

	// On the due date just paid, the next period has accrued nothing: payoff is the principal.
	po, _ := ann.C.GetLoanPayoffWithResponse(ctx, loan.Id)
	if po.JSON200 == nil || po.JSON200.Interest != 0 {
		t.Fatalf("payoff on a paid due date: %s", po.Body)
	}
	// A day later: all outstanding principal + the interest of the next installment; later interest is waived.
	env.Advance(24 * time.Hour)
	po, _ = ann.C.GetLoanPayoffWithResponse(ctx, loan.Id)
	if po.JSON200 == nil {
		t.Fatalf("payoff: %s", po.Body)
	}
	payoff := po.JSON200
	var outstanding int64
	for _, l := range lines[6:] {
		outstanding += l.Principal
	}
	if payoff.Principal != outstanding || payoff.Interest != lines[6].Interest || payoff.Amount != outstanding+lines[6].Interest {
		t.Fatalf("payoff %+v, want principal %d interest %d", payoff, outstanding, lines[6].Interest)
	}
	deposit(t, ann, 200_000)
	over, _ := ann.C.RepayWithResponse(ctx, nil, client.RepayJSONRequestBody{LoanId: loan.Id, Amount: payoff.Amount + 1})
	assertProblem(t, over.HTTPResponse, over.Body, 422)
	before := walletOf(t, ann)
	r, _ := ann.C.RepayWithResponse(ctx, nil, client.RepayJSONRequestBody{LoanId: loan.Id, Amount: payoff.Amount})
	if r.JSON201 == nil || r.JSON201.Loan.Status != client.LoanStatusRepaid || r.JSON201.Loan.OutstandingPrincipal != 0 {
		t.Fatalf("payoff repayment: %s", r.Body)
	}
	after := walletOf(t, ann)
	if before.Available-after.Available != payoff.Amount {
		t.Fatalf("wallet moved %d, payoff %d", before.Available-after.Available, payoff.Amount)
	}
	final := r.JSON201.Loan
	if final.PaidPrincipal != 1_000_000 || final.PaidInterest != paidInterest+lines[6].Interest {
		t.Fatalf("paid figures %+v", final)
	}
	// Wallet: 10,000.00 disbursed + 2,000.00 deposited - everything repaid.
	if want := int64(1_000_000+200_000) - final.PaidPrincipal - final.PaidInterest; after.Available != want {
		t.Fatalf("wallet %d, want %d", after.Available, want)
	}
	again, _ := ann.C.RepayWithResponse(ctx, nil, client.RepayJSONRequestBody{LoanId: loan.Id, Amount: 100})
	assertProblem(t, again.HTTPResponse, again.Body, 409)

	ev, _ := ann.C.ListLoanEventsWithResponse(ctx, loan.Id)
	var path []string
	for _, e := range ev.JSON200.Items {
		path = append(path, string(e.ToStatus))
	}
	if got := join(path); got != "submitted approved disbursed repaid" {
		t.Fatalf("events: %s", got)
	}
	tx, _ := ann.C.ListTransactionsWithResponse(ctx, &client.ListTransactionsParams{Limit: ptr(int32(3))})
	if tx.JSON200 == nil || len(tx.JSON200.Items) != 3 || tx.JSON200.NextCursor == nil {
		t.Fatalf("transactions page: %s", tx.Body)
	}
	next, _ := ann.C.ListTransactionsWithResponse(ctx, &client.ListTransactionsParams{Limit: ptr(int32(100)), Cursor: tx.JSON200.NextCursor})
	if total := len(tx.JSON200.Items) + len(next.JSON200.Items); total != 1+1+6+1 {
		t.Fatalf("transactions: %d, want 9 (disbursement, deposit, 7 repayments)", total)
	}
	env.CheckLedger()
}

func TestRejectionCancellationAndTransitions(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	bob, eve, admin := env.Register("bob"), env.Register("eve"), env.Admin()

	rejected := apply(t, bob, 50_000, 12)
	decide(t, admin, rejected.Id, client.Reject)
	for _, op := range []func() (int, []byte){
		func() (int, []byte) {
			r, _ := bob.C.DisburseLoanWithResponse(ctx, rejected.Id, nil)
			return r.StatusCode(), r.Body
		},
		func() (int, []byte) {
			r, _ := bob.C.CancelLoanWithResponse(ctx, rejected.Id)
			return r.StatusCode(), r.Body
		},
		func() (int, []byte) {
			r, _ := admin.C.DecideLoanWithResponse(ctx, rejected.Id, nil, client.DecideLoanJSONRequestBody{Decision: client.Approve, Reason: "x"})
			return r.StatusCode(), r.Body
		},
	} {
		if code, body := op(); code != 409 {
			t.Fatalf("transition from rejected: %d %s", code, body)
		}
	}
	// Another user's loan is invisible.
	if r, _ := eve.C.GetLoanWithResponse(ctx, rejected.Id); r.StatusCode() != 404 {
		t.Fatalf("foreign loan: %d", r.StatusCode())
	}
	if r, _ := eve.C.CancelLoanWithResponse(ctx, rejected.Id); r.StatusCode() != 404 {
		t.Fatalf("foreign cancel: %d", r.StatusCode())
	}
	if r, _ := eve.C.ListLoansWithResponse(ctx, &client.ListLoansParams{UserId: &bob.ID}); r.StatusCode() != 404 {
		t.Fatalf("foreign list: %d", r.StatusCode())
	}
	// Cancel while approved; the record stays.
	l := apply(t, bob, 50_000, 12)
	decide(t, admin, l.Id, client.Approve)
	c, _ := bob.C.CancelLoanWithResponse(ctx, l.Id)
	if c.JSON200 == nil || c.JSON200.Status != client.LoanStatusCancelled {
		t.Fatalf("cancel: %s", c.Body)
	}
	list, _ := admin.C.ListLoansWithResponse(ctx, &client.ListLoansParams{Status: ptr(client.LoanStatusCancelled)})
	if len(list.JSON200.Items) != 1 || list.JSON200.Items[0].Id != l.Id {
		t.Fatalf("admin filter: %s", list.Body)
	}
	mine, _ := bob.C.ListLoansWithResponse(ctx, nil)
	if len(mine.JSON200.Items) != 2 {
		t.Fatalf("own list: %d", len(mine.JSON200.Items))
	}
	if w := walletOf(t, bob); w.Balance != 0 {
		t.Fatalf("money moved without disbursement: %+v", w)
	}
	env.CheckLedger()
}

func TestWithdrawalsLifecycle(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	cat, admin := env.Register("cat"), env.Admin()
	deposit(t, cat, 10_000)

	too, _ := cat.C.RequestWithdrawalWithResponse(ctx, nil, client.RequestWithdrawalJSONRequestBody{Amount: 10_001, Destination: "IBAN1"})
	assertProblem(t, too.HTTPResponse, too.Body, 422)
	if w := walletOf(t, cat); w.Available != 10_000 || w.Held != 0 {
		t.Fatalf("failed request changed the wallet: %+v", w)
	}
	req := func(amount int64) client.Withdrawal {
		r, _ := cat.C.RequestWithdrawalWithResponse(ctx, nil, client.RequestWithdrawalJSONRequestBody{Amount: amount, Destination: "IBAN1"})
		if r.JSON201 == nil {
			t.Fatalf("withdrawal: %s", r.Body)
		}
		return *r.JSON201
	}
	w1, w2 := req(3_000), req(2_000)
	if w := walletOf(t, cat); w.Available != 5_000 || w.Held != 5_000 || w.Balance != 10_000 {
		t.Fatalf("holds: %+v", w)
	}
	userProc, _ := cat.C.ProcessWithdrawalWithResponse(ctx, w1.Id, nil)
	assertProblem(t, userProc.HTTPResponse, userProc.Body, 403)
	p, _ := admin.C.ProcessWithdrawalWithResponse(ctx, w1.Id, nil)
	if p.JSON200 == nil || p.JSON200.Status != client.WithdrawalStatusProcessed {
		t.Fatalf("process: %s", p.Body)
	}
	p2, _ := admin.C.CancelWithdrawalWithResponse(ctx, w1.Id, nil, client.CancelWithdrawalJSONRequestBody{})
	assertProblem(t, p2.HTTPResponse, p2.Body, 409)
	c, _ := admin.C.CancelWithdrawalWithResponse(ctx, w2.Id, nil, client.CancelWithdrawalJSONRequestBody{Reason: ptr("wrong IBAN")})
	if c.JSON200 == nil || c.JSON200.Status != client.WithdrawalStatusCancelled {
		t.Fatalf("cancel: %s", c.Body)
	}
	if w := walletOf(t, cat); w.Available != 7_000 || w.Held != 0 {
		t.Fatalf("after resolution: %+v", w)
	}
	env.CheckLedger()
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func TestApplicationNumbersPastAMillion(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u := env.Register("million")
	if _, err := env.Pool.Exec(ctx, "SELECT setval('loan_number_seq', 999998)"); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i := 0; i < 3; i++ {
		l := apply(t, u, 100_000, 12)
		if seen[l.Number] {
			t.Fatalf("duplicate number %s", l.Number)
		}
		seen[l.Number] = true
	}
	year := env.Now().UTC().Format("2006")
	for _, n := range []string{"999999", "1000000", "1000001"} {
		if !seen["LN-"+year+"-"+n] {
			t.Fatalf("numbers %v lack %s", seen, n)
		}
	}
}
