// Package database opens the pgx pool and runs transactions with bounded
// retries of serialization failures and deadlocks.
package database

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/lending/internal/apperr"
)

// Open connects a pool. Statements are prepared once per connection and
// PostgreSQL's default plan caching applies; queries with optional filters
// go through CustomPlans.
func Open(ctx context.Context, dsn string, maxConns int32) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse DATABASE_URL: %w", err)
	}
	if maxConns > 0 {
		cfg.MaxConns = maxConns
	}
	cfg.ConnConfig.RuntimeParams["timezone"] = "UTC"
	cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect database: %w", err)
	}
	return pool, nil
}

// MaxAttempts bounds how often a transaction is retried after a
// serialization failure or deadlock.
const MaxAttempts = 8

// InTx runs fn in a transaction and commits it, retrying the whole
// function when PostgreSQL reports 40001 or 40P01.
func InTx(ctx context.Context, pool *pgxpool.Pool, fn func(tx pgx.Tx) error) error {
	var err error
	for attempt := 1; attempt <= MaxAttempts; attempt++ {
		err = runOnce(ctx, pool, fn)
		if err == nil || !IsRetryable(err) {
			return Classify(err)
		}
		// Short jittered backoff so racing transactions drift apart.
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(attempt*attempt) * time.Millisecond):
		}
	}
	return apperr.Conflict("contention", "the request lost a race with a concurrent one; retry it")
}

func runOnce(ctx context.Context, pool *pgxpool.Pool, fn func(tx pgx.Tx) error) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback(ctx) }()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// IsRetryable reports a serialization failure or deadlock.
func IsRetryable(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "40001" || pgErr.Code == "40P01"
	}
	return false
}

// IsUniqueViolation reports a unique constraint violation (optionally of a named constraint).
func IsUniqueViolation(err error, constraint string) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		return constraint == "" || pgErr.ConstraintName == constraint
	}
	return false
}

// IsNoRows reports pgx.ErrNoRows.
func IsNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }

// Classify turns infrastructure failures the client should see as such
// (database unreachable) into domain errors; others pass unchanged.
func Classify(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := apperr.As(err); ok {
		return err
	}
	var connErr *pgconn.ConnectError
	if errors.As(err, &connErr) || pgconn.SafeToRetry(err) || errors.Is(err, context.DeadlineExceeded) {
		return apperr.Unavailable("the database is not reachable; retry shortly")
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch {
		case pgErr.Code == "57P01" || pgErr.Code == "57P03" || pgErr.Code[:2] == "08":
			return apperr.Unavailable("the database is restarting; retry shortly")
		case pgErr.Code == "23505":
			// A duplicate the code did not expect (its own checks answer first):
			// still the caller's conflict, never a 500.
			return apperr.Conflict("duplicate", "the request conflicts with an existing record")
		case pgErr.Code[:2] == "22":
			// Data exceptions (a NUL byte or invalid UTF-8 in text, a value out of
			// range) are the client's input, never a server fault.
			return apperr.Unprocessable("invalid-input", "Invalid input", "a value in the request cannot be stored (invalid characters or out of range)")
		}
	}
	return err
}

// Querier is what the generated queries run on (a pool, a connection or a
// transaction).
type Querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	CopyFrom(ctx context.Context, table pgx.Identifier, columns []string, rows pgx.CopyFromSource) (int64, error)
}

// CustomPlans runs each query on db planned for its actual arguments. A
// search with optional filters (`$1 IS NULL OR user_id = $1`) must be: the
// generic plan that PostgreSQL may cache for a prepared statement after a
// few runs cannot know which filters are set, and may walk a whole index
// for one borrower's loans. Sending such queries as unnamed statements
// (pgx's cache-describe mode, still one round trip) makes PostgreSQL plan
// every execution afresh, while keyed statements everywhere else keep
// their cached plans.
func CustomPlans(db Querier) Querier { return customPlans{db} }

type customPlans struct{ db Querier }

func withMode(args []any) []any {
	return append([]any{pgx.QueryExecModeCacheDescribe}, args...)
}

func (c customPlans) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	return c.db.Exec(ctx, sql, withMode(args)...)
}

func (c customPlans) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	return c.db.Query(ctx, sql, withMode(args)...)
}

func (c customPlans) CopyFrom(ctx context.Context, table pgx.Identifier, columns []string, rows pgx.CopyFromSource) (int64, error) {
	return c.db.CopyFrom(ctx, table, columns, rows)
}

func (c customPlans) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	return c.db.QueryRow(ctx, sql, withMode(args)...)
}
