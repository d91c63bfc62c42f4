package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

// scenario is one kind of request the load repeats.
type scenario struct {
	name  string
	kind  string // read, write, admin, login
	what  string // for the summary
	want  int    // the status a successful request answers
	build func(w *loadWorker) (*http.Request, error)
}

// loadWorker is one closed-loop client; it acts as its own share of users
// (so writes of different clients do not queue on the same rows).
type loadWorker struct {
	r    *rand.Rand
	mine []*benchUser
	fx   *fixtures
	base string
}

func (w *loadWorker) user() *benchUser { return w.mine[w.r.IntN(len(w.mine))] }

func (w *loadWorker) get(path, token string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, w.base+path, nil)
	if err == nil {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return req, err
}

func (w *loadWorker) post(path, token, body string, idempotent bool) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodPost, w.base+path, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if idempotent {
		req.Header.Set("Idempotency-Key", uuid.NewString())
	}
	return req, nil
}

var adminStatuses = []string{"submitted", "approved", "disbursed", "repaid"}

var scenarios = []scenario{
	{name: "list", kind: "read", want: 200, what: "GET /api/loans (own loans, first page)",
		build: func(w *loadWorker) (*http.Request, error) { return w.get("/api/loans", w.user().token) }},
	{name: "get", kind: "read", want: 200, what: "GET /api/loans/{id} (own loan)",
		build: func(w *loadWorker) (*http.Request, error) {
			u := w.user()
			return w.get("/api/loans/"+u.loans[w.r.IntN(len(u.loans))].String(), u.token)
		}},
	{name: "apply", kind: "write", want: 201, what: "POST /api/loans (Idempotency-Key)",
		build: func(w *loadWorker) (*http.Request, error) {
			return w.post("/api/loans", w.user().token, `{"amount":500000,"term_months":36,"purpose":"Bench application"}`, true)
		}},
	{name: "deposit", kind: "write", want: 201, what: "POST /api/transactions/deposit (Idempotency-Key)",
		build: func(w *loadWorker) (*http.Request, error) {
			return w.post("/api/transactions/deposit", w.user().token, fmt.Sprintf(`{"amount":%d}`, 100+w.r.IntN(10_000)), true)
		}},
	{name: "repay", kind: "write", want: 201, what: "POST /api/transactions/repay (Idempotency-Key)",
		build: func(w *loadWorker) (*http.Request, error) {
			u := w.user()
			return w.post("/api/transactions/repay", u.token, fmt.Sprintf(`{"loan_id":%q,"amount":100}`, u.disbursed[0]), true)
		}},
	{name: "admin-list", kind: "admin", want: 200, what: "GET /api/loans?status=... (staff, all borrowers)",
		build: func(w *loadWorker) (*http.Request, error) {
			return w.get("/api/loans?status="+adminStatuses[w.r.IntN(len(adminStatuses))], w.fx.admin.token)
		}},
	{name: "admin-stats", kind: "admin", want: 200, what: "GET /api/admin/stats (portfolio figures)",
		build: func(w *loadWorker) (*http.Request, error) { return w.get("/api/admin/stats", w.fx.admin.token) }},
	{name: "login", kind: "login", want: 200, what: "POST /api/auth/login (bcrypt)",
		build: func(w *loadWorker) (*http.Request, error) {
			return w.post("/api/auth/login", "", fmt.Sprintf(`{"email":%q,"password":%q}`, w.user().email, benchPassword), false)
		}},
}

func scenarioNames() []string {
	out := make([]string, len(scenarios))
	for i, s := range scenarios {
		out[i] = s.name
	}
	return out
}

func scenarioByName(name string) scenario {
	for _, s := range scenarios {
		if s.name == name {
			return s
		}
	}
	panic("unknown scenario " + name)
}

// result is one scenario's figures.
type result struct {
	name, kind, what string
	clients          int
	requests, errors int
	window           time.Duration
	rps              float64
	p50, p90, p99    time.Duration
	maxLatency       time.Duration
	firstError       string
	// CPU time per request of the server and of PostgreSQL over the
	// measured window (zero when it could not be read).
	serverCPU, databaseCPU time.Duration
}

func (r result) line() string {
	return fmt.Sprintf("%-12s %6d clients %8d req %9.0f req/s   p50 %8.2f ms   p99 %8.2f ms   max %8.1f ms   errors %d   CPU/req: server %s, postgres %s",
		r.name, r.clients, r.requests, r.rps, ms(r.p50), ms(r.p99), ms(r.maxLatency), r.errors, micros(r.serverCPU), micros(r.databaseCPU))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// micros prints a CPU time per request ("-" when it was not measured).
func micros(d time.Duration) string {
	if d <= 0 {
		return "-"
	}
	return fmt.Sprintf("%d µs", d.Microseconds())
}

// runScenario runs sc with o.concurrency closed-loop clients: o.warmup
// unmeasured, then o.duration measured (requests started in the window).
func runScenario(ctx context.Context, cl *cluster, fx *fixtures, sc scenario, o options) result {
	transport := &http.Transport{MaxIdleConns: o.concurrency * 2, MaxIdleConnsPerHost: o.concurrency * 2, IdleConnTimeout: time.Minute}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: time.Minute}
	measureFrom := time.Now().Add(o.warmup)
	end := measureFrom.Add(o.duration)

	type tally struct {
		lat      []time.Duration
		errors   int
		firstErr string
		lastDone time.Time
	}
	tallies := make([]tally, o.concurrency)
	cpuAtStart := make(chan cpuUse, 1)
	go func() {
		time.Sleep(time.Until(measureFrom))
		u, err := cl.cpuNow()
		if err != nil {
			u = cpuUse{server: -1, database: -1}
		}
		cpuAtStart <- u
	}()
	var wg sync.WaitGroup
	for i := range o.concurrency {
		w := &loadWorker{r: rand.New(rand.NewPCG(uint64(i), uint64(len(sc.name)))), fx: fx, base: cl.url}
		for j := i; j < len(fx.users); j += o.concurrency {
			w.mine = append(w.mine, fx.users[j])
		}
		if len(w.mine) == 0 {
			w.mine = fx.users
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := &tallies[i]
			for ctx.Err() == nil {
				start := time.Now()
				if !start.Before(end) {
					return
				}
				req, err := sc.build(w)
				if err != nil {
					t.errors++
					t.firstErr = err.Error()
					continue
				}
				resp, err := client.Do(req.WithContext(ctx))
				status := 0
				var body []byte
				if err == nil {
					body, _ = io.ReadAll(io.LimitReader(resp.Body, 1<<20))
					_ = resp.Body.Close()
					status = resp.StatusCode
				}
				done := time.Now()
				if start.Before(measureFrom) {
					continue // warm-up
				}
				t.lat = append(t.lat, done.Sub(start))
				t.lastDone = done
				if err != nil || status != sc.want {
					t.errors++
					if t.firstErr == "" {
						if err != nil {
							t.firstErr = err.Error()
						} else {
							t.firstErr = fmt.Sprintf("%d %s", status, bytes.TrimSpace(body[:min(len(body), 300)]))
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	cpuAtEnd, cpuErr := cl.cpuNow()
	cpuStart := <-cpuAtStart

	r := result{name: sc.name, kind: sc.kind, what: sc.what, clients: o.concurrency}
	var all []time.Duration
	last := end
	for _, t := range tallies {
		all = append(all, t.lat...)
		r.errors += t.errors
		if r.firstError == "" {
			r.firstError = t.firstErr
		}
		if t.lastDone.After(last) {
			last = t.lastDone
		}
	}
	slices.Sort(all)
	r.requests = len(all)
	r.window = last.Sub(measureFrom)
	if r.window > 0 {
		r.rps = float64(r.requests) / r.window.Seconds()
	}
	r.p50, r.p90, r.p99 = pct(all, 0.50), pct(all, 0.90), pct(all, 0.99)
	if len(all) > 0 {
		r.maxLatency = all[len(all)-1]
	}
	if cpuErr == nil && cpuStart.server >= 0 && r.requests > 0 {
		r.serverCPU = (cpuAtEnd.server - cpuStart.server) / time.Duration(r.requests)
		r.databaseCPU = (cpuAtEnd.database - cpuStart.database) / time.Duration(r.requests)
	}
	return r
}

// pct is the nearest-rank percentile of sorted durations.
func pct(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p+0.5) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}
