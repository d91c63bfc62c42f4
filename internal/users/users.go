// Package users manages accounts: profile reads and updates, admin
// listing, role changes and deactivation.
package users

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/auth"
	"github.com/acme/lending/internal/database"
	"github.com/acme/lending/internal/notify"
	"github.com/acme/lending/internal/page"
)

// Service implements the user use cases.
type Service struct {
	pool *pgxpool.Pool
	q    *dbgen.Queries
	pw   *auth.Passwords
	// search runs the filtered user list (see database.CustomPlans).
	search *dbgen.Queries
}

// NewService wires the user service.
func NewService(pool *pgxpool.Pool, pw *auth.Passwords) *Service {
	return &Service{pool: pool, q: dbgen.New(pool), search: dbgen.New(database.CustomPlans(pool)), pw: pw}
}

// Get returns a user the caller may see; others are "not found".
func (s *Service) Get(ctx context.Context, p auth.Principal, id uuid.UUID) (dbgen.User, error) {
	if !p.CanSee(id) {
		return dbgen.User{}, apperr.NotFound("user")
	}
	u, err := s.q.UserGetByID(ctx, id)
	if database.IsNoRows(err) {
		return u, apperr.NotFound("user")
	}
	return u, database.Classify(err)
}

// Filter narrows List.
type Filter struct {
	Q, Role, Status *string
	Limit           *int32
	Cursor          *string
}

// List pages through users (admin only).
func (s *Service) List(ctx context.Context, p auth.Principal, f Filter) ([]dbgen.User, *string, error) {
	if !p.IsAdmin() {
		return nil, nil, apperr.Forbidden("only staff can list users")
	}
	if f.Q != nil && strings.TrimSpace(*f.Q) == "" {
		f.Q = nil
	}
	rows, next, err := page.Fetch(f.Cursor, f.Limit, func(c page.Cursor, n int32) ([]dbgen.User, error) {
		return s.search.UserList(ctx, dbgen.UserListParams{
			Role: f.Role, Status: f.Status, Q: f.Q, CursorAt: c.At, CursorID: c.ID, Lim: n,
		})
	}, func(u dbgen.User) (time.Time, uuid.UUID) { return u.CreatedAt, u.ID })
	return rows, next, database.Classify(err)
}

// Update is a partial change of a user.
type Update struct {
	FullName, Email, Password, CurrentPassword, Role, Status *string
}

// Update applies a change. Users change their own name, e-mail and
// password (the latter two need the current password); only staff change
// role and status. Credential, role or status changes end other sessions.
func (s *Service) Update(ctx context.Context, p auth.Principal, id uuid.UUID, in Update) (dbgen.User, error) {
	if !p.CanSee(id) {
		return dbgen.User{}, apperr.NotFound("user")
	}
	if !p.IsAdmin() && (in.Role != nil || in.Status != nil) {
		return dbgen.User{}, apperr.Forbidden("only staff can change role or status")
	}
	if p.IsAdmin() && p.UserID == id && ((in.Role != nil && *in.Role != auth.RoleAdmin) || (in.Status != nil && *in.Status != "active")) {
		return dbgen.User{}, apperr.Conflict("self-demotion", "staff cannot demote or deactivate themselves")
	}
	var out dbgen.User
	err := database.InTx(ctx, s.pool, func(tx pgx.Tx) error {
		q := s.q.WithTx(tx)
		cur, err := q.UserGetByID(ctx, id)
		if database.IsNoRows(err) {
			return apperr.NotFound("user")
		}
		if err != nil {
			return err
		}
		params := dbgen.UserUpdateParams{ID: id, Role: in.Role, Status: in.Status}
		if in.FullName != nil {
			name := strings.TrimSpace(*in.FullName)
			if name == "" {
				return apperr.Field("full_name", "must not be empty")
			}
			params.FullName = &name
		}
		// Only the account holder proves knowledge of the current password;
		// staff resetting someone else's credentials do not need it.
		needsCurrent := p.UserID == id && (in.Password != nil || (in.Email != nil && !strings.EqualFold(*in.Email, cur.Email)))
		if needsCurrent && (in.CurrentPassword == nil || !s.pw.Verify(cur.PasswordHash, *in.CurrentPassword)) {
			return apperr.Field("current_password", "is missing or wrong")
		}
		if in.Email != nil {
			email, err := auth.NormalizeEmail("email", *in.Email)
			if err != nil {
				return err
			}
			params.Email = &email
		}
		if in.Password != nil {
			if err := auth.ValidatePassword("password", *in.Password); err != nil {
				return err
			}
			h, err := s.pw.Hash(*in.Password)
			if err != nil {
				return err
			}
			params.PasswordHash = &h
		}
		out, err = q.UserUpdate(ctx, params)
		if database.IsUniqueViolation(err, "users_email_key") {
			return apperr.Conflict("email-taken", "an account with this e-mail already exists")
		}
		if err != nil {
			return err
		}
		switch {
		case out.Status != "active" || out.Role != cur.Role:
			if err := q.SessionRevokeAllForUser(ctx, id); err != nil {
				return err
			}
			return notify.SessionEnded(ctx, q, id, uuid.Nil)
		case in.Password != nil:
			return q.SessionRevokeOthersForUser(ctx, dbgen.SessionRevokeOthersForUserParams{UserID: id, Keep: p.SessionID})
		}
		return nil
	})
	return out, err
}

// Deactivate keeps every record, marks the user deactivated and ends all sessions.
func (s *Service) Deactivate(ctx context.Context, p auth.Principal, id uuid.UUID) (dbgen.User, error) {
	if !p.IsAdmin() {
		return dbgen.User{}, apperr.Forbidden("only staff can deactivate users")
	}
	st := "deactivated"
	return s.Update(ctx, p, id, Update{Status: &st})
}
