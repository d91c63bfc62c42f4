package lending

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/amortization"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/auth"
	"github.com/acme/lending/internal/database"
	"github.com/acme/lending/internal/page"
)

// View is a loan with the figures a reader needs beside the stored row.
type View struct {
	Loan          dbgen.Loan
	BorrowerName  string
	BorrowerEmail string
	Outstanding   int64
	NextDueDate   *time.Time
	NextDueAmount *int64
	DaysPastDue   int
}

// View builds the view of one loan (inside tx when given, to see fresh writes).
func (s *Service) View(ctx context.Context, tx pgx.Tx, loan dbgen.Loan) (View, error) {
	q := s.q
	if tx != nil {
		q = q.WithTx(tx)
	}
	views, err := s.views(ctx, q, []dbgen.Loan{loan})
	if err != nil {
		return View{}, err
	}
	return views[0], nil
}

// views adds borrower and repayment figures to loans with two batch queries.
func (s *Service) views(ctx context.Context, q *dbgen.Queries, loans []dbgen.Loan) ([]View, error) {
	userIDs := make([]uuid.UUID, 0, len(loans))
	var disbursed []uuid.UUID
	for _, l := range loans {
		userIDs = append(userIDs, l.UserID)
		if l.Status == StatusDisbursed {
			disbursed = append(disbursed, l.ID)
		}
	}
	people, err := q.UserListByIDs(ctx, userIDs)
	if err != nil {
		return nil, err
	}
	names := make(map[uuid.UUID]dbgen.UserListByIDsRow, len(people))
	for _, u := range people {
		names[u.ID] = u
	}
	open := map[uuid.UUID][]dbgen.LoanInstallment{}
	now := s.now()
	if len(disbursed) > 0 {
		rows, err := q.InstallmentListForLoans(ctx, dbgen.InstallmentListForLoansParams{LoanIds: disbursed, Today: now.UTC().Truncate(24 * time.Hour)})
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			open[r.LoanID] = append(open[r.LoanID], r)
		}
	}
	out := make([]View, len(loans))
	for i, l := range loans {
		v := View{Loan: l, BorrowerName: names[l.UserID].FullName, BorrowerEmail: names[l.UserID].Email}
		if l.Status == StatusDisbursed {
			v.Outstanding = l.Amount - l.PrincipalPaid
			st := toStates(open[l.ID])
			if next, due, ok := amortization.NextDue(st, now); ok {
				d := next.DueDate
				v.NextDueDate, v.NextDueAmount = &d, &due
			}
			v.DaysPastDue = amortization.DaysPastDue(st, now)
		}
		out[i] = v
	}
	return out, nil
}

// Filter narrows List.
type Filter struct {
	UserID   *uuid.UUID
	Status   *string
	From, To *time.Time
	Oldest   bool
	Limit    *int32
	Cursor   *string
}

// List pages through loans: staff see all, borrowers their own.
func (s *Service) List(ctx context.Context, p auth.Principal, f Filter) ([]View, *string, error) {
	owner, err := p.ScopeToOwner(f.UserID)
	if err != nil {
		return nil, nil, err
	}
	f.UserID = owner
	c, err := page.Decode(f.Cursor)
	if err != nil {
		return nil, nil, err
	}
	lim := page.Limit(f.Limit)
	var rows []dbgen.Loan
	if f.Oldest {
		rows, err = s.q.LoanListOldest(ctx, dbgen.LoanListOldestParams{
			UserID: f.UserID, Status: f.Status, FromAt: f.From, ToAt: f.To, CursorAt: c.At, CursorID: c.ID, Lim: lim + 1,
		})
	} else {
		rows, err = s.q.LoanListNewest(ctx, dbgen.LoanListNewestParams{
			UserID: f.UserID, Status: f.Status, FromAt: f.From, ToAt: f.To, CursorAt: c.At, CursorID: c.ID, Lim: lim + 1,
		})
	}
	if err != nil {
		return nil, nil, database.Classify(err)
	}
	rows, next := page.Next(rows, lim, func(l dbgen.Loan) (time.Time, uuid.UUID) { return l.CreatedAt, l.ID })
	views, err := s.views(ctx, s.q, rows)
	return views, next, database.Classify(err)
}

// ScheduleLine is one installment as shown to readers.
type ScheduleLine struct {
	Number                       int
	DueDate                      *time.Time
	Payment, Principal, Interest int64
	BalanceAfter                 int64
	PrincipalPaid, InterestPaid  int64
	Status                       string // planned, due, paid, overdue, waived
}

// Schedule returns the live schedule of a disbursed loan, or the planned
// one (without dates) before disbursement.
func (s *Service) Schedule(ctx context.Context, p auth.Principal, id uuid.UUID) ([]ScheduleLine, error) {
	loan, err := s.Get(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if loan.DisbursedAt == nil {
		plan, err := amortization.Compute(loan.Amount, loan.AnnualRateBps, int(loan.TermMonths), time.Time{})
		if err != nil {
			return nil, err
		}
		out := make([]ScheduleLine, len(plan.Installments))
		for i, in := range plan.Installments {
			out[i] = ScheduleLine{Number: in.Number, Payment: in.Payment, Principal: in.Principal, Interest: in.Interest,
				BalanceAfter: in.BalanceAfter, Status: "planned"}
		}
		return out, nil
	}
	rows, err := s.q.InstallmentList(ctx, id)
	if err != nil {
		return nil, err
	}
	now := s.now()
	balance := loan.Amount
	out := make([]ScheduleLine, len(rows))
	for i, r := range rows {
		balance -= r.Principal
		d := r.DueDate
		st := toStates([]dbgen.LoanInstallment{r})[0]
		status := r.Status
		if status == "due" || status == "overdue" {
			status = string(amortization.InstallmentStatus(st, now, false))
		}
		out[i] = ScheduleLine{Number: int(r.Number), DueDate: &d, Payment: r.Principal + r.Interest, Principal: r.Principal,
			Interest: r.Interest, BalanceAfter: balance, PrincipalPaid: r.PrincipalPaid, InterestPaid: r.InterestPaid, Status: status}
	}
	return out, nil
}

// PayoffQuote is what closes a loan today.
type PayoffQuote struct {
	Amount, Principal, Interest int64
	AsOf                        time.Time
}

// Payoff computes the amount that closes a disbursed loan today.
func (s *Service) Payoff(ctx context.Context, p auth.Principal, id uuid.UUID) (PayoffQuote, error) {
	loan, err := s.Get(ctx, p, id)
	if err != nil {
		return PayoffQuote{}, err
	}
	if loan.Status != StatusDisbursed {
		return PayoffQuote{}, apperr.Conflict("invalid-transition", "a %s loan has no payoff amount", loan.Status)
	}
	st, err := s.states(ctx, s.q, id)
	if err != nil {
		return PayoffQuote{}, err
	}
	now := s.now()
	amount := amortization.Payoff(st, now)
	principal := loan.Amount - loan.PrincipalPaid
	return PayoffQuote{Amount: amount, Principal: principal, Interest: amount - principal, AsOf: now.UTC()}, nil
}
