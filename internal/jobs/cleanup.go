package jobs

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	dbgen "github.com/acme/lending/gen/db"
)

// CleanupArgs removes expired sessions and old idempotency records.
type CleanupArgs struct{}

// Kind names the job.
func (CleanupArgs) Kind() string { return "cleanup" }

// CleanupWorker deletes what has expired; deleting twice deletes nothing more.
type CleanupWorker struct {
	river.WorkerDefaults[CleanupArgs]
	pool           *pgxpool.Pool
	idempotencyTTL time.Duration
}

// Work runs the clean-up.
func (w *CleanupWorker) Work(ctx context.Context, _ *river.Job[CleanupArgs]) error {
	q := dbgen.New(w.pool)
	if _, err := q.SessionDeleteExpired(ctx); err != nil {
		return err
	}
	ttl := w.idempotencyTTL
	if ttl < 24*time.Hour {
		ttl = 48 * time.Hour // the contract promises at least 24 h
	}
	_, err := q.IdempotencyDeleteOld(ctx, int32(ttl.Hours()))
	return err
}
