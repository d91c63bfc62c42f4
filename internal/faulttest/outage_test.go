package faulttest

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/httpapi"
	"github.com/acme/lending/internal/ledger"
	"github.com/acme/lending/internal/pgserver"
)

// outage is how long PostgreSQL stays down.
const outage = 10 * time.Second

// pgDir is a fresh data folder the postgres system user can reach (when
// we are root, PostgreSQL runs as that user; t.TempDir makes 0700 folders).
func pgDir(t *testing.T) string {
	t.Helper()
	if _, err := pgserver.FindBinDir(); err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	if os.Geteuid() == 0 {
		for _, d := range []string{filepath.Dir(dir), dir} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	return filepath.Join(dir, "pg")
}

// sample is one request of the load and when it ran.
type sample struct {
	what       string
	start, end time.Time
	a          answer
}

// TestDatabaseOutage stops PostgreSQL for 10 s under load: every request
// is answered (503 problem+json within the request timeout, never a 500
// or a hang, never a 401 that would sign users out), /readyz fails while
// /healthz stays up, and the service recovers by itself when the database
// is back, without a restart.
func TestDatabaseOutage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := pgDir(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	pg, err := pgserver.StartWithOptions(ctx, dir, log, pgserver.Options{Unsafe: true})
	if err != nil {
		t.Fatal(err)
	}
	var pgMu sync.Mutex
	t.Cleanup(func() { pgMu.Lock(); defer pgMu.Unlock(); _ = pg.Stop() })
	dsn := pg.DSN(pgserver.DefaultDatabase)

	srv := startServer(t, dsn, "")
	// The client waits longer than the server's request timeout, so a
	// request the server fails to bound shows up as a slow answer or none.
	a := newAPI(srv.URL, httpapi.RequestTimeout+15*time.Second)
	u := register(t, a, "outage")
	a.must(t, 201, "POST", "/api/transactions/deposit", u.token, map[string]any{"amount": 1_000_000})

	loadCtx, stopLoad := context.WithCancel(ctx)
	var (
		mu      sync.Mutex
		samples []sample
		wg      sync.WaitGroup
	)
	record := func(what string, fn func() answer) {
		start := time.Now()
		r := fn()
		mu.Lock()
		samples = append(samples, sample{what: what, start: start, end: time.Now(), a: r})
		mu.Unlock()
	}
	loop := func(what string, pause time.Duration, fn func() answer) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for loadCtx.Err() == nil {
				record(what, fn)
				time.Sleep(pause)
			}
		}()
	}
	bg := context.Background() // requests are never cancelled by the test
	for range 2 {
		loop("read", 20*time.Millisecond, func() answer { return a.do(bg, "GET", "/api/loans", u.token, nil, nil) })
		loop("write", 20*time.Millisecond, func() answer {
			return a.do(bg, "POST", "/api/transactions/deposit", u.token, map[string]any{"amount": 100}, nil)
		})
	}
	loop("healthz", 100*time.Millisecond, func() answer { return a.do(bg, "GET", "/healthz", "", nil, nil) })
	loop("readyz", 100*time.Millisecond, func() answer { return a.do(bg, "GET", "/readyz", "", nil, nil) })

	time.Sleep(time.Second)
	stoppedAt := time.Now()
	if err := pg.Stop(); err != nil {
		t.Fatalf("stop PostgreSQL: %v", err)
	}
	downAt := time.Now()
	time.Sleep(outage)
	restartAt := time.Now()
	pgMu.Lock()
	pg, err = pgserver.StartWithOptions(ctx, dir, log, pgserver.Options{Unsafe: true})
	pgMu.Unlock()
	if err != nil {
		t.Fatalf("restart PostgreSQL: %v", err)
	}
	if got := pg.DSN(pgserver.DefaultDatabase); got != dsn {
		t.Fatalf("PostgreSQL came back elsewhere (%s, was %s)", got, dsn)
	}
	upAt := time.Now()

	// Recovery: without touching lendingd, reads, writes and /readyz work again.
	var recoveredAt time.Time
	for deadline := upAt.Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		r := a.do(ctx, "GET", "/readyz", "", nil, nil)
		w := a.do(ctx, "POST", "/api/transactions/deposit", u.token, map[string]any{"amount": 100}, nil)
		g := a.do(ctx, "GET", "/api/loans", u.token, nil, nil)
		if r.Status == 200 && w.Status == 201 && g.Status == 200 {
			recoveredAt = time.Now()
			break
		}
	}
	time.Sleep(500 * time.Millisecond) // some load after the recovery too
	stopLoad()
	wg.Wait()
	if recoveredAt.IsZero() {
		t.Fatalf("the service did not recover within a minute of the database's return\n%s", srv.logTail(3000))
	}
	t.Logf("PostgreSQL stopped in %v, down %v, back in %v; service recovered %v after",
		downAt.Sub(stoppedAt).Round(time.Millisecond), restartAt.Sub(downAt).Round(time.Millisecond),
		upAt.Sub(restartAt).Round(time.Millisecond), recoveredAt.Sub(upAt).Round(time.Millisecond))

	// Judge every answer. "Down" is the window in which no request could
	// have reached a database (started after the stop completed, ended
	// before the restart began).
	counts := map[string]map[int]int{}
	for _, s := range samples {
		if counts[s.what] == nil {
			counts[s.what] = map[int]int{}
		}
		counts[s.what][s.a.Status]++
		down := s.start.After(downAt) && s.end.Before(restartAt)
		switch {
		case s.a.Status == 0:
			t.Errorf("%s at %v: no answer after %v: %v", s.what, s.start.Sub(stoppedAt).Round(time.Millisecond), s.a.Elapsed, s.a.Err)
		case s.a.Status >= 500 && s.a.Status != 503:
			t.Errorf("%s at %v: %d %s", s.what, s.start.Sub(stoppedAt).Round(time.Millisecond), s.a.Status, s.a.Body)
		case s.a.Status == 503:
			if ct := s.a.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
				t.Errorf("%s: 503 with content type %q: %s", s.what, ct, s.a.Body)
			}
			if s.a.Elapsed > httpapi.RequestTimeout+2*time.Second {
				t.Errorf("%s: 503 only after %v (request timeout %v)", s.what, s.a.Elapsed, httpapi.RequestTimeout)
			}
			if s.what == "healthz" {
				t.Errorf("/healthz failed during the outage: it must only say the process lives")
			}
		case down && s.what == "healthz" && s.a.Status != 200:
			t.Errorf("/healthz answered %d during the outage", s.a.Status)
		case down && s.what != "healthz":
			t.Errorf("%s during the outage answered %d, want 503: %s", s.what, s.a.Status, s.a.Body)
		}
	}
	t.Logf("answers by status: %v", counts)
	for _, what := range []string{"read", "write", "readyz"} {
		if counts[what][503] == 0 {
			t.Errorf("no %s answered 503 during the outage (answers %v)", what, counts[what])
		}
	}

	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if err := ledger.CheckInvariants(ctx, dbgen.New(pool)); err != nil {
		t.Fatalf("ledger after the outage: %v", err)
	}
}
