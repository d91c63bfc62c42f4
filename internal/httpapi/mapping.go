package httpapi

import (
	"encoding/json"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	api "github.com/acme/lending/gen/api"
	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/amortization"
	"github.com/acme/lending/internal/lending"
)

func date(t *time.Time) *openapi_types.Date {
	if t == nil {
		return nil
	}
	return &openapi_types.Date{Time: *t}
}

func (s *Server) toLoan(v lending.View) api.Loan {
	l := v.Loan
	return api.Loan{
		Id: l.ID, Number: l.Number, UserId: l.UserID, BorrowerName: v.BorrowerName, BorrowerEmail: v.BorrowerEmail,
		Amount: l.Amount, Currency: s.currency, TermMonths: int(l.TermMonths), AnnualRateBps: int(l.AnnualRateBps),
		MonthlyPayment: l.MonthlyPayment, TotalInterest: l.TotalInterest, TotalPayable: l.Amount + l.TotalInterest,
		Purpose: l.Purpose, Status: api.LoanStatus(l.Status), DecisionReason: l.DecisionReason, DecidedBy: l.DecidedBy,
		DecidedAt: l.DecidedAt, DisbursedAt: l.DisbursedAt, ClosedAt: l.ClosedAt,
		OutstandingPrincipal: v.Outstanding, PaidPrincipal: l.PrincipalPaid, PaidInterest: l.InterestPaid,
		NextDueDate: date(v.NextDueDate), NextDueAmount: v.NextDueAmount, DaysPastDue: v.DaysPastDue,
		CreatedAt: l.CreatedAt, UpdatedAt: l.UpdatedAt,
	}
}

func (s *Server) toQuote(p amortization.Plan) api.Quote {
	sched := make([]api.Installment, len(p.Installments))
	for i, in := range p.Installments {
		sched[i] = api.Installment{Number: in.Number, Payment: in.Payment, Principal: in.Principal, Interest: in.Interest,
			BalanceAfter: in.BalanceAfter, Status: api.Planned}
	}
	return api.Quote{
		Amount: p.Principal, TermMonths: p.TermMonths, AnnualRateBps: int(p.AnnualRateBps), MonthlyPayment: p.MonthlyPayment,
		TotalInterest: p.TotalInterest, TotalPayable: p.TotalPayable, Currency: s.currency, Schedule: sched,
	}
}

func (s *Server) toTransaction(t dbgen.WalletTransaction) api.Transaction {
	return api.Transaction{
		Id: t.ID, UserId: t.UserID, Type: api.TransactionType(t.Type), Amount: t.Amount, BalanceAfter: t.BalanceAfter,
		Currency: s.currency, LoanId: t.LoanID, WithdrawalId: t.WithdrawalID, Description: t.Description, CreatedAt: t.CreatedAt,
	}
}

func (s *Server) toWithdrawal(w dbgen.Withdrawal) api.Withdrawal {
	return api.Withdrawal{
		Id: w.ID, UserId: w.UserID, Amount: w.Amount, Currency: s.currency, Destination: w.Destination,
		Status: api.WithdrawalStatus(w.Status), Reason: w.Reason, ResolvedBy: w.ResolvedBy, ResolvedAt: w.ResolvedAt,
		CreatedAt: w.CreatedAt,
	}
}

func toNotification(n dbgen.Notification) api.Notification {
	data := map[string]any{}
	_ = json.Unmarshal(n.Data, &data)
	return api.Notification{Id: n.ID, Type: n.Type, Title: n.Title, Body: n.Body, Data: data, ReadAt: n.ReadAt, CreatedAt: n.CreatedAt}
}

// RenderNotification is the JSON of the API's Notification schema (used for live messages).
func RenderNotification(n dbgen.Notification) ([]byte, error) { return json.Marshal(toNotification(n)) }
