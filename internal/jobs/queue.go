// Package jobs runs the platform's background work on River, inside
// PostgreSQL: jobs are inserted in the same transaction as the change that
// causes them, every worker is idempotent (running a job twice has one
// effect), and several instances share the queue safely.
package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"
)

// Config tunes the queue.
type Config struct {
	Workers        int
	Sender         Sender
	Currency       string
	Now            func() time.Time
	SweepEvery     time.Duration // delinquency sweep period (daily)
	EmailEvery     time.Duration // e-mail outbox period
	CleanupEvery   time.Duration // expired sessions and old idempotency keys
	IdempotencyTTL time.Duration
	FetchPoll      time.Duration // 0: River's default
}

// Queue inserts and works jobs.
type Queue struct {
	client *river.Client[pgx.Tx]
	log    *slog.Logger
}

// New builds the queue and registers every worker.
func New(pool *pgxpool.Pool, log *slog.Logger, cfg Config) (*Queue, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Sender == nil {
		cfg.Sender = LogSender{Log: log}
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &ContractWorker{pool: pool, currency: cfg.Currency})
	river.AddWorker(workers, &SweepWorker{pool: pool, now: cfg.Now})
	river.AddWorker(workers, &EmailWorker{pool: pool, sender: cfg.Sender})
	river.AddWorker(workers, &CleanupWorker{pool: pool, idempotencyTTL: cfg.IdempotencyTTL})

	every := func(d, def time.Duration) time.Duration {
		if d > 0 {
			return d
		}
		return def
	}
	rc := &river.Config{
		Logger:  log,
		Queues:  map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}},
		Workers: workers,
		PeriodicJobs: []*river.PeriodicJob{
			river.NewPeriodicJob(river.PeriodicInterval(every(cfg.SweepEvery, 24*time.Hour)),
				func() (river.JobArgs, *river.InsertOpts) { return SweepArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true}),
			river.NewPeriodicJob(river.PeriodicInterval(every(cfg.EmailEvery, 15*time.Second)),
				func() (river.JobArgs, *river.InsertOpts) { return EmailArgs{}, nil }, nil),
			river.NewPeriodicJob(river.PeriodicInterval(every(cfg.CleanupEvery, time.Hour)),
				func() (river.JobArgs, *river.InsertOpts) { return CleanupArgs{}, nil }, nil),
		},
		JobTimeout:           2 * time.Minute,
		RescueStuckJobsAfter: 5 * time.Minute,
	}
	if cfg.FetchPoll > 0 {
		rc.FetchPollInterval = cfg.FetchPoll
		rc.FetchCooldown = cfg.FetchPoll / 2
	}
	client, err := river.NewClient(riverpgxv5.New(pool), rc)
	if err != nil {
		return nil, err
	}
	return &Queue{client: client, log: log}, nil
}

// Start works jobs until Stop.
func (q *Queue) Start(ctx context.Context) error { return q.client.Start(ctx) }

// Stop lets running jobs finish (until ctx ends); unfinished ones are left
// for another instance to pick up.
func (q *Queue) Stop(ctx context.Context) error { return q.client.Stop(ctx) }

// Kill stops at once, cancelling running jobs: their transactions roll
// back and River retries them (on this or another instance), as after a crash.
func (q *Queue) Kill(ctx context.Context) error { return q.client.StopAndCancel(ctx) }

// EnqueueContract schedules rendering of a loan's contract in tx.
func (q *Queue) EnqueueContract(ctx context.Context, tx pgx.Tx, loanID uuid.UUID) error {
	_, err := q.client.InsertTx(ctx, tx, ContractArgs{LoanID: loanID}, nil)
	return err
}

// Insert schedules a job now (operators and tests).
func (q *Queue) Insert(ctx context.Context, args river.JobArgs) (*rivertype.JobRow, error) {
	res, err := q.client.Insert(ctx, args, nil)
	if err != nil {
		return nil, err
	}
	return res.Job, nil
}

// Job is a job as shown to staff.
type Job = rivertype.JobRow

// List returns jobs newest first, optionally in one state.
func (q *Queue) List(ctx context.Context, state string, limit int) ([]*Job, error) {
	p := river.NewJobListParams().First(limit).OrderBy(river.JobListOrderByTime, river.SortOrderDesc)
	if state != "" {
		p = p.States(rivertype.JobState(state))
	}
	res, err := q.client.JobList(ctx, p)
	if err != nil {
		return nil, err
	}
	return res.Jobs, nil
}

// Get returns one job.
func (q *Queue) Get(ctx context.Context, id int64) (*Job, error) { return q.client.JobGet(ctx, id) }
