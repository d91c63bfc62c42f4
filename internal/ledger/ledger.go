// Package ledger is the only way money moves: every movement is a set of
// immutable double-entry transfers, applied to guarded account balances
// in the caller's database transaction.
package ledger

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/google/uuid"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/database"
)

// Account kinds. Wallets and loan receivables keep a running balance
// (guarded by CHECKs); platform accounts are busy rows shared by every
// request, so their balance is derived from transfers instead of being
// updated on each movement (no hot-row lock serialising all deposits).
const (
	KindWallet         = "wallet"
	KindReceivable     = "loan_receivable"
	KindCash           = "cash"
	KindPendingPayouts = "pending_payouts"
	KindInterestIncome = "interest_income"
)

// Transaction types shown to users.
const (
	TxDeposit            = "deposit"
	TxDisbursement       = "disbursement"
	TxWithdrawal         = "withdrawal"
	TxWithdrawalReversal = "withdrawal_reversal"
	TxRepayment          = "repayment"
)

// Account is a ledger account reference.
type Account struct {
	ID   uuid.UUID
	Kind string
}

func (a Account) maintained() bool { return a.Kind == KindWallet || a.Kind == KindReceivable }

// Transfer moves Amount from Debit to Credit.
type Transfer struct {
	Kind          string
	Debit, Credit Account
	Amount        int64
}

// Movement is one posting: its transfers and, when a wallet is touched,
// the user-visible transaction recorded with them.
type Movement struct {
	UserID       uuid.UUID
	Type         string // wallet transaction type; empty when no wallet is touched
	Wallet       Account
	LoanID       *uuid.UUID
	WithdrawalID *uuid.UUID
	Description  string
	Transfers    []Transfer
}

// Ledger posts movements. Platform and wallet account ids never change
// once created, so each is looked up once per process.
type Ledger struct {
	mu       sync.Mutex
	platform map[string]Account
	wallets  map[uuid.UUID]Account
}

// maxCachedWallets bounds the wallet-id cache; past it, it starts afresh.
const maxCachedWallets = 200_000

// New returns a ledger.
func New() *Ledger {
	return &Ledger{platform: map[string]Account{}, wallets: map[uuid.UUID]Account{}}
}

// ErrInsufficientFunds is answered when a wallet would go negative.
func ErrInsufficientFunds(available, requested int64, currency string) error {
	return apperr.Unprocessable("insufficient-funds", "Insufficient funds",
		"the available balance is %s %s; %s %s was requested",
		FormatMinor(available), currency, FormatMinor(requested), currency)
}

// FormatMinor renders cents for people, with thousands separators
// (1234567 -> "12,345.67").
func FormatMinor(v int64) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	units := strconv.FormatInt(v/100, 10)
	for i := len(units) - 3; i > 0; i -= 3 {
		units = units[:i] + "," + units[i:]
	}
	return fmt.Sprintf("%s%s.%02d", sign, units, v%100)
}

// Platform returns a platform account by kind, looked up once and then
// cached (a failed lookup, e.g. while the database is down, is retried).
func (l *Ledger) Platform(ctx context.Context, q *dbgen.Queries, kind string) (Account, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if a, ok := l.platform[kind]; ok {
		return a, nil
	}
	id, err := q.LedgerPlatformAccountID(ctx, kind)
	if err != nil {
		return Account{}, fmt.Errorf("platform account %s: %w", kind, err)
	}
	a := Account{ID: id, Kind: kind}
	l.platform[kind] = a
	return a, nil
}

// Wallet returns a user's wallet account (without its balance, which
// Post returns when it changes it).
func (l *Ledger) Wallet(ctx context.Context, q *dbgen.Queries, userID uuid.UUID) (Account, error) {
	l.mu.Lock()
	a, ok := l.wallets[userID]
	l.mu.Unlock()
	if ok {
		return a, nil
	}
	a, _, err := WalletOf(ctx, q, userID)
	if err != nil {
		return Account{}, err
	}
	l.mu.Lock()
	if len(l.wallets) >= maxCachedWallets {
		clear(l.wallets)
	}
	l.wallets[userID] = a
	l.mu.Unlock()
	return a, nil
}

// OpenWallet creates a user's wallet account.
func OpenWallet(ctx context.Context, q *dbgen.Queries, userID uuid.UUID) error {
	_, err := q.LedgerAccountCreate(ctx, dbgen.LedgerAccountCreateParams{Kind: KindWallet, UserID: &userID})
	return err
}

// OpenReceivable creates the receivable account of a loan.
func OpenReceivable(ctx context.Context, q *dbgen.Queries, userID, loanID uuid.UUID) (Account, error) {
	id, err := q.LedgerAccountCreate(ctx, dbgen.LedgerAccountCreateParams{Kind: KindReceivable, UserID: &userID, LoanID: &loanID})
	return Account{ID: id, Kind: KindReceivable}, err
}

// WalletOf returns a user's wallet account and balance.
func WalletOf(ctx context.Context, q *dbgen.Queries, userID uuid.UUID) (Account, int64, error) {
	w, err := q.LedgerWalletGet(ctx, &userID)
	if database.IsNoRows(err) {
		return Account{}, 0, apperr.NotFound("wallet")
	}
	return Account{ID: w.ID, Kind: KindWallet}, w.Balance, err
}

// ReceivableOf returns a loan's receivable account and balance.
func ReceivableOf(ctx context.Context, q *dbgen.Queries, loanID uuid.UUID) (Account, int64, error) {
	r, err := q.LedgerReceivableGet(ctx, &loanID)
	return Account{ID: r.ID, Kind: KindReceivable}, r.Balance, err
}

// Post applies a movement inside the caller's transaction. Balances are
// changed in account-id order so concurrent postings cannot deadlock; a
// wallet that would go negative fails the whole movement with 422.
func (l *Ledger) Post(ctx context.Context, q *dbgen.Queries, m Movement, currency string) (*dbgen.WalletTransaction, error) {
	deltas := map[uuid.UUID]int64{}
	kinds := map[uuid.UUID]Account{}
	for _, t := range m.Transfers {
		if t.Amount <= 0 {
			return nil, fmt.Errorf("ledger: non-positive transfer %d", t.Amount)
		}
		deltas[t.Debit.ID] -= t.Amount
		deltas[t.Credit.ID] += t.Amount
		kinds[t.Debit.ID], kinds[t.Credit.ID] = t.Debit, t.Credit
	}
	ids := make([]uuid.UUID, 0, len(deltas))
	for id := range deltas {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })

	var walletAfter int64
	for _, id := range ids {
		acct, delta := kinds[id], deltas[id]
		if !acct.maintained() || delta == 0 {
			continue
		}
		bal, err := q.LedgerAccountAdjust(ctx, dbgen.LedgerAccountAdjustParams{ID: id, Delta: delta})
		if database.IsNoRows(err) {
			if acct.Kind == KindWallet {
				cur, _ := q.LedgerWalletGet(ctx, &m.UserID)
				return nil, ErrInsufficientFunds(cur.Balance, -delta, currency)
			}
			return nil, apperr.Unprocessable("exceeds-balance", "Amount too large", "the amount exceeds what is owed")
		}
		if err != nil {
			return nil, err
		}
		if id == m.Wallet.ID {
			walletAfter = bal
		}
	}

	var wtx *dbgen.WalletTransaction
	if m.Type != "" {
		var desc *string
		if m.Description != "" {
			desc = &m.Description
		}
		row, err := q.WalletTransactionCreate(ctx, dbgen.WalletTransactionCreateParams{
			UserID: m.UserID, Type: m.Type, Amount: deltas[m.Wallet.ID], BalanceAfter: walletAfter,
			LoanID: m.LoanID, WithdrawalID: m.WithdrawalID, Description: desc,
		})
		if err != nil {
			return nil, err
		}
		wtx = &row
	}
	for _, t := range m.Transfers {
		var wtxID *uuid.UUID
		if wtx != nil {
			wtxID = &wtx.ID
		}
		if err := q.LedgerTransferCreate(ctx, dbgen.LedgerTransferCreateParams{
			Kind: t.Kind, DebitAccountID: t.Debit.ID, CreditAccountID: t.Credit.ID, Amount: t.Amount,
			WalletTransactionID: wtxID, UserID: &m.UserID, LoanID: m.LoanID, WithdrawalID: m.WithdrawalID,
		}); err != nil {
			return nil, err
		}
	}
	return wtx, nil
}
