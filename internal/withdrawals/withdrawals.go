// Package withdrawals handles requests to pay wallet money out. A request
// moves the funds from the wallet to pending payouts at once, so they
// cannot be spent twice; staff then process (pay out) or cancel (return)
// it, exactly once.
package withdrawals

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/auth"
	"github.com/acme/lending/internal/database"
	"github.com/acme/lending/internal/ledger"
	"github.com/acme/lending/internal/notify"
	"github.com/acme/lending/internal/page"
)

// Statuses.
const (
	StatusPending   = "pending"
	StatusProcessed = "processed"
	StatusCancelled = "cancelled"
)

// Service implements the withdrawal use cases.
type Service struct {
	q        *dbgen.Queries
	search   *dbgen.Queries // filtered lists (see database.CustomPlans)
	ledger   *ledger.Ledger
	currency string
}

// NewService wires the withdrawal service.
func NewService(pool *pgxpool.Pool, l *ledger.Ledger, currency string) *Service {
	return &Service{q: dbgen.New(pool), search: dbgen.New(database.CustomPlans(pool)), ledger: l, currency: currency}
}

// Request holds amount from the caller's available balance.
func (s *Service) Request(ctx context.Context, tx pgx.Tx, p auth.Principal, amount int64, destination string) (dbgen.Withdrawal, error) {
	destination = strings.TrimSpace(destination)
	if destination == "" {
		return dbgen.Withdrawal{}, apperr.Field("destination", "must not be empty")
	}
	if amount <= 0 {
		return dbgen.Withdrawal{}, apperr.Field("amount", "must be positive")
	}
	q := s.q.WithTx(tx)
	w, err := q.WithdrawalCreate(ctx, dbgen.WithdrawalCreateParams{UserID: p.UserID, Amount: amount, Destination: destination})
	if err != nil {
		return w, err
	}
	wallet, err := s.ledger.Wallet(ctx, q, p.UserID)
	if err != nil {
		return w, err
	}
	pending, err := s.ledger.Platform(ctx, q, ledger.KindPendingPayouts)
	if err != nil {
		return w, err
	}
	if _, err := s.ledger.Post(ctx, q, ledger.Movement{
		UserID: p.UserID, Type: ledger.TxWithdrawal, Wallet: wallet, WithdrawalID: &w.ID,
		Description: "Withdrawal to " + destination,
		Transfers:   []ledger.Transfer{{Kind: "withdrawal_hold", Debit: wallet, Credit: pending, Amount: amount}},
	}, s.currency); err != nil {
		return w, err
	}
	return w, notify.SendToAdmins(ctx, q, notify.Event{
		Type: "withdrawal.requested", Title: "Withdrawal requested",
		Body: "A withdrawal of " + ledger.FormatMinor(amount) + " " + s.currency + " awaits processing.",
		Data: map[string]any{"withdrawal_id": w.ID, "amount": amount},
	})
}

// Process pays a pending withdrawal out (staff only).
func (s *Service) Process(ctx context.Context, tx pgx.Tx, p auth.Principal, id uuid.UUID) (dbgen.Withdrawal, error) {
	return s.resolve(ctx, tx, p, id, StatusProcessed, nil)
}

// Cancel returns a pending withdrawal's funds to the wallet (staff only).
func (s *Service) Cancel(ctx context.Context, tx pgx.Tx, p auth.Principal, id uuid.UUID, reason *string) (dbgen.Withdrawal, error) {
	return s.resolve(ctx, tx, p, id, StatusCancelled, reason)
}

func (s *Service) resolve(ctx context.Context, tx pgx.Tx, p auth.Principal, id uuid.UUID, to string, reason *string) (dbgen.Withdrawal, error) {
	if !p.IsAdmin() {
		return dbgen.Withdrawal{}, apperr.Forbidden("only staff can resolve withdrawals")
	}
	q := s.q.WithTx(tx)
	w, err := q.WithdrawalGetForUpdate(ctx, id)
	if database.IsNoRows(err) {
		return w, apperr.NotFound("withdrawal")
	}
	if err != nil {
		return w, err
	}
	if w.Status != StatusPending {
		return w, apperr.Conflict("already-resolved", "the withdrawal is already %s", w.Status)
	}
	pending, err := s.ledger.Platform(ctx, q, ledger.KindPendingPayouts)
	if err != nil {
		return w, err
	}
	mv := ledger.Movement{UserID: w.UserID, WithdrawalID: &w.ID}
	event := notify.Event{UserID: w.UserID, Data: map[string]any{"withdrawal_id": w.ID, "amount": w.Amount}}
	if to == StatusProcessed {
		cash, err := s.ledger.Platform(ctx, q, ledger.KindCash)
		if err != nil {
			return w, err
		}
		mv.Transfers = []ledger.Transfer{{Kind: "withdrawal_payout", Debit: pending, Credit: cash, Amount: w.Amount}}
		event.Type, event.Title = "withdrawal.processed", "Withdrawal paid out"
		event.Body = ledger.FormatMinor(w.Amount) + " " + s.currency + " was sent to " + w.Destination + "."
	} else {
		wallet, err := s.ledger.Wallet(ctx, q, w.UserID)
		if err != nil {
			return w, err
		}
		mv.Type, mv.Wallet, mv.Description = ledger.TxWithdrawalReversal, wallet, "Withdrawal cancelled"
		mv.Transfers = []ledger.Transfer{{Kind: "withdrawal_release", Debit: pending, Credit: wallet, Amount: w.Amount}}
		event.Type, event.Title = "withdrawal.cancelled", "Withdrawal cancelled"
		event.Body = ledger.FormatMinor(w.Amount) + " " + s.currency + " was returned to your wallet."
		if reason != nil && strings.TrimSpace(*reason) != "" {
			event.Body += " Reason: " + strings.TrimSpace(*reason)
		}
	}
	if _, err := s.ledger.Post(ctx, q, mv, s.currency); err != nil {
		return w, err
	}
	w, err = q.WithdrawalResolve(ctx, dbgen.WithdrawalResolveParams{ID: id, Status: to, Reason: reason, ResolvedBy: &p.UserID})
	if err != nil {
		return w, err
	}
	return w, notify.Send(ctx, q, event)
}

// Get returns a withdrawal the caller may see.
func (s *Service) Get(ctx context.Context, p auth.Principal, id uuid.UUID) (dbgen.Withdrawal, error) {
	w, err := s.q.WithdrawalGetByID(ctx, id)
	if database.IsNoRows(err) || (err == nil && !p.CanSee(w.UserID)) {
		return dbgen.Withdrawal{}, apperr.NotFound("withdrawal")
	}
	return w, database.Classify(err)
}

// Filter narrows List.
type Filter struct {
	UserID *uuid.UUID
	Status *string
	Oldest bool
	Limit  *int32
	Cursor *string
}

// List pages through withdrawals: staff see all, users their own.
func (s *Service) List(ctx context.Context, p auth.Principal, f Filter) ([]dbgen.Withdrawal, *string, error) {
	owner, err := p.ScopeToOwner(f.UserID)
	if err != nil {
		return nil, nil, err
	}
	f.UserID = owner
	rows, next, err := page.Fetch(f.Cursor, f.Limit, func(c page.Cursor, n int32) ([]dbgen.Withdrawal, error) {
		if f.Oldest {
			return s.search.WithdrawalListOldest(ctx, dbgen.WithdrawalListOldestParams{UserID: f.UserID, Status: f.Status, CursorAt: c.At, CursorID: c.ID, Lim: n})
		}
		return s.search.WithdrawalListNewest(ctx, dbgen.WithdrawalListNewestParams{UserID: f.UserID, Status: f.Status, CursorAt: c.At, CursorID: c.ID, Lim: n})
	}, func(w dbgen.Withdrawal) (time.Time, uuid.UUID) { return w.CreatedAt, w.ID })
	return rows, next, database.Classify(err)
}
