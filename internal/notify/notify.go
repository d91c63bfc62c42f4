// Package notify records notifications for people and announces them to
// live listeners. Both happen inside the caller's transaction: the row is
// stored with the business change, and PostgreSQL delivers the NOTIFY only
// if that transaction commits, so nothing is announced for a rolled-back
// change and nothing is lost while the person is offline.
package notify

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"github.com/google/uuid"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/database"
)

// Channel is the PostgreSQL channel live events travel on.
const Channel = "lending_events"

// Event is one notification for one person.
type Event struct {
	UserID uuid.UUID
	Type   string // e.g. loan.approved
	Title  string
	Body   string
	Data   map[string]any
}

func (e Event) encodeData() ([]byte, error) {
	if e.Data == nil {
		return []byte("{}"), nil
	}
	return json.Marshal(e.Data)
}

// Envelope is what travels over NOTIFY: the stored notification's id and
// recipient (listeners load the row itself, keeping the payload small).
type Envelope struct {
	NotificationID uuid.UUID `json:"notification_id,omitempty"`
	UserID         uuid.UUID `json:"user_id"`
	// SessionEnded asks every instance to close the sockets of SessionID
	// (or of all the user's sessions when it is the zero UUID).
	SessionEnded bool      `json:"session_ended,omitempty"`
	SessionID    uuid.UUID `json:"session_id,omitempty"`
}

// SessionEnded announces (on commit) that a session or all of a user's
// sessions ended, so live sockets close at once on every instance.
func SessionEnded(ctx context.Context, q *dbgen.Queries, userID, sessionID uuid.UUID) error {
	payload, err := json.Marshal(Envelope{UserID: userID, SessionEnded: true, SessionID: sessionID})
	if err != nil {
		return err
	}
	return q.NotificationPublish(ctx, string(payload))
}

// Send stores the notification and queues its announcement.
func Send(ctx context.Context, q *dbgen.Queries, e Event) error {
	data, err := e.encodeData()
	if err != nil {
		return err
	}
	n, err := q.NotificationCreate(ctx, dbgen.NotificationCreateParams{
		UserID: e.UserID, Type: e.Type, Title: e.Title, Body: e.Body, Data: data,
	})
	if err != nil {
		return err
	}
	payload, err := json.Marshal(Envelope{NotificationID: n.ID, UserID: n.UserID})
	if err != nil {
		return err
	}
	return publish(ctx, q, string(payload))
}

// publish announces payload: through the request's outbox when there is
// one (sent after commit), else with a NOTIFY inside the transaction.
func publish(ctx context.Context, q *dbgen.Queries, payload string) error {
	if ob, ok := ctx.Value(outboxKey{}).(*Outbox); ok {
		ob.mu.Lock()
		ob.payloads = append(ob.payloads, payload)
		ob.mu.Unlock()
		return nil
	}
	return q.NotificationPublish(ctx, payload)
}

type outboxKey struct{}

// Outbox holds the announcements of one business transaction until it has
// committed. A NOTIFY inside the transaction would also be delivered only
// on commit, but PostgreSQL serialises committing transactions that
// notify, which costs busy money endpoints a third of their throughput;
// announcing after commit keeps them apart. The stored notification is
// written in the transaction either way, so a crash between commit and
// Flush loses only the live push, never the notification.
type Outbox struct {
	mu       sync.Mutex
	payloads []string
}

// WithOutbox returns ctx collecting announcements into a new outbox.
func WithOutbox(ctx context.Context) (context.Context, *Outbox) {
	ob := &Outbox{}
	return context.WithValue(ctx, outboxKey{}, ob), ob
}

// Reset forgets what an aborted attempt queued (before a retry).
func (o *Outbox) Reset() {
	o.mu.Lock()
	o.payloads = nil
	o.mu.Unlock()
}

// Flush announces everything queued, in one statement, after the commit.
func (o *Outbox) Flush(ctx context.Context, db dbgen.DBTX) error {
	o.mu.Lock()
	payloads := o.payloads
	o.payloads = nil
	o.mu.Unlock()
	if len(payloads) == 0 {
		return nil
	}
	return dbgen.New(db).NotificationPublishMany(context.WithoutCancel(ctx), payloads)
}

// SendToAdmins notifies every active staff member.
func SendToAdmins(ctx context.Context, q *dbgen.Queries, e Event) error {
	data, err := e.encodeData()
	if err != nil {
		return err
	}
	rows, err := q.NotificationCreateForAdmins(ctx, dbgen.NotificationCreateForAdminsParams{
		Type: e.Type, Title: e.Title, Body: e.Body, Data: data,
	})
	if err != nil {
		return err
	}
	for _, r := range rows {
		payload, err := json.Marshal(Envelope{NotificationID: r.ID, UserID: r.UserID})
		if err != nil {
			return err
		}
		if err := publish(ctx, q, string(payload)); err != nil {
			return err
		}
	}
	return nil
}

// Inbox reads a person's stored notifications.
type Inbox struct {
	q      *dbgen.Queries
	search *dbgen.Queries // the filtered list (see database.CustomPlans)
}

// NewInbox returns an inbox reader on db.
func NewInbox(db database.Querier) *Inbox {
	return &Inbox{q: dbgen.New(db), search: dbgen.New(database.CustomPlans(db))}
}

// List returns a page of notifications, newest first, and the unread count.
func (i *Inbox) List(ctx context.Context, userID uuid.UUID, unreadOnly bool, cursorAt *time.Time, cursorID *uuid.UUID, limit int32) ([]dbgen.Notification, int64, error) {
	rows, err := i.search.NotificationList(ctx, dbgen.NotificationListParams{
		UserID: userID, UnreadOnly: unreadOnly, CursorAt: cursorAt, CursorID: cursorID, Lim: limit,
	})
	if err != nil {
		return nil, 0, err
	}
	unread, err := i.q.NotificationUnreadCount(ctx, userID)
	return rows, unread, err
}

// MarkRead marks one of the person's notifications read; others' are not found.
func (i *Inbox) MarkRead(ctx context.Context, userID, id uuid.UUID) (dbgen.Notification, error) {
	n, err := i.q.NotificationMarkRead(ctx, dbgen.NotificationMarkReadParams{ID: id, UserID: userID})
	if database.IsNoRows(err) {
		return n, apperr.NotFound("notification")
	}
	return n, err
}
