package httpapi_test

import (
	"testing"
	"time"

	"github.com/acme/lending/gen/api/client"
	"github.com/acme/lending/internal/apitest"
)

func TestAdminStats(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u, admin := env.Register("st"), env.Admin()
	a, b, c := apply(t, u, 100_000, 12), apply(t, u, 200_000, 24), apply(t, u, 300_000, 36)
	decide(t, admin, a.Id, client.Approve)
	decide(t, admin, b.Id, client.Reject)
	disburse(t, u, a.Id)
	r, _ := u.C.RepayWithResponse(ctx, nil, client.RepayJSONRequestBody{LoanId: a.Id, Amount: 10_000})
	if r.JSON201 == nil {
		t.Fatalf("repay: %s", r.Body)
	}
	paid := r.JSON201.Loan.PaidPrincipal
	if _, err := u.C.RequestWithdrawalWithResponse(ctx, nil, client.RequestWithdrawalJSONRequestBody{Amount: 5_000, Destination: "X"}); err != nil {
		t.Fatal(err)
	}

	denied, _ := u.C.GetAdminStatsWithResponse(ctx)
	assertProblem(t, denied.HTTPResponse, denied.Body, 403)
	s, _ := admin.C.GetAdminStatsWithResponse(ctx)
	if s.JSON200 == nil {
		t.Fatalf("stats: %s", s.Body)
	}
	st := s.JSON200
	by := map[client.LoanStatus]client.StatusFigure{}
	for _, f := range st.LoansByStatus {
		by[f.Status] = f
	}
	if by[client.LoanStatusDisbursed].Count != 1 || by[client.LoanStatusRejected].Count != 1 || by[client.LoanStatusSubmitted].Count != 1 ||
		by[client.LoanStatusSubmitted].Amount != c.Amount || by[client.LoanStatusApproved].Count != 0 {
		t.Fatalf("by status: %+v", st.LoansByStatus)
	}
	if st.TotalDisbursed != 100_000 || st.OutstandingPrincipal != 100_000-paid || st.PendingWithdrawalsCount != 1 ||
		st.PendingWithdrawalsAmount != 5_000 || st.UsersCount != 2 || st.Currency != "USD" {
		t.Fatalf("figures: %+v", st)
	}
	if len(st.Daily) != 30 {
		t.Fatalf("daily series has %d days", len(st.Daily))
	}
	today := st.Daily[29]
	if today.Date.Format(time.DateOnly) != env.Now().UTC().Format(time.DateOnly) || today.Applications != 3 || today.Approvals != 1 ||
		today.Disbursements != 1 || today.DisbursedAmount != 100_000 {
		t.Fatalf("today: %+v", today)
	}
}
