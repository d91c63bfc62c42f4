// Package realtime delivers live events to connected browsers. Every
// instance LISTENs on one PostgreSQL channel, so an event committed
// through any instance reaches sockets held by every other one; NOTIFY is
// transactional, so rolled-back changes are never announced.
package realtime

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/notify"
)

// SendBuffer bounds the messages queued for one socket; a client that
// falls further behind is disconnected rather than slowing anyone down.
const SendBuffer = 64

// Message is what a socket receives.
type Message struct {
	Type      string          `json:"type"`
	ID        uuid.UUID       `json:"id"`
	CreatedAt time.Time       `json:"created_at"`
	Data      json.RawMessage `json:"data"`
}

type client struct {
	userID    uuid.UUID
	sessionID uuid.UUID
	send      chan []byte
	closed    chan string // reason the hub dropped the client
	once      sync.Once
}

func (c *client) drop(reason string) {
	c.once.Do(func() { c.closed <- reason; close(c.closed) })
}

// Hub tracks the sockets of this instance.
type Hub struct {
	pool   *pgxpool.Pool
	log    *slog.Logger
	render func(dbgen.Notification) ([]byte, error)

	mu          sync.Mutex
	clients     map[uuid.UUID]map[*client]struct{}
	connections sync.WaitGroup
	ready       chan struct{}
	readyOnce   sync.Once
	// PingEvery overrides the ping/session-check interval (tests).
	PingEvery time.Duration
}

func (h *Hub) pingEvery() time.Duration {
	if h.PingEvery > 0 {
		return h.PingEvery
	}
	return PingEvery
}

// NewHub returns a hub; render turns a stored notification into the JSON
// of Message.Data (the API's Notification schema).
func NewHub(pool *pgxpool.Pool, log *slog.Logger, render func(dbgen.Notification) ([]byte, error)) *Hub {
	return &Hub{pool: pool, log: log, render: render, clients: map[uuid.UUID]map[*client]struct{}{}, ready: make(chan struct{})}
}

// Ready is closed once the listener first subscribed.
func (h *Hub) Ready() <-chan struct{} { return h.ready }

// Connected is the number of open sockets on this instance.
func (h *Hub) Connected() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, set := range h.clients {
		n += len(set)
	}
	return n
}

func (h *Hub) add(c *client) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.clients[c.userID] == nil {
		h.clients[c.userID] = map[*client]struct{}{}
	}
	h.clients[c.userID][c] = struct{}{}
}

func (h *Hub) remove(c *client) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.clients[c.userID], c)
	if len(h.clients[c.userID]) == 0 {
		delete(h.clients, c.userID)
	}
}

// deliver queues msg for every socket of user, never blocking.
func (h *Hub) deliver(userID uuid.UUID, msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients[userID] {
		select {
		case c.send <- msg:
		default:
			c.drop("client fell behind")
		}
	}
}

// endSession closes the sockets of a revoked session (or all of a user's when session is Nil).
func (h *Hub) endSession(userID, sessionID uuid.UUID) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients[userID] {
		if sessionID == uuid.Nil || c.sessionID == sessionID {
			c.drop("session ended")
		}
	}
}

// Run listens for events until ctx ends, reconnecting with backoff.
func (h *Hub) Run(ctx context.Context) {
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		err := h.listen(ctx)
		if ctx.Err() != nil {
			return
		}
		h.log.Warn("realtime listener lost its connection; reconnecting", "err", err, "in", backoff)
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 5*time.Second)
	}
}

func (h *Hub) listen(ctx context.Context) error {
	conn, err := h.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	// The connection carries LISTEN state: never return it to the pool.
	pc := conn.Hijack()
	defer pc.Close(context.Background())
	if _, err := pc.Exec(ctx, "LISTEN "+pgx.Identifier{notify.Channel}.Sanitize()); err != nil {
		return err
	}
	h.readyOnce.Do(func() { close(h.ready) })
	q := dbgen.New(h.pool)
	for {
		n, err := pc.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		var env notify.Envelope
		if err := json.Unmarshal([]byte(n.Payload), &env); err != nil {
			h.log.Warn("bad realtime payload", "payload", n.Payload)
			continue
		}
		if env.SessionEnded {
			h.endSession(env.UserID, env.SessionID)
			continue
		}
		if !h.hasClients(env.UserID) {
			continue
		}
		row, err := q.NotificationGetByID(ctx, env.NotificationID)
		if err != nil {
			h.log.Warn("load notification", "id", env.NotificationID, "err", err)
			continue
		}
		data, err := h.render(row)
		if err != nil {
			continue
		}
		msg, _ := json.Marshal(Message{Type: row.Type, ID: row.ID, CreatedAt: row.CreatedAt, Data: data})
		h.deliver(env.UserID, msg)
	}
}

func (h *Hub) hasClients(userID uuid.UUID) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients[userID]) > 0
}
