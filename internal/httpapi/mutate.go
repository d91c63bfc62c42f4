package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"

	"github.com/jackc/pgx/v5"

	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/auth"
	"github.com/acme/lending/internal/database"
	"github.com/acme/lending/internal/idempotency"
	"github.com/acme/lending/internal/notify"
)

// mutate runs a state change in one transaction (retried on serialization
// failures). With an Idempotency-Key it reserves the key first, stores the
// JSON reply in the same transaction as the effect, and answers a repeat
// with the stored reply instead of running the effect again.
func mutate[T any](ctx context.Context, s *Server, p auth.Principal, key *string, op string, req any, status int, write func(tx pgx.Tx) (T, error)) (T, *replay, error) {
	var out T
	var ir *idempotency.Request
	if key != nil {
		if !validKey(*key) {
			return out, nil, apperr.Field("Idempotency-Key", "must be 1 to 255 printable ASCII characters")
		}
		body, err := json.Marshal(req)
		if err != nil {
			return out, nil, err
		}
		r := idempotency.Request{UserID: p.UserID, Key: *key, Operation: op, Body: body}
		stored, err := s.idem.Begin(ctx, r)
		if err != nil {
			return out, nil, err
		}
		if stored != nil {
			return out, &replay{*stored}, nil
		}
		ir = &r
	}
	ctx, outbox := notify.WithOutbox(ctx)
	err := database.InTx(ctx, s.pool, func(tx pgx.Tx) error {
		outbox.Reset() // a retried attempt starts with nothing queued
		var err error
		if out, err = write(tx); err != nil {
			return err
		}
		if ir == nil {
			return nil
		}
		var buf bytes.Buffer
		if err := json.NewEncoder(&buf).Encode(out); err != nil {
			return err
		}
		return s.idem.Complete(ctx, tx, *ir, status, buf.Bytes())
	})
	if err != nil && ir != nil {
		s.idem.Release(ctx, *ir) // only drops a reservation whose effect did not commit
	}
	if err == nil {
		if ferr := outbox.Flush(ctx, s.pool); ferr != nil {
			s.log.WarnContext(ctx, "live announcement failed; notifications are stored", "err", ferr)
		}
	}
	return out, nil, err
}

func validKey(k string) bool {
	if k == "" || len(k) > 255 {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 0x20 || k[i] > 0x7e {
			return false
		}
	}
	return true
}

// replay answers with a stored response, byte for byte.
type replay struct{ idempotency.Stored }

func (r replay) write(w http.ResponseWriter) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Idempotency-Replayed", "true")
	w.WriteHeader(r.Status)
	_, err := w.Write(r.Body)
	return err
}

func (r replay) VisitApplyLoanResponse(w http.ResponseWriter) error         { return r.write(w) }
func (r replay) VisitDecideLoanResponse(w http.ResponseWriter) error        { return r.write(w) }
func (r replay) VisitDisburseLoanResponse(w http.ResponseWriter) error      { return r.write(w) }
func (r replay) VisitDepositResponse(w http.ResponseWriter) error           { return r.write(w) }
func (r replay) VisitRepayResponse(w http.ResponseWriter) error             { return r.write(w) }
func (r replay) VisitRequestWithdrawalResponse(w http.ResponseWriter) error { return r.write(w) }
func (r replay) VisitProcessWithdrawalResponse(w http.ResponseWriter) error { return r.write(w) }
func (r replay) VisitCancelWithdrawalResponse(w http.ResponseWriter) error  { return r.write(w) }
