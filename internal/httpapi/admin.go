package httpapi

import (
	"context"

	openapi_types "github.com/oapi-codegen/runtime/types"

	api "github.com/acme/lending/gen/api"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/page"
)

func (s *Server) GetAdminStats(ctx context.Context, _ api.GetAdminStatsRequestObject) (api.GetAdminStatsResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	st, err := s.portfolio.Get(ctx, p)
	if err != nil {
		return nil, err
	}
	out := api.AdminStats{
		Currency: s.currency, TotalDisbursed: st.TotalDisbursed, OutstandingPrincipal: st.Outstanding,
		OverdueAmount: st.OverdueAmount, OverdueCount: st.OverdueCount,
		PendingWithdrawalsAmount: st.PendingWithdrawals, PendingWithdrawalsCount: st.PendingCount,
		UsersCount: st.Users, LoansByStatus: []api.StatusFigure{}, Daily: make([]api.DailyFigure, len(st.Daily)),
	}
	for _, f := range st.ByStatus {
		out.LoansByStatus = append(out.LoansByStatus, api.StatusFigure{Status: api.LoanStatus(f.Status), Count: f.Count, Amount: f.Amount})
	}
	for i, d := range st.Daily {
		out.Daily[i] = api.DailyFigure{Date: openapi_types.Date{Time: d.Date}, Applications: d.Applications,
			Approvals: d.Approvals, Disbursements: d.Disbursements, DisbursedAmount: d.DisbursedAmount}
	}
	return api.GetAdminStats200JSONResponse(out), nil
}

func (s *Server) ListJobs(ctx context.Context, r api.ListJobsRequestObject) (api.ListJobsResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	if !p.IsAdmin() {
		return nil, apperr.Forbidden("only staff can see background jobs")
	}
	state := ""
	if r.Params.State != nil {
		state = string(*r.Params.State)
	}
	rows, err := s.jobs.List(ctx, state, int(page.Limit(r.Params.Limit)))
	if err != nil {
		return nil, err
	}
	items := make([]api.Job, len(rows))
	for i, j := range rows {
		items[i] = api.Job{
			Id: j.ID, Kind: j.Kind, State: string(j.State), Attempt: j.Attempt, MaxAttempts: j.MaxAttempts,
			CreatedAt: j.CreatedAt, ScheduledAt: j.ScheduledAt, FinalizedAt: j.FinalizedAt,
		}
		if n := len(j.Errors); n > 0 {
			items[i].LastError = &j.Errors[n-1].Error
		}
	}
	return api.ListJobs200JSONResponse(api.JobPage{Items: items}), nil
}
