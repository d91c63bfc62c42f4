package lending

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/amortization"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/auth"
	"github.com/acme/lending/internal/config"
	"github.com/acme/lending/internal/database"
	"github.com/acme/lending/internal/ledger"
	"github.com/acme/lending/internal/notify"
)

// Service implements the loan use cases. Methods that change state take
// the caller's transaction so the HTTP layer can record an idempotent
// reply in the same commit.
type Service struct {
	contracts ContractQueue
	q         *dbgen.Queries
	search    *dbgen.Queries // filtered lists (see database.CustomPlans)
	ledger    *ledger.Ledger
	terms     config.LoanLimits
	currency  string
	now       func() time.Time
}

// ContractQueue schedules the contract of an approved loan in the
// approval's transaction (the job exists exactly when the approval does).
type ContractQueue interface {
	EnqueueContract(ctx context.Context, tx pgx.Tx, loanID uuid.UUID) error
}

// NewService wires the loan service. now is the clock (tests move it).
func NewService(pool *pgxpool.Pool, l *ledger.Ledger, contracts ContractQueue, terms config.LoanLimits, currency string, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{q: dbgen.New(pool), search: dbgen.New(database.CustomPlans(pool)), ledger: l, contracts: contracts, terms: terms, currency: currency, now: now}
}

// Quote prices a loan at the configured rate without storing anything.
func (s *Service) Quote(amount int64, term int) (amortization.Plan, error) {
	if amount < s.terms.MinAmount || amount > s.terms.MaxAmount {
		return amortization.Plan{}, apperr.Field("amount", "must be between "+ledger.FormatMinor(s.terms.MinAmount)+
			" and "+ledger.FormatMinor(s.terms.MaxAmount)+" "+s.currency)
	}
	if term < s.terms.MinTerm || term > s.terms.MaxTerm {
		return amortization.Plan{}, apperr.Field("term_months", "must be between "+itoa(s.terms.MinTerm)+" and "+itoa(s.terms.MaxTerm))
	}
	plan, err := amortization.Compute(amount, s.terms.AnnualRateBps, term, time.Time{})
	if err != nil {
		return plan, apperr.Field("amount", err.Error())
	}
	return plan, nil
}

// Apply stores an application as quoted.
func (s *Service) Apply(ctx context.Context, tx pgx.Tx, p auth.Principal, amount int64, term int, purpose string) (dbgen.Loan, error) {
	plan, err := s.Quote(amount, term)
	if err != nil {
		return dbgen.Loan{}, err
	}
	purpose = strings.TrimSpace(purpose)
	if purpose == "" {
		return dbgen.Loan{}, apperr.Field("purpose", "must not be empty")
	}
	q := s.q.WithTx(tx)
	loan, err := q.LoanCreate(ctx, dbgen.LoanCreateParams{
		UserID: p.UserID, Amount: amount, TermMonths: int32(term), AnnualRateBps: plan.AnnualRateBps,
		MonthlyPayment: plan.MonthlyPayment, TotalInterest: plan.TotalInterest, Purpose: purpose,
	})
	if err != nil {
		return loan, err
	}
	if err := q.LoanEventCreate(ctx, dbgen.LoanEventCreateParams{LoanID: loan.ID, ToStatus: StatusSubmitted, ActorID: &p.UserID}); err != nil {
		return loan, err
	}
	err = notify.SendToAdmins(ctx, q, notify.Event{
		Type: "loan.submitted", Title: "New loan application " + loan.Number,
		Body: "An application for " + ledger.FormatMinor(amount) + " " + s.currency + " over " + itoa(term) + " months awaits review.",
		Data: map[string]any{"loan_id": loan.ID, "number": loan.Number},
	})
	return loan, err
}

// Changes is an edit of an application under review.
type Changes struct {
	Amount  *int64
	Term    *int
	Purpose *string
}

// Update lets the owner change a submitted application; the payment is recomputed.
func (s *Service) Update(ctx context.Context, tx pgx.Tx, p auth.Principal, id uuid.UUID, c Changes) (dbgen.Loan, error) {
	q := s.q.WithTx(tx)
	loan, err := s.lock(ctx, q, p, id)
	if err != nil {
		return loan, err
	}
	if loan.UserID != p.UserID {
		return loan, apperr.Forbidden("only the borrower can edit an application")
	}
	if loan.Status != StatusSubmitted {
		return loan, apperr.Conflict("invalid-transition", "a %s loan can no longer be edited", loan.Status)
	}
	amount, term, purpose := loan.Amount, int(loan.TermMonths), loan.Purpose
	if c.Amount != nil {
		amount = *c.Amount
	}
	if c.Term != nil {
		term = *c.Term
	}
	if c.Purpose != nil {
		purpose = strings.TrimSpace(*c.Purpose)
		if purpose == "" {
			return loan, apperr.Field("purpose", "must not be empty")
		}
	}
	plan, err := s.Quote(amount, term)
	if err != nil {
		return loan, err
	}
	return q.LoanUpdateTerms(ctx, dbgen.LoanUpdateTermsParams{
		ID: id, Amount: amount, TermMonths: int32(term), Purpose: purpose,
		MonthlyPayment: plan.MonthlyPayment, TotalInterest: plan.TotalInterest,
	})
}

// Cancel withdraws a submitted or approved loan (owner or staff). The record stays.
func (s *Service) Cancel(ctx context.Context, tx pgx.Tx, p auth.Principal, id uuid.UUID) (dbgen.Loan, error) {
	q := s.q.WithTx(tx)
	loan, err := s.lock(ctx, q, p, id)
	if err != nil {
		return loan, err
	}
	return s.transition(ctx, q, loan, StatusCancelled, p, nil, dbgen.LoanSetStatusParams{})
}

// Decide approves or rejects a submitted application (staff only).
func (s *Service) Decide(ctx context.Context, tx pgx.Tx, p auth.Principal, id uuid.UUID, approve bool, reason string) (dbgen.Loan, error) {
	if !p.IsAdmin() {
		return dbgen.Loan{}, apperr.Forbidden("only staff can decide applications")
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return dbgen.Loan{}, apperr.Field("reason", "must not be empty")
	}
	q := s.q.WithTx(tx)
	loan, err := s.lock(ctx, q, p, id)
	if err != nil {
		return loan, err
	}
	to, verb := StatusRejected, "rejected"
	if approve {
		to, verb = StatusApproved, "approved"
	}
	now := s.now()
	loan, err = s.transition(ctx, q, loan, to, p, &reason, dbgen.LoanSetStatusParams{
		DecisionReason: &reason, DecidedBy: &p.UserID, DecidedAt: &now,
	})
	if err != nil {
		return loan, err
	}
	if approve {
		if err := s.contracts.EnqueueContract(ctx, tx, loan.ID); err != nil {
			return loan, err
		}
	}
	body := "Your application " + loan.Number + " was " + verb + ": " + reason
	if approve {
		body += ". Accept the disbursement to receive the funds in your wallet."
	}
	return loan, notify.Send(ctx, q, notify.Event{
		UserID: loan.UserID, Type: "loan." + verb, Title: "Loan " + loan.Number + " " + verb, Body: body,
		Data: map[string]any{"loan_id": loan.ID, "number": loan.Number, "status": loan.Status},
	})
}

// lock loads a loan FOR UPDATE; loans the caller may not see are "not found".
func (s *Service) lock(ctx context.Context, q *dbgen.Queries, p auth.Principal, id uuid.UUID) (dbgen.Loan, error) {
	loan, err := q.LoanGetForUpdate(ctx, id)
	if database.IsNoRows(err) || (err == nil && !p.CanSee(loan.UserID)) {
		return dbgen.Loan{}, apperr.NotFound("loan")
	}
	return loan, err
}

// transition moves a locked loan to a new status and records the event.
func (s *Service) transition(ctx context.Context, q *dbgen.Queries, loan dbgen.Loan, to string, actor auth.Principal, reason *string, set dbgen.LoanSetStatusParams) (dbgen.Loan, error) {
	if err := checkTransition(loan.Status, to); err != nil {
		return loan, err
	}
	set.ID, set.Status = loan.ID, to
	updated, err := q.LoanSetStatus(ctx, set)
	if err != nil {
		return loan, err
	}
	from := loan.Status
	var actorID *uuid.UUID
	if actor.UserID != uuid.Nil {
		actorID = &actor.UserID
	}
	err = q.LoanEventCreate(ctx, dbgen.LoanEventCreateParams{LoanID: loan.ID, FromStatus: &from, ToStatus: to, ActorID: actorID, Reason: reason})
	return updated, err
}

// Get loads a loan the caller may see.
func (s *Service) Get(ctx context.Context, p auth.Principal, id uuid.UUID) (dbgen.Loan, error) {
	loan, err := s.q.LoanGetByID(ctx, id)
	if database.IsNoRows(err) || (err == nil && !p.CanSee(loan.UserID)) {
		return dbgen.Loan{}, apperr.NotFound("loan")
	}
	return loan, database.Classify(err)
}

// Events lists a loan's transitions, oldest first.
func (s *Service) Events(ctx context.Context, p auth.Principal, id uuid.UUID) ([]dbgen.LoanEventListRow, error) {
	if _, err := s.Get(ctx, p, id); err != nil {
		return nil, err
	}
	return s.q.LoanEventList(ctx, id)
}

// Contract returns the stored contract PDF of a loan the caller may see.
func (s *Service) Contract(ctx context.Context, p auth.Principal, id uuid.UUID) ([]byte, error) {
	if _, err := s.Get(ctx, p, id); err != nil {
		return nil, err
	}
	pdf, err := s.q.LoanContractGet(ctx, id)
	if database.IsNoRows(err) {
		return nil, apperr.NotFound("contract (it is prepared once the loan is approved)")
	}
	return pdf, err
}

func itoa(n int) string { return strconv.Itoa(n) }
