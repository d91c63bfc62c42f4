package jobs

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/database"
	"github.com/acme/lending/internal/notify"
)

// SweepArgs is the daily delinquency sweep.
type SweepArgs struct{}

// Kind names the job.
func (SweepArgs) Kind() string { return "delinquency_sweep" }

// SweepWorker marks installments overdue once their due date has passed,
// refreshes days past due and tells the borrower. Only installments that
// change from due to overdue are announced, so a second run in the same
// day changes and announces nothing.
type SweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	pool *pgxpool.Pool
	now  func() time.Time
}

// Work runs the sweep.
func (w *SweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	_, err := Sweep(ctx, w.pool, w.now())
	return err
}

// Sweep marks what is overdue at now and returns how many installments changed.
func Sweep(ctx context.Context, pool *pgxpool.Pool, now time.Time) (int, error) {
	today := now.UTC().Truncate(24 * time.Hour)
	var changed int
	err := database.InTx(ctx, pool, func(tx pgx.Tx) error {
		q := dbgen.New(tx)
		if err := q.LoanLockFallingDue(ctx, today); err != nil {
			return err
		}
		rows, err := q.InstallmentMarkOverdue(ctx, today)
		if err != nil {
			return err
		}
		changed = len(rows)
		seen := map[uuid.UUID]bool{}
		var loans []uuid.UUID
		for _, r := range rows {
			if !seen[r.LoanID] {
				seen[r.LoanID] = true
				loans = append(loans, r.LoanID)
			}
		}
		if len(loans) == 0 {
			return nil
		}
		marked, err := q.LoanMarkDaysPastDue(ctx, dbgen.LoanMarkDaysPastDueParams{Today: today, LoanIds: loans})
		if err != nil {
			return err
		}
		for _, l := range marked {
			if err := notify.Send(ctx, q, notify.Event{
				UserID: l.UserID, Type: "loan.overdue", Title: "Payment overdue on loan " + l.Number,
				Body: "An installment of loan " + l.Number + " is past due. Please repay from your wallet to avoid further delay.",
				Data: map[string]any{"loan_id": l.ID, "number": l.Number, "days_past_due": l.DaysPastDue},
			}); err != nil {
				return err
			}
		}
		return nil
	})
	return changed, err
}
