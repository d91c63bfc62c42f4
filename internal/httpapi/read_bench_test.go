package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/acme/lending/gen/api/client"
	"github.com/acme/lending/internal/apitest"
)

// benchLoan starts a service, signs a borrower in and gives them a
// disbursed loan (the richest view: borrower, outstanding, next due).
func benchLoan(b *testing.B) (*apitest.Env, *apitest.User, string) {
	b.Helper()
	env := apitest.New(b)
	u, admin := env.Register("bench"), env.Admin()
	ap, err := u.C.ApplyLoanWithResponse(ctx, nil, client.ApplyLoanJSONRequestBody{Amount: 1_000_000, TermMonths: 48, Purpose: "Bench"})
	if err != nil || ap.JSON201 == nil {
		b.Fatalf("apply: %v %s", err, ap.Body)
	}
	id := ap.JSON201.Id
	if d, err := admin.C.DecideLoanWithResponse(ctx, id, nil, client.DecideLoanJSONRequestBody{Decision: client.Approve, Reason: "ok"}); err != nil || d.JSON200 == nil {
		b.Fatalf("approve: %v %s", err, d.Body)
	}
	if d, err := u.C.DisburseLoanWithResponse(ctx, id, nil); err != nil || d.JSON200 == nil {
		b.Fatalf("disburse: %v %s", err, d.Body)
	}
	return env, u, "/api/loans/" + id.String()
}

// BenchmarkGetLoan is the whole request path of GET /api/loans/{id}
// through the real handler (middleware, spec validation, token and session
// check, loan query, view building, JSON), without the network.
func BenchmarkGetLoan(b *testing.B) {
	env, u, path := benchLoan(b)
	h := env.App.HTTP
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Authorization", "Bearer "+u.AccessToken)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body)
		}
	}
}

// BenchmarkGetLoanParallel: the same from every core (the server-side cost
// of the read scenario of cmd/lendingbench).
func BenchmarkGetLoanParallel(b *testing.B) {
	env, u, path := benchLoan(b)
	h := env.App.HTTP
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.Header.Set("Authorization", "Bearer "+u.AccessToken)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Errorf("GET %s: %d %s", path, rec.Code, rec.Body)
				return
			}
		}
	})
}

// BenchmarkGetLoanNotFound is the path of a refused read (another user's
// loan): it must not cost more than a served one.
func BenchmarkGetLoanNotFound(b *testing.B) {
	env, _, path := benchLoan(b)
	other := env.Register("other")
	h := env.App.HTTP
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Authorization", "Bearer "+other.AccessToken)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotFound {
			b.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body)
		}
	}
}
