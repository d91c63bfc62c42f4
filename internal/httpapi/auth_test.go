package httpapi_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwt"

	"github.com/acme/lending/gen/api/client"
	"github.com/acme/lending/internal/apitest"
	"github.com/acme/lending/internal/config"
)

var ctx = context.Background()

func TestAuthLifecycle(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u := env.Register("ada")

	// Refresh rotates: the new pair works, the old refresh token is dead and its reuse revokes the session.
	r, err := env.Anon.RefreshTokenWithResponse(ctx, client.RefreshTokenJSONRequestBody{RefreshToken: u.RefreshToken})
	if err != nil || r.JSON200 == nil {
		t.Fatalf("refresh: %v %s", err, r.Body)
	}
	fresh := r.JSON200
	if fresh.RefreshToken == u.RefreshToken || fresh.TokenType != "bearer" || fresh.ExpiresIn != 900 {
		t.Fatalf("unexpected token response %+v", fresh)
	}
	c2 := env.Client(fresh.AccessToken)
	if me, _ := c2.GetMeWithResponse(ctx); me.StatusCode() != 200 {
		t.Fatalf("new access token: %d", me.StatusCode())
	}

	// Logout ends the session: both access tokens of it and its refresh token answer 401.
	if lo, _ := c2.LogoutWithResponse(ctx); lo.StatusCode() != 204 {
		t.Fatalf("logout: %d %s", lo.StatusCode(), lo.Body)
	}
	for _, tok := range []string{u.AccessToken, fresh.AccessToken} {
		me, _ := env.Client(tok).GetMeWithResponse(ctx)
		assertProblem(t, me.HTTPResponse, me.Body, 401)
	}
	rr, _ := env.Anon.RefreshTokenWithResponse(ctx, client.RefreshTokenJSONRequestBody{RefreshToken: fresh.RefreshToken})
	assertProblem(t, rr.HTTPResponse, rr.Body, 401)
}

func TestRefreshReuseRevokesSession(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u := env.Register("eve")
	r1, _ := env.Anon.RefreshTokenWithResponse(ctx, client.RefreshTokenJSONRequestBody{RefreshToken: u.RefreshToken})
	if r1.JSON200 == nil {
		t.Fatalf("first refresh: %s", r1.Body)
	}
	// A thief replays the old token: 401, and the legitimate new tokens die with the session.
	r2, _ := env.Anon.RefreshTokenWithResponse(ctx, client.RefreshTokenJSONRequestBody{RefreshToken: u.RefreshToken})
	assertProblem(t, r2.HTTPResponse, r2.Body, 401)
	me, _ := env.Client(r1.JSON200.AccessToken).GetMeWithResponse(ctx)
	assertProblem(t, me.HTTPResponse, me.Body, 401)
	r3, _ := env.Anon.RefreshTokenWithResponse(ctx, client.RefreshTokenJSONRequestBody{RefreshToken: r1.JSON200.RefreshToken})
	assertProblem(t, r3.HTTPResponse, r3.Body, 401)
}

func TestLoginFormAndFailures(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u := env.Register("form")
	r, err := env.Anon.LoginWithFormdataBodyWithResponse(ctx, client.LoginFormdataRequestBody{Username: u.Email, Password: u.Password})
	if err != nil || r.JSON200 == nil {
		t.Fatalf("form login: %v %s", err, r.Body)
	}
	wrong, _ := env.Anon.LoginWithResponse(ctx, client.LoginJSONRequestBody{Email: u.Email, Password: "not-the-password"})
	unknown, _ := env.Anon.LoginWithResponse(ctx, client.LoginJSONRequestBody{Email: "nobody@example.com", Password: "not-the-password"})
	assertProblem(t, wrong.HTTPResponse, wrong.Body, 401)
	assertProblem(t, unknown.HTTPResponse, unknown.Body, 401)
	if problemDetail(t, wrong.Body) != problemDetail(t, unknown.Body) {
		t.Fatalf("unknown e-mail and wrong password must answer alike: %s vs %s", wrong.Body, unknown.Body)
	}
}

func TestLoginThrottling(t *testing.T) {
	t.Parallel()
	env := apitest.New(t, func(c *config.Config) { c.LoginMaxFailures = 3 })
	u := env.Register("slow")
	for i := 0; i < 3; i++ {
		r, _ := env.Anon.LoginWithResponse(ctx, client.LoginJSONRequestBody{Email: u.Email, Password: "wrong-password"})
		assertProblem(t, r.HTTPResponse, r.Body, 401)
	}
	// Locked now, even with the right password.
	r, _ := env.Anon.LoginWithResponse(ctx, client.LoginJSONRequestBody{Email: u.Email, Password: u.Password})
	assertProblem(t, r.HTTPResponse, r.Body, 429)
	if ra := r.HTTPResponse.Header.Get("Retry-After"); ra == "" || ra == "0" {
		t.Fatalf("429 without Retry-After: %q", ra)
	}
}

func TestRejectedTokens(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u := env.Register("tok")
	secret := []byte("test-secret-that-is-at-least-32-bytes-long")
	claims := func(mod func(b *jwt.Builder) *jwt.Builder) jwt.Token {
		sid := sessionID(t, u.AccessToken)
		b := jwt.NewBuilder().Issuer("lendingd").Audience([]string{"lending-api"}).Subject(u.ID.String()).
			IssuedAt(time.Now()).Expiration(time.Now().Add(time.Minute)).Claim("role", "admin").Claim("sid", sid)
		tok, err := mod(b).Build()
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	sign := func(tok jwt.Token, key []byte) string {
		s, err := jwt.Sign(tok, jwt.WithKey(jwa.HS256, key))
		if err != nil {
			t.Fatal(err)
		}
		return string(s)
	}
	same := func(b *jwt.Builder) *jwt.Builder { return b }
	good := sign(claims(same), secret)
	if me, _ := env.Client(good).GetMeWithResponse(ctx); me.StatusCode() != 200 {
		t.Fatalf("control token refused: %d", me.StatusCode())
	}
	parts := strings.Split(u.AccessToken, ".")
	noneHeader := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`))
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	tampered := strings.Replace(string(payload), `"role":"user"`, `"role":"admin"`, 1)
	cases := map[string]string{
		"alg none":        noneHeader + "." + parts[1] + ".",
		"tampered claim":  parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(tampered)) + "." + parts[2],
		"wrong signature": sign(claims(same), []byte("another-secret-another-secret-another!")),
		"expired":         sign(claims(func(b *jwt.Builder) *jwt.Builder { return b.Expiration(time.Now().Add(-time.Minute)) }), secret),
		"not yet valid":   sign(claims(func(b *jwt.Builder) *jwt.Builder { return b.NotBefore(time.Now().Add(time.Hour)) }), secret),
		"wrong issuer":    sign(claims(func(b *jwt.Builder) *jwt.Builder { return b.Issuer("evil") }), secret),
		"wrong audience":  sign(claims(func(b *jwt.Builder) *jwt.Builder { return b.Audience([]string{"other"}) }), secret),
		"refresh token":   u.RefreshToken,
		"garbage":         "abc",
	}
	for name, tok := range cases {
		me, _ := env.Client(tok).GetMeWithResponse(ctx)
		if me.StatusCode() != 401 {
			t.Errorf("%s: got %d, want 401", name, me.StatusCode())
		}
	}
	// The role claim is not trusted: a validly signed token claiming admin still acts as the user.
	lu, _ := env.Client(good).ListUsersWithResponse(ctx, nil)
	assertProblem(t, lu.HTTPResponse, lu.Body, 403)
	noAuth := env.Do("GET", "/api/auth/me", "", "", nil)
	if noAuth.StatusCode != 401 {
		t.Fatalf("no token: %d", noAuth.StatusCode)
	}
}

func TestUserAccessControl(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	alice, bob, admin := env.Register("alice"), env.Register("bob"), env.Admin()

	lu, _ := alice.C.ListUsersWithResponse(ctx, nil)
	assertProblem(t, lu.HTTPResponse, lu.Body, 403)
	gu, _ := alice.C.GetUserWithResponse(ctx, bob.ID)
	assertProblem(t, gu.HTTPResponse, gu.Body, 404)
	missing, _ := admin.C.GetUserWithResponse(ctx, uuid.New())
	assertProblem(t, missing.HTTPResponse, missing.Body, 404)

	admRole := client.RoleAdmin
	up, _ := alice.C.UpdateUserWithResponse(ctx, alice.ID, client.UpdateUserJSONRequestBody{Role: &admRole})
	assertProblem(t, up.HTTPResponse, up.Body, 403)
	other, _ := alice.C.UpdateUserWithResponse(ctx, bob.ID, client.UpdateUserJSONRequestBody{FullName: ptr("Mallory")})
	assertProblem(t, other.HTTPResponse, other.Body, 404)
	me, _ := alice.C.GetMeWithResponse(ctx)
	if me.JSON200.Role != client.RoleUser {
		t.Fatalf("role changed to %s", me.JSON200.Role)
	}

	// Self-service: name, and password with the current one.
	nm, _ := alice.C.UpdateUserWithResponse(ctx, alice.ID, client.UpdateUserJSONRequestBody{FullName: ptr("Alice L.")})
	if nm.JSON200 == nil || nm.JSON200.FullName != "Alice L." {
		t.Fatalf("rename: %s", nm.Body)
	}
	noCur, _ := alice.C.UpdateUserWithResponse(ctx, alice.ID, client.UpdateUserJSONRequestBody{Password: ptr("new-password-1")})
	assertProblem(t, noCur.HTTPResponse, noCur.Body, 422)
	pw, _ := alice.C.UpdateUserWithResponse(ctx, alice.ID, client.UpdateUserJSONRequestBody{Password: ptr("new-password-1"), CurrentPassword: &alice.Password})
	if pw.StatusCode() != 200 {
		t.Fatalf("password change: %s", pw.Body)
	}
	env.Login(alice.Email, "new-password-1")

	// Admin: list with filters, promote, deactivate.
	list, _ := admin.C.ListUsersWithResponse(ctx, &client.ListUsersParams{Q: ptr("bob")})
	if list.JSON200 == nil || len(list.JSON200.Items) != 1 || list.JSON200.Items[0].Id != bob.ID {
		t.Fatalf("admin search: %s", list.Body)
	}
	de, _ := admin.C.DeactivateUserWithResponse(ctx, bob.ID)
	if de.JSON200 == nil || de.JSON200.Status != client.Deactivated {
		t.Fatalf("deactivate: %s", de.Body)
	}
	gone, _ := bob.C.GetMeWithResponse(ctx)
	assertProblem(t, gone.HTTPResponse, gone.Body, 401)
	relog, _ := env.Anon.LoginWithResponse(ctx, client.LoginJSONRequestBody{Email: bob.Email, Password: bob.Password})
	assertProblem(t, relog.HTTPResponse, relog.Body, 401)
	// Records are kept: the admin still sees bob.
	if g, _ := admin.C.GetUserWithResponse(ctx, bob.ID); g.StatusCode() != 200 {
		t.Fatalf("deactivated user vanished: %d", g.StatusCode())
	}
	// Promotion takes effect on the next request.
	prom, _ := admin.C.UpdateUserWithResponse(ctx, alice.ID, client.UpdateUserJSONRequestBody{Role: &admRole})
	if prom.JSON200 == nil || prom.JSON200.Role != client.RoleAdmin {
		t.Fatalf("promote: %s", prom.Body)
	}
	a2 := env.Login(alice.Email, "new-password-1")
	if l, _ := a2.C.ListUsersWithResponse(ctx, nil); l.StatusCode() != 200 {
		t.Fatalf("promoted user cannot list: %d", l.StatusCode())
	}
}

func TestRegisterValidation(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	cases := []struct {
		name, ctype, body string
		status            int
	}{
		{"malformed json", "application/json", `{"email":`, 400},
		{"a second document", "application/json", `{"email":"u@example.com","password":"password123","full_name":"x"}{"role":"admin"}`, 400},
		{"trailing bytes", "application/json", `{"email":"u@example.com","password":"password123","full_name":"x"} x`, 400},
		{"wrong type", "application/json", `{"email":1,"password":"password123","full_name":"x"}`, 422},
		{"unknown field", "application/json", `{"email":"u@example.com","password":"password123","full_name":"x","role":"admin"}`, 422},
		{"missing field", "application/json", `{"email":"u@example.com"}`, 422},
		{"short password", "application/json", `{"email":"u@example.com","password":"short","full_name":"x"}`, 422},
		{"long password", "application/json", `{"email":"u@example.com","password":"` + strings.Repeat("x", 73) + `","full_name":"x"}`, 422},
		{"bad email", "application/json", `{"email":"not-an-email","password":"password123","full_name":"x"}`, 422},
		{"wrong content type", "text/plain", `hello`, 415},
		{"oversized", "application/json", `{"email":"u@example.com","password":"password123","full_name":"` + strings.Repeat("x", 70<<10) + `"}`, 413},
	}
	for _, c := range cases {
		resp := env.Do("POST", "/api/auth/register", "", c.ctype, strings.NewReader(c.body))
		if resp.StatusCode != c.status {
			t.Errorf("%s: got %d, want %d", c.name, resp.StatusCode, c.status)
			continue
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
			t.Errorf("%s: content type %q", c.name, ct)
		}
	}
	// Every invalid field is reported, not just the first.
	multi := env.Do("POST", "/api/auth/register", "", "application/json", strings.NewReader(`{"email":1,"password":2,"full_name":3}`))
	var p struct {
		Errors []struct{ Field string } `json:"errors"`
	}
	if err := json.Unmarshal([]byte(readAll(t, multi)), &p); err != nil || multi.StatusCode != 422 || len(p.Errors) != 3 {
		t.Fatalf("multi-field problem: %d %+v", multi.StatusCode, p)
	}
	// Nothing was created by any of them; a duplicate (any case) is a 409.
	ok := env.Do("POST", "/api/auth/register", "", "application/json", strings.NewReader(`{"email":"u@example.com","password":"password123","full_name":"U"}`))
	if ok.StatusCode != 201 {
		t.Fatalf("valid register after failures: %d", ok.StatusCode)
	}
	dup := env.Do("POST", "/api/auth/register", "", "application/json", strings.NewReader(`{"email":"U@Example.com","password":"password123","full_name":"U"}`))
	if dup.StatusCode != 409 {
		t.Fatalf("duplicate: %d", dup.StatusCode)
	}
}

// Validation problems name the offending field and say what is expected,
// in words a client developer can act on.
func TestValidationMessagesSayWhatIsExpected(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u := env.Register("messages")
	cases := []struct {
		name, method, path, token, body string
		status                          int
		want                            map[string]string // field -> message
	}{
		{"unknown and missing fields", "POST", "/api/auth/register", "", `{"email":"m@example.com","full_name":null,"role":"admin"}`, 422,
			map[string]string{"role": "is not a field of this request", "full_name": "must not be null", "password": "is required"}},
		{"limit above the bound", "GET", "/api/loans?limit=1000", u.AccessToken, "", 422, map[string]string{"limit": "must be at most 100"}},
		{"amount above the bound", "POST", "/api/transactions/deposit", u.AccessToken, `{"amount":10000000000000000000}`, 422,
			map[string]string{"amount": "must be at most 100000000000"}},
		{"enum", "GET", "/api/loans?status=pending", u.AccessToken, "", 422,
			map[string]string{"status": "must be one of: submitted, approved, rejected, cancelled, disbursed, repaid"}},
		{"date-time", "GET", "/api/loans?from=yesterday", u.AccessToken, "", 422,
			map[string]string{"from": "must be an RFC 3339 date-time such as 2026-01-31T09:30:00Z"}},
		{"uuid in the query", "GET", "/api/transactions?loan_id=42", u.AccessToken, "", 422,
			map[string]string{"loan_id": "must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6"}},
		{"not an id in the path", "GET", "/api/loans/export", u.AccessToken, "", 404, nil},
	}
	for _, c := range cases {
		var body io.Reader
		if c.body != "" {
			body = strings.NewReader(c.body)
		}
		resp := env.Do(c.method, c.path, c.token, "application/json", body)
		raw := readAll(t, resp)
		if resp.StatusCode != c.status || resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %s, want %d problem", c.name, resp.StatusCode, raw, c.status)
			continue
		}
		var p struct {
			Errors []struct{ Field, Message string } `json:"errors"`
		}
		if err := json.Unmarshal([]byte(raw), &p); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got := map[string]string{}
		for _, e := range p.Errors {
			got[e.Field] = e.Message
		}
		if len(got) != len(p.Errors) || (c.want != nil && !maps.Equal(got, c.want)) {
			t.Errorf("%s: errors %+v, want %v", c.name, p.Errors, c.want)
		}
	}
}

func TestOperationalEndpoints(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	for path, want := range map[string]string{
		"/healthz":           "ok",
		"/readyz":            "ready",
		"/api/openapi.yaml":  "openapi: 3.0.3",
		"/api/openapi.json":  `"openapi":"3.0.3"`,
		"/docs/":             "swagger-ui",
		"/metrics":           "db_pool_connections",
		"/":                  "<html",
		"/loans/some/client": "<html",
	} {
		resp := env.Do("GET", path, "", "", nil)
		b := readAll(t, resp)
		if resp.StatusCode != 200 || !strings.Contains(b, want) {
			t.Errorf("%s: %d, body lacks %q", path, resp.StatusCode, want)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: security headers missing", path)
		}
	}
	// Metrics: requests per route and status, pool, live sockets, jobs.
	env.Do("GET", "/healthz", "", "", nil)
	eventually(t, "periodic jobs recorded", func() bool {
		m := readAll(t, env.Do("GET", "/metrics", "", "", nil))
		return strings.Contains(m, `jobs{state=`)
	})
	m := readAll(t, env.Do("GET", "/metrics", "", "", nil))
	for _, want := range []string{`http_requests_total{method="GET",route="/healthz",status="200"}`, "http_request_duration_seconds_bucket",
		"db_pool_max_connections", "websocket_clients 0"} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	unknown := env.Do("GET", "/api/nope", "", "", nil)
	if unknown.StatusCode != 404 || unknown.Header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("unknown api route: %d %s", unknown.StatusCode, unknown.Header.Get("Content-Type"))
	}
}

func sessionID(t *testing.T, token string) string {
	parts := strings.Split(token, ".")
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Sid string `json:"sid"`
	}
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	return c.Sid
}

func ptr[T any](v T) *T { return &v }

func assertProblem(t *testing.T, resp *http.Response, body []byte, status int) {
	t.Helper()
	if resp == nil {
		t.Fatalf("no response, want %d", status)
	}
	if resp.StatusCode != status {
		t.Fatalf("status %d, want %d: %s", resp.StatusCode, status, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("content type %q for %d: %s", ct, status, body)
	}
	var p struct {
		Type   string `json:"type"`
		Title  string `json:"title"`
		Status int    `json:"status"`
	}
	if err := json.Unmarshal(body, &p); err != nil || p.Status != status || p.Type == "" || p.Title == "" {
		t.Fatalf("not a problem document: %s", body)
	}
}

func problemDetail(t *testing.T, body []byte) string {
	var p struct {
		Detail string `json:"detail"`
	}
	_ = json.Unmarshal(body, &p)
	return p.Detail
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return string(b)
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }
