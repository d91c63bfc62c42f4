// Package apitest starts the real service (real HTTP stack, real
// PostgreSQL database of its own) for integration tests and drives it
// through the Go client generated from the contract.
package apitest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/lending/gen/api/client"
	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/app"
	"github.com/acme/lending/internal/auth"
	"github.com/acme/lending/internal/config"
	"github.com/acme/lending/internal/database"
	"github.com/acme/lending/internal/ledger"
	"github.com/acme/lending/internal/logging"
	"github.com/acme/lending/internal/portfolio"
	"github.com/acme/lending/internal/testdb"
)

// Env is one running service on a fresh database.
type Env struct {
	T      testing.TB
	URL    string // base URL of the server (no /api)
	App    *app.App
	Pool   *pgxpool.Pool
	Server *httptest.Server
	Anon   *client.ClientWithResponses
	offset atomic.Int64 // how far the fake clock runs ahead of real time
}

// Now is the service clock: real time shifted by Advance.
func (e *Env) Now() time.Time { return time.Now().Add(time.Duration(e.offset.Load())) }

// Advance moves the service clock forward.
func (e *Env) Advance(d time.Duration) { e.offset.Add(int64(d)) }

// CheckLedger fails the test when a ledger invariant does not hold, or a
// running total kept beside the ledger disagrees with its rows.
func (e *Env) CheckLedger() {
	e.T.Helper()
	if err := ledger.CheckInvariants(context.Background(), dbgen.New(e.Pool)); err != nil {
		e.T.Fatalf("ledger invariant broken: %v", err)
	}
	// The portfolio figures kept beside the ledger must agree with it too.
	if err := portfolio.CheckTotals(context.Background(), dbgen.New(e.Pool)); err != nil {
		e.T.Fatalf("portfolio totals: %v", err)
	}
}

// Option tweaks the configuration before the service starts.
type Option func(*config.Config)

// Config is the test configuration: fast bcrypt, throttling per test.
func Config(t testing.TB) config.Config {
	return config.Config{
		HTTPAddr:         "127.0.0.1:0",
		DataDir:          t.TempDir(),
		JWTSecret:        []byte("test-secret-that-is-at-least-32-bytes-long"),
		JWTIssuer:        "lendingd",
		JWTAudience:      "lending-api",
		AccessTTL:        15 * 60 * 1e9,
		RefreshTTL:       24 * 3600 * 1e9,
		BcryptCost:       4,
		Currency:         "USD",
		MaxBodyBytes:     64 << 10,
		LoginMaxFailures: 0,
		LoginWindow:      15 * 60 * 1e9,
		LoginLockout:     15 * 60 * 1e9,
		Loan: config.LoanLimits{
			AnnualRateBps: 400, DefaultTerm: 48, MinAmount: 10_000, MaxAmount: 100_000_000, MinTerm: 6, MaxTerm: 60,
		},
	}
}

// New starts the service on a fresh database.
func New(t testing.TB, opts ...Option) *Env {
	t.Helper()
	cfg := Config(t)
	for _, o := range opts {
		o(&cfg)
	}
	pool, err := database.Open(context.Background(), testdb.New(t), 10)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	log := logging.New(io.Discard, slog.LevelError)
	if testing.Verbose() {
		log = logging.New(testWriter{t}, slog.LevelWarn)
	}
	env := &Env{T: t, Pool: pool}
	a, err := app.Build(cfg, pool, log, app.WithClock(env.Now), app.WithJobPoll(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	env.start(a)
	return env
}

// start serves a over HTTP with its background parts running until cleanup.
func (e *Env) start(a *app.App) {
	bg, stop := context.WithCancel(context.Background())
	if err := a.Start(bg); err != nil {
		e.T.Fatal(err)
	}
	select {
	case <-a.Hub.Ready():
	case <-time.After(10 * time.Second):
		e.T.Fatal("realtime listener did not start")
	}
	srv := httptest.NewServer(a.HTTP)
	e.T.Cleanup(func() {
		a.Hub.Shutdown(context.Background())
		srv.Close()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = a.Jobs.Stop(sctx)
		stop()
	})
	e.URL, e.App, e.Server = srv.URL, a, srv
	e.Anon = e.client("")
}

// Instance starts another server on the same database, as a second
// instance behind a load balancer would be.
func (e *Env) Instance(opts ...app.Option) *Env {
	e.T.Helper()
	pool, err := database.Open(context.Background(), e.Pool.Config().ConnString(), 10)
	if err != nil {
		e.T.Fatal(err)
	}
	e.T.Cleanup(pool.Close)
	other := &Env{T: e.T, Pool: pool}
	other.offset.Store(e.offset.Load())
	cfg := e.App.Config
	a, err := app.Build(cfg, pool, logging.New(io.Discard, slog.LevelError), append([]app.Option{app.WithClock(other.Now), app.WithJobPoll(50 * time.Millisecond)}, opts...)...)
	if err != nil {
		e.T.Fatal(err)
	}
	other.start(a)
	return other
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	if _, fuzzing := w.t.(*testing.F); fuzzing {
		return os.Stderr.Write(p) // F.Log panics once fuzzing has started
	}
	w.t.Log(string(p))
	return len(p), nil
}

func (e *Env) client(token string) *client.ClientWithResponses {
	c, err := client.NewClientWithResponses(e.URL+"/api", client.WithRequestEditorFn(func(_ context.Context, r *http.Request) error {
		if token != "" {
			r.Header.Set("Authorization", "Bearer "+token)
		}
		return nil
	}))
	if err != nil {
		e.T.Fatal(err)
	}
	return c
}

// User is a signed-in test user.
type User struct {
	ID           uuid.UUID
	Email        string
	Password     string
	AccessToken  string
	RefreshToken string
	C            *client.ClientWithResponses
}

var seq atomic.Int64

// Register creates a borrower and signs in.
func (e *Env) Register(name string) *User {
	e.T.Helper()
	email := fmt.Sprintf("%s-%d@example.com", name, seq.Add(1))
	pw := "correct-horse-battery"
	r, err := e.Anon.RegisterWithResponse(context.Background(), client.RegisterJSONRequestBody{Email: email, Password: pw, FullName: name})
	if err != nil || r.JSON201 == nil {
		e.T.Fatalf("register %s: %v %s", email, err, body(r))
	}
	return e.Login(email, pw)
}

// Admin creates a staff user and signs in.
func (e *Env) Admin() *User {
	e.T.Helper()
	email := fmt.Sprintf("admin-%d@example.com", seq.Add(1))
	pw := "correct-horse-battery"
	if _, err := e.App.Auth.CreateUser(context.Background(), email, pw, "Staff", auth.RoleAdmin); err != nil {
		e.T.Fatal(err)
	}
	return e.Login(email, pw)
}

// Login signs in with the JSON form.
func (e *Env) Login(email, pw string) *User {
	e.T.Helper()
	r, err := e.Anon.LoginWithResponse(context.Background(), client.LoginJSONRequestBody{Email: email, Password: pw})
	if err != nil || r.JSON200 == nil {
		e.T.Fatalf("login %s: %v %s", email, err, body(r))
	}
	u := &User{Email: email, Password: pw, AccessToken: r.JSON200.AccessToken, RefreshToken: r.JSON200.RefreshToken}
	u.C = e.client(u.AccessToken)
	me, err := u.C.GetMeWithResponse(context.Background())
	if err != nil || me.JSON200 == nil {
		e.T.Fatalf("me: %v %s", err, body(me))
	}
	u.ID = me.JSON200.Id
	return u
}

// Client returns a client sending the given bearer token.
func (e *Env) Client(token string) *client.ClientWithResponses { return e.client(token) }

func body(r any) string {
	switch v := r.(type) {
	case *client.RegisterResponse:
		if v != nil {
			return fmt.Sprintf("%d %s", v.StatusCode(), v.Body)
		}
	case *client.LoginResponse:
		if v != nil {
			return fmt.Sprintf("%d %s", v.StatusCode(), v.Body)
		}
	case *client.GetMeResponse:
		if v != nil {
			return fmt.Sprintf("%d %s", v.StatusCode(), v.Body)
		}
	}
	return ""
}

// Do sends a raw request (for malformed input the typed client cannot make).
func (e *Env) Do(method, path, token, contentType string, payload io.Reader) *http.Response {
	e.T.Helper()
	req, err := http.NewRequest(method, e.URL+path, payload)
	if err != nil {
		e.T.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.T.Fatal(err)
	}
	e.T.Cleanup(func() { _ = resp.Body.Close() })
	return resp
}
