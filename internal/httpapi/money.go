package httpapi

import (
	"context"
	"net/http"

	"github.com/jackc/pgx/v5"

	api "github.com/acme/lending/gen/api"
	"github.com/acme/lending/internal/amortization"
	"github.com/acme/lending/internal/wallet"
	"github.com/acme/lending/internal/withdrawals"
)

func (s *Server) GetWallet(ctx context.Context, r api.GetWalletRequestObject) (api.GetWalletResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	b, err := s.wallet.Get(ctx, p, r.Params.UserId)
	if err != nil {
		return nil, err
	}
	return api.GetWallet200JSONResponse(api.Wallet{
		UserId: b.UserID, Balance: b.Available + b.Held, Held: b.Held, Available: b.Available, Currency: s.currency,
	}), nil
}

func (s *Server) ListTransactions(ctx context.Context, r api.ListTransactionsRequestObject) (api.ListTransactionsResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	rp := r.Params
	rows, next, err := s.wallet.Transactions(ctx, p, wallet.Filter{
		UserID: rp.UserId, LoanID: rp.LoanId, Type: (*string)(rp.Type), From: rp.From, To: rp.To, Limit: rp.Limit, Cursor: rp.Cursor,
	})
	if err != nil {
		return nil, err
	}
	items := make([]api.Transaction, len(rows))
	for i, t := range rows {
		items[i] = s.toTransaction(t)
	}
	return api.ListTransactions200JSONResponse(api.TransactionPage{Items: items, NextCursor: next}), nil
}

func (s *Server) Deposit(ctx context.Context, r api.DepositRequestObject) (api.DepositResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	out, rep, err := mutate(ctx, s, p, r.Params.IdempotencyKey, "deposit", r.Body, http.StatusCreated, func(tx pgx.Tx) (api.Transaction, error) {
		t, err := s.wallet.Deposit(ctx, tx, p, r.Body.Amount)
		return s.toTransaction(t), err
	})
	if rep != nil || err != nil {
		return rep, err
	}
	return api.Deposit201JSONResponse{Body: out}, nil
}

func (s *Server) Repay(ctx context.Context, r api.RepayRequestObject) (api.RepayResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	out, rep, err := mutate(ctx, s, p, r.Params.IdempotencyKey, "repay", r.Body, http.StatusCreated, func(tx pgx.Tx) (api.Repayment, error) {
		res, err := s.lending.Repay(ctx, tx, p, r.Body.LoanId, r.Body.Amount)
		if err != nil {
			return api.Repayment{}, err
		}
		loan, err := s.loanReply(ctx, tx, res.Loan, nil)
		return api.Repayment{Transaction: s.toTransaction(res.Transaction), Loan: loan, Allocations: toAllocations(res.Allocations)}, err
	})
	if rep != nil || err != nil {
		return rep, err
	}
	return api.Repay201JSONResponse{Body: out}, nil
}

func toAllocations(as []amortization.Allocation) []api.Allocation {
	out := make([]api.Allocation, len(as))
	for i, a := range as {
		out[i] = api.Allocation{Number: a.Number, Principal: a.Principal, Interest: a.Interest}
	}
	return out
}

func (s *Server) RequestWithdrawal(ctx context.Context, r api.RequestWithdrawalRequestObject) (api.RequestWithdrawalResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	out, rep, err := mutate(ctx, s, p, r.Params.IdempotencyKey, "withdrawal.request", r.Body, http.StatusCreated, func(tx pgx.Tx) (api.Withdrawal, error) {
		w, err := s.withdrawals.Request(ctx, tx, p, r.Body.Amount, r.Body.Destination)
		return s.toWithdrawal(w), err
	})
	if rep != nil || err != nil {
		return rep, err
	}
	return api.RequestWithdrawal201JSONResponse{Body: out}, nil
}

func (s *Server) ListWithdrawals(ctx context.Context, r api.ListWithdrawalsRequestObject) (api.ListWithdrawalsResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	rp := r.Params
	rows, next, err := s.withdrawals.List(ctx, p, withdrawals.Filter{
		UserID: rp.UserId, Status: (*string)(rp.Status), Oldest: rp.Order != nil && *rp.Order == api.ListWithdrawalsParamsOrderOldest,
		Limit: rp.Limit, Cursor: rp.Cursor,
	})
	if err != nil {
		return nil, err
	}
	items := make([]api.Withdrawal, len(rows))
	for i, w := range rows {
		items[i] = s.toWithdrawal(w)
	}
	return api.ListWithdrawals200JSONResponse(api.WithdrawalPage{Items: items, NextCursor: next}), nil
}

func (s *Server) GetWithdrawal(ctx context.Context, r api.GetWithdrawalRequestObject) (api.GetWithdrawalResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	w, err := s.withdrawals.Get(ctx, p, r.Id)
	if err != nil {
		return nil, err
	}
	return api.GetWithdrawal200JSONResponse(s.toWithdrawal(w)), nil
}

func (s *Server) ProcessWithdrawal(ctx context.Context, r api.ProcessWithdrawalRequestObject) (api.ProcessWithdrawalResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	op := "withdrawal.process:" + r.Id.String()
	out, rep, err := mutate(ctx, s, p, r.Params.IdempotencyKey, op, nil, http.StatusOK, func(tx pgx.Tx) (api.Withdrawal, error) {
		w, err := s.withdrawals.Process(ctx, tx, p, r.Id)
		return s.toWithdrawal(w), err
	})
	if rep != nil || err != nil {
		return rep, err
	}
	return api.ProcessWithdrawal200JSONResponse{Body: out}, nil
}

func (s *Server) CancelWithdrawal(ctx context.Context, r api.CancelWithdrawalRequestObject) (api.CancelWithdrawalResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	var reason *string
	if r.Body != nil {
		reason = r.Body.Reason
	}
	op := "withdrawal.cancel:" + r.Id.String()
	out, rep, err := mutate(ctx, s, p, r.Params.IdempotencyKey, op, r.Body, http.StatusOK, func(tx pgx.Tx) (api.Withdrawal, error) {
		w, err := s.withdrawals.Cancel(ctx, tx, p, r.Id, reason)
		return s.toWithdrawal(w), err
	})
	if rep != nil || err != nil {
		return rep, err
	}
	return api.CancelWithdrawal200JSONResponse{Body: out}, nil
}
