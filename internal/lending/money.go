package lending

import (
	"context"
	"errors"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/amortization"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/auth"
	"github.com/acme/lending/internal/ledger"
	"github.com/acme/lending/internal/notify"
)

// Disburse pays an approved loan's principal into the borrower's wallet
// and fixes the schedule: installment k is due k months from now.
func (s *Service) Disburse(ctx context.Context, tx pgx.Tx, p auth.Principal, id uuid.UUID) (dbgen.Loan, error) {
	q := s.q.WithTx(tx)
	loan, err := s.lock(ctx, q, p, id)
	if err != nil {
		return loan, err
	}
	if err := checkTransition(loan.Status, StatusDisbursed); err != nil {
		return loan, err
	}
	now := s.now().UTC()
	plan, err := amortization.Compute(loan.Amount, loan.AnnualRateBps, int(loan.TermMonths), now)
	if err != nil {
		return loan, err
	}
	if plan.MonthlyPayment != loan.MonthlyPayment || plan.TotalInterest != loan.TotalInterest {
		return loan, errors.New("lending: schedule differs from the quoted terms")
	}
	receivable, err := ledger.OpenReceivable(ctx, q, loan.UserID, loan.ID)
	if err != nil {
		return loan, err
	}
	wallet, err := s.ledger.Wallet(ctx, q, loan.UserID)
	if err != nil {
		return loan, err
	}
	if _, err := s.ledger.Post(ctx, q, ledger.Movement{
		UserID: loan.UserID, Type: ledger.TxDisbursement, Wallet: wallet, LoanID: &loan.ID,
		Description: "Disbursement of loan " + loan.Number,
		Transfers:   []ledger.Transfer{{Kind: "disbursement", Debit: receivable, Credit: wallet, Amount: loan.Amount}},
	}, s.currency); err != nil {
		return loan, err
	}
	rows := make([]dbgen.InstallmentCreateParams, len(plan.Installments))
	for i, in := range plan.Installments {
		rows[i] = dbgen.InstallmentCreateParams{LoanID: loan.ID, Number: int32(in.Number), DueDate: in.DueDate, Principal: in.Principal, Interest: in.Interest}
	}
	if _, err := q.InstallmentCreate(ctx, rows); err != nil {
		return loan, err
	}
	loan, err = s.transition(ctx, q, loan, StatusDisbursed, p, nil, dbgen.LoanSetStatusParams{DisbursedAt: &now})
	if err != nil {
		return loan, err
	}
	return loan, notify.Send(ctx, q, notify.Event{
		UserID: loan.UserID, Type: "loan.disbursed", Title: "Loan " + loan.Number + " disbursed",
		Body: ledger.FormatMinor(loan.Amount) + " " + s.currency + " was paid into your wallet. The first installment is due on " + plan.Installments[0].DueDate.Format("2 Jan 2006") + ".",
		Data: map[string]any{"loan_id": loan.ID, "number": loan.Number, "amount": loan.Amount},
	})
}

// RepayResult is a posted repayment.
type RepayResult struct {
	Transaction dbgen.WalletTransaction
	Loan        dbgen.Loan
	Allocations []amortization.Allocation
}

// Repay moves money from the borrower's wallet to the loan: oldest
// installment first, interest before principal; paying the payoff closes
// the loan and waives later interest.
func (s *Service) Repay(ctx context.Context, tx pgx.Tx, p auth.Principal, id uuid.UUID, amount int64) (RepayResult, error) {
	q := s.q.WithTx(tx)
	loan, err := s.lock(ctx, q, p, id)
	if err != nil {
		return RepayResult{}, err
	}
	if loan.UserID != p.UserID {
		return RepayResult{}, apperr.Forbidden("repayments come from the borrower's own wallet")
	}
	if loan.Status != StatusDisbursed {
		return RepayResult{}, apperr.Conflict("invalid-transition", "a %s loan takes no repayments", loan.Status)
	}
	states, err := s.states(ctx, q, loan.ID)
	if err != nil {
		return RepayResult{}, err
	}
	now := s.now()
	allocs, closed, err := amortization.Allocate(states, amount, now)
	switch {
	case errors.Is(err, amortization.ErrExceedsPayoff):
		return RepayResult{}, apperr.Unprocessable("exceeds-payoff", "Amount exceeds payoff",
			"the payoff amount today is %s %s; pay at most that", ledger.FormatMinor(amortization.Payoff(states, now)), s.currency)
	case errors.Is(err, amortization.ErrInvalidAmount):
		return RepayResult{}, apperr.Field("amount", "must be positive")
	case err != nil:
		return RepayResult{}, err
	}
	var principal, interest int64
	for _, a := range allocs {
		principal += a.Principal
		interest += a.Interest
	}
	wallet, err := s.ledger.Wallet(ctx, q, loan.UserID)
	if err != nil {
		return RepayResult{}, err
	}
	receivable, _, err := ledger.ReceivableOf(ctx, q, loan.ID)
	if err != nil {
		return RepayResult{}, err
	}
	income, err := s.ledger.Platform(ctx, q, ledger.KindInterestIncome)
	if err != nil {
		return RepayResult{}, err
	}
	var transfers []ledger.Transfer
	if principal > 0 {
		transfers = append(transfers, ledger.Transfer{Kind: "repayment_principal", Debit: wallet, Credit: receivable, Amount: principal})
	}
	if interest > 0 {
		transfers = append(transfers, ledger.Transfer{Kind: "repayment_interest", Debit: wallet, Credit: income, Amount: interest})
	}
	wtx, err := s.ledger.Post(ctx, q, ledger.Movement{
		UserID: loan.UserID, Type: ledger.TxRepayment, Wallet: wallet, LoanID: &loan.ID,
		Description: "Repayment of loan " + loan.Number, Transfers: transfers,
	}, s.currency)
	if err != nil {
		return RepayResult{}, err
	}
	for _, a := range allocs {
		if err := q.InstallmentApplyPayment(ctx, dbgen.InstallmentApplyPaymentParams{
			LoanID: loan.ID, Number: int32(a.Number), Principal: a.Principal, Interest: a.Interest,
		}); err != nil {
			return RepayResult{}, err
		}
	}
	loan, err = q.LoanAddPaid(ctx, dbgen.LoanAddPaidParams{ID: loan.ID, Principal: principal, Interest: interest})
	if err != nil {
		return RepayResult{}, err
	}
	event := notify.Event{
		UserID: loan.UserID, Type: "repayment.posted", Title: "Repayment received",
		Body: ledger.FormatMinor(amount) + " " + s.currency + " was applied to loan " + loan.Number + ".",
		Data: map[string]any{"loan_id": loan.ID, "number": loan.Number, "amount": amount},
	}
	if closed {
		if err := q.InstallmentWaiveRest(ctx, loan.ID); err != nil {
			return RepayResult{}, err
		}
		at := now.UTC()
		if loan, err = s.transition(ctx, q, loan, StatusRepaid, p, nil, dbgen.LoanSetStatusParams{ClosedAt: &at}); err != nil {
			return RepayResult{}, err
		}
		event.Type, event.Title = "loan.repaid", "Loan "+loan.Number+" repaid"
		event.Body = "Your final payment was received; loan " + loan.Number + " is closed. Thank you!"
	}
	if err := notify.Send(ctx, q, event); err != nil {
		return RepayResult{}, err
	}
	return RepayResult{Transaction: *wtx, Loan: loan, Allocations: allocs}, nil
}

// states loads a loan's installments as repayment state.
func (s *Service) states(ctx context.Context, q *dbgen.Queries, loanID uuid.UUID) ([]amortization.InstallmentState, error) {
	rows, err := q.InstallmentList(ctx, loanID)
	if err != nil {
		return nil, err
	}
	return toStates(rows), nil
}

func toStates(rows []dbgen.LoanInstallment) []amortization.InstallmentState {
	st := make([]amortization.InstallmentState, len(rows))
	for i, r := range rows {
		st[i] = amortization.InstallmentState{
			Number: int(r.Number), DueDate: r.DueDate, Principal: r.Principal, Interest: r.Interest,
			PrincipalPaid: r.PrincipalPaid, InterestPaid: r.InterestPaid,
		}
	}
	return st
}
