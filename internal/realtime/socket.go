package realtime

import (
	"context"
	"errors"
	"time"

	"github.com/coder/websocket"
	"github.com/labstack/echo/v4"

	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/auth"
)

// Timings of a socket.
const (
	PingEvery    = 30 * time.Second
	WriteTimeout = 10 * time.Second
)

// Close reasons and their codes.
const (
	reasonBehind   = "client fell behind"
	reasonSession  = "session ended"
	reasonShutdown = "server shutting down"
)

var closeCodes = map[string]websocket.StatusCode{
	reasonBehind:   websocket.StatusTryAgainLater,
	reasonSession:  websocket.StatusPolicyViolation,
	reasonShutdown: websocket.StatusGoingAway,
}

// Authenticator checks a token, and later whether its session still lives.
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (auth.Principal, error)
	CheckSession(ctx context.Context, p auth.Principal) error
}

// Handler serves GET /api/ws. Browsers cannot set headers on a WebSocket,
// so the access token comes as the access_token query parameter; it is
// checked before the upgrade, and the session is re-checked on every ping.
func (h *Hub) Handler(authn Authenticator, originPatterns []string) echo.HandlerFunc {
	return func(c echo.Context) error {
		token := c.QueryParam("access_token")
		if token == "" {
			return apperr.Unauthorized("pass the access token as access_token")
		}
		p, err := authn.Authenticate(c.Request().Context(), token)
		if err != nil {
			return err
		}
		conn, err := websocket.Accept(c.Response(), c.Request(), &websocket.AcceptOptions{OriginPatterns: originPatterns})
		if err != nil {
			h.log.Debug("websocket handshake refused", "err", err)
			return nil //nolint:nilerr // Accept has already answered the client
		}
		h.serve(c.Request().Context(), conn, authn, p)
		return nil
	}
}

func (h *Hub) serve(ctx context.Context, conn *websocket.Conn, authn Authenticator, p auth.Principal) {
	cl := &client{userID: p.UserID, sessionID: p.SessionID, send: make(chan []byte, SendBuffer), closed: make(chan string, 1)}
	h.add(cl)
	h.connections.Add(1)
	defer func() {
		h.remove(cl)
		h.connections.Done()
	}()
	ctx = conn.CloseRead(ctx) // we only write; this answers pings and notices the client leaving
	ticker := time.NewTicker(h.pingEvery())
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			_ = conn.CloseNow()
			return
		case reason := <-cl.closed:
			_ = conn.Close(closeCodes[reason], reason)
			return
		case msg := <-cl.send:
			wctx, cancel := context.WithTimeout(ctx, WriteTimeout)
			err := conn.Write(wctx, websocket.MessageText, msg)
			cancel()
			if err != nil {
				_ = conn.CloseNow()
				return
			}
		case <-ticker.C:
			if err := authn.CheckSession(ctx, p); err != nil {
				if errors.Is(err, context.Canceled) {
					continue
				}
				if apperr.Is(err, apperr.KindUnauthorized) {
					_ = conn.Close(websocket.StatusPolicyViolation, reasonSession)
					return
				}
			}
			pctx, cancel := context.WithTimeout(ctx, WriteTimeout)
			err := conn.Ping(pctx)
			cancel()
			if err != nil {
				_ = conn.CloseNow()
				return
			}
		}
	}
}

// Shutdown closes every socket with 1001 (going away) and waits for them.
func (h *Hub) Shutdown(ctx context.Context) {
	h.mu.Lock()
	for _, set := range h.clients {
		for c := range set {
			c.drop(reasonShutdown)
		}
	}
	h.mu.Unlock()
	done := make(chan struct{})
	go func() { h.connections.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
}
