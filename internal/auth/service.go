// Package auth owns identities: registration, login with throttling,
// sessions, access tokens and refresh-token rotation.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/mail"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/database"
	"github.com/acme/lending/internal/ledger"
	"github.com/acme/lending/internal/notify"
)

// Throttle configures login throttling; MaxFailures 0 disables it.
type Throttle struct {
	MaxFailures int
	Window      time.Duration
	Lockout     time.Duration
}

// Service implements the auth use cases.
type Service struct {
	pool       *pgxpool.Pool
	q          *dbgen.Queries
	pw         *Passwords
	tokens     *Tokens
	refreshTTL time.Duration
	throttle   Throttle
}

// NewService wires the auth service.
func NewService(pool *pgxpool.Pool, pw *Passwords, tokens *Tokens, refreshTTL time.Duration, th Throttle) *Service {
	return &Service{pool: pool, q: dbgen.New(pool), pw: pw, tokens: tokens, refreshTTL: refreshTTL, throttle: th}
}

// TokenPair is what login and refresh return.
type TokenPair struct {
	AccessToken  string
	RefreshToken string
	ExpiresIn    time.Duration
}

// Client describes where a login comes from (for throttling and the session record).
type Client struct {
	IP        string
	UserAgent string
}

// NormalizeEmail validates an address and returns its canonical form.
func NormalizeEmail(field, email string) (string, error) {
	email = strings.TrimSpace(email)
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || len(email) > 254 {
		return "", apperr.Field(field, "must be a valid e-mail address")
	}
	return email, nil
}

// Register creates a borrower account with an empty wallet.
func (s *Service) Register(ctx context.Context, email, password, fullName string) (dbgen.User, error) {
	return s.CreateUser(ctx, email, password, fullName, RoleUser)
}

// CreateUser creates an account of any role (create-admin uses it).
func (s *Service) CreateUser(ctx context.Context, email, password, fullName, role string) (dbgen.User, error) {
	email, err := NormalizeEmail("email", email)
	if err != nil {
		return dbgen.User{}, err
	}
	if err := ValidatePassword("password", password); err != nil {
		return dbgen.User{}, err
	}
	fullName = strings.TrimSpace(fullName)
	if fullName == "" {
		return dbgen.User{}, apperr.Field("full_name", "must not be empty")
	}
	hash, err := s.pw.Hash(password)
	if err != nil {
		return dbgen.User{}, err
	}
	var u dbgen.User
	err = database.InTx(ctx, s.pool, func(tx pgx.Tx) error {
		q := s.q.WithTx(tx)
		var err error
		u, err = q.UserCreate(ctx, dbgen.UserCreateParams{Email: email, FullName: fullName, PasswordHash: hash, Role: role})
		if database.IsUniqueViolation(err, "users_email_key") {
			return apperr.Conflict("email-taken", "an account with this e-mail already exists")
		}
		if err != nil {
			return err
		}
		return ledger.OpenWallet(ctx, q, u.ID)
	})
	return u, err
}

// Login checks credentials and opens a session. Unknown e-mail and wrong
// password answer the same, after the same bcrypt work.
func (s *Service) Login(ctx context.Context, email, password string, c Client) (TokenPair, error) {
	emailKey := "email:" + strings.ToLower(strings.TrimSpace(email))
	ipKey := "ip:" + c.IP
	if err := s.checkThrottle(ctx, emailKey, ipKey); err != nil {
		return TokenPair{}, err
	}
	u, err := s.q.UserGetByEmail(ctx, strings.TrimSpace(email))
	if err != nil && !database.IsNoRows(err) {
		return TokenPair{}, database.Classify(err)
	}
	if !s.pw.Verify(u.PasswordHash, password) || u.Status != "active" {
		s.recordFailure(ctx, emailKey, ipKey)
		return TokenPair{}, apperr.Unauthorized("the e-mail or password is wrong, or the account is deactivated")
	}
	if s.throttle.MaxFailures > 0 {
		_ = s.q.LoginThrottleReset(ctx, emailKey)
	}
	var pair TokenPair
	err = database.InTx(ctx, s.pool, func(tx pgx.Tx) error {
		q := s.q.WithTx(tx)
		sess, err := q.SessionCreate(ctx, dbgen.SessionCreateParams{
			UserID: u.ID, ExpiresAt: time.Now().Add(s.refreshTTL), UserAgent: truncate(c.UserAgent, 300), Ip: c.IP,
		})
		if err != nil {
			return err
		}
		pair, err = s.issue(ctx, q, u.ID, sess.ID, u.Role)
		return err
	})
	return pair, err
}

// Refresh rotates a refresh token. A token that was already rotated
// revokes its whole session: someone holds a copy.
func (s *Service) Refresh(ctx context.Context, refreshToken string) (TokenPair, error) {
	hash := hashToken(refreshToken)
	var pair TokenPair
	var reused bool
	err := database.InTx(ctx, s.pool, func(tx pgx.Tx) error {
		q := s.q.WithTx(tx)
		rt, err := q.RefreshTokenGetForUpdate(ctx, hash)
		if database.IsNoRows(err) {
			return apperr.Unauthorized("unknown refresh token")
		}
		if err != nil {
			return err
		}
		if rt.RevokedAt != nil || rt.ExpiresAt.Before(time.Now()) {
			return apperr.Unauthorized("the session has ended")
		}
		if rt.RotatedAt != nil {
			reused = true
			return q.SessionRevoke(ctx, rt.SessionID)
		}
		sess, err := q.SessionGetActive(ctx, rt.SessionID)
		if database.IsNoRows(err) {
			return apperr.Unauthorized("the session has ended")
		}
		if err != nil {
			return err
		}
		if sess.Status != "active" {
			return apperr.Unauthorized("the account is deactivated")
		}
		if err := q.RefreshTokenMarkRotated(ctx, hash); err != nil {
			return err
		}
		pair, err = s.issue(ctx, q, sess.UserID, sess.ID, sess.Role)
		return err
	})
	if err == nil && reused {
		return TokenPair{}, apperr.Unauthorized("refresh token reuse detected; the session was revoked")
	}
	return pair, err
}

// Logout revokes a session and closes its live sockets on every instance.
func (s *Service) Logout(ctx context.Context, p Principal) error {
	return database.InTx(ctx, s.pool, func(tx pgx.Tx) error {
		q := s.q.WithTx(tx)
		if err := q.SessionRevoke(ctx, p.SessionID); err != nil {
			return err
		}
		return notify.SessionEnded(ctx, q, p.UserID, p.SessionID)
	})
}

// CheckSession reports whether p's session is still live (401 when not).
func (s *Service) CheckSession(ctx context.Context, p Principal) error {
	sess, err := s.q.SessionGetActive(ctx, p.SessionID)
	if database.IsNoRows(err) || (err == nil && sess.Status != "active") {
		return apperr.Unauthorized("the session has ended")
	}
	return database.Classify(err)
}

// Authenticate verifies an access token and that its session is still
// live; role and status come from the database, not the token, so a role
// change or deactivation applies on the next request.
func (s *Service) Authenticate(ctx context.Context, raw string) (Principal, error) {
	p, err := s.tokens.Verify(raw)
	if err != nil {
		return Principal{}, apperr.Unauthorized("invalid or expired access token")
	}
	sess, err := s.q.SessionGetActive(ctx, p.SessionID)
	if database.IsNoRows(err) {
		return Principal{}, apperr.Unauthorized("the session has ended")
	}
	if err != nil {
		return Principal{}, database.Classify(err)
	}
	if sess.UserID != p.UserID || sess.Status != "active" {
		return Principal{}, apperr.Unauthorized("the session has ended")
	}
	return Principal{UserID: sess.UserID, SessionID: sess.ID, Role: sess.Role}, nil
}

func (s *Service) issue(ctx context.Context, q *dbgen.Queries, userID, sessionID uuid.UUID, role string) (TokenPair, error) {
	access, err := s.tokens.Issue(userID, sessionID, role)
	if err != nil {
		return TokenPair{}, err
	}
	refresh, err := randomToken()
	if err != nil {
		return TokenPair{}, err
	}
	if err := q.RefreshTokenCreate(ctx, dbgen.RefreshTokenCreateParams{TokenHash: hashToken(refresh), SessionID: sessionID}); err != nil {
		return TokenPair{}, err
	}
	return TokenPair{AccessToken: access, RefreshToken: refresh, ExpiresIn: s.tokens.TTL()}, nil
}

func (s *Service) checkThrottle(ctx context.Context, keys ...string) error {
	if s.throttle.MaxFailures <= 0 {
		return nil
	}
	for _, k := range keys {
		t, err := s.q.LoginThrottleGet(ctx, k)
		if database.IsNoRows(err) {
			continue
		}
		if err != nil {
			return database.Classify(err)
		}
		if t.LockedUntil != nil && t.LockedUntil.After(time.Now()) {
			wait := time.Until(*t.LockedUntil).Round(time.Second) + time.Second
			return apperr.RateLimited(wait, "too many failed logins; try again later")
		}
	}
	return nil
}

func (s *Service) recordFailure(ctx context.Context, keys ...string) {
	if s.throttle.MaxFailures <= 0 {
		return
	}
	for _, k := range keys {
		_, _ = s.q.LoginThrottleFail(ctx, dbgen.LoginThrottleFailParams{
			Key: k, WindowSecs: int32(s.throttle.Window.Seconds()),
			MaxFailures: int32(s.throttle.MaxFailures), LockSecs: int32(s.throttle.Lockout.Seconds()),
		})
	}
}

func randomToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func hashToken(t string) []byte {
	h := sha256.Sum256([]byte(t))
	return h[:]
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
