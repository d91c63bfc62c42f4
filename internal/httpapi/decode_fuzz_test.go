package httpapi_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/acme/lending/gen/api/client"
	"github.com/acme/lending/internal/apitest"
)

// moneyOps are the money endpoints whose bodies are fuzzed.
var moneyOps = []string{"/api/transactions/deposit", "/api/transactions/repay", "/api/withdrawals"}

// FuzzMoneyDecode sends arbitrary bodies (and Idempotency-Keys) to the
// deposit, repay and withdrawal endpoints through the real handler. Any
// input must get either a 2xx whose amount is the one sent, or a 4xx
// problem+json document; never a 5xx. "$LOAN" in a body is replaced by the
// id of a disbursed loan of the caller, so repayments can succeed. The
// ledger invariants are checked when the worker ends.
func FuzzMoneyDecode(f *testing.F) {
	f.Add(byte(0), []byte(`{"amount":50000}`), "")
	f.Add(byte(0), []byte(`{"amount":1}`), "seed-key-1")
	f.Add(byte(0), []byte(`{"amount":0}`), "")
	f.Add(byte(0), []byte(`{"amount":-1}`), "")
	f.Add(byte(0), []byte(`{"amount":1.5}`), "")
	f.Add(byte(0), []byte(`{"amount":100000000001}`), "")
	f.Add(byte(0), []byte(`{"amount":9223372036854775808}`), "")
	f.Add(byte(0), []byte(`{"amount":"100"}`), "")
	f.Add(byte(0), []byte(`{"amount":1000,"amount":0}`), "")
	f.Add(byte(0), []byte(`{"amount":1000,"user_id":"00000000-0000-0000-0000-000000000000"}`), "")
	f.Add(byte(0), []byte(`{"amount":`), "")
	f.Add(byte(0), []byte(`[]`), "")
	f.Add(byte(0), []byte(``), "")
	f.Add(byte(0), []byte(`{"amount":100}{"amount":900000}`), "")
	f.Add(byte(0), []byte(`{"amount":100} trailing`), "")
	f.Add(byte(1), []byte(`{"loan_id":"$LOAN","amount":100}`), "")
	f.Add(byte(1), []byte(`{"loan_id":"$LOAN","amount":99999999999}`), "")
	f.Add(byte(1), []byte(`{"loan_id":"not-a-uuid","amount":100}`), "")
	f.Add(byte(1), []byte(`{"loan_id":"00000000-0000-0000-0000-000000000000","amount":100}`), "")
	f.Add(byte(1), []byte(`{"amount":100}`), "")
	f.Add(byte(2), []byte(`{"amount":100,"destination":"DE89 3704 0044 0532 0130 00"}`), "")
	f.Add(byte(2), []byte(`{"amount":100,"destination":""}`), "")
	f.Add(byte(2), []byte(`{"amount":100,"destination":" "}`), "")
	f.Add(byte(2), []byte(`{"amount":100,"destination":"\ud800"}`), "")
	f.Add(byte(2), []byte(`{"amount":100,"destination":"IBAN","status":"processed"}`), "k")

	env := apitest.New(f)
	u, admin := env.Register("fuzz"), env.Admin()
	ap, err := u.C.ApplyLoanWithResponse(ctx, nil, client.ApplyLoanJSONRequestBody{Amount: 10_000_000, TermMonths: 60, Purpose: "Fuzz"})
	if err != nil || ap.JSON201 == nil {
		f.Fatalf("apply: %v %s", err, ap.Body)
	}
	loan := ap.JSON201.Id.String()
	if d, err := admin.C.DecideLoanWithResponse(ctx, ap.JSON201.Id, nil, client.DecideLoanJSONRequestBody{Decision: client.Approve, Reason: "ok"}); err != nil || d.JSON200 == nil {
		f.Fatalf("approve: %v %s", err, d.Body)
	}
	if d, err := u.C.DisburseLoanWithResponse(ctx, ap.JSON201.Id, nil); err != nil || d.JSON200 == nil {
		f.Fatalf("disburse: %v %s", err, d.Body)
	}
	f.Cleanup(env.CheckLedger)
	h := env.App.HTTP

	f.Fuzz(func(t *testing.T, op byte, body []byte, key string) {
		path := moneyOps[int(op)%len(moneyOps)]
		body = bytes.ReplaceAll(body, []byte("$LOAN"), []byte(loan))
		req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+u.AccessToken)
		req.Header.Set("Content-Type", "application/json")
		if key != "" {
			req.Header.Set("Idempotency-Key", key)
		}
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, req)
		if took := time.Since(start); took > 5*time.Second {
			t.Fatalf("POST %s %q (key %q) took %v: %d %s", path, body, key, took, rec.Code, rec.Body)
		}

		switch {
		case rec.Code >= 500:
			t.Fatalf("POST %s %q (key %q): %d %s", path, body, key, rec.Code, rec.Body)
		case rec.Code >= 400:
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
				t.Fatalf("POST %s %q: %d with content type %q", path, body, rec.Code, ct)
			}
			var p struct {
				Status int `json:"status"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Status != rec.Code {
				t.Fatalf("POST %s %q: %d with a body that is not its problem document: %s", path, body, rec.Code, rec.Body)
			}
		case rec.Code >= 200 && rec.Code < 300:
			var in struct {
				Amount int64 `json:"amount"`
			}
			if err := json.Unmarshal(body, &in); err != nil {
				t.Fatalf("POST %s %q: accepted a body that is not one JSON document: %v; %d %s", path, body, err, rec.Code, rec.Body)
			}
			if in.Amount <= 0 {
				t.Fatalf("POST %s %q: a non-positive amount was accepted: %d %s", path, body, rec.Code, rec.Body)
			}
			if rec.Header().Get("Idempotency-Replayed") == "true" {
				return // the stored reply of an earlier request with this key
			}
			var out struct {
				Amount      int64 `json:"amount"`
				Transaction struct {
					Amount int64 `json:"amount"`
				} `json:"transaction"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
				t.Fatalf("POST %s: reply is not JSON: %s", path, rec.Body)
			}
			got := out.Amount
			if path == "/api/transactions/repay" {
				got = -out.Transaction.Amount
			}
			if got != in.Amount {
				t.Fatalf("POST %s %q: sent amount %d, the reply says %d: %s", path, body, in.Amount, got, rec.Body)
			}
		default:
			t.Fatalf("POST %s %q: unexpected status %d", path, body, rec.Code)
		}
	})
}
