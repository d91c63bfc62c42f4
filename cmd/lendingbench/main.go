// Command lendingbench measures the platform under load on this machine.
//
// It starts a private PostgreSQL (safe settings: fsync on) in a temporary
// folder and the real lendingd server as a child process, fills the
// database with users, loans and their ledger rows (COPY in batches),
// then runs each scenario at a fixed concurrency for a fixed duration and
// prints one line per scenario and a summary table. In the same run it
// measures pgbench's simple-update TPS against the same PostgreSQL and
// prints the ratio of money-moving writes to it.
//
//	go run ./cmd/lendingbench                       # 10,000 loans, all scenarios (~2-3 min)
//	go run ./cmd/lendingbench -loans 1000000        # 100,000 users, 1,000,000 loans
//	go run ./cmd/lendingbench -scenarios get,list -duration 20s -concurrency 32
//
// Nothing is downloaded at run time: it needs Go, the PostgreSQL server
// binaries and pgbench (installed with PostgreSQL).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"
)

type options struct {
	duration     time.Duration
	warmup       time.Duration
	concurrency  int
	loans        int
	users        int
	scenarios    []string
	pgbench      bool
	pgbenchScale int
	bcryptCost   int
	dbConns      int
	bin          string
	keep         bool
	out          string
	profileDir   string
}

func main() {
	var o options
	var scen string
	flag.DurationVar(&o.duration, "duration", 10*time.Second, "measured time per scenario")
	flag.DurationVar(&o.warmup, "warmup", time.Second, "unmeasured time before each scenario")
	flag.IntVar(&o.concurrency, "concurrency", 16, "concurrent clients per scenario (closed loop)")
	flag.IntVar(&o.loans, "loans", 10_000, "loans to generate (1000000 for the scale run)")
	flag.IntVar(&o.users, "users", 0, "users to generate (default: loans/10, at least 1000)")
	flag.StringVar(&scen, "scenarios", "all", "comma-separated: "+strings.Join(scenarioNames(), ",")+" (or all)")
	flag.BoolVar(&o.pgbench, "pgbench", true, "measure pgbench simple-update (-N) on the same PostgreSQL")
	flag.IntVar(&o.pgbenchScale, "pgbench-scale", 10, "pgbench -i scale factor")
	flag.IntVar(&o.bcryptCost, "bcrypt-cost", 12, "BCRYPT_COST of the server (12 is the production default)")
	flag.IntVar(&o.dbConns, "db-conns", 0, "DB_MAX_CONNS of the server (default: the server's own default)")
	flag.StringVar(&o.bin, "bin", "", "lendingd binary to run (default: go build it into the temp folder)")
	flag.BoolVar(&o.keep, "keep", false, "keep the temp folder (database, logs) after the run")
	flag.StringVar(&o.out, "out", "", "also write the summary (Markdown) to this file")
	flag.StringVar(&o.profileDir, "profile", "", "write a server CPU profile per scenario (<scenario>.pprof) to this folder")
	flag.Parse()
	if o.users == 0 {
		o.users = max(o.loans/10, 1000)
	}
	var err error
	if o.scenarios, err = parseScenarios(scen); err != nil {
		fmt.Fprintln(os.Stderr, "lendingbench:", err)
		os.Exit(2)
	}
	if o.concurrency < 1 || o.duration <= 0 || o.loans < 0 {
		fmt.Fprintln(os.Stderr, "lendingbench: -concurrency, -duration and -loans must be positive")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "lendingbench:", err)
		os.Exit(1)
	}
}

func parseScenarios(s string) ([]string, error) {
	if s == "" || s == "all" {
		return scenarioNames(), nil
	}
	known := map[string]bool{}
	for _, n := range scenarioNames() {
		known[n] = true
	}
	var out []string
	for _, n := range strings.Split(s, ",") {
		n = strings.TrimSpace(n)
		if n == "" || n == "none" {
			continue
		}
		if !known[n] {
			return nil, fmt.Errorf("unknown scenario %q (known: %s)", n, strings.Join(scenarioNames(), ", "))
		}
		out = append(out, n)
	}
	return out, nil
}

func run(ctx context.Context, o options) error {
	started := time.Now()
	m := describeMachine()
	fmt.Printf("machine: %d CPUs (%s), %s RAM, %s, %s; load average %s\n", m.cpus, m.cpuModel, m.memory, m.kernel, runtime.Version(), m.loadAvg)

	cl, err := startCluster(ctx, o)
	if err != nil {
		return err
	}
	defer cl.close(o.keep)
	m.postgres = cl.pgVersion
	fmt.Printf("postgres: %s (fsync=%s, max_connections=%d); lendingd at %s (bcrypt cost %d)\n",
		cl.pgVersion, cl.fsync, cl.maxConns, cl.url, o.bcryptCost)

	fx, err := seed(ctx, cl, o)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}

	var results []result
	if len(o.scenarios) > 0 {
		fmt.Printf("\n%d clients per scenario, %v warm-up + %v measured each\n", o.concurrency, o.warmup, o.duration)
	}
	for _, name := range o.scenarios {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		profiled := cl.profile(ctx, name, o)
		r := runScenario(ctx, cl, fx, scenarioByName(name), o)
		if err := <-profiled; err != nil {
			fmt.Fprintf(os.Stderr, "profile %s: %v\n", name, err)
		}
		fmt.Println(r.line())
		results = append(results, r)
	}

	var pg *pgbenchResult
	if o.pgbench {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		pg, err = runPgbench(ctx, cl, o)
		if err != nil {
			fmt.Fprintln(os.Stderr, "pgbench:", err)
		} else {
			fmt.Printf("%-12s %6d clients %9.0f tps  (simple-update -N, fsync=%s, %v)   CPU/tx: postgres %s\n", "pgbench", pg.clients, pg.tps, cl.fsync, pg.duration, micros(pg.databaseCPU))
		}
	}

	bound := loginBound(o.bcryptCost, m.cpus)
	summary := summarize(m, cl, fx, o, results, pg, bound, time.Since(started))
	fmt.Println()
	fmt.Print(summary)
	if o.out != "" {
		if err := os.WriteFile(o.out, []byte(summary), 0o644); err != nil {
			return err
		}
	}
	var failed []string
	for _, r := range results {
		if r.errors > 0 {
			failed = append(failed, fmt.Sprintf("%s (%d errors, e.g. %s)", r.name, r.errors, r.firstError))
		}
	}
	if len(failed) > 0 {
		return errors.New("scenarios with errors: " + strings.Join(failed, "; "))
	}
	return nil
}
