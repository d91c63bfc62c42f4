package auth

import (
	"context"

	"github.com/google/uuid"

	"github.com/acme/lending/internal/apperr"
)

// Role names as stored and as carried in tokens.
const (
	RoleUser  = "user"
	RoleAdmin = "admin"
)

// Principal is the authenticated caller of one request.
type Principal struct {
	UserID    uuid.UUID
	SessionID uuid.UUID
	Role      string
}

// IsAdmin reports staff.
func (p Principal) IsAdmin() bool { return p.Role == RoleAdmin }

// CanSee reports whether the caller may see an object owned by owner.
func (p Principal) CanSee(owner uuid.UUID) bool { return p.IsAdmin() || p.UserID == owner }

type ctxKey struct{}

// WithPrincipal stores p in ctx.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, ctxKey{}, p)
}

// FromContext returns the caller; ok is false on unauthenticated routes.
func FromContext(ctx context.Context) (Principal, bool) {
	p, ok := ctx.Value(ctxKey{}).(Principal)
	return p, ok
}

// ScopeToOwner narrows a list's user filter to what the caller may see:
// staff keep the filter they asked for; anyone else sees only their own
// objects, and asking for another user's is "not found".
func (p Principal) ScopeToOwner(userID *uuid.UUID) (*uuid.UUID, error) {
	if p.IsAdmin() {
		return userID, nil
	}
	if userID != nil && *userID != p.UserID {
		return nil, apperr.NotFound("user")
	}
	own := p.UserID
	return &own, nil
}
