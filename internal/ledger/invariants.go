package ledger

import (
	"context"
	"fmt"

	dbgen "github.com/acme/lending/gen/db"
)

// CheckInvariants verifies the ledger: every maintained balance equals the
// sum of its transfers, and no wallet or receivable has the wrong sign
// (the CHECK constraints make the latter impossible; this proves it).
// Tests call it after every scenario; operators can too.
func CheckInvariants(ctx context.Context, q *dbgen.Queries) error {
	rows, err := q.LedgerCheckAccounts(ctx)
	if err != nil {
		return err
	}
	var sum int64
	for _, r := range rows {
		if r.Balance != r.Derived {
			return fmt.Errorf("account %s (%s): balance %d but transfers sum to %d", r.ID, r.Kind, r.Balance, r.Derived)
		}
		if r.Kind == KindWallet && r.Balance < 0 {
			return fmt.Errorf("wallet %s is negative: %d", r.ID, r.Balance)
		}
		if r.Kind == KindReceivable && r.Balance > 0 {
			return fmt.Errorf("receivable %s is positive: %d", r.ID, r.Balance)
		}
		sum += r.Balance
	}
	for _, k := range []string{KindCash, KindPendingPayouts, KindInterestIncome} {
		id, err := q.LedgerPlatformAccountID(ctx, k)
		if err != nil {
			return err
		}
		b, err := q.LedgerPlatformBalance(ctx, id)
		if err != nil {
			return err
		}
		if k == KindPendingPayouts && b < 0 {
			return fmt.Errorf("pending payouts negative: %d", b)
		}
		sum += b
	}
	if sum != 0 {
		return fmt.Errorf("ledger does not balance: accounts sum to %d", sum)
	}
	return nil
}
