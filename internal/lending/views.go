package lending

import (
	"context"
	"encoding/json"
	"fmt"
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

// View reads the view of one loan (inside tx when given, to see its writes).
func (s *Service) View(ctx context.Context, tx pgx.Tx, id uuid.UUID) (View, error) {
	q := s.q
	if tx != nil {
		q = q.WithTx(tx)
	}
	views, err := s.views(ctx, q, []uuid.UUID{id})
	if err != nil {
		return View{}, err
	}
	if len(views) == 0 {
		return View{}, apperr.NotFound("loan")
	}
	return views[0], nil
}

// GetView is Get with the reader's figures, in one query.
func (s *Service) GetView(ctx context.Context, p auth.Principal, id uuid.UUID) (View, error) {
	views, err := s.views(ctx, s.q, []uuid.UUID{id})
	if err != nil {
		return View{}, database.Classify(err)
	}
	if len(views) == 0 || !p.CanSee(views[0].Loan.UserID) {
		return View{}, apperr.NotFound("loan")
	}
	return views[0], nil
}

// views reads the loans with their borrower and repayment figures, in the
// order of ids (ids that name no loan are skipped).
func (s *Service) views(ctx context.Context, q *dbgen.Queries, ids []uuid.UUID) ([]View, error) {
	now := s.now()
	rows, err := q.LoanViews(ctx, dbgen.LoanViewsParams{LoanIds: ids, Today: now.UTC().Truncate(24 * time.Hour)})
	if err != nil {
		return nil, err
	}
	byID := make(map[uuid.UUID]dbgen.LoanViewsRow, len(rows))
	for _, r := range rows {
		byID[r.Loan.ID] = r
	}
	out := make([]View, 0, len(rows))
	for _, id := range ids {
		r, ok := byID[id]
		if !ok {
			continue
		}
		v := View{Loan: r.Loan, BorrowerName: r.BorrowerName, BorrowerEmail: r.BorrowerEmail}
		if r.Loan.Status == StatusDisbursed {
			st, err := openStates(r.OpenInstallments)
			if err != nil {
				return nil, err
			}
			v.Outstanding = r.Loan.Amount - r.Loan.PrincipalPaid
			if next, due, ok := amortization.NextDue(st, now); ok {
				d := next.DueDate
				v.NextDueDate, v.NextDueAmount = &d, &due
			}
			v.DaysPastDue = amortization.DaysPastDue(st, now)
		}
		out = append(out, v)
	}
	return out, nil
}

// openStates decodes the open installments LoanViews aggregates as JSON.
func openStates(raw []byte) ([]amortization.InstallmentState, error) {
	var rows []struct {
		Number        int    `json:"number"`
		DueDate       string `json:"due_date"`
		Principal     int64  `json:"principal"`
		Interest      int64  `json:"interest"`
		PrincipalPaid int64  `json:"principal_paid"`
		InterestPaid  int64  `json:"interest_paid"`
	}
	if err := json.Unmarshal(raw, &rows); err != nil {
		return nil, fmt.Errorf("open installments: %w", err)
	}
	st := make([]amortization.InstallmentState, len(rows))
	for i, r := range rows {
		due, err := time.Parse(time.DateOnly, r.DueDate)
		if err != nil {
			return nil, fmt.Errorf("open installment %d: %w", r.Number, err)
		}
		st[i] = amortization.InstallmentState{
			Number: r.Number, DueDate: due, Principal: r.Principal, Interest: r.Interest,
			PrincipalPaid: r.PrincipalPaid, InterestPaid: r.InterestPaid,
		}
	}
	return st, nil
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

// pageKey is a loan's place in a keyset-paginated list.
type pageKey struct {
	ID        uuid.UUID
	CreatedAt time.Time
}

// List pages through loans: staff see all, borrowers their own.
func (s *Service) List(ctx context.Context, p auth.Principal, f Filter) ([]View, *string, error) {
	owner, err := p.ScopeToOwner(f.UserID)
	if err != nil {
		return nil, nil, err
	}
	f.UserID = owner
	keys, next, err := page.Fetch(f.Cursor, f.Limit, func(c page.Cursor, n int32) ([]pageKey, error) {
		// Two orders, two queries (each with its own index), rows of one shape.
		if f.Oldest {
			rows, err := s.search.LoanListOldest(ctx, dbgen.LoanListOldestParams{
				UserID: f.UserID, Status: f.Status, FromAt: f.From, ToAt: f.To, CursorAt: c.At, CursorID: c.ID, Lim: n,
			})
			keys := make([]pageKey, len(rows))
			for i, r := range rows {
				keys[i] = pageKey(r)
			}
			return keys, err
		}
		rows, err := s.search.LoanListNewest(ctx, dbgen.LoanListNewestParams{
			UserID: f.UserID, Status: f.Status, FromAt: f.From, ToAt: f.To, CursorAt: c.At, CursorID: c.ID, Lim: n,
		})
		keys := make([]pageKey, len(rows))
		for i, r := range rows {
			keys[i] = pageKey(r)
		}
		return keys, err
	}, func(k pageKey) (time.Time, uuid.UUID) { return k.CreatedAt, k.ID })
	if err != nil {
		return nil, nil, database.Classify(err)
	}
	ids := make([]uuid.UUID, len(keys))
	for i, k := range keys {
		ids[i] = k.ID
	}
	views, err := s.views(ctx, s.q, ids)
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
