package securitytest_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/acme/lending/internal/apitest"
)

// API3 Broken Object Property Level Authorization (mass assignment): the
// fields a borrower must never set are refused as unknown (422) in every
// body that creates or changes something, and nothing changes.
func TestMassAssignment(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	w := newWorld(t, env)
	tok := w.attacker.AccessToken
	own := must(t, env, 201, req{method: "POST", path: "/api/loans", token: tok,
		body: map[string]any{"amount": 100_000, "term_months": 12, "purpose": "own"}}).id(t)
	before := digest(t, env)

	apply := func(extra map[string]any) map[string]any {
		b := map[string]any{"amount": 100_000, "term_months": 12, "purpose": "x"}
		for k, v := range extra {
			b[k] = v
		}
		return b
	}
	victim := w.victim.ID.String()
	attempts := []req{
		{method: "POST", path: "/api/loans", body: apply(map[string]any{"status": "approved"})},
		{method: "POST", path: "/api/loans", body: apply(map[string]any{"status": "disbursed"})},
		{method: "POST", path: "/api/loans", body: apply(map[string]any{"user_id": victim})},
		{method: "POST", path: "/api/loans", body: apply(map[string]any{"annual_rate_bps": 0})},
		{method: "POST", path: "/api/loans", body: apply(map[string]any{"monthly_payment": 1})},
		{method: "POST", path: "/api/loans", body: apply(map[string]any{"principal_paid": 100_000})},
		{method: "POST", path: "/api/loans", body: apply(map[string]any{"id": own.String()})},
		{method: "POST", path: "/api/loans", body: apply(map[string]any{"decided_by": w.admin.ID.String()})},
		{method: "POST", path: "/api/loans", body: apply(map[string]any{"Status": "approved"})},
		{method: "PUT", path: "/api/loans/" + own.String(), body: map[string]any{"status": "approved"}},
		{method: "PUT", path: "/api/loans/" + own.String(), body: map[string]any{"purpose": "y", "annual_rate_bps": 0}},
		{method: "PUT", path: "/api/loans/" + own.String(), body: map[string]any{"purpose": "y", "user_id": victim}},
		{method: "PUT", path: "/api/loans/" + own.String(), body: map[string]any{"purpose": "y", "interest_paid": 1}},
		{method: "PUT", path: "/api/users/" + w.attacker.ID.String(), body: map[string]any{"full_name": "x", "balance": 1_000_000}},
		{method: "PUT", path: "/api/users/" + w.attacker.ID.String(), body: map[string]any{"full_name": "x", "password_hash": "x"}},
		{method: "PUT", path: "/api/users/" + w.attacker.ID.String(), body: map[string]any{"full_name": "x", "id": victim}},
		{method: "POST", path: "/api/transactions/deposit", body: map[string]any{"amount": 1_000, "user_id": victim}},
		{method: "POST", path: "/api/transactions/deposit", body: map[string]any{"amount": 1_000, "balance": 1_000_000_000}},
		{method: "POST", path: "/api/transactions/deposit", body: map[string]any{"amount": 1_000, "currency": "EUR"}},
		{method: "POST", path: "/api/transactions/deposit", body: map[string]any{"amount": 1_000, "type": "disbursement"}},
		{method: "POST", path: "/api/transactions/repay", body: map[string]any{"loan_id": w.attackerDisbursed.String(), "amount": 1_000, "user_id": victim}},
		{method: "POST", path: "/api/withdrawals", body: map[string]any{"amount": 1_000, "destination": "x", "status": "processed"}},
		{method: "POST", path: "/api/withdrawals", body: map[string]any{"amount": 1_000, "destination": "x", "user_id": victim}},
		{method: "POST", path: "/api/auth/register", body: map[string]any{"email": "new@example.com", "password": "long-enough-1", "full_name": "x", "status": "active"}},
	}
	for _, a := range attempts {
		if a.path != "/api/auth/register" {
			a.token = tok
		}
		expectProblem(t, fmt.Sprintf("%s %s %v", a.method, a.path, a.body), send(t, env, a), 422)
	}
	// Staff bodies are just as closed: a decision cannot carry loan terms.
	expectProblem(t, "decision with loan terms", send(t, env, req{method: "POST", path: "/api/loans/" + own.String() + "/approve",
		token: w.admin.AccessToken, body: map[string]any{"decision": "approve", "reason": "ok", "amount": 100_000_000}}), 422)
	unchanged(t, env, before)
}

// API4/API6: amounts that are zero, negative, fractional, beyond the
// maximum, or not numbers at all are refused on every money endpoint, and
// nothing moves.
func TestInvalidAmounts(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	w := newWorld(t, env)
	tok := w.attacker.AccessToken
	own := must(t, env, 201, req{method: "POST", path: "/api/loans", token: tok,
		body: map[string]any{"amount": 100_000, "term_months": 12, "purpose": "own"}}).id(t)
	before := digest(t, env)
	loan := w.attackerDisbursed.String()
	endpoints := []struct {
		method, path string
		body         func(amount string) string
	}{
		{"POST", "/api/transactions/deposit", func(a string) string { return `{"amount":` + a + `}` }},
		{"POST", "/api/transactions/repay", func(a string) string { return `{"loan_id":"` + loan + `","amount":` + a + `}` }},
		{"POST", "/api/withdrawals", func(a string) string { return `{"amount":` + a + `,"destination":"IBAN"}` }},
		{"POST", "/api/loans", func(a string) string { return `{"amount":` + a + `,"term_months":12,"purpose":"x"}` }},
		{"PUT", "/api/loans/" + own.String(), func(a string) string { return `{"amount":` + a + `}` }},
		{"POST", "/api/loans/quote", func(a string) string { return `{"amount":` + a + `,"term_months":12}` }},
	}
	// Every one of these breaks the schema (PositiveMoney: integer 1..1e11): 422.
	invalid := []string{"0", "-1", "-100000", "-0", "1.5", "0.01", "99.999", "100000000001", "1e20",
		"9223372036854775807", "9223372036854775808", "-9223372036854775809", `"100"`, "true", "null", "[100]", `{"value":100}`}
	// Integer values spelled as floats: refused, as 400 or 422 (never accepted, never 500).
	spelled := []string{"1e3", "1000.0", "1E3"}
	for _, e := range endpoints {
		for _, a := range invalid {
			got := send(t, env, req{method: e.method, path: e.path, token: tok, body: e.body(a)})
			expectProblem(t, e.method+" "+e.path+" amount "+a, got, 422)
		}
		for _, a := range spelled {
			got := send(t, env, req{method: e.method, path: e.path, token: tok, body: e.body(a)})
			if got.Status != 400 && got.Status != 422 {
				t.Errorf("%s %s amount %s: got %s, want 400 or 422", e.method, e.path, a, got)
			}
			if leak := leaks(got.Body); leak != "" {
				t.Errorf("%s %s amount %s: body reveals %q: %s", e.method, e.path, a, leak, got.Body)
			}
		}
		// A duplicate key must be read the same way by the validator and the
		// handler (the last one wins in both): a valid first value cannot
		// smuggle an invalid second one past validation.
		dup := strings.Replace(e.body("1000"), `"amount":1000`, `"amount":1000,"amount":0`, 1)
		expectProblem(t, e.method+" "+e.path+" duplicate amount", send(t, env, req{method: e.method, path: e.path, token: tok, body: dup}), 422)
	}
	// Within the schema but outside the product's terms: 422 from the domain.
	for _, a := range []string{"9999", "100000001"} {
		expectProblem(t, "apply amount "+a, send(t, env, req{method: "POST", path: "/api/loans", token: tok,
			body: `{"amount":` + a + `,"term_months":12,"purpose":"x"}`}), 422)
	}
	for _, term := range []string{"0", "-12", "601", "12.5", `"12"`} {
		expectProblem(t, "apply term "+term, send(t, env, req{method: "POST", path: "/api/loans", token: tok,
			body: `{"amount":100000,"term_months":` + term + `,"purpose":"x"}`}), 422)
	}
	unchanged(t, env, before)
	env.CheckLedger()
}

// API4 Unrestricted Resource Consumption: page sizes are capped (422 above
// 100), cursors are bounded and checked, bodies are limited (413, also
// when sent chunked), and only the documented media types are read (415).
func TestResourceLimits(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	w := newWorld(t, env)
	tok, admin := w.attacker.AccessToken, w.admin.AccessToken
	lists := map[string]string{
		"/api/loans": tok, "/api/transactions": tok, "/api/withdrawals": tok, "/api/notifications": tok,
		"/api/users": admin, "/api/admin/jobs": admin,
	}
	for path, token := range lists {
		for _, q := range []string{"limit=1000", "limit=101", "limit=0", "limit=-1", "limit=2147483648", "limit=1e3"} {
			got := send(t, env, req{method: "GET", path: path + "?" + q, token: token})
			if got.Status != 422 && got.Status != 400 {
				t.Errorf("GET %s?%s: got %s, want 422 (or 400)", path, q, got)
			}
		}
		if path == "/api/admin/jobs" {
			continue // no cursor parameter
		}
		expectProblem(t, "GET "+path+" oversized cursor", send(t, env, req{method: "GET", path: path + "?cursor=" + strings.Repeat("A", 201), token: token}), 422)
		expectProblem(t, "GET "+path+" forged cursor", send(t, env, req{method: "GET", path: path + "?cursor=Zm9vYmFy", token: token}), 422)
		got := must(t, env, 200, req{method: "GET", path: path + "?limit=100", token: token})
		if items, _ := got.json()["items"].([]any); len(items) > 100 {
			t.Errorf("GET %s?limit=100 returned %d items", path, len(items))
		}
	}

	before := digest(t, env)
	limit := env.App.Config.MaxBodyBytes
	padded := `{"amount":100` + strings.Repeat(" ", int(limit)) + `}`
	expectProblem(t, "oversized deposit", send(t, env, req{method: "POST", path: "/api/transactions/deposit", token: tok, body: padded}), 413)
	// No Content-Length: the limit must hold on the stream itself.
	chunked := io.MultiReader(strings.NewReader(`{"amount":100`), strings.NewReader(strings.Repeat(" ", int(limit))), strings.NewReader(`}`))
	expectProblem(t, "oversized chunked deposit", send(t, env, req{method: "POST", path: "/api/transactions/deposit", token: tok, body: chunked}), 413)
	expectProblem(t, "oversized login form", send(t, env, req{method: "POST", path: "/api/auth/login", ctype: "application/x-www-form-urlencoded",
		body: "username=a%40example.com&password=" + strings.Repeat("x", int(limit))}), 413)
	expectProblem(t, "oversized loan purpose", send(t, env, req{method: "POST", path: "/api/loans", token: tok,
		body: `{"amount":100000,"term_months":12,"purpose":"` + strings.Repeat("x", int(limit)) + `"}`}), 413)

	for _, ct := range []string{"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/javascript"} {
		got := send(t, env, req{method: "POST", path: "/api/transactions/deposit", token: tok, ctype: ct, body: `{"amount":100}`})
		expectProblem(t, "deposit as "+ct, got, 415)
	}
	got := send(t, env, req{method: "POST", path: "/api/withdrawals", token: tok, ctype: "text/plain", body: `{"amount":100,"destination":"x"}`})
	expectProblem(t, "withdrawal as text/plain", got, 415)
	unchanged(t, env, before)
	// The control: the same deposit with JSON (and a charset) is accepted.
	must(t, env, 201, req{method: "POST", path: "/api/transactions/deposit", token: tok, ctype: "application/json; charset=utf-8", body: `{"amount":100}`})
}

// Text the database cannot store (a NUL, bytes that are not UTF-8) is a
// client error, never a 500: the request is refused with a 4xx problem
// and nothing is stored.
func TestUnstorableTextIsRefused(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	w := newWorld(t, env)
	tok := w.attacker.AccessToken
	own := must(t, env, 201, req{method: "POST", path: "/api/loans", token: tok,
		body: map[string]any{"amount": 100_000, "term_months": 12, "purpose": "own"}}).id(t)
	before := digest(t, env)
	nul := `a\u0000b`
	attempts := []req{
		{method: "POST", path: "/api/loans", token: tok, body: `{"amount":100000,"term_months":12,"purpose":"` + nul + `"}`},
		{method: "PUT", path: "/api/loans/" + own.String(), token: tok, body: `{"purpose":"` + nul + `"}`},
		{method: "POST", path: "/api/withdrawals", token: tok, body: `{"amount":100,"destination":"` + nul + `"}`},
		{method: "PUT", path: "/api/users/" + w.attacker.ID.String(), token: tok, body: `{"full_name":"` + nul + `"}`},
		{method: "POST", path: "/api/auth/register", body: `{"email":"nul@example.com","password":"long-enough-1","full_name":"` + nul + `"}`},
		{method: "POST", path: "/api/auth/login", body: `{"email":"nul` + `\u0000` + `@example.com","password":"x"}`},
		{method: "POST", path: "/api/loans/" + w.submitted.String() + "/approve", token: w.admin.AccessToken, body: `{"decision":"reject","reason":"` + nul + `"}`},
		{method: "POST", path: "/api/withdrawals/" + w.withdrawal.String() + "/cancel", token: w.admin.AccessToken, body: `{"reason":"` + nul + `"}`},
		// Bytes that are not UTF-8 where no JSON decoder cleans them up:
		// a header, a form field, a query parameter.
		{method: "POST", path: "/api/transactions/deposit", token: tok, body: `{"amount":100}`, header: map[string]string{"Idempotency-Key": "key-\xf8"}},
		{method: "POST", path: "/api/auth/login", ctype: "application/x-www-form-urlencoded", body: "username=%FF%FE&password=whatever"},
		{method: "POST", path: "/api/auth/login", ctype: "application/x-www-form-urlencoded", body: "username=a%00b&password=whatever"},
		{method: "GET", path: "/api/users?q=%FF", token: w.admin.AccessToken},
		{method: "GET", path: "/api/users?q=a%00b", token: w.admin.AccessToken},
	}
	for _, a := range attempts {
		got := send(t, env, a)
		switch got.Status {
		case 200:
			if a.method != "GET" {
				t.Errorf("%s %s with unstorable text was accepted: %s", a.method, a.path, got)
			}
		case 400, 401, 409, 422:
			expectProblem(t, a.method+" "+a.path+" with unstorable text", got, got.Status)
		default:
			t.Errorf("%s %s with unstorable text: got %s, want a 4xx problem", a.method, a.path, got)
		}
	}
	unchanged(t, env, before)
}
