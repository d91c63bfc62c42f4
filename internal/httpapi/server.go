package httpapi

import (
	"context"
	"log/slog"
	"net"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"

	api "github.com/acme/lending/gen/api"
	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/auth"
	"github.com/acme/lending/internal/idempotency"
	"github.com/acme/lending/internal/jobs"
	"github.com/acme/lending/internal/lending"
	"github.com/acme/lending/internal/notify"
	"github.com/acme/lending/internal/portfolio"
	"github.com/acme/lending/internal/users"
	"github.com/acme/lending/internal/wallet"
	"github.com/acme/lending/internal/withdrawals"
)

// Services are the domain capabilities the handlers call.
type Services struct {
	Pool        *pgxpool.Pool
	Auth        *auth.Service
	Users       *users.Service
	Lending     *lending.Service
	Wallet      *wallet.Service
	Withdrawals *withdrawals.Service
	Idempotency *idempotency.Store
	Inbox       *notify.Inbox
	Portfolio   *portfolio.Service
	Jobs        *jobs.Queue
	Log         *slog.Logger
	Currency    string
}

// Server implements api.StrictServerInterface on top of the domain services.
type Server struct {
	pool        *pgxpool.Pool
	auth        *auth.Service
	users       *users.Service
	lending     *lending.Service
	wallet      *wallet.Service
	withdrawals *withdrawals.Service
	idem        *idempotency.Store
	inbox       *notify.Inbox
	portfolio   *portfolio.Service
	jobs        *jobs.Queue
	log         *slog.Logger
	currency    string
}

var _ api.StrictServerInterface = (*Server)(nil)

// NewServer wires the handlers.
func NewServer(d Services) *Server {
	return &Server{pool: d.Pool, auth: d.Auth, users: d.Users, lending: d.Lending, wallet: d.Wallet,
		withdrawals: d.Withdrawals, idem: d.Idempotency, inbox: d.Inbox, portfolio: d.Portfolio, jobs: d.Jobs, log: d.Log, currency: d.Currency}
}

// principal returns the caller; the validator guarantees one on secured operations.
func principal(ctx context.Context) (auth.Principal, error) {
	p, ok := auth.FromContext(ctx)
	if !ok {
		return auth.Principal{}, apperr.Unauthorized("authentication required")
	}
	return p, nil
}

// clientOf extracts the caller's address and agent from the Echo context
// the validator stored in the request context.
func clientOf(ctx context.Context) auth.Client {
	c, ok := ctx.Value(echoCtxKey{}).(echo.Context)
	if !ok {
		return auth.Client{}
	}
	ip := c.RealIP()
	if host, _, err := net.SplitHostPort(ip); err == nil {
		ip = host
	}
	return auth.Client{IP: ip, UserAgent: c.Request().UserAgent()}
}

type echoCtxKey struct{}

// withEchoContext makes the Echo context reachable from strict handlers.
func withEchoContext(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.SetRequest(c.Request().WithContext(context.WithValue(c.Request().Context(), echoCtxKey{}, c)))
		return next(c)
	}
}

func toUser(u dbgen.User) api.User {
	return api.User{
		Id: u.ID, Email: u.Email, FullName: u.FullName,
		Role: api.Role(u.Role), Status: api.UserStatus(u.Status),
		CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt,
	}
}

func tokenResponse(t auth.TokenPair) api.TokenResponse {
	return api.TokenResponse{
		AccessToken: t.AccessToken, RefreshToken: t.RefreshToken,
		TokenType: api.Bearer, ExpiresIn: int(t.ExpiresIn.Seconds()),
	}
}

// --- auth ---

func (s *Server) Register(ctx context.Context, r api.RegisterRequestObject) (api.RegisterResponseObject, error) {
	u, err := s.auth.Register(ctx, r.Body.Email, r.Body.Password, r.Body.FullName)
	if err != nil {
		return nil, err
	}
	return api.Register201JSONResponse(toUser(u)), nil
}

func (s *Server) Login(ctx context.Context, r api.LoginRequestObject) (api.LoginResponseObject, error) {
	var email, password string
	switch {
	case r.JSONBody != nil:
		email, password = r.JSONBody.Email, r.JSONBody.Password
	case r.FormdataBody != nil:
		email, password = r.FormdataBody.Username, r.FormdataBody.Password
	default:
		return nil, apperr.Invalid("send credentials as JSON or as the OAuth2 password form")
	}
	pair, err := s.auth.Login(ctx, email, password, clientOf(ctx))
	if err != nil {
		return nil, err
	}
	return api.Login200JSONResponse(tokenResponse(pair)), nil
}

func (s *Server) RefreshToken(ctx context.Context, r api.RefreshTokenRequestObject) (api.RefreshTokenResponseObject, error) {
	pair, err := s.auth.Refresh(ctx, r.Body.RefreshToken)
	if err != nil {
		return nil, err
	}
	return api.RefreshToken200JSONResponse(tokenResponse(pair)), nil
}

func (s *Server) Logout(ctx context.Context, _ api.LogoutRequestObject) (api.LogoutResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.auth.Logout(ctx, p); err != nil {
		return nil, err
	}
	return api.Logout204Response{}, nil
}

func (s *Server) GetMe(ctx context.Context, _ api.GetMeRequestObject) (api.GetMeResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	u, err := s.users.Get(ctx, p, p.UserID)
	if err != nil {
		return nil, err
	}
	return api.GetMe200JSONResponse(toUser(u)), nil
}

// --- users ---

func (s *Server) ListUsers(ctx context.Context, r api.ListUsersRequestObject) (api.ListUsersResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	rows, next, err := s.users.List(ctx, p, users.Filter{
		Q: r.Params.Q, Role: (*string)(r.Params.Role), Status: (*string)(r.Params.Status),
		Limit: r.Params.Limit, Cursor: r.Params.Cursor,
	})
	if err != nil {
		return nil, err
	}
	items := make([]api.User, len(rows))
	for i, u := range rows {
		items[i] = toUser(u)
	}
	return api.ListUsers200JSONResponse(api.UserPage{Items: items, NextCursor: next}), nil
}

func (s *Server) GetUser(ctx context.Context, r api.GetUserRequestObject) (api.GetUserResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	u, err := s.users.Get(ctx, p, r.Id)
	if err != nil {
		return nil, err
	}
	return api.GetUser200JSONResponse(toUser(u)), nil
}

func (s *Server) UpdateUser(ctx context.Context, r api.UpdateUserRequestObject) (api.UpdateUserResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	b := r.Body
	var email *string
	if b.Email != nil {
		e := *b.Email
		email = &e
	}
	u, err := s.users.Update(ctx, p, r.Id, users.Update{
		FullName: b.FullName, Email: email, Password: b.Password, CurrentPassword: b.CurrentPassword,
		Role: (*string)(b.Role), Status: (*string)(b.Status),
	})
	if err != nil {
		return nil, err
	}
	return api.UpdateUser200JSONResponse(toUser(u)), nil
}

func (s *Server) DeactivateUser(ctx context.Context, r api.DeactivateUserRequestObject) (api.DeactivateUserResponseObject, error) {
	p, err := principal(ctx)
	if err != nil {
		return nil, err
	}
	u, err := s.users.Deactivate(ctx, p, r.Id)
	if err != nil {
		return nil, err
	}
	return api.DeactivateUser200JSONResponse(toUser(u)), nil
}
