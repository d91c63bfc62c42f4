package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/lending/internal/pgserver"
)

// cluster is the private PostgreSQL and the lendingd child process.
type cluster struct {
	dir       string
	pg        *pgserver.Server
	dsn       string
	pool      *pgxpool.Pool // for seeding and checks (superuser)
	pgVersion string
	fsync     string
	maxConns  int
	srv       *exec.Cmd
	srvDone   chan error
	url       string
	secret    string
	logPath   string
	debugURL  string // pprof listener of lendingd, when profiling
}

// startCluster prepares the temp folder, PostgreSQL and the server.
func startCluster(ctx context.Context, o options) (*cluster, error) {
	dir, err := os.MkdirTemp("", "lendingbench-")
	if err != nil {
		return nil, err
	}
	// PostgreSQL runs as the postgres user when we are root: it must be
	// able to enter the folder (MkdirTemp makes it 0700).
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	cl := &cluster{dir: dir, logPath: filepath.Join(dir, "lendingd.log")}
	ok := false
	defer func() {
		if !ok {
			cl.close(o.keep)
		}
	}()

	fmt.Printf("starting PostgreSQL in %s ...\n", dir)
	cl.pg, err = pgserver.StartWithOptions(ctx, filepath.Join(dir, "pg"), slog.New(slog.NewTextHandler(io.Discard, nil)),
		pgserver.Options{MaxConnections: 200})
	if err != nil {
		return nil, err
	}
	cl.dsn = cl.pg.DSN(pgserver.DefaultDatabase)
	if cl.pool, err = pgxpool.New(ctx, cl.dsn); err != nil {
		return nil, err
	}
	if err := cl.pool.QueryRow(ctx, `SELECT current_setting('server_version'), current_setting('fsync'),
		current_setting('max_connections')::int`).Scan(&cl.pgVersion, &cl.fsync, &cl.maxConns); err != nil {
		return nil, err
	}

	bin := o.bin
	if bin == "" {
		bin = filepath.Join(dir, "lendingd")
		fmt.Println("building lendingd ...")
		build := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/acme/lending/cmd/lendingd")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return nil, fmt.Errorf("go build lendingd (run from the module, or pass -bin): %w", err)
		}
	} else if bin, err = filepath.Abs(bin); err != nil {
		return nil, err
	}

	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	cl.secret = hex.EncodeToString(secret)
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	cl.url = "http://" + addr
	logf, err := os.Create(cl.logPath)
	if err != nil {
		return nil, err
	}
	cl.srv = exec.Command(bin, "serve")
	cl.srv.Dir = dir // no stray .env
	cl.srv.Env = []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + dir,
		"DATABASE_URL=" + cl.dsn, "HTTP_ADDR=" + addr, "DATA_DIR=" + filepath.Join(dir, "data"),
		"JWT_SECRET=" + cl.secret, "BCRYPT_COST=" + strconv.Itoa(o.bcryptCost), "LOGIN_MAX_FAILURES=0",
	}
	if o.dbConns > 0 {
		cl.srv.Env = append(cl.srv.Env, "DB_MAX_CONNS="+strconv.Itoa(o.dbConns))
	}
	if o.profileDir != "" {
		debugAddr, err := freeAddr()
		if err != nil {
			return nil, err
		}
		cl.debugURL = "http://" + debugAddr
		cl.srv.Env = append(cl.srv.Env, "DEBUG_ADDR="+debugAddr)
	}
	cl.srv.Stdout, cl.srv.Stderr = logf, logf
	if err := cl.srv.Start(); err != nil {
		return nil, err
	}
	cl.srvDone = make(chan error, 1)
	go func() { cl.srvDone <- cl.srv.Wait(); _ = logf.Close() }()

	deadline := time.Now().Add(2 * time.Minute)
	for {
		select {
		case err := <-cl.srvDone:
			cl.srvDone <- err
			return nil, fmt.Errorf("lendingd exited: %w (log %s)\n%s", err, cl.logPath, tail(cl.logPath, 2000))
		default:
		}
		if r, err := http.Get(cl.url + "/readyz"); err == nil {
			_ = r.Body.Close()
			if r.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("lendingd not ready after 2 minutes (log %s)", cl.logPath)
		}
		time.Sleep(100 * time.Millisecond)
	}
	ok = true
	return cl, nil
}

// close stops the server and PostgreSQL and removes the folder.
func (cl *cluster) close(keep bool) {
	if cl.srv != nil && cl.srv.Process != nil {
		_ = cl.srv.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-cl.srvDone:
			if err != nil {
				fmt.Fprintln(os.Stderr, "lendingd:", err)
			}
		case <-time.After(30 * time.Second):
			_ = cl.srv.Process.Kill()
		}
	}
	if cl.pool != nil {
		cl.pool.Close()
	}
	if cl.pg != nil {
		if err := cl.pg.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "stop PostgreSQL:", err)
		}
	}
	if keep {
		fmt.Printf("kept %s (server log %s)\n", cl.dir, cl.logPath)
		return
	}
	_ = os.RemoveAll(cl.dir)
}

// pgCredential is the postgres system user when we are root (nil otherwise).
func pgCredential() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, err
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func tail(path string, n int) string {
	b, _ := os.ReadFile(path)
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}

// machine describes where the figures come from.
type machine struct {
	cpus     int
	cpuModel string
	memory   string
	kernel   string
	postgres string
	loadAvg  string // 1-minute load average before the run: other work on these CPUs
}

func describeMachine() machine {
	m := machine{cpus: runtime.NumCPU(), cpuModel: "unknown CPU", memory: "? GB", kernel: runtime.GOOS}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.cpuModel = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) >= 2 && fields[0] == "MemTotal:" {
				kb, _ := strconv.ParseFloat(fields[1], 64)
				m.memory = fmt.Sprintf("%.1f GB", kb/1024/1024)
				break
			}
		}
		f.Close()
	}
	m.loadAvg = loadAverage()
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.kernel = "Linux " + strings.TrimSpace(string(b))
	}
	return m
}

// loadAverage is the 1-minute load average ("?" where unknown).
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}
