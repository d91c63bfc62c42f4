// Package faulttest breaks the running service on purpose: the real
// lendingd binary (built once in TestMain) as a child process, killed with
// SIGKILL mid-write, cut off from its database, and shut down with work in
// flight. The assertions are about outcomes (what is in the database, what
// the client was told), never about timings beyond the documented bounds.
package faulttest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lendingd is the binary under test, built by TestMain.
var lendingd string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "faulttest-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	lendingd = filepath.Join(dir, "lendingd")
	build := exec.Command("go", "build", "-o", lendingd, "github.com/acme/lending/cmd/lendingd")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "faulttest: building lendingd:", err)
		return 1
	}
	return m.Run()
}

// jwtSecret is shared by every server a test starts on one database, as
// instances of one deployment share it.
const jwtSecret = "faulttest-secret-that-is-at-least-32-bytes"

// server is one running lendingd child process.
type server struct {
	t       *testing.T
	cmd     *exec.Cmd
	URL     string
	logPath string
	exited  chan struct{}
	waitErr error
}

// startServer runs `lendingd serve` on dsn at addr (a free port when
// empty) and waits until it answers /healthz.
func startServer(t *testing.T, dsn, addr string, extraEnv ...string) *server {
	t.Helper()
	if addr == "" {
		addr = freeAddr(t)
	}
	dir := t.TempDir() // working folder: no stray .env is read
	s := &server{t: t, URL: "http://" + addr, logPath: filepath.Join(dir, "lendingd.log"), exited: make(chan struct{})}
	logf, err := os.Create(s.logPath)
	if err != nil {
		t.Fatal(err)
	}
	s.cmd = exec.Command(lendingd, "serve")
	s.cmd.Dir = dir
	s.cmd.Env = append([]string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "TMPDIR=" + os.TempDir(),
		"DATABASE_URL=" + dsn, "HTTP_ADDR=" + addr, "DATA_DIR=" + filepath.Join(dir, "data"),
		"JWT_SECRET=" + jwtSecret, "BCRYPT_COST=4", "LOGIN_MAX_FAILURES=0", "DB_MAX_CONNS=10",
	}, extraEnv...)
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		s.waitErr = s.cmd.Wait()
		_ = logf.Close()
		close(s.exited)
	}()
	t.Cleanup(func() {
		s.kill()
		if t.Failed() {
			t.Logf("lendingd log (%s):\n%s", addr, s.logTail(4000))
		}
	})
	deadline := time.Now().Add(60 * time.Second)
	for {
		select {
		case <-s.exited:
			t.Fatalf("lendingd exited during start-up: %v\n%s", s.waitErr, s.logTail(4000))
		default:
		}
		if r, err := http.Get(s.URL + "/healthz"); err == nil {
			_ = r.Body.Close()
			if r.StatusCode == 200 {
				return s
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("lendingd did not answer /healthz within a minute\n%s", s.logTail(4000))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// kill sends SIGKILL (no clean-up of any kind) and waits for the exit.
func (s *server) kill() {
	if s.cmd.Process == nil {
		return
	}
	select {
	case <-s.exited:
		return
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.exited
}

// signal sends sig and returns at once.
func (s *server) signal(sig os.Signal) {
	if err := s.cmd.Process.Signal(sig); err != nil {
		s.t.Fatal(err)
	}
}

// wait waits up to d for the process to exit; exited is false on timeout.
func (s *server) wait(d time.Duration) (exited bool, err error) {
	select {
	case <-s.exited:
		return true, s.waitErr
	case <-time.After(d):
		return false, nil
	}
}

func (s *server) logTail(n int) string {
	b, _ := os.ReadFile(s.logPath)
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// answer is what a client saw for one request.
type answer struct {
	Status  int // 0 when the transport failed (no answer)
	Header  http.Header
	Body    []byte
	Err     error
	Elapsed time.Duration
}

// api is a small JSON client with a per-request timeout.
type api struct {
	base   string
	client *http.Client
}

func newAPI(base string, timeout time.Duration) *api {
	return &api{base: base, client: &http.Client{Timeout: timeout, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}}
}

func (a *api) do(ctx context.Context, method, path, token string, body any, header map[string]string) answer {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return answer{Err: err}
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, a.base+path, rd)
	if err != nil {
		return answer{Err: err}
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
		// net/http silently resends a request carrying an Idempotency-Key
		// when its reused connection breaks; the tests retry on their own,
		// and need to see which requests the crash cut off.
		req.GetBody = nil
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	start := time.Now()
	resp, err := a.client.Do(req)
	if err != nil {
		return answer{Err: err, Elapsed: time.Since(start)}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return answer{Status: resp.StatusCode, Header: resp.Header, Body: b, Err: err, Elapsed: time.Since(start)}
}

// must sends a request and fails the test unless the status is want.
func (a *api) must(t *testing.T, want int, method, path, token string, body any) map[string]any {
	t.Helper()
	r := a.do(context.Background(), method, path, token, body, nil)
	if r.Status != want {
		t.Fatalf("%s %s: %d %v %s (want %d)", method, path, r.Status, r.Err, r.Body, want)
	}
	m := map[string]any{}
	_ = json.Unmarshal(r.Body, &m)
	return m
}

// user is a signed-in borrower (or admin) of a running server.
type user struct {
	email, password, token string
	id                     string
}

var userSeq struct {
	sync.Mutex
	n int
}

// register creates a borrower through the API and signs in.
func register(t *testing.T, a *api, name string) *user {
	t.Helper()
	userSeq.Lock()
	userSeq.n++
	email := fmt.Sprintf("%s-%d-%d@example.com", name, userSeq.n, time.Now().UnixNano()%1e6)
	userSeq.Unlock()
	u := &user{email: email, password: "correct-horse-battery"}
	m := a.must(t, 201, "POST", "/api/auth/register", "", map[string]any{"email": email, "password": u.password, "full_name": name})
	u.id, _ = m["id"].(string)
	u.token = login(t, a, email, u.password)
	return u
}

func login(t *testing.T, a *api, email, password string) string {
	t.Helper()
	m := a.must(t, 200, "POST", "/api/auth/login", "", map[string]any{"email": email, "password": password})
	tok, _ := m["access_token"].(string)
	if tok == "" {
		t.Fatalf("login %s: no token", email)
	}
	return tok
}

// createAdmin runs `lendingd create-admin` against dsn and signs in.
func createAdmin(t *testing.T, a *api, dsn string) *user {
	t.Helper()
	u := &user{email: fmt.Sprintf("staff-%d@example.com", time.Now().UnixNano()), password: "correct-horse-battery"}
	dir := t.TempDir()
	cmd := exec.Command(lendingd, "create-admin", "--email", u.email)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "DATABASE_URL=" + dsn, "DATA_DIR=" + dir,
		"JWT_SECRET=" + jwtSecret, "BCRYPT_COST=4"}
	cmd.Stdin = strings.NewReader(u.password + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("create-admin: %v\n%s", err, out)
	}
	u.token = login(t, a, u.email, u.password)
	return u
}
