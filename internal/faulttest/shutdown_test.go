package faulttest

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/acme/lending/internal/testdb"
)

// TestGracefulShutdown sends SIGTERM while requests are being served and a
// WebSocket is open: the requests finish with their normal answers, the
// socket is closed with 1001 (going away), the process exits 0 and stops
// accepting connections.
func TestGracefulShutdown(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dsn := testdb.New(t)
	// bcrypt at the production cost makes each login take a few hundred
	// milliseconds of CPU: requests that are certainly in flight.
	srv := startServer(t, dsn, "", "BCRYPT_COST=12")
	a := newAPI(srv.URL, 60*time.Second)
	u := register(t, a, "drain")

	wsURL := "ws" + strings.TrimPrefix(srv.URL, "http") + "/api/ws?access_token=" + url.QueryEscape(u.token)
	dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	conn, _, err := websocket.Dial(dctx, wsURL, nil)
	cancel()
	if err != nil {
		t.Fatalf("websocket: %v", err)
	}
	defer conn.CloseNow()
	closed := make(chan error, 1)
	go func() {
		rctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		for {
			if _, _, err := conn.Read(rctx); err != nil {
				closed <- err
				return
			}
		}
	}()

	const inFlight = 6
	type result struct {
		a    answer
		done time.Time
	}
	results := make([]result, inFlight)
	var wg sync.WaitGroup
	for i := range inFlight {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := a.do(ctx, "POST", "/api/auth/login", "", map[string]any{"email": u.email, "password": u.password}, nil)
			results[i] = result{a: r, done: time.Now()}
		}()
	}
	time.Sleep(150 * time.Millisecond) // the logins have reached the server
	signalled := time.Now()
	srv.signal(syscall.SIGTERM)
	wg.Wait()

	finishedAfter := 0
	for i, r := range results {
		if r.a.Status != 200 || !strings.Contains(string(r.a.Body), "access_token") {
			t.Errorf("in-flight login %d: %d %v %s", i, r.a.Status, r.a.Err, r.a.Body)
		}
		if r.done.After(signalled) {
			finishedAfter++
		}
	}
	if finishedAfter == 0 {
		t.Fatalf("no request was still in flight at SIGTERM; the test proved nothing")
	}
	t.Logf("%d of %d requests were in flight at SIGTERM and finished normally", finishedAfter, inFlight)

	select {
	case err := <-closed:
		if code := websocket.CloseStatus(err); code != websocket.StatusGoingAway {
			t.Errorf("websocket ended with %v (code %d), want 1001 going away", err, code)
		}
	case <-time.After(30 * time.Second):
		t.Errorf("websocket still open 30 s after SIGTERM")
	}

	exited, err := srv.wait(30 * time.Second)
	switch {
	case !exited:
		t.Fatalf("lendingd still running 30 s after SIGTERM\n%s", srv.logTail(2000))
	case err != nil:
		var ee interface{ ExitCode() int }
		if errors.As(err, &ee) {
			t.Errorf("lendingd exited with code %d after SIGTERM\n%s", ee.ExitCode(), srv.logTail(2000))
		} else {
			t.Errorf("lendingd: %v", err)
		}
	}
	if r := a.do(ctx, "GET", "/healthz", "", nil, nil); r.Status != 0 {
		t.Errorf("a stopped server still answers: %d", r.Status)
	}
}
