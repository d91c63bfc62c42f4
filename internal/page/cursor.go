// Package page implements keyset pagination cursors: an opaque, URL-safe
// encoding of the (created_at, id) of the last row of a page.
package page

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/acme/lending/internal/apperr"
)

// DefaultLimit and MaxLimit bound page sizes.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// Cursor is a position in a (created_at, id) ordered list.
type Cursor struct {
	At *time.Time
	ID *uuid.UUID
}

// Limit applies the default and the cap; the extra row tells whether a next page exists.
func Limit(l *int32) int32 {
	if l == nil || *l <= 0 {
		return DefaultLimit
	}
	return min(*l, MaxLimit)
}

// decode parses a cursor string (empty means the first page).
func decode(s *string) (Cursor, error) {
	if s == nil || *s == "" {
		return Cursor{}, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(*s)
	if err != nil {
		return Cursor{}, apperr.Field("cursor", "is not a cursor returned by this API")
	}
	ts, id, ok := strings.Cut(string(raw), "|")
	nanos, err1 := strconv.ParseInt(ts, 10, 64)
	uid, err2 := uuid.Parse(id)
	if !ok || err1 != nil || err2 != nil {
		return Cursor{}, apperr.Field("cursor", "is not a cursor returned by this API")
	}
	at := time.Unix(0, nanos).UTC()
	return Cursor{At: &at, ID: &uid}, nil
}

// Encode makes the cursor for the row after which the next page starts.
func Encode(at time.Time, id uuid.UUID) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(at.UnixNano(), 10) + "|" + id.String()))
}

// next returns the next cursor when the query returned more than limit rows
// (it asks for limit+1), and trims the rows to limit.
func next[T any](rows []T, limit int32, key func(T) (time.Time, uuid.UUID)) ([]T, *string) {
	if int32(len(rows)) <= limit {
		return rows, nil
	}
	rows = rows[:limit]
	at, id := key(rows[len(rows)-1])
	c := Encode(at, id)
	return rows, &c
}

// Fetch reads one page: it decodes the cursor, asks query for up to
// limit+1 rows after it (the extra one tells whether a next page exists)
// and returns at most limit rows with the next page's cursor.
func Fetch[T any](cursor *string, limit *int32, query func(after Cursor, n int32) ([]T, error), key func(T) (time.Time, uuid.UUID)) ([]T, *string, error) {
	c, err := decode(cursor)
	if err != nil {
		return nil, nil, err
	}
	lim := Limit(limit)
	rows, err := query(c, lim+1)
	if err != nil {
		return nil, nil, err
	}
	rows, after := next(rows, lim, key)
	return rows, after, nil
}
