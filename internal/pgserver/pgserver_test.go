package pgserver

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// testDataDir returns a fresh folder the postgres user can reach: t.TempDir
// makes 0700 folders, which the postgres user could not enter when we are root.
func testDataDir(t *testing.T) string {
	t.Helper()
	if _, err := FindBinDir(); err != nil {
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

func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(tWriter{t}, nil))
}

type tWriter struct{ t *testing.T }

func (w tWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func startT(t *testing.T, dir string, opts Options) *Server {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := StartWithOptions(ctx, dir, testLogger(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Stop() }) // runs before t.TempDir removal
	return s
}

func exec1(t *testing.T, dsn, sql string, args ...any) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		t.Fatal(err)
	}
}

func queryInt(t *testing.T, dsn, sql string) int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, sql).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Start, query, stop, start again: the data and the port survive.
func TestStartStopPersists(t *testing.T) {
	dir := testDataDir(t)
	s := startT(t, dir, Options{})

	if got := queryInt(t, s.DSN(DefaultDatabase), "select 1"); got != 1 {
		t.Fatalf("select 1 = %d", got)
	}
	if !strings.Contains(s.DSN("x"), "127.0.0.1:"+strconv.Itoa(s.Port())+"/x?") {
		t.Fatalf("unexpected DSN %q", s.DSN("x"))
	}
	exec1(t, s.DSN(DefaultDatabase), "create table kept (v int); insert into kept values (42)")
	port := s.Port()
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := s.Stop(); err != nil { // already stopped: no error
		t.Fatal(err)
	}

	s2 := startT(t, dir, Options{})
	if s2.Port() != port {
		t.Errorf("port changed across restart: %d then %d", port, s2.Port())
	}
	if got := queryInt(t, s2.DSN(DefaultDatabase), "select v from kept"); got != 42 {
		t.Fatalf("persisted value = %d, want 42", got)
	}
}

// A server left running by an earlier process is reused, not duplicated;
// a safe start replaces an unsafe (fsync=off) one.
func TestReuseRunning(t *testing.T) {
	dir := testDataDir(t)
	s := startT(t, dir, Options{Unsafe: true, MaxConnections: 50})
	pid1, _, _ := readPidFile(s.pgData)

	s2 := startT(t, dir, Options{Unsafe: true})
	pid2, _, _ := readPidFile(s2.pgData)
	if pid1 != pid2 || s.Port() != s2.Port() {
		t.Fatalf("expected reuse: pid %d/%d port %d/%d", pid1, pid2, s.Port(), s2.Port())
	}
	if got := queryInt(t, s2.DSN("postgres"), "select current_setting('max_connections')::int"); got != 50 {
		t.Fatalf("max_connections = %d", got)
	}

	s3 := startT(t, dir, Options{})
	pid3, _, _ := readPidFile(s3.pgData)
	if pid3 == pid1 {
		t.Fatal("expected a restart with fsync on")
	}
	if got := queryInt(t, s3.DSN("postgres"), "select (current_setting('fsync') = 'on')::int"); got != 1 {
		t.Fatal("fsync is not on")
	}
}

// Concurrent Start calls on one folder end up sharing one server.
func TestConcurrentStart(t *testing.T) {
	dir := testDataDir(t)
	const n = 3
	servers := make(chan *Server, n)
	errs := make(chan error, n)
	for range n {
		go func() {
			s, err := StartWithOptions(context.Background(), dir, nil, Options{Unsafe: true})
			if err != nil {
				errs <- err
				return
			}
			servers <- s
		}()
	}
	var port int
	for range n {
		select {
		case err := <-errs:
			t.Fatal(err)
		case s := <-servers:
			t.Cleanup(func() { _ = s.Stop() })
			if port != 0 && s.Port() != port {
				t.Fatalf("ports differ: %d vs %d", port, s.Port())
			}
			port = s.Port()
		}
	}
}

func TestUntraversable(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to create folders owned by another user")
	}
	cred, err := lookupCredential(pgUserName)
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir() // 0700, owned by root
	// t.TempDir makes <tmp>/TestName123/001, both 0700.
	if bad := untraversable(filepath.Join(dir, "x"), cred); bad != filepath.Dir(dir) {
		t.Fatalf("untraversable = %q, want %q", bad, filepath.Dir(dir))
	}
	if err := os.Chmod(dir, 0o711); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Dir(dir), 0o711); err != nil {
		t.Fatal(err)
	}
	if bad := untraversable(dir, cred); bad != "" {
		t.Fatalf("untraversable = %q, want none", bad)
	}
}

// As root, a data folder the postgres user cannot reach makes Start keep
// the cluster under the temp folder instead of failing.
func TestUntraversableFallback(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only relevant as root")
	}
	if _, err := FindBinDir(); err != nil {
		t.Skip(err)
	}
	dir := filepath.Join(t.TempDir(), "pg") // parents are 0700 root
	fallback := filepath.Join(os.TempDir(), "lending-pg-"+shortHash(dir))
	t.Cleanup(func() { _ = os.RemoveAll(fallback) }) // registered first: runs after Stop
	s := startT(t, dir, Options{Unsafe: true})
	if filepath.Dir(s.pgData) != fallback {
		t.Fatalf("cluster in %s, want under %s", s.pgData, fallback)
	}
	if got := queryInt(t, s.DSN(DefaultDatabase), "select 1"); got != 1 {
		t.Fatalf("select 1 = %d", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "port")); err != nil {
		t.Fatalf("port file not in data dir: %v", err)
	}
}

// A server whose postmaster was killed (lock files left behind, maybe a
// zombie pid) is restarted by the next Start, with its data.
func TestRecoverAfterCrash(t *testing.T) {
	dir := testDataDir(t)
	s := startT(t, dir, Options{})
	exec1(t, s.DSN(DefaultDatabase), "create table kept (v int); insert into kept values (7)")
	pid, _, ok := readPidFile(s.pgData)
	if !ok {
		t.Fatal("no postmaster.pid")
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50 && processAlive(pid); i++ {
		time.Sleep(100 * time.Millisecond)
	}

	s2 := startT(t, dir, Options{})
	if pid2, _, _ := readPidFile(s2.pgData); pid2 == pid {
		t.Fatal("expected a new postmaster")
	}
	if got := queryInt(t, s2.DSN(DefaultDatabase), "select v from kept"); got != 7 {
		t.Fatalf("persisted value = %d, want 7", got)
	}
}
