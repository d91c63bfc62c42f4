package faulttest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/ledger"
	"github.com/acme/lending/internal/testdb"
)

// op is one kind of money-moving write of the mixed load.
type op struct {
	name, path string
	table      string // where the effect is stored
	count      string // effects of a user: SELECT count(*) ... WHERE user_id = $1
	body       func(r *rand.Rand, w *worker) map[string]any
	effectID   func(reply map[string]any) string
}

var ops = []op{
	{
		name: "deposit", path: "/api/transactions/deposit", table: "wallet_transactions",
		count:    `SELECT count(*) FROM wallet_transactions WHERE user_id = $1 AND type = 'deposit'`,
		body:     func(r *rand.Rand, _ *worker) map[string]any { return map[string]any{"amount": 100 + r.IntN(10_000)} },
		effectID: func(m map[string]any) string { s, _ := m["id"].(string); return s },
	},
	{
		name: "apply", path: "/api/loans", table: "loans",
		count: `SELECT count(*) FROM loans WHERE user_id = $1`,
		body: func(r *rand.Rand, _ *worker) map[string]any {
			return map[string]any{"amount": 100_000 + r.IntN(400_000), "term_months": 12, "purpose": "fault test"}
		},
		effectID: func(m map[string]any) string { s, _ := m["id"].(string); return s },
	},
	{
		name: "withdrawal", path: "/api/withdrawals", table: "withdrawals",
		count: `SELECT count(*) FROM withdrawals WHERE user_id = $1`,
		body: func(r *rand.Rand, _ *worker) map[string]any {
			return map[string]any{"amount": 100 + r.IntN(1_000), "destination": "DE89 3704 0044 0532 0130 00"}
		},
		effectID: func(m map[string]any) string { s, _ := m["id"].(string); return s },
	},
	{
		name: "repay", path: "/api/transactions/repay", table: "wallet_transactions",
		count: `SELECT count(*) FROM wallet_transactions WHERE user_id = $1 AND type = 'repayment'`,
		body: func(r *rand.Rand, w *worker) map[string]any {
			return map[string]any{"loan_id": w.loan, "amount": 100 + r.IntN(2_000)}
		},
		effectID: func(m map[string]any) string {
			tx, _ := m["transaction"].(map[string]any)
			s, _ := tx["id"].(string)
			return s
		},
	},
}

// call is one idempotent request of the load and what became of it.
type call struct {
	op     *op
	user   *worker
	key    string
	body   map[string]any
	first  answer // during the load (Status 0: no answer, outcome unknown)
	final  answer // after the restart
	effect string // id of the stored effect when final is 2xx
}

type worker struct {
	*user
	loan     string         // a disbursed loan of the user (for repayments)
	baseline map[string]int // effects per op before the load
}

func is2xx(code int) bool { return code >= 200 && code < 300 }

// TestKill9DuringMixedWrites kills the server with SIGKILL while workers
// deposit, apply, withdraw and repay with Idempotency-Keys, restarts it,
// and checks: every acknowledged write is stored; retrying every key
// (acknowledged or not) yields exactly one effect per key and replays the
// acknowledged reply byte for byte; the ledger invariants hold.
func TestKill9DuringMixedWrites(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dsn := testdb.New(t)
	addr := freeAddr(t)
	srv := startServer(t, dsn, addr)
	a := newAPI(srv.URL, 20*time.Second)
	admin := createAdmin(t, a, dsn)
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()

	const nWorkers = 8
	workers := make([]*worker, nWorkers)
	for i := range workers {
		w := &worker{user: register(t, a, fmt.Sprintf("w%d", i)), baseline: map[string]int{}}
		a.must(t, 201, "POST", "/api/transactions/deposit", w.token, map[string]any{"amount": 5_000_000})
		loan := a.must(t, 201, "POST", "/api/loans", w.token, map[string]any{"amount": 10_000_000, "term_months": 60, "purpose": "setup"})
		w.loan, _ = loan["id"].(string)
		a.must(t, 200, "POST", "/api/loans/"+w.loan+"/approve", admin.token, map[string]any{"decision": "approve", "reason": "ok"})
		a.must(t, 200, "POST", "/api/loans/"+w.loan+"/disburse", w.token, nil)
		for i := range ops {
			var n int
			if err := pool.QueryRow(ctx, ops[i].count, w.id).Scan(&n); err != nil {
				t.Fatal(err)
			}
			w.baseline[ops[i].name] = n
		}
		workers[i] = w
	}

	// The load: each worker sends one write at a time, each with a fresh key.
	loadCtx, stopLoad := context.WithCancel(ctx)
	var (
		mu    sync.Mutex
		calls []*call
		acked atomic.Int64
		wg    sync.WaitGroup
	)
	for i, w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(i), 7))
			for loadCtx.Err() == nil {
				o := &ops[r.IntN(len(ops))]
				c := &call{op: o, user: w, key: uuid.NewString(), body: o.body(r, w)}
				c.first = a.do(loadCtx, "POST", o.path, w.token, c.body, map[string]string{"Idempotency-Key": c.key})
				if loadCtx.Err() != nil && c.first.Status == 0 {
					c.first.Err = loadCtx.Err() // cancelled by the test after the kill
				}
				mu.Lock()
				calls = append(calls, c)
				mu.Unlock()
				if is2xx(c.first.Status) {
					acked.Add(1)
				}
				if c.first.Status == 0 {
					time.Sleep(20 * time.Millisecond) // the server is gone
				}
			}
		}()
	}
	// Kill once the load is well under way, with requests in flight.
	deadline := time.Now().Add(30 * time.Second)
	for acked.Load() < 300 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	srv.kill()
	time.Sleep(200 * time.Millisecond) // let the workers see the dead server
	stopLoad()
	wg.Wait()

	var unknown, interrupted int
	for _, c := range calls {
		switch {
		case c.first.Status == 0:
			unknown++
			if c.first.Err != nil && !strings.Contains(c.first.Err.Error(), "connection refused") {
				interrupted++ // sent before the kill, cut off by it
			}
		case c.first.Status >= 500:
			t.Errorf("%s answered %d before the kill: %s", c.op.name, c.first.Status, c.first.Body)
		}
	}
	t.Logf("load: %d writes, %d acknowledged, %d without an answer (%d cut off mid-request)", len(calls), acked.Load(), unknown, interrupted)
	if acked.Load() == 0 || interrupted == 0 {
		t.Fatalf("the kill did not hit a running load (acknowledged %d, cut off %d)", acked.Load(), interrupted)
	}

	// 1. Every acknowledged write is in the database (checked before the
	//    restart, so nothing could have added it since).
	for _, c := range calls {
		if !is2xx(c.first.Status) {
			continue
		}
		id := c.op.effectID(decode(c.first.Body))
		var n int
		if err := pool.QueryRow(ctx, "SELECT count(*) FROM "+c.op.table+" WHERE id = $1", id).Scan(&n); err != nil || n != 1 {
			t.Errorf("acknowledged %s %s (effect %s) is not stored: %d %v", c.op.name, c.key, id, n, err)
		}
	}
	if err := ledger.CheckInvariants(ctx, dbgen.New(pool)); err != nil {
		t.Fatalf("ledger after the crash: %v", err)
	}

	// 2. Restart on the same address; clients retry every key.
	srv = startServer(t, dsn, addr)
	a = newAPI(srv.URL, 20*time.Second)
	retry := func(c *call) answer {
		return a.do(ctx, "POST", c.op.path, c.user.token, c.body, map[string]string{"Idempotency-Key": c.key})
	}
	var inFlight []*call
	for _, c := range calls {
		c.final = retry(c)
		if c.final.Status == 409 && bytes.Contains(c.final.Body, []byte("idempotency-in-flight")) {
			inFlight = append(inFlight, c)
		}
	}
	// A key whose request died mid-flight stays reserved for
	// idempotency.LockTTL (60 s); the retry is told 409 meanwhile. Let the
	// reservations lapse instead of waiting a minute: the same state the
	// database reaches after the TTL.
	if len(inFlight) > 0 {
		t.Logf("%d keys were reserved by requests the crash interrupted (409 until the lock lapses)", len(inFlight))
		var open int
		if err := pool.QueryRow(ctx, `SELECT count(*) FROM idempotency_keys WHERE status_code IS NULL AND locked_until > now()`).Scan(&open); err != nil {
			t.Fatal(err)
		}
		if open < len(inFlight) {
			t.Errorf("%d keys answered in-flight but only %d reservations are open", len(inFlight), open)
		}
		if _, err := pool.Exec(ctx, `UPDATE idempotency_keys SET locked_until = now() - interval '1 second' WHERE status_code IS NULL`); err != nil {
			t.Fatal(err)
		}
		for _, c := range inFlight {
			c.final = retry(c)
		}
	}

	// 3. Outcomes: acknowledged keys replay their reply byte for byte; every
	//    key ends in a definite answer; 2xx keys name one stored effect each.
	effects := map[string]string{}
	perUser := map[*worker]map[string]int{}
	for _, c := range calls {
		f := c.final
		switch {
		case f.Status == 0 || f.Status >= 500:
			t.Errorf("retry of %s %s: %d %v %s", c.op.name, c.key, f.Status, f.Err, f.Body)
			continue
		case f.Status == 409 && bytes.Contains(f.Body, []byte("idempotency-in-flight")):
			t.Errorf("retry of %s %s is still in flight after the reservations lapsed", c.op.name, c.key)
			continue
		}
		if is2xx(c.first.Status) {
			if f.Status != c.first.Status || !bytes.Equal(f.Body, c.first.Body) || f.Header.Get("Idempotency-Replayed") != "true" {
				t.Errorf("retry of acknowledged %s %s: got %d %q (replayed %q), first %d %q",
					c.op.name, c.key, f.Status, f.Body, f.Header.Get("Idempotency-Replayed"), c.first.Status, c.first.Body)
			}
		}
		if !is2xx(f.Status) {
			continue // a definite refusal (e.g. 422 not enough money): no effect
		}
		c.effect = c.op.effectID(decode(f.Body))
		if prev, dup := effects[c.op.name+c.effect]; dup {
			t.Errorf("keys %s and %s name the same %s %s", prev, c.key, c.op.name, c.effect)
		}
		effects[c.op.name+c.effect] = c.key
		if perUser[c.user] == nil {
			perUser[c.user] = map[string]int{}
		}
		perUser[c.user][c.op.name]++
	}
	// Exactly one effect per successful key: the stored rows of each kind
	// are the baseline plus one per key, no more (a double effect) and no
	// less (a lost one).
	for _, w := range workers {
		for i := range ops {
			var n int
			if err := pool.QueryRow(ctx, ops[i].count, w.id).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if want := w.baseline[ops[i].name] + perUser[w][ops[i].name]; n != want {
				t.Errorf("user %s: %d %s effects stored, want %d (baseline %d + %d keys)",
					w.email, n, ops[i].name, want, w.baseline[ops[i].name], perUser[w][ops[i].name])
			}
		}
	}
	// 4. A further retry of any successful key is a replay, not a new effect.
	for _, c := range calls {
		if c.effect == "" {
			continue
		}
		again := retry(c)
		if again.Status != c.final.Status || !bytes.Equal(again.Body, c.final.Body) || again.Header.Get("Idempotency-Replayed") != "true" {
			t.Errorf("second retry of %s %s: %d %s", c.op.name, c.key, again.Status, again.Body)
		}
	}
	if err := ledger.CheckInvariants(ctx, dbgen.New(pool)); err != nil {
		t.Fatalf("ledger after the retries: %v", err)
	}
}

func decode(b []byte) map[string]any {
	m := map[string]any{}
	_ = json.Unmarshal(b, &m)
	return m
}
