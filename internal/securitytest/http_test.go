package securitytest_test

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/labstack/echo/v4"

	apispec "github.com/acme/lending/api"
	"github.com/acme/lending/internal/apitest"
	"github.com/acme/lending/internal/config"
)

const allowedOrigin = "https://app.example"

// API8 Security Misconfiguration (CORS): only the configured origin is
// answered with CORS headers, never a wildcard, never to look-alikes.
func TestCORS(t *testing.T) {
	t.Parallel()
	env := apitest.New(t, func(c *config.Config) { c.CORSOrigins = []string{allowedOrigin} })
	u := env.Register("cors")
	preflight := func(origin string) reply {
		return send(t, env, req{method: "OPTIONS", path: "/api/transactions/deposit", header: map[string]string{
			"Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type,idempotency-key",
		}})
	}
	get := func(origin string) reply {
		return send(t, env, req{method: "GET", path: "/api/auth/me", token: u.AccessToken, header: map[string]string{"Origin": origin}})
	}
	ok := preflight(allowedOrigin)
	if ok.Status >= 300 || ok.Header.Get("Access-Control-Allow-Origin") != allowedOrigin ||
		!strings.Contains(strings.ToLower(ok.Header.Get("Access-Control-Allow-Headers")), "idempotency-key") {
		t.Fatalf("preflight from the allowed origin: %d %v", ok.Status, ok.Header)
	}
	if g := get(allowedOrigin); g.Header.Get("Access-Control-Allow-Origin") != allowedOrigin {
		t.Fatalf("GET from the allowed origin lacks CORS headers: %v", g.Header)
	}
	for _, origin := range []string{
		"https://evil.example", "null", "http://app.example", "https://app.example.evil.example",
		"https://evilapp.example", "https://app.example:8443", "https://sub.app.example",
	} {
		for name, r := range map[string]reply{"preflight": preflight(origin), "GET": get(origin)} {
			for k := range r.Header {
				if strings.HasPrefix(strings.ToLower(k), "access-control-allow-") {
					t.Errorf("%s from %s answered %s: %q", name, origin, k, r.Header.Get(k))
				}
			}
		}
	}
	// Credentials never go with a wildcard, on any answer.
	for _, r := range []reply{ok, get(allowedOrigin), preflight("https://evil.example")} {
		if r.Header.Get("Access-Control-Allow-Origin") == "*" {
			t.Errorf("wildcard Access-Control-Allow-Origin: %v", r.Header)
		}
	}

	// Without CORS configuration nobody gets CORS headers.
	plain := apitest.New(t)
	p := send(t, plain, req{method: "OPTIONS", path: "/api/auth/login", header: map[string]string{
		"Origin": allowedOrigin, "Access-Control-Request-Method": "POST"}})
	if v := p.Header.Get("Access-Control-Allow-Origin"); v != "" {
		t.Errorf("CORS header without configuration: %q", v)
	}

	// Cross-site WebSocket hijacking: the live stream refuses other origins.
	wsURL := "ws" + strings.TrimPrefix(env.URL, "http") + "/api/ws?access_token=" + url.QueryEscape(u.AccessToken)
	dial := func(origin string) (*http.Response, error) {
		ctx, cancel := context.WithTimeout(bg, 5*time.Second)
		defer cancel()
		c, resp, err := websocket.Dial(ctx, wsURL, &websocket.DialOptions{HTTPHeader: http.Header{"Origin": {origin}}})
		if err == nil {
			_ = c.Close(websocket.StatusNormalClosure, "")
		}
		return resp, err
	}
	if _, err := dial(allowedOrigin); err != nil {
		t.Fatalf("WebSocket from the allowed origin: %v", err)
	}
	if resp, err := dial("https://evil.example"); err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("WebSocket from another origin was not refused with 403: %v %v", resp, err)
	}
}

// requiredHeaders must be on every answer, success or failure.
var requiredHeaders = map[string]string{
	"X-Content-Type-Options": "nosniff",
	"X-Frame-Options":        "DENY",
	"Referrer-Policy":        "no-referrer",
}

// API8: security headers on every answer (errors included), no-store on
// every API answer, no server banner.
func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	w := newWorld(t, env)
	tok := w.attacker.AccessToken
	other := env.Register("logout")
	limit := int(env.App.Config.MaxBodyBytes)
	cases := []struct {
		name string
		r    req
		want int
	}{
		{"200 json", req{method: "GET", path: "/api/auth/me", token: tok}, 200},
		{"201", req{method: "POST", path: "/api/transactions/deposit", token: tok, body: `{"amount":100}`}, 201},
		{"204", req{method: "POST", path: "/api/auth/logout", token: other.AccessToken}, 204},
		{"pdf or 404 contract", req{method: "GET", path: "/api/loans/" + w.attackerDisbursed.String() + "/contract", token: tok}, 0},
		{"401", req{method: "GET", path: "/api/auth/me"}, 401},
		{"403", req{method: "GET", path: "/api/admin/stats", token: tok}, 403},
		{"404 api", req{method: "GET", path: "/api/nope", token: tok}, 404},
		{"404 object", req{method: "GET", path: "/api/loans/" + w.disbursed.String(), token: tok}, 404},
		{"405", req{method: "PATCH", path: "/api/loans", token: tok}, 405},
		{"409", req{method: "POST", path: "/api/loans/" + w.attackerDisbursed.String() + "/disburse", token: tok}, 409},
		{"413", req{method: "POST", path: "/api/transactions/deposit", token: tok, body: `{"amount":1` + strings.Repeat(" ", limit) + `}`}, 413},
		{"415", req{method: "POST", path: "/api/transactions/deposit", token: tok, ctype: "text/plain", body: "1"}, 415},
		{"422", req{method: "POST", path: "/api/transactions/deposit", token: tok, body: `{"amount":0}`}, 422},
		{"400", req{method: "POST", path: "/api/transactions/deposit", token: tok, body: `{"amount":`}, 400},
		{"openapi", req{method: "GET", path: "/api/openapi.yaml"}, 200},
		{"healthz", req{method: "GET", path: "/healthz"}, 200},
		{"readyz", req{method: "GET", path: "/readyz"}, 200},
		{"metrics", req{method: "GET", path: "/metrics"}, 200},
		{"docs redirect", req{method: "GET", path: "/docs"}, 301},
		{"docs", req{method: "GET", path: "/docs/"}, 200},
		{"docs 404", req{method: "GET", path: "/docs/nope.js"}, 404},
		{"borrower app", req{method: "GET", path: "/"}, 200},
		{"admin app", req{method: "GET", path: "/admin/"}, 200},
		{"HEAD", req{method: "HEAD", path: "/healthz"}, 0},
		{"OPTIONS without CORS", req{method: "OPTIONS", path: "/api/loans"}, 0},
	}
	client := env.Server.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	for _, c := range cases {
		got := send(t, env, c.r)
		if c.want != 0 && got.Status != c.want {
			t.Errorf("%s: status %d, want %d (%s)", c.name, got.Status, c.want, got.Body)
		}
		for h, v := range requiredHeaders {
			if got.Header.Get(h) != v {
				t.Errorf("%s (%d): %s = %q, want %q", c.name, got.Status, h, got.Header.Get(h), v)
			}
		}
		if csp := got.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s (%d): Content-Security-Policy %q", c.name, got.Status, csp)
		}
		if strings.HasPrefix(c.r.path, "/api/") && got.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s (%d): API answer with Cache-Control %q, want no-store", c.name, got.Status, got.Header.Get("Cache-Control"))
		}
		for _, banner := range []string{"Server", "X-Powered-By"} {
			if v := got.Header.Get(banner); v != "" {
				t.Errorf("%s: %s header %q", c.name, banner, v)
			}
		}
		if got.Status >= 400 && strings.HasPrefix(c.r.path, "/api/") {
			expectProblem(t, c.name, got, got.Status)
		}
	}
}

// API8: malformed and hostile input gets a 4xx problem that shows no
// stack trace, SQL or file path; injection strings are data, not code.
func TestErrorsRevealNothing(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	w := newWorld(t, env)
	tok, admin := w.attacker.AccessToken, w.admin.AccessToken
	inj := url.QueryEscape(`' OR '1'='1' --`)
	cases := []req{
		{method: "POST", path: "/api/transactions/deposit", token: tok, body: `{"amount":`},
		{method: "POST", path: "/api/transactions/deposit", token: tok, body: strings.Repeat("[", 20000) + strings.Repeat("]", 20000)},
		{method: "POST", path: "/api/transactions/deposit", token: tok, body: "\xff\xfe{\"amount\":1}"},
		{method: "POST", path: "/api/transactions/repay", token: tok, body: `{"loan_id":"not-a-uuid","amount":100}`},
		{method: "POST", path: "/api/transactions/repay", token: tok, body: `{"loan_id":"00000000-0000-0000-0000-000000000000","amount":100}`},
		{method: "GET", path: "/api/loans/not-a-uuid", token: tok},
		{method: "GET", path: "/api/loans/" + inj, token: tok},
		{method: "GET", path: "/api/loans?status=" + inj, token: tok},
		{method: "GET", path: "/api/loans?from=yesterday", token: tok},
		{method: "GET", path: "/api/loans?order=" + inj, token: tok},
		{method: "GET", path: "/api/transactions?type=" + inj, token: tok},
		{method: "GET", path: "/api/loans?cursor=" + url.QueryEscape("MTIzfG5vdC1hLXV1aWQ"), token: tok},
		{method: "GET", path: "/api/users?cursor=%00", token: admin},
		{method: "POST", path: "/api/auth/login", body: `{"email":"` + `' OR 1=1 --` + `","password":"x"}`},
		{method: "POST", path: "/api/auth/refresh", body: `{"refresh_token":"` + `' OR 1=1 --` + `"}`},
		{method: "POST", path: "/api/auth/login", ctype: "application/x-www-form-urlencoded", body: "username=%ZZ&password=x"},
		{method: "GET", path: "/api/auth/me", header: map[string]string{"Authorization": "Bearer " + strings.Repeat("a.", 2000)}},
	}
	for _, c := range cases {
		got := send(t, env, c)
		if got.Status < 400 || got.Status >= 500 {
			t.Errorf("%s %s: got %s, want a 4xx", c.method, c.path, got)
			continue
		}
		expectProblem(t, c.method+" "+c.path, got, got.Status)
	}
	// A search term is data: quotes neither break the query nor widen it.
	got := must(t, env, 200, req{method: "GET", path: "/api/users?q=" + inj, token: admin})
	if items, _ := got.json()["items"].([]any); len(items) != 0 {
		t.Errorf("injection string as search term matched %d users", len(items))
	}
	// Nothing under the static fallbacks exposes files or debug endpoints.
	for _, path := range []string{"/.env", "/.git/config", "/debug/pprof/", "/docs/..%2f..%2f..%2fetc%2fpasswd",
		"/admin/..%2f..%2fgo.mod", "/%2e%2e/%2e%2e/etc/passwd", "/api/../go.mod", "/metrics/../.env"} {
		got := send(t, env, req{method: "GET", path: path})
		for _, secret := range []string{"root:x:0:0", "[core]", "JWT_SECRET", "module github.com", "Types of profiles", "goroutine"} {
			if strings.Contains(string(got.Body), secret) {
				t.Errorf("GET %s exposes %q", path, secret)
			}
		}
	}
}

// API9 Improper Inventory Management: the served routes are exactly the
// published contract plus the documented operational ones; nothing
// undocumented (debug, legacy, test routes) is reachable.
func TestServedRoutesMatchSpec(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	doc, err := openapi3.NewLoader().LoadFromData(apispec.YAML)
	if err != nil {
		t.Fatal(err)
	}
	base := "/api"
	if len(doc.Servers) > 0 {
		base = strings.TrimSuffix(doc.Servers[0].URL, "/")
	}
	spec := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			spec[method+" "+base+path] = true
		}
	}
	nonAPI := map[string]bool{
		"GET /healthz": true, "GET /readyz": true, "GET /metrics": true,
		"GET /docs": true, "GET /docs/*": true, "GET /admin": true, "GET /admin/*": true, "GET /*": true,
		"GET /api/openapi.yaml": true, "GET /api/openapi.json": true,
	}
	served := map[string]bool{}
	for _, r := range env.App.HTTP.Routes() {
		if r.Method == echo.RouteNotFound {
			continue // the 404 catch-alls of the /api group
		}
		path := r.Path
		segs := strings.Split(path, "/")
		for i, s := range segs {
			if strings.HasPrefix(s, ":") {
				segs[i] = "{" + s[1:] + "}"
			}
		}
		served[r.Method+" "+strings.Join(segs, "/")] = true
	}
	var undocumented, missing []string
	for r := range served {
		if !spec[r] && !nonAPI[r] {
			undocumented = append(undocumented, r)
		}
	}
	for r := range spec {
		if !served[r] {
			missing = append(missing, r)
		}
	}
	sort.Strings(undocumented)
	sort.Strings(missing)
	if len(undocumented) > 0 {
		t.Errorf("routes served but not in the contract: %v", undocumented)
	}
	if len(missing) > 0 {
		t.Errorf("operations in the contract but not served: %v", missing)
	}

	// Undocumented methods on documented paths and unknown API paths are
	// refused, not routed somewhere by accident.
	u := env.Register("inventory")
	for _, r := range []req{
		{method: "PATCH", path: "/api/loans"}, {method: "PUT", path: "/api/wallet"}, {method: "DELETE", path: "/api/transactions"},
		{method: "TRACE", path: "/api/auth/me"}, {method: "POST", path: "/api/admin/stats"},
	} {
		r.token = u.AccessToken
		expectProblem(t, r.method+" "+r.path, send(t, env, r), 405)
	}
	for _, p := range []string{"/api/v2/loans", "/api/admin", "/api/debug/pprof/", "/api/internal/users", "/api/loans/export", "/api/swagger.json"} {
		got := send(t, env, req{method: "GET", path: p, token: u.AccessToken})
		if got.Status != 404 && got.Status != 400 && got.Status != 405 {
			t.Errorf("GET %s: got %s, want 404", p, got)
		}
	}
}
