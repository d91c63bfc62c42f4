// Package securitytest attacks a running server (the real HTTP stack on a
// database of its own, see apitest) the way an outsider would, following
// the OWASP API Security Top 10 (2023). Every test checks the answer and
// that the attack changed nothing; each would fail if its protection went.
//
// Covered elsewhere and not repeated here (internal/httpapi): alg=none,
// tampered, wrong-key, expired, not-yet-valid, wrong iss/aud and
// refresh-as-access tokens (TestRejectedTokens), refresh reuse
// (TestRefreshReuseRevokesSession), the per-e-mail login lockout
// (TestLoginThrottling), register body validation (TestRegisterValidation).
package securitytest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/acme/lending/internal/apitest"
)

var bg = context.Background()

// reply is one HTTP answer, read completely.
type reply struct {
	Status int
	Header http.Header
	Body   []byte
}

func (r reply) String() string { return fmt.Sprintf("%d %s", r.Status, r.Body) }

// json decodes the body into a map (empty on failure).
func (r reply) json() map[string]any {
	m := map[string]any{}
	_ = json.Unmarshal(r.Body, &m)
	return m
}

// id returns the "id" field of a JSON object reply.
func (r reply) id(t *testing.T) uuid.UUID {
	t.Helper()
	s, _ := r.json()["id"].(string)
	id, err := uuid.Parse(s)
	if err != nil {
		t.Fatalf("no id in %s", r)
	}
	return id
}

// req describes a raw request.
type req struct {
	method, path, token string
	ctype               string // default application/json when body is set
	body                any    // string, []byte, io.Reader or a value to JSON-encode
	header              map[string]string
}

// send performs r against env and reads the whole answer.
func send(t *testing.T, env *apitest.Env, r req) reply {
	t.Helper()
	var body io.Reader
	switch b := r.body.(type) {
	case nil:
	case string:
		body = strings.NewReader(b)
	case []byte:
		body = bytes.NewReader(b)
	case io.Reader:
		body = b
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		body = bytes.NewReader(raw)
	}
	hr, err := http.NewRequestWithContext(bg, r.method, env.URL+r.path, body)
	if err != nil {
		t.Fatal(err)
	}
	if r.token != "" {
		hr.Header.Set("Authorization", "Bearer "+r.token)
	}
	if r.ctype != "" {
		hr.Header.Set("Content-Type", r.ctype)
	} else if r.body != nil {
		hr.Header.Set("Content-Type", "application/json")
	}
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	resp, err := env.Server.Client().Do(hr)
	if err != nil {
		t.Fatalf("%s %s: %v", r.method, r.path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{Status: resp.StatusCode, Header: resp.Header, Body: b}
}

// must sends r and fails unless the status is want.
func must(t *testing.T, env *apitest.Env, want int, r req) reply {
	t.Helper()
	got := send(t, env, r)
	if got.Status != want {
		t.Fatalf("%s %s: got %s, want %d", r.method, r.path, got, want)
	}
	return got
}

// expectProblem checks an error answer: status, problem+json, and that it
// leaks nothing about the implementation.
func expectProblem(t *testing.T, what string, got reply, want int) {
	t.Helper()
	if got.Status != want {
		t.Errorf("%s: got %s, want %d", what, got, want)
		return
	}
	if ct := got.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		t.Errorf("%s: %d with content type %q, want application/problem+json", what, want, ct)
	}
	if leak := leaks(got.Body); leak != "" {
		t.Errorf("%s: error body reveals %q: %s", what, leak, got.Body)
	}
}

// leakMarkers are traces of the implementation an error must never show.
var leakMarkers = []string{
	"pgx", "pgconn", "SQLSTATE", "sql:", "syntax error", "postgres", "relation \"", "violates",
	"goroutine", "panic", ".go:", "runtime.", "github.com/",
}

// sourceRoot is where this checkout lives: a file path under it in an
// error would reveal the server's layout.
var sourceRoot = func() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	return filepath.Dir(filepath.Dir(wd)) // internal/securitytest -> repository root
}()

func leaks(body []byte) string {
	lower := strings.ToLower(string(body))
	if sourceRoot != "" && strings.Contains(lower, strings.ToLower(sourceRoot)) {
		return sourceRoot
	}
	for _, m := range leakMarkers {
		if strings.Contains(lower, strings.ToLower(m)) {
			return m
		}
	}
	return ""
}

// digest fingerprints the business state (every row of the tables that
// hold money, loans and personal data), so a test can prove an attack
// changed nothing. Columns that background work updates on its own
// (e-mail delivery marks) are left out.
func digest(t *testing.T, env *apitest.Env) map[string]string {
	t.Helper()
	tables := map[string]string{
		"users":               "x.id, x.email, x.full_name, x.password_hash, x.role, x.status, x.updated_at",
		"loans":               "x.*",
		"loan_events":         "x.*",
		"loan_installments":   "x.*",
		"withdrawals":         "x.*",
		"wallet_transactions": "x.*",
		"ledger_accounts":     "x.*",
		"ledger_transfers":    "x.*",
		"notifications":       "x.id, x.user_id, x.type, x.title, x.body, x.data, x.read_at",
		"idempotency_keys":    "x.user_id, x.key, x.operation, x.status_code, x.response_body",
	}
	out := map[string]string{}
	for table, cols := range tables {
		var sum string
		q := fmt.Sprintf(`SELECT coalesce(md5(string_agg(r, '|' ORDER BY r)), '') || ':' || count(*)
			FROM (SELECT ROW(%s)::text AS r FROM %s x) s`, cols, table)
		if err := env.Pool.QueryRow(bg, q).Scan(&sum); err != nil {
			t.Fatalf("digest %s: %v", table, err)
		}
		out[table] = sum
	}
	return out
}

// unchanged fails when the business state differs from before.
func unchanged(t *testing.T, env *apitest.Env, before map[string]string) {
	t.Helper()
	after := digest(t, env)
	for table, sum := range before {
		if after[table] != sum {
			t.Errorf("the attack changed table %s", table)
		}
	}
}

// world is a victim with one object of every kind, an attacker with
// money of their own, and staff.
type world struct {
	env                *apitest.Env
	victim, attacker   *apitest.User
	admin              *apitest.User
	submitted          uuid.UUID // victim's loan under review
	approved           uuid.UUID // victim's approved loan, not yet disbursed
	disbursed          uuid.UUID // victim's disbursed loan
	withdrawal         uuid.UUID // victim's pending withdrawal
	transaction        uuid.UUID // victim's deposit
	notification       uuid.UUID // victim's unread notification
	attackerDisbursed  uuid.UUID // the attacker's own disbursed loan
	attackerWithdrawal uuid.UUID
}

func newWorld(t *testing.T, env *apitest.Env) *world {
	t.Helper()
	w := &world{env: env, victim: env.Register("victim"), attacker: env.Register("attacker"), admin: env.Admin()}
	apply := func(u *apitest.User, amount int) uuid.UUID {
		return must(t, env, 201, req{method: "POST", path: "/api/loans", token: u.AccessToken,
			body: map[string]any{"amount": amount, "term_months": 12, "purpose": "Car"}}).id(t)
	}
	approve := func(id uuid.UUID) {
		must(t, env, 200, req{method: "POST", path: "/api/loans/" + id.String() + "/approve", token: w.admin.AccessToken,
			body: map[string]any{"decision": "approve", "reason": "ok"}})
	}
	disburse := func(u *apitest.User, id uuid.UUID) {
		must(t, env, 200, req{method: "POST", path: "/api/loans/" + id.String() + "/disburse", token: u.AccessToken})
	}
	w.submitted = apply(w.victim, 100_000)
	w.approved = apply(w.victim, 200_000)
	approve(w.approved)
	w.disbursed = apply(w.victim, 300_000)
	approve(w.disbursed)
	disburse(w.victim, w.disbursed)
	w.transaction = must(t, env, 201, req{method: "POST", path: "/api/transactions/deposit", token: w.victim.AccessToken,
		body: map[string]any{"amount": 50_000}}).id(t)
	w.withdrawal = must(t, env, 201, req{method: "POST", path: "/api/withdrawals", token: w.victim.AccessToken,
		body: map[string]any{"amount": 10_000, "destination": "DE89 3704 0044 0532 0130 00"}}).id(t)

	n := must(t, env, 200, req{method: "GET", path: "/api/notifications?unread=true", token: w.victim.AccessToken}).json()
	items, _ := n["items"].([]any)
	if len(items) == 0 {
		t.Fatalf("victim has no unread notification: %v", n)
	}
	w.notification = uuid.MustParse(items[0].(map[string]any)["id"].(string))

	w.attackerDisbursed = apply(w.attacker, 100_000)
	approve(w.attackerDisbursed)
	disburse(w.attacker, w.attackerDisbursed)
	w.attackerWithdrawal = must(t, env, 201, req{method: "POST", path: "/api/withdrawals", token: w.attacker.AccessToken,
		body: map[string]any{"amount": 1_000, "destination": "attacker IBAN"}}).id(t)
	return w
}
