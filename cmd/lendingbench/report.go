package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/acme/lending/internal/pgserver"
)

// pgbenchResult is raw PostgreSQL's commit rate on the same server.
type pgbenchResult struct {
	tps      float64
	clients  int
	scale    int
	duration time.Duration
	// PostgreSQL CPU time per transaction (pgbench's own CPU excluded).
	databaseCPU time.Duration
}

var tpsLine = regexp.MustCompile(`(?m)^tps = ([0-9.]+)`)

// runPgbench initialises a pgbench database next to the service's and runs
// the simple-update script (-N: one UPDATE, SELECT and INSERT per
// transaction, each transaction a commit) with the load's client count.
func runPgbench(ctx context.Context, cl *cluster, o options) (*pgbenchResult, error) {
	bin := ""
	if dir, err := pgserver.FindBinDir(); err == nil {
		if _, err := os.Stat(filepath.Join(dir, "pgbench")); err == nil {
			bin = filepath.Join(dir, "pgbench")
		}
	}
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("pgbench"); err != nil {
			return nil, errors.New("pgbench not found next to the PostgreSQL binaries nor on PATH")
		}
	}
	cred, err := pgCredential()
	if err != nil {
		return nil, fmt.Errorf("running as root needs the postgres user: %w", err)
	}
	if _, err := cl.pool.Exec(ctx, "CREATE DATABASE pgbench"); err != nil {
		return nil, err
	}
	common := []string{"-h", "127.0.0.1", "-p", strconv.Itoa(cl.pg.Port()), "-U", "postgres"}
	pgbench := func(args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, bin, append(append(args, common...), "pgbench")...)
		cmd.Dir = cl.dir
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + cl.dir, "PGSSLMODE=disable"}
		if cred != nil {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			return string(out), fmt.Errorf("pgbench %s: %w\n%s", strings.Join(args, " "), err, out)
		}
		return string(out), nil
	}
	fmt.Printf("pgbench: initialising scale %d ...\n", o.pgbenchScale)
	if _, err := pgbench("-i", "-q", "-s", strconv.Itoa(o.pgbenchScale)); err != nil {
		return nil, err
	}
	if _, err := cl.pool.Exec(ctx, "CHECKPOINT"); err != nil {
		return nil, err
	}
	clients := min(o.concurrency, cl.maxConns-50)
	secs := max(int(o.duration.Round(time.Second).Seconds()), 1)
	before, cpuErr := cl.cpuNow()
	out, err := pgbench("-N", "-c", strconv.Itoa(clients), "-j", strconv.Itoa(min(clients, runtime.NumCPU())), "-T", strconv.Itoa(secs))
	if err != nil {
		return nil, err
	}
	after, err := cl.cpuSettled(before.backends)
	cpuErr = errors.Join(cpuErr, err)
	m := tpsLine.FindStringSubmatch(out)
	if m == nil {
		return nil, fmt.Errorf("no tps in pgbench output:\n%s", out)
	}
	tps, _ := strconv.ParseFloat(m[1], 64)
	r := &pgbenchResult{tps: tps, clients: clients, scale: o.pgbenchScale, duration: time.Duration(secs) * time.Second}
	if txs := tps * float64(secs); cpuErr == nil && txs > 0 {
		r.databaseCPU = time.Duration(float64(after.database-before.database) / txs)
	}
	return r, nil
}

// loginBound is the most logins per second the CPUs allow at this bcrypt
// cost: one comparison per login, one core each.
func loginBound(cost, cpus int) float64 {
	h, err := bcrypt.GenerateFromPassword([]byte(benchPassword), cost)
	if err != nil {
		return 0
	}
	const n = 3
	start := time.Now()
	for range n {
		_ = bcrypt.CompareHashAndPassword(h, []byte(benchPassword))
	}
	per := time.Since(start) / n
	return float64(cpus) / per.Seconds()
}

// summarize renders the results as Markdown (for the README).
func summarize(m machine, cl *cluster, fx *fixtures, o options, results []result, pg *pgbenchResult, loginMax float64, took time.Duration) string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("## lendingbench %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	p("- machine: %d CPUs (%s), %s RAM, %s; %s; 1-minute load average before the run %s (other work sharing the CPUs)\n",
		m.cpus, m.cpuModel, m.memory, m.kernel, runtime.Version(), m.loadAvg)
	p("- database: PostgreSQL %s, fsync=%s, private cluster on the same machine\n", m.postgres, cl.fsync)
	var st []string
	for s, n := range fx.byStatus {
		st = append(st, fmt.Sprintf("%s %d", s, n))
	}
	sort.Strings(st)
	p("- data: %d users, %d loans (%s), %d rows generated in %v\n", o.users, fx.loans, strings.Join(st, ", "), fx.rows, fx.took.Round(time.Second))
	p("- load: %d closed-loop clients per scenario, %v measured after %v warm-up; the load generator runs on the same CPUs; bcrypt cost %d\n\n",
		o.concurrency, o.duration, o.warmup, o.bcryptCost)
	p("| scenario | request | req/s | p50 ms | p90 ms | p99 ms | errors | server CPU/req | postgres CPU/req |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n")
	by := map[string]result{}
	for _, r := range results {
		by[r.name] = r
		p("| %s | %s | %.0f | %.2f | %.2f | %.2f | %d | %s | %s |\n", r.name, r.what, r.rps, ms(r.p50), ms(r.p90), ms(r.p99), r.errors, micros(r.serverCPU), micros(r.databaseCPU))
	}
	if pg != nil {
		p("| pgbench | simple-update `-N`, %d clients, scale %d | %.0f tps | | | | | | %s |\n", pg.clients, pg.scale, pg.tps, micros(pg.databaseCPU))
	}
	p("\n")
	if pg != nil && pg.tps > 0 {
		var parts []string
		for _, n := range []string{"deposit", "repay", "apply"} {
			if r, ok := by[n]; ok {
				parts = append(parts, fmt.Sprintf("%s %.2fx", n, r.rps/pg.tps))
			}
		}
		if len(parts) > 0 {
			p("- money-moving writes / pgbench TPS: %s (target: at least 0.50x, i.e. within a factor of 2)\n", strings.Join(parts, ", "))
		}
	}
	for _, n := range []string{"list", "get"} {
		if r, ok := by[n]; ok {
			verdict := "met"
			if r.rps < 5000 || r.p99 > 20*time.Millisecond {
				verdict = fmt.Sprintf("missed: %.0f%% of the rate, p99 %.1f ms", 100*r.rps/5000, ms(r.p99))
			}
			p("- authenticated reads (%s): %.0f req/s, p99 %.2f ms (target 5,000 req/s with p99 < 20 ms: %s)\n", n, r.rps, ms(r.p99), verdict)
		}
	}
	if r, ok := by["login"]; ok && loginMax > 0 {
		p("- login: %.1f req/s; one bcrypt comparison (cost %d) per login caps it at %.1f/s on %d CPUs: %.0f%% of the bound\n",
			r.rps, o.bcryptCost, loginMax, m.cpus, 100*r.rps/loginMax)
	}
	p("- total run time %v\n", took.Round(time.Second))
	return b.String()
}
