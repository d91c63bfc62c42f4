// Package wallet serves a borrower's wallet: balances, deposits through
// the payment rail, and the history of wallet movements.
package wallet

import (
	"context"
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

// PaymentRail collects incoming money from outside the platform (card,
// bank transfer). Only the rail is simulated here; the ledger is real.
type PaymentRail interface {
	Collect(ctx context.Context, userID uuid.UUID, amount int64, currency string) (reference string, err error)
}

// SimulatedRail accepts every collection at once (development and tests).
type SimulatedRail struct{}

// Collect always succeeds with a fresh reference.
func (SimulatedRail) Collect(context.Context, uuid.UUID, int64, string) (string, error) {
	return "sim_" + uuid.NewString(), nil
}

// Service implements the wallet use cases.
type Service struct {
	q        *dbgen.Queries
	search   *dbgen.Queries // filtered lists (see database.CustomPlans)
	ledger   *ledger.Ledger
	rail     PaymentRail
	currency string
}

// NewService wires the wallet service.
func NewService(pool *pgxpool.Pool, l *ledger.Ledger, rail PaymentRail, currency string) *Service {
	return &Service{q: dbgen.New(pool), search: dbgen.New(database.CustomPlans(pool)), ledger: l, rail: rail, currency: currency}
}

// Balance is a wallet's state.
type Balance struct {
	UserID          uuid.UUID
	Available, Held int64
}

// Get returns the wallet of the caller (or, for staff, of userID).
func (s *Service) Get(ctx context.Context, p auth.Principal, userID *uuid.UUID) (Balance, error) {
	owner := p.UserID
	if userID != nil {
		if !p.CanSee(*userID) {
			return Balance{}, apperr.NotFound("wallet")
		}
		owner = *userID
	}
	_, available, err := ledger.WalletOf(ctx, s.q, owner)
	if err != nil {
		return Balance{}, database.Classify(err)
	}
	held, err := s.q.WithdrawalHeldForUser(ctx, owner)
	return Balance{UserID: owner, Available: available, Held: held}, database.Classify(err)
}

// Deposit collects money through the rail and credits the caller's wallet.
func (s *Service) Deposit(ctx context.Context, tx pgx.Tx, p auth.Principal, amount int64) (dbgen.WalletTransaction, error) {
	if amount <= 0 {
		return dbgen.WalletTransaction{}, apperr.Field("amount", "must be positive")
	}
	ref, err := s.rail.Collect(ctx, p.UserID, amount, s.currency)
	if err != nil {
		return dbgen.WalletTransaction{}, apperr.Unprocessable("payment-declined", "Payment declined", "%s", err.Error())
	}
	q := s.q.WithTx(tx)
	wallet, err := s.ledger.Wallet(ctx, q, p.UserID)
	if err != nil {
		return dbgen.WalletTransaction{}, err
	}
	cash, err := s.ledger.Platform(ctx, q, ledger.KindCash)
	if err != nil {
		return dbgen.WalletTransaction{}, err
	}
	wtx, err := s.ledger.Post(ctx, q, ledger.Movement{
		UserID: p.UserID, Type: ledger.TxDeposit, Wallet: wallet, Description: "Deposit " + ref,
		Transfers: []ledger.Transfer{{Kind: "deposit", Debit: cash, Credit: wallet, Amount: amount}},
	}, s.currency)
	if err != nil {
		return dbgen.WalletTransaction{}, err
	}
	return *wtx, notify.Send(ctx, q, notify.Event{
		UserID: p.UserID, Type: "deposit.posted", Title: "Deposit received",
		Body: ledger.FormatMinor(amount) + " " + s.currency + " was added to your wallet.",
		Data: map[string]any{"transaction_id": wtx.ID, "amount": amount},
	})
}

// Filter narrows Transactions.
type Filter struct {
	UserID, LoanID *uuid.UUID
	Type           *string
	From, To       *time.Time
	Limit          *int32
	Cursor         *string
}

// Transactions pages through wallet movements, newest first.
func (s *Service) Transactions(ctx context.Context, p auth.Principal, f Filter) ([]dbgen.WalletTransaction, *string, error) {
	owner, err := p.ScopeToOwner(f.UserID)
	if err != nil {
		return nil, nil, err
	}
	f.UserID = owner
	rows, next, err := page.Fetch(f.Cursor, f.Limit, func(c page.Cursor, n int32) ([]dbgen.WalletTransaction, error) {
		return s.search.WalletTransactionList(ctx, dbgen.WalletTransactionListParams{
			UserID: f.UserID, LoanID: f.LoanID, Type: f.Type, FromAt: f.From, ToAt: f.To, CursorAt: c.At, CursorID: c.ID, Lim: n,
		})
	}, func(t dbgen.WalletTransaction) (time.Time, uuid.UUID) { return t.CreatedAt, t.ID })
	return rows, next, database.Classify(err)
}
