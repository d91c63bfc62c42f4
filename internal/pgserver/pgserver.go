// Package pgserver runs a private PostgreSQL server from the locally
// installed binaries, keeping its data in a folder of our choosing.
//
// Layout of dataDir:
//
//	pgdata/        the cluster (PGDATA)
//	run/           Unix socket directory
//	postgres.log   server log
//	port           TCP port of the last start, reused when still free
//	lock           flock guarding concurrent Start calls
//
// PostgreSQL refuses to run as root, so when we are root every command runs
// as the "postgres" system user, which then owns pgdata, run/ and the log.
// That user must be able to enter every parent folder of dataDir; folders we
// create get mode 0755, and if an existing parent is closed (e.g. /root) the
// cluster, socket folder and log go to <os.TempDir()>/lending-pg-<hash>
// instead, with a warning (port and lock stay in dataDir).
package pgserver

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// DefaultDatabase is created by Start when missing.
const DefaultDatabase = "lending"

// pgUserName is the system user PostgreSQL runs as when we are root.
const pgUserName = "postgres"

// Options tunes the server. The zero value is the safe production setting.
type Options struct {
	// Unsafe turns off fsync, synchronous_commit and full_page_writes.
	// Much faster, but a machine crash can corrupt the data: tests only.
	Unsafe bool
	// MaxConnections sets max_connections when > 0 (server default: 100).
	MaxConnections int
}

// Server is a running PostgreSQL started (or adopted) by Start.
type Server struct {
	port    int
	dataDir string // caller's folder (port file, lock)
	pgData  string // the cluster
	sockDir string
	logFile string
	bin     string
	cred    *syscall.Credential // non-nil when commands must drop root
	log     *slog.Logger
	adopted bool // an earlier process started it; leave it running for that one
}

// PID is the postmaster's process id (the first line of postmaster.pid).
func (s *Server) PID() (int, error) {
	b, err := os.ReadFile(filepath.Join(s.pgData, "postmaster.pid"))
	if err != nil {
		return 0, err
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strconv.Atoi(strings.TrimSpace(line))
}

// Adopted reports whether Start found the server already running (started
// by another process, e.g. a running `lendingd serve`).
func (s *Server) Adopted() bool { return s.adopted }

// Start is StartWithOptions with the zero (safe) Options.
func Start(ctx context.Context, dataDir string, log *slog.Logger) (*Server, error) {
	return StartWithOptions(ctx, dataDir, log, Options{})
}

// StartWithOptions initialises dataDir on first use, starts PostgreSQL on
// 127.0.0.1 (reusing the port of the previous start when it is free), and
// creates the DefaultDatabase. A live server left running on the same data
// from an earlier run is reused. Several processes may call it at once on
// the same dataDir: a file lock serialises them.
func StartWithOptions(ctx context.Context, dataDir string, log *slog.Logger, opts Options) (*Server, error) {
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	bin, err := FindBinDir()
	if err != nil {
		return nil, err
	}
	dataDir, err = filepath.Abs(dataDir)
	if err != nil {
		return nil, err
	}
	s := &Server{dataDir: dataDir, bin: bin, log: log}

	if os.Geteuid() == 0 {
		if s.cred, err = lookupCredential(pgUserName); err != nil {
			return nil, fmt.Errorf("pgserver: running as root needs the %q system user: %w", pgUserName, err)
		}
	}
	if err := mkdirAllTraversable(dataDir); err != nil {
		return nil, err
	}

	unlock, err := lockFile(filepath.Join(dataDir, "lock"))
	if err != nil {
		return nil, err
	}
	defer unlock()

	// Where the cluster lives: inside dataDir, unless the postgres user cannot
	// reach it (e.g. a project under /root), then under a traversable folder.
	base := dataDir
	if s.cred != nil {
		if bad := untraversable(dataDir, s.cred); bad != "" {
			base = filepath.Join(os.TempDir(), "lending-pg-"+shortHash(dataDir))
			log.Warn("postgres user cannot traverse a parent folder of the data dir; keeping the cluster elsewhere",
				"folder", bad, "data", base)
			if err := mkdirAllTraversable(base); err != nil {
				return nil, err
			}
			if bad := untraversable(base, s.cred); bad != "" {
				return nil, fmt.Errorf("pgserver: user %s cannot traverse %s (chmod o+x it)", pgUserName, bad)
			}
		}
	}
	s.pgData = filepath.Join(base, "pgdata")
	s.logFile = filepath.Join(base, "postgres.log")
	s.sockDir = filepath.Join(base, "run")
	// A Unix socket path must fit in 107 bytes (plus ".lock" for its lock file).
	if len(s.sockDir)+len("/.s.PGSQL.65535.lock") > 100 {
		s.sockDir = filepath.Join(os.TempDir(), "lending-pgsock-"+shortHash(dataDir))
	}
	for _, d := range []string{s.pgData, s.sockDir} {
		if err := s.mkdirOwned(d); err != nil {
			return nil, err
		}
	}
	if err := s.touchOwned(s.logFile); err != nil {
		return nil, err
	}

	if err := s.initdb(ctx); err != nil {
		return nil, err
	}
	reused, err := s.adoptRunning(ctx, opts)
	if err != nil {
		return nil, err
	}
	s.adopted = reused
	if !reused {
		if err := s.startFresh(ctx, opts); err != nil {
			return nil, err
		}
	}
	if err := s.ensureDatabase(ctx, DefaultDatabase); err != nil {
		return nil, err
	}
	return s, nil
}

// DSN returns a URL connecting as superuser postgres to dbname over TCP.
func (s *Server) DSN(dbname string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.port, dbname)
}

// Port returns the TCP port the server listens on (127.0.0.1 only).
func (s *Server) Port() int { return s.port }

// Stop shuts the server down (fast mode: rolls back open transactions).
// Stopping a server that is already down is not an error.
func (s *Server) Stop() error {
	if !s.running() {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	_, err := s.run(ctx, false, "pg_ctl", "stop", "-w", "-t", "60", "-D", s.pgData, "-m", "fast")
	return err
}

// FindBinDir locates the PostgreSQL server binaries: `pg_config --bindir`
// when that folder holds pg_ctl, else the newest /usr/lib/postgresql/*/bin,
// else the folder of pg_ctl on PATH.
func FindBinDir() (string, error) {
	has := func(dir string) bool {
		for _, b := range []string{"initdb", "pg_ctl", "postgres"} {
			if fi, err := os.Stat(filepath.Join(dir, b)); err != nil || fi.IsDir() {
				return false
			}
		}
		return true
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		if dir := strings.TrimSpace(string(out)); has(dir) {
			return dir, nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	// Newest major version first ("15" > "9" numerically).
	sort.Slice(dirs, func(i, j int) bool {
		vi, _ := strconv.ParseFloat(filepath.Base(filepath.Dir(dirs[i])), 64)
		vj, _ := strconv.ParseFloat(filepath.Base(filepath.Dir(dirs[j])), 64)
		return vi > vj
	})
	for _, d := range dirs {
		if has(d) {
			return d, nil
		}
	}
	if p, err := exec.LookPath("pg_ctl"); err == nil && has(filepath.Dir(p)) {
		return filepath.Dir(p), nil
	}
	return "", errors.New("pgserver: PostgreSQL server binaries (initdb, pg_ctl, postgres) not found")
}

// initdb creates the cluster unless pgdata already holds one.
func (s *Server) initdb(ctx context.Context) error {
	if _, err := os.Stat(filepath.Join(s.pgData, "PG_VERSION")); err == nil {
		return nil
	}
	if entries, _ := os.ReadDir(s.pgData); len(entries) > 0 {
		return fmt.Errorf("pgserver: %s is not empty but holds no cluster (no PG_VERSION); refusing to touch it", s.pgData)
	}
	s.log.Info("initializing PostgreSQL cluster", "pgdata", s.pgData)
	_, err := s.run(ctx, false, "initdb", "-D", s.pgData, "--auth=trust", "-U", "postgres",
		"-E", "UTF8", "--locale=C", "--no-instructions")
	return err
}

// adoptRunning looks at postmaster.pid for a server from an earlier run. A
// live server of this cluster that answers on its port is reused (unless it
// runs unsafe settings and safe ones were asked for); anything else found
// there is stopped or cleared so that a fresh start can follow.
func (s *Server) adoptRunning(ctx context.Context, opts Options) (bool, error) {
	pid, port, ok := readPidFile(s.pgData)
	if !ok {
		return false, nil
	}
	if !processAlive(pid) || !isPostgresProcess(pid) {
		// The postmaster is gone (crash, reboot) but its lock files remain.
		// Postgres clears them itself unless the pid is a zombie or was
		// reused, so clear them here, once no process works in the cluster.
		return false, s.clearStaleLocks(ctx, pid)
	}
	if port > 0 {
		s.port = port
		fsync, err := s.queryFsync(ctx)
		if err == nil && (opts.Unsafe || fsync == "on") {
			s.log.Info("reusing running PostgreSQL", "pid", pid, "port", port)
			return true, s.writePort()
		}
		if err == nil {
			s.log.Info("restarting PostgreSQL that runs with fsync off", "pid", pid)
		} else {
			s.log.Warn("PostgreSQL from an earlier run does not answer; stopping it", "pid", pid, "err", err)
		}
	}
	if !isPostmasterOf(pid, s.pgData) {
		return false, fmt.Errorf("pgserver: %s/postmaster.pid names pid %d, a postgres process that does not answer on port %d; stop it or remove the file",
			s.pgData, pid, port)
	}
	if _, err := s.run(ctx, false, "pg_ctl", "stop", "-w", "-t", "60", "-D", s.pgData, "-m", "fast"); err != nil {
		if _, err2 := s.run(ctx, false, "pg_ctl", "stop", "-w", "-t", "30", "-D", s.pgData, "-m", "immediate"); err2 != nil {
			return false, fmt.Errorf("pgserver: cannot stop the server left running on %s: %w", s.pgData, errors.Join(err, err2))
		}
	}
	return false, nil
}

// clearStaleLocks removes postmaster.pid and the socket lock files of a
// dead postmaster, after waiting (up to 10 s) for its orphaned backends to
// exit: removing the lock while they still write would risk corruption.
func (s *Server) clearStaleLocks(ctx context.Context, pid int) error {
	for deadline := time.Now().Add(10 * time.Second); ; {
		busy := processesIn(s.pgData)
		if busy == 0 {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("pgserver: the postmaster (pid %d) of %s is gone but process %d still works in it; stop it first",
				pid, s.pgData, busy)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	s.log.Info("removing stale lock files of a dead postmaster", "pid", pid)
	stale, _ := filepath.Glob(filepath.Join(s.sockDir, ".s.PGSQL.*.lock"))
	stale = append(stale, filepath.Join(s.pgData, "postmaster.pid"))
	for _, f := range stale {
		if err := os.Remove(f); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("pgserver: %w", err)
		}
	}
	return nil
}

// processesIn returns the pid of a live process whose working folder is
// dir (postgres processes run in their data folder), or 0 if there is none
// or /proc cannot tell.
func processesIn(dir string) int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		cwd, err := os.Readlink(fmt.Sprintf("/proc/%d/cwd", pid))
		if err == nil && sameDir(cwd, dir) && processAlive(pid) {
			return pid
		}
	}
	return 0
}

// startFresh picks a port and runs pg_ctl start, retrying with another
// port if the chosen one was taken in the meantime.
func (s *Server) startFresh(ctx context.Context, opts Options) error {
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		port, err := s.choosePort(attempt > 0)
		if err != nil {
			return err
		}
		s.port = port
		o := []string{
			"-p", strconv.Itoa(port),
			"-k", shellQuote(s.sockDir),
			"-c", "listen_addresses=127.0.0.1",
		}
		if opts.Unsafe {
			o = append(o, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
		} else {
			o = append(o, "-c", "fsync=on")
		}
		if opts.MaxConnections > 0 {
			o = append(o, "-c", "max_connections="+strconv.Itoa(opts.MaxConnections))
		}
		logSize := fileSize(s.logFile)
		s.log.Info("starting PostgreSQL", "port", port, "pgdata", s.pgData, "log", s.logFile)
		_, err = s.run(ctx, true, "pg_ctl", "start", "-w", "-t", "120", "-D", s.pgData,
			"-l", s.logFile, "-o", strings.Join(o, " "))
		if err == nil {
			return s.writePort()
		}
		tail := logTail(s.logFile, logSize)
		lastErr = fmt.Errorf("%w\n%s", err, tail)
		if !strings.Contains(tail, "could not bind") && !strings.Contains(tail, "already in use") {
			break
		}
	}
	return fmt.Errorf("pgserver: start failed (log %s): %w", s.logFile, lastErr)
}

// choosePort returns the port saved by the last start if it is free (and
// fresh is false), else a free port chosen by the kernel.
func (s *Server) choosePort(fresh bool) (int, error) {
	if !fresh {
		if b, err := os.ReadFile(s.portFile()); err == nil {
			if p, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && p > 0 && p < 65536 && portFree(p) {
				return p, nil
			}
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgserver: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (s *Server) portFile() string { return filepath.Join(s.dataDir, "port") }

// writePort saves the port atomically for the next start.
func (s *Server) writePort() error {
	tmp := s.portFile() + ".tmp"
	if err := os.WriteFile(tmp, []byte(strconv.Itoa(s.port)+"\n"), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, s.portFile())
}

// running reports whether pg_ctl sees a live server on the cluster.
func (s *Server) running() bool {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := s.run(ctx, false, "pg_ctl", "status", "-D", s.pgData)
	return err == nil
}

// connect opens a connection to dbname with a short timeout.
func (s *Server) connect(ctx context.Context, dbname string) (*pgx.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return pgx.Connect(ctx, s.DSN(dbname))
}

// queryFsync checks the server on s.port is this cluster and returns its
// fsync setting.
func (s *Server) queryFsync(ctx context.Context) (string, error) {
	conn, err := s.connect(ctx, "postgres")
	if err != nil {
		return "", err
	}
	defer conn.Close(context.Background())
	var dir, fsync string
	if err := conn.QueryRow(ctx, "select current_setting('data_directory'), current_setting('fsync')").Scan(&dir, &fsync); err != nil {
		return "", err
	}
	if !sameDir(dir, s.pgData) {
		return "", fmt.Errorf("port %d serves another cluster (%s)", s.port, dir)
	}
	return fsync, nil
}

// ensureDatabase creates dbname unless it exists (races are harmless).
func (s *Server) ensureDatabase(ctx context.Context, dbname string) error {
	conn, err := s.connect(ctx, "postgres")
	if err != nil {
		return fmt.Errorf("pgserver: connect: %w", err)
	}
	defer conn.Close(context.Background())
	var exists bool
	if err := conn.QueryRow(ctx, "select exists(select 1 from pg_database where datname = $1)", dbname).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, "create database "+pgx.Identifier{dbname}.Sanitize())
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "42P04" { // duplicate_database
		return nil
	}
	if err != nil {
		return fmt.Errorf("pgserver: create database %s: %w", dbname, err)
	}
	return nil
}

// run executes a PostgreSQL binary, as the postgres user when we are root.
// detach puts it in its own process group so a Ctrl-C aimed at us does not
// also reach the server that pg_ctl start leaves behind.
func (s *Server) run(ctx context.Context, detach bool, name string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, filepath.Join(s.bin, name), args...)
	cmd.Dir = filepath.Dir(s.pgData) // a folder the postgres user can enter
	cmd.Env = cleanEnv()
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred, Setpgid: detach}
	cmd.WaitDelay = 5 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if err != nil {
		return out.Bytes(), fmt.Errorf("%s %s: %w: %s", name, args[0], err, strings.TrimSpace(out.String()))
	}
	return out.Bytes(), nil
}

// cleanEnv drops PG* variables (PGDATA, PGPORT, ...) that would change
// what the binaries do, and forces a C locale for predictable messages.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PG") || strings.HasPrefix(kv, "LC_") || strings.HasPrefix(kv, "LANG=") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "LC_ALL=C", "LANG=C")
}

// mkdirOwned creates dir (0700) owned by the user postgres runs as.
func (s *Server) mkdirOwned(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if s.cred != nil {
		if err := os.Chown(dir, int(s.cred.Uid), int(s.cred.Gid)); err != nil {
			return err
		}
	}
	return os.Chmod(dir, 0o700)
}

// touchOwned creates file (0600) owned by the user postgres runs as.
func (s *Server) touchOwned(file string) error {
	f, err := os.OpenFile(file, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if s.cred != nil {
		return os.Chown(file, int(s.cred.Uid), int(s.cred.Gid))
	}
	return nil
}

// lookupCredential returns the uid/gid of a system user.
func lookupCredential(name string) (*syscall.Credential, error) {
	u, err := user.Lookup(name)
	if err != nil {
		return nil, err
	}
	uid, err := strconv.ParseUint(u.Uid, 10, 32)
	if err != nil {
		return nil, err
	}
	gid, err := strconv.ParseUint(u.Gid, 10, 32)
	if err != nil {
		return nil, err
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

// mkdirAllTraversable creates dir and its missing parents; the folders it
// creates get mode 0755 (whatever the umask) so other users can enter them.
func mkdirAllTraversable(dir string) error {
	var created []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		created = append(created, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("pgserver: %w", err)
	}
	for _, d := range created {
		if err := os.Chmod(d, 0o755); err != nil {
			return fmt.Errorf("pgserver: %w", err)
		}
	}
	return nil
}

// untraversable returns the first folder from / down to dir that the user
// of cred may not enter (no x permission for it), or "" if all are fine.
func untraversable(dir string, cred *syscall.Credential) string {
	groups := map[uint32]bool{cred.Gid: true}
	if u, err := user.LookupId(strconv.Itoa(int(cred.Uid))); err == nil {
		if ids, err := u.GroupIds(); err == nil {
			for _, g := range ids {
				if n, err := strconv.ParseUint(g, 10, 32); err == nil {
					groups[uint32(n)] = true
				}
			}
		}
	}
	var chain []string
	for d := dir; ; d = filepath.Dir(d) {
		chain = append(chain, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	for i := len(chain) - 1; i >= 0; i-- {
		var st syscall.Stat_t
		if err := syscall.Stat(chain[i], &st); err != nil {
			return chain[i]
		}
		var ok bool
		switch {
		case st.Uid == cred.Uid:
			ok = st.Mode&0o100 != 0
		case groups[st.Gid]:
			ok = st.Mode&0o010 != 0
		default:
			ok = st.Mode&0o001 != 0
		}
		if !ok {
			return chain[i]
		}
	}
	return ""
}

// lockFile takes an exclusive flock on path, waiting for other holders.
func lockFile(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("pgserver: %w", err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("pgserver: lock %s: %w", path, err)
	}
	return func() { f.Close() }, nil // closing releases the lock
}

// readPidFile parses pgdata/postmaster.pid: line 1 is the pid, line 4 the port.
func readPidFile(pgData string) (pid, port int, ok bool) {
	b, err := os.ReadFile(filepath.Join(pgData, "postmaster.pid"))
	if err != nil {
		return 0, 0, false
	}
	lines := strings.Split(string(b), "\n")
	pid, err = strconv.Atoi(strings.TrimSpace(lines[0]))
	if err != nil || pid <= 0 {
		return 0, 0, false
	}
	if len(lines) > 3 {
		port, _ = strconv.Atoi(strings.TrimSpace(lines[3]))
	}
	return pid, port, true
}

// processAlive tells whether pid exists and is not a zombie.
func processAlive(pid int) bool {
	if err := syscall.Kill(pid, 0); err != nil && err != syscall.EPERM {
		return false
	}
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
		if i := bytes.LastIndexByte(b, ')'); i >= 0 && i+2 < len(b) && b[i+2] == 'Z' {
			return false
		}
	}
	return true
}

// isPostgresProcess tells whether pid runs the postgres binary; where /proc
// is unavailable it assumes so.
func isPostgresProcess(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
	if err != nil {
		return !dirExists("/proc/self")
	}
	return strings.HasPrefix(strings.TrimSpace(string(b)), "postgres")
}

// isPostmasterOf tells whether pid is a postmaster started with -D pgData
// (as pg_ctl does), so that stopping it cannot hit an unrelated server.
// Where /proc is unavailable it assumes so.
func isPostmasterOf(pid int, pgData string) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return !dirExists("/proc/self")
	}
	for _, arg := range strings.Split(string(b), "\x00") {
		if sameDir(arg, pgData) {
			return true
		}
	}
	return false
}

func dirExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func portFree(port int) bool {
	l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return false
	}
	l.Close()
	return true
}

func sameDir(a, b string) bool {
	ra, err1 := filepath.EvalSymlinks(a)
	rb, err2 := filepath.EvalSymlinks(b)
	if err1 != nil || err2 != nil {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	return ra == rb
}

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:6])
}

// shellQuote quotes s for the shell pg_ctl uses to run postgres.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func fileSize(p string) int64 {
	fi, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// logTail returns what was appended to the log after offset (last 2 KiB).
func logTail(p string, offset int64) string {
	b, err := os.ReadFile(p)
	if err != nil || int64(len(b)) < offset {
		return ""
	}
	b = b[offset:]
	if len(b) > 2048 {
		b = b[len(b)-2048:]
	}
	return strings.TrimSpace(string(b))
}
