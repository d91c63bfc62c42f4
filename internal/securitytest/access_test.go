package securitytest_test

import (
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/acme/lending/internal/apitest"
)

// API1 Broken Object Level Authorization: the attacker names the
// victim's objects by id. Every read and write answers 404 (the object's
// existence is not confirmed) and nothing changes.
func TestBOLAOnEveryObjectKind(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	w := newWorld(t, env)
	tok := w.attacker.AccessToken
	before := digest(t, env)

	attacks := []struct {
		name string
		r    req
	}{
		{"read loan", req{method: "GET", path: "/api/loans/" + w.submitted.String()}},
		{"edit loan", req{method: "PUT", path: "/api/loans/" + w.submitted.String(), body: map[string]any{"purpose": "mine now"}}},
		{"cancel loan", req{method: "DELETE", path: "/api/loans/" + w.approved.String()}},
		{"disburse loan into own wallet", req{method: "POST", path: "/api/loans/" + w.approved.String() + "/disburse"}},
		{"read schedule", req{method: "GET", path: "/api/loans/" + w.disbursed.String() + "/schedule"}},
		{"read payoff", req{method: "GET", path: "/api/loans/" + w.disbursed.String() + "/payoff"}},
		{"read loan events", req{method: "GET", path: "/api/loans/" + w.disbursed.String() + "/events"}},
		{"read contract", req{method: "GET", path: "/api/loans/" + w.approved.String() + "/contract"}},
		{"repay victim's loan", req{method: "POST", path: "/api/transactions/repay",
			body: map[string]any{"loan_id": w.disbursed.String(), "amount": 1_000}}},
		{"list victim's loans", req{method: "GET", path: "/api/loans?user_id=" + w.victim.ID.String()}},
		{"read withdrawal", req{method: "GET", path: "/api/withdrawals/" + w.withdrawal.String()}},
		{"list victim's withdrawals", req{method: "GET", path: "/api/withdrawals?user_id=" + w.victim.ID.String()}},
		{"list victim's transactions", req{method: "GET", path: "/api/transactions?user_id=" + w.victim.ID.String()}},
		{"read victim's wallet", req{method: "GET", path: "/api/wallet?user_id=" + w.victim.ID.String()}},
		{"mark victim's notification read", req{method: "POST", path: "/api/notifications/" + w.notification.String() + "/read"}},
		{"read victim's profile", req{method: "GET", path: "/api/users/" + w.victim.ID.String()}},
		{"edit victim's profile", req{method: "PUT", path: "/api/users/" + w.victim.ID.String(), body: map[string]any{"full_name": "pwned"}}},
	}
	for _, a := range attacks {
		a.r.token = tok
		expectProblem(t, a.name, send(t, env, a.r), 404)
	}

	// Filters that are not refused must still be scoped to the caller: the
	// victim's loan id as a filter yields nothing of the victim's.
	for _, path := range []string{
		"/api/transactions?loan_id=" + w.disbursed.String(),
		"/api/transactions?limit=100",
		"/api/notifications?limit=100",
		"/api/withdrawals?limit=100",
		"/api/loans?limit=100",
	} {
		got := must(t, env, 200, req{method: "GET", path: path, token: tok})
		for _, id := range []uuid.UUID{w.victim.ID, w.submitted, w.approved, w.disbursed, w.withdrawal, w.transaction, w.notification} {
			if strings.Contains(string(got.Body), id.String()) {
				t.Errorf("GET %s as the attacker shows the victim's %s", path, id)
			}
		}
	}
	unchanged(t, env, before)
	env.CheckLedger()
}

// API1 (idempotency replay): keys are scoped to the caller. Another user
// sending the same key gets an effect of their own, never the stored
// reply (which would disclose the first user's transaction).
func TestIdempotencyKeysDoNotCrossUsers(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	alice, mallory := env.Register("alice"), env.Register("mallory")
	key := map[string]string{"Idempotency-Key": "shared-key-1"}
	first := must(t, env, 201, req{method: "POST", path: "/api/transactions/deposit", token: alice.AccessToken, header: key,
		body: map[string]any{"amount": 12_345}})
	other := must(t, env, 201, req{method: "POST", path: "/api/transactions/deposit", token: mallory.AccessToken, header: key,
		body: map[string]any{"amount": 12_345}})
	if other.Header.Get("Idempotency-Replayed") != "" || other.id(t) == first.id(t) ||
		strings.Contains(string(other.Body), alice.ID.String()) {
		t.Fatalf("mallory got alice's stored reply: %s", other)
	}
	replay := must(t, env, 201, req{method: "POST", path: "/api/transactions/deposit", token: alice.AccessToken, header: key,
		body: map[string]any{"amount": 12_345}})
	if replay.Header.Get("Idempotency-Replayed") != "true" || replay.id(t) != first.id(t) {
		t.Fatalf("alice's replay: %s", replay)
	}
	env.CheckLedger()
}

// API5 Broken Function Level Authorization: a borrower's valid token on
// every staff operation answers 403 and changes nothing.
func TestUserTokenOnAdminOperations(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	w := newWorld(t, env)
	before := digest(t, env)
	ops := []req{
		{method: "GET", path: "/api/users"},
		{method: "GET", path: "/api/admin/stats"},
		{method: "GET", path: "/api/admin/jobs"},
		{method: "DELETE", path: "/api/users/" + w.victim.ID.String()},
		{method: "DELETE", path: "/api/users/" + w.attacker.ID.String()},
		{method: "POST", path: "/api/loans/" + w.submitted.String() + "/approve", body: map[string]any{"decision": "approve", "reason": "self-service"}},
		{method: "POST", path: "/api/withdrawals/" + w.withdrawal.String() + "/process"},
		{method: "POST", path: "/api/withdrawals/" + w.attackerWithdrawal.String() + "/process"},
		{method: "POST", path: "/api/withdrawals/" + w.attackerWithdrawal.String() + "/cancel", body: map[string]any{"reason": "x"}},
		// Escalation through the profile: documented fields, but staff only.
		{method: "PUT", path: "/api/users/" + w.attacker.ID.String(), body: map[string]any{"role": "admin"}},
		{method: "PUT", path: "/api/users/" + w.attacker.ID.String(), body: map[string]any{"status": "active"}},
	}
	for _, op := range ops {
		op.token = w.attacker.AccessToken
		expectProblem(t, op.method+" "+op.path, send(t, env, op), 403)
	}
	unchanged(t, env, before)
	// The attacker's own loan cannot be self-approved either (approve on an
	// owned object is still a staff operation).
	own := must(t, env, 201, req{method: "POST", path: "/api/loans", token: w.attacker.AccessToken,
		body: map[string]any{"amount": 100_000, "term_months": 12, "purpose": "x"}}).id(t)
	before = digest(t, env)
	expectProblem(t, "self-approve", send(t, env, req{method: "POST", path: "/api/loans/" + own.String() + "/approve",
		token: w.attacker.AccessToken, body: map[string]any{"decision": "approve", "reason": "me"}}), 403)
	unchanged(t, env, before)
}
