// Package idempotency makes retried POSTs safe. A key is reserved before
// the effect runs; the effect's transaction stores the response with the
// key, so a committed effect always has its stored reply and a replay
// returns it unchanged. A crash between reservation and commit leaves
// only an expiring lock, never a half-done effect.
package idempotency

import (
	"bytes"
	"context"
	"crypto/sha256"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/database"
)

// LockTTL is how long a reservation blocks retries before a crashed
// request's key may be taken over.
const LockTTL = 60 * time.Second

// Request identifies one idempotent call.
type Request struct {
	UserID    uuid.UUID
	Key       string
	Operation string // e.g. "deposit" or "loan.disburse:<id>"
	Body      []byte // canonical request body
}

func (r Request) hash() []byte {
	h := sha256.New()
	h.Write([]byte(r.Operation))
	h.Write([]byte{0})
	h.Write(r.Body)
	return h.Sum(nil)
}

// Stored is a recorded response.
type Stored struct {
	Status int
	Body   []byte
}

// Store keeps keys in PostgreSQL.
type Store struct {
	pool *pgxpool.Pool
	q    *dbgen.Queries
}

// NewStore returns a store.
func NewStore(pool *pgxpool.Pool) *Store { return &Store{pool: pool, q: dbgen.New(pool)} }

// Begin reserves the key. It returns the stored response when the key was
// already completed for the same request; 422 when the key was used for
// another request; 409 while another request with the key is in flight.
func (s *Store) Begin(ctx context.Context, r Request) (*Stored, error) {
	_, err := s.q.IdempotencyReserve(ctx, dbgen.IdempotencyReserveParams{
		UserID: r.UserID, Key: r.Key, Operation: r.Operation, RequestHash: r.hash(), LockSecs: int32(LockTTL.Seconds()),
	})
	if err == nil {
		return nil, nil // reserved: run the effect
	}
	if !database.IsNoRows(err) {
		return nil, database.Classify(err)
	}
	row, err := s.q.IdempotencyGet(ctx, dbgen.IdempotencyGetParams{UserID: r.UserID, Key: r.Key})
	if database.IsNoRows(err) {
		// Released between our insert and read: the caller may retry at once.
		return nil, apperr.Conflict("idempotency-in-flight", "a request with this Idempotency-Key was just abandoned; retry")
	}
	if err != nil {
		return nil, database.Classify(err)
	}
	if !bytes.Equal(row.RequestHash, r.hash()) || row.Operation != r.Operation {
		return nil, apperr.Unprocessable("idempotency-key-reused", "Idempotency-Key reused",
			"this Idempotency-Key was already used for a different request")
	}
	if row.StatusCode == nil {
		e := apperr.Conflict("idempotency-in-flight", "a request with this Idempotency-Key is still being processed")
		// Tell the client when the reservation lapses if its holder died.
		e.RetryAfter = time.Second
		if row.LockedUntil != nil {
			e.RetryAfter = max(time.Second, time.Until(*row.LockedUntil).Round(time.Second))
		}
		return nil, e
	}
	return &Stored{Status: int(*row.StatusCode), Body: row.ResponseBody}, nil
}

// Complete records the response in the effect's transaction.
func (s *Store) Complete(ctx context.Context, tx pgx.Tx, r Request, status int, body []byte) error {
	code := int32(status)
	return s.q.WithTx(tx).IdempotencyComplete(ctx, dbgen.IdempotencyCompleteParams{
		UserID: r.UserID, Key: r.Key, StatusCode: &code, ResponseBody: body,
	})
}

// Release drops a reservation whose effect failed (nothing was committed),
// so the client can retry with the same key.
func (s *Store) Release(ctx context.Context, r Request) {
	_ = s.q.IdempotencyRelease(context.WithoutCancel(ctx), dbgen.IdempotencyReleaseParams{UserID: r.UserID, Key: r.Key})
}

// DeleteOlderThan removes keys older than the retention period.
func (s *Store) DeleteOlderThan(ctx context.Context, d time.Duration) (int64, error) {
	return s.q.IdempotencyDeleteOld(ctx, int32(d.Hours()))
}
