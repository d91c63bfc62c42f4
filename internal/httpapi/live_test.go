package httpapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/acme/lending/gen/api/client"
	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/apitest"
	"github.com/acme/lending/internal/notify"
)

type liveMsg struct {
	Type string `json:"type"`
	Data struct {
		Title string         `json:"title"`
		Data  map[string]any `json:"data"`
	} `json:"data"`
}

func dial(t *testing.T, env *apitest.Env, token string) (*websocket.Conn, *http.Response, error) {
	t.Helper()
	url := "ws" + strings.TrimPrefix(env.URL, "http") + "/api/ws?access_token=" + token
	dctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return websocket.Dial(dctx, url, nil)
}

// next reads the next message, failing after a generous deadline (a hang guard, not a timing assertion).
func next(t *testing.T, c *websocket.Conn) liveMsg {
	t.Helper()
	rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	_, b, err := c.Read(rctx)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	var m liveMsg
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("message %s: %v", b, err)
	}
	return m
}

func TestLiveEventCrossesInstances(t *testing.T) {
	t.Parallel()
	a := apitest.New(t)
	b := a.Instance()
	borrower, admin := a.Register("live"), a.Admin()
	l := apply(t, borrower, 100_000, 12)

	conn, _, err := dial(t, b, borrower.AccessToken) // connected to instance B
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	waitConnected(t, b)
	decide(t, admin, l.Id, client.Approve) // caused through instance A
	m := next(t, conn)
	if m.Type != "loan.approved" || m.Data.Data["loan_id"] != l.Id.String() {
		t.Fatalf("message %+v", m)
	}
	// It is stored too, for whoever was offline.
	n, _ := borrower.C.ListNotificationsWithResponse(ctx, &client.ListNotificationsParams{Unread: ptr(true)})
	if n.JSON200 == nil || n.JSON200.UnreadCount != 1 || n.JSON200.Items[0].Type != "loan.approved" {
		t.Fatalf("notifications: %s", n.Body)
	}
	// Staff were told of the application (one statement for all admins).
	an, _ := admin.C.ListNotificationsWithResponse(ctx, nil)
	if an.JSON200 == nil || len(an.JSON200.Items) != 1 || an.JSON200.Items[0].Type != "loan.submitted" || an.JSON200.Items[0].Data["loan_id"] != l.Id.String() {
		t.Fatalf("admin notifications: %s", an.Body)
	}
	read, _ := borrower.C.MarkNotificationReadWithResponse(ctx, n.JSON200.Items[0].Id)
	if read.JSON200 == nil || read.JSON200.ReadAt == nil {
		t.Fatalf("mark read: %s", read.Body)
	}
	// A rolled-back change is never announced; the next committed one is.
	q := dbgen.New(a.Pool)
	tx, _ := a.Pool.Begin(ctx)
	if err := notify.Send(ctx, q.WithTx(tx), notify.Event{UserID: borrower.ID, Type: "ghost", Title: "rolled back"}); err != nil {
		t.Fatal(err)
	}
	_ = tx.Rollback(ctx)
	if err := notify.Send(ctx, q, notify.Event{UserID: borrower.ID, Type: "real", Title: "committed"}); err != nil {
		t.Fatal(err)
	}
	if m := next(t, conn); m.Type != "real" {
		t.Fatalf("got %q: a rolled-back notification leaked", m.Type)
	}
}

func TestWebSocketAuth(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u := env.Register("wsauth")
	_, resp, err := dial(t, env, "not-a-token")
	if err == nil || resp == nil || resp.StatusCode != 401 {
		t.Fatalf("bad token: %v %v", err, resp)
	}
	conn, _, err := dial(t, env, u.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	waitConnected(t, env)
	if lo, _ := u.C.LogoutWithResponse(ctx); lo.StatusCode() != 204 {
		t.Fatalf("logout %d", lo.StatusCode())
	}
	rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	_, _, err = conn.Read(rctx)
	var ce websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != websocket.StatusPolicyViolation {
		t.Fatalf("after logout: %v", err)
	}
}

func waitConnected(t *testing.T, env *apitest.Env) {
	t.Helper()
	for i := 0; i < 500 && env.App.Hub.Connected() == 0; i++ {
		time.Sleep(10 * time.Millisecond)
	}
}
