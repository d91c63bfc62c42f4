package httpapi

import (
	"bytes"
	"context"
	"net/http"

	"github.com/jackc/pgx/v5"

	api "github.com/acme/lending/gen/api"
	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/lending"
)

func (s *Server) QuoteLoan(ctx context.Context, r api.QuoteLoanRequestObject) (api.QuoteLoanResponseObject, error) {
	plan, err := s.lending.Quote(r.Body.Amount, r.Body.TermMonths)
	if err != nil {
		return nil, err
	}
	return api.QuoteLoan200JSONResponse(s.toQuote(plan)), nil
}

// loanReply renders a loan just written inside the same transaction.
func (s *Server) loanReply(ctx context.Context, tx pgx.Tx, l dbgen.Loan, err error) (api.Loan, error) {
	if err != nil {
		return api.Loan{}, err
	}
	v, err := s.lending.View(ctx, tx, l.ID)
	return s.toLoan(v), err
}

func (s *Server) ApplyLoan(ctx context.Context, r api.ApplyLoanRequestObject) (api.ApplyLoanResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	out, rep, err := mutate(ctx, s, p, r.Params.IdempotencyKey, "loan.apply", r.Body, http.StatusCreated, func(tx pgx.Tx) (api.Loan, error) {
		l, err := s.lending.Apply(ctx, tx, p, r.Body.Amount, r.Body.TermMonths, r.Body.Purpose)
		return s.loanReply(ctx, tx, l, err)
	})
	if rep != nil || err != nil {
		return rep, err
	}
	return api.ApplyLoan201JSONResponse{Body: out}, nil
}

func (s *Server) ListLoans(ctx context.Context, r api.ListLoansRequestObject) (api.ListLoansResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	rp := r.Params
	views, next, err := s.lending.List(ctx, p, lending.Filter{
		UserID: rp.UserId, Status: (*string)(rp.Status), From: rp.From, To: rp.To,
		Oldest: rp.Order != nil && *rp.Order == api.ListLoansParamsOrderOldest, Limit: rp.Limit, Cursor: rp.Cursor,
	})
	if err != nil {
		return nil, err
	}
	items := make([]api.Loan, len(views))
	for i, v := range views {
		items[i] = s.toLoan(v)
	}
	return api.ListLoans200JSONResponse(api.LoanPage{Items: items, NextCursor: next}), nil
}

func (s *Server) GetLoan(ctx context.Context, r api.GetLoanRequestObject) (api.GetLoanResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	v, err := s.lending.GetView(ctx, p, r.Id)
	if err != nil {
		return nil, err
	}
	return api.GetLoan200JSONResponse(s.toLoan(v)), nil
}

func (s *Server) UpdateLoan(ctx context.Context, r api.UpdateLoanRequestObject) (api.UpdateLoanResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	out, _, err := mutate(ctx, s, p, nil, "", nil, http.StatusOK, func(tx pgx.Tx) (api.Loan, error) {
		l, err := s.lending.Update(ctx, tx, p, r.Id, lending.Changes{Amount: r.Body.Amount, Term: r.Body.TermMonths, Purpose: r.Body.Purpose})
		return s.loanReply(ctx, tx, l, err)
	})
	if err != nil {
		return nil, err
	}
	return api.UpdateLoan200JSONResponse(out), nil
}

func (s *Server) CancelLoan(ctx context.Context, r api.CancelLoanRequestObject) (api.CancelLoanResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	out, _, err := mutate(ctx, s, p, nil, "", nil, http.StatusOK, func(tx pgx.Tx) (api.Loan, error) {
		l, err := s.lending.Cancel(ctx, tx, p, r.Id)
		return s.loanReply(ctx, tx, l, err)
	})
	if err != nil {
		return nil, err
	}
	return api.CancelLoan200JSONResponse(out), nil
}

func (s *Server) DecideLoan(ctx context.Context, r api.DecideLoanRequestObject) (api.DecideLoanResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	op := "loan.decide:" + r.Id.String()
	out, rep, err := mutate(ctx, s, p, r.Params.IdempotencyKey, op, r.Body, http.StatusOK, func(tx pgx.Tx) (api.Loan, error) {
		l, err := s.lending.Decide(ctx, tx, p, r.Id, r.Body.Decision == api.Approve, r.Body.Reason)
		return s.loanReply(ctx, tx, l, err)
	})
	if rep != nil || err != nil {
		return rep, err
	}
	return api.DecideLoan200JSONResponse{Body: out}, nil
}

func (s *Server) DisburseLoan(ctx context.Context, r api.DisburseLoanRequestObject) (api.DisburseLoanResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	op := "loan.disburse:" + r.Id.String()
	out, rep, err := mutate(ctx, s, p, r.Params.IdempotencyKey, op, nil, http.StatusOK, func(tx pgx.Tx) (api.Loan, error) {
		l, err := s.lending.Disburse(ctx, tx, p, r.Id)
		return s.loanReply(ctx, tx, l, err)
	})
	if rep != nil || err != nil {
		return rep, err
	}
	return api.DisburseLoan200JSONResponse{Body: out}, nil
}

func (s *Server) GetLoanSchedule(ctx context.Context, r api.GetLoanScheduleRequestObject) (api.GetLoanScheduleResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	lines, err := s.lending.Schedule(ctx, p, r.Id)
	if err != nil {
		return nil, err
	}
	items := make([]api.Installment, len(lines))
	for i, l := range lines {
		items[i] = api.Installment{
			Number: l.Number, DueDate: date(l.DueDate), Payment: l.Payment, Principal: l.Principal, Interest: l.Interest,
			BalanceAfter: l.BalanceAfter, PrincipalPaid: l.PrincipalPaid, InterestPaid: l.InterestPaid,
			Status: api.InstallmentStatus(l.Status),
		}
	}
	return api.GetLoanSchedule200JSONResponse(api.Schedule{LoanId: r.Id, Currency: s.currency, Installments: items}), nil
}

func (s *Server) GetLoanPayoff(ctx context.Context, r api.GetLoanPayoffRequestObject) (api.GetLoanPayoffResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	q, err := s.lending.Payoff(ctx, p, r.Id)
	if err != nil {
		return nil, err
	}
	return api.GetLoanPayoff200JSONResponse(api.Payoff{
		LoanId: r.Id, Amount: q.Amount, Principal: q.Principal, Interest: q.Interest, AsOf: q.AsOf, Currency: s.currency,
	}), nil
}

func (s *Server) ListLoanEvents(ctx context.Context, r api.ListLoanEventsRequestObject) (api.ListLoanEventsResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.lending.Events(ctx, p, r.Id)
	if err != nil {
		return nil, err
	}
	items := make([]api.LoanEvent, len(rows))
	for i, e := range rows {
		items[i] = api.LoanEvent{
			Id: e.ID, LoanId: e.LoanID, FromStatus: (*api.LoanEventFromStatus)(e.FromStatus), ToStatus: api.LoanStatus(e.ToStatus),
			ActorId: e.ActorID, ActorName: e.ActorName, Reason: e.Reason, CreatedAt: e.CreatedAt,
		}
	}
	return api.ListLoanEvents200JSONResponse{Items: items}, nil
}

func (s *Server) GetLoanContract(ctx context.Context, r api.GetLoanContractRequestObject) (api.GetLoanContractResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	pdf, err := s.lending.Contract(ctx, p, r.Id)
	if err != nil {
		return nil, err
	}
	return pdfResponse(pdf), nil
}

func pdfResponse(pdf []byte) api.GetLoanContract200ApplicationpdfResponse {
	return api.GetLoanContract200ApplicationpdfResponse{Body: bytes.NewReader(pdf), ContentLength: int64(len(pdf))}
}
