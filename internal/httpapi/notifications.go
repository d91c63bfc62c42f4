package httpapi

import (
	"context"
	"time"

	"github.com/google/uuid"

	api "github.com/acme/lending/gen/api"
	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/database"
	"github.com/acme/lending/internal/page"
)

func (s *Server) ListNotifications(ctx context.Context, r api.ListNotificationsRequestObject) (api.ListNotificationsResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	var unread int64
	rows, next, err := page.Fetch(r.Params.Cursor, r.Params.Limit, func(c page.Cursor, n int32) (rows []dbgen.Notification, err error) {
		rows, unread, err = s.inbox.List(ctx, p.UserID, r.Params.Unread != nil && *r.Params.Unread, c.At, c.ID, n)
		return rows, err
	}, func(n dbgen.Notification) (time.Time, uuid.UUID) { return n.CreatedAt, n.ID })
	if err != nil {
		return nil, database.Classify(err)
	}
	items := make([]api.Notification, len(rows))
	for i, n := range rows {
		items[i] = toNotification(n)
	}
	return api.ListNotifications200JSONResponse(api.NotificationPage{Items: items, UnreadCount: unread, NextCursor: next}), nil
}

func (s *Server) MarkNotificationRead(ctx context.Context, r api.MarkNotificationReadRequestObject) (api.MarkNotificationReadResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	n, err := s.inbox.MarkRead(ctx, p.UserID, r.Id)
	if err != nil {
		return nil, database.Classify(err)
	}
	return api.MarkNotificationRead200JSONResponse(toNotification(n)), nil
}

// OpenWebSocket is served by the realtime hub, which replaces this route
// (a WebSocket upgrade cannot go through the strict JSON handler).
func (s *Server) OpenWebSocket(context.Context, api.OpenWebSocketRequestObject) (api.OpenWebSocketResponseObject, error) {
	return nil, apperr.Invalid("GET /api/ws needs a WebSocket upgrade")
}
