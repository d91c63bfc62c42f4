// Package app assembles the service from its configuration: the one place
// that knows every capability, used by `lendingd serve` and by the tests.
package app

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/auth"
	"github.com/acme/lending/internal/config"
	"github.com/acme/lending/internal/httpapi"
	"github.com/acme/lending/internal/idempotency"
	"github.com/acme/lending/internal/jobs"
	"github.com/acme/lending/internal/ledger"
	"github.com/acme/lending/internal/lending"
	"github.com/acme/lending/internal/notify"
	"github.com/acme/lending/internal/portfolio"
	"github.com/acme/lending/internal/realtime"
	"github.com/acme/lending/internal/users"
	"github.com/acme/lending/internal/wallet"
	"github.com/acme/lending/internal/withdrawals"
)

// App is a running service's parts.
type App struct {
	Config  config.Config
	Pool    *pgxpool.Pool
	Log     *slog.Logger
	Auth    *auth.Service
	Users   *users.Service
	Lending *lending.Service
	Hub     *realtime.Hub
	Jobs    *jobs.Queue
	HTTP    *echo.Echo
	// Clock is the time source of the domain; tests replace it to move time.
	Clock   func() time.Time
	jobPoll time.Duration
}

// Build wires every capability on an open pool.
func Build(cfg config.Config, pool *pgxpool.Pool, log *slog.Logger, opts ...Option) (*App, error) {
	if err := cfg.EnsureJWTSecret(); err != nil {
		return nil, err
	}
	pw := auth.NewPasswords(cfg.BcryptCost)
	tokens := auth.NewTokens(cfg.JWTSecret, cfg.JWTIssuer, cfg.JWTAudience, cfg.AccessTTL)
	a := &App{
		Config: cfg, Pool: pool, Log: log,
		Auth: auth.NewService(pool, pw, tokens, cfg.RefreshTTL, auth.Throttle{
			MaxFailures: cfg.LoginMaxFailures, Window: cfg.LoginWindow, Lockout: cfg.LoginLockout,
		}),
		Users: users.NewService(pool, pw),
		Clock: time.Now,
	}
	for _, o := range opts {
		o(a)
	}
	l := ledger.New()
	var sender jobs.Sender = jobs.LogSender{Log: log}
	if cfg.SMTP.Addr != "" {
		sender = jobs.SMTPSender{Addr: cfg.SMTP.Addr, From: cfg.SMTP.From, User: cfg.SMTP.User, Password: cfg.SMTP.Password}
	}
	queue, err := jobs.New(pool, log, jobs.Config{
		Sender: sender, Currency: cfg.Currency, Now: a.Clock, FetchPoll: a.jobPoll,
	})
	if err != nil {
		return nil, err
	}
	a.Jobs = queue
	a.Lending = lending.NewService(pool, l, queue, cfg.Loan, cfg.Currency, a.Clock)
	srv := httpapi.NewServer(httpapi.Services{
		Pool: pool, Auth: a.Auth, Users: a.Users, Lending: a.Lending,
		Wallet:      wallet.NewService(pool, l, wallet.SimulatedRail{}, cfg.Currency),
		Withdrawals: withdrawals.NewService(pool, l, cfg.Currency),
		Idempotency: idempotency.NewStore(pool),
		Inbox:       notify.NewInbox(pool),
		Portfolio:   portfolio.NewService(pool, a.Clock),
		Jobs:        queue,
		Log:         log,
		Currency:    cfg.Currency,
	})
	a.Hub = realtime.NewHub(pool, log, httpapi.RenderNotification)
	e, err := httpapi.New(cfg, pool, log, srv, httpapi.Extras{
		Routes: func(e *echo.Echo) {
			e.GET("/api/ws", a.Hub.Handler(a.Auth, originHosts(cfg.CORSOrigins)))
		},
		Collectors: []prometheus.Collector{
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "websocket_clients", Help: "Open WebSocket connections on this instance."},
				func() float64 { return float64(a.Hub.Connected()) }),
			jobs.Collector(pool),
		},
	})
	if err != nil {
		return nil, err
	}
	a.HTTP = e
	return a, nil
}

// Option adjusts the app before it is wired.
type Option func(*App)

// WithClock sets the domain clock.
func WithClock(now func() time.Time) Option { return func(a *App) { a.Clock = now } }

// WithJobPoll makes workers poll for jobs this often (tests want it fast).
func WithJobPoll(d time.Duration) Option { return func(a *App) { a.jobPoll = d } }

// EnsureFirstAdmin creates admin@localhost with a random password when the
// database has no admin, printing the password once and keeping it in a
// 0600 file of the data folder.
func (a *App) EnsureFirstAdmin(ctx context.Context) error {
	exists, err := dbgen.New(a.Pool).UserAdminExists(ctx)
	if err != nil || exists {
		return err
	}
	buf := make([]byte, 15)
	if _, err := rand.Read(buf); err != nil {
		return err
	}
	password := base64.RawURLEncoding.EncodeToString(buf)
	if _, err := a.Auth.CreateUser(ctx, "admin@localhost", password, "Administrator", auth.RoleAdmin); err != nil {
		return fmt.Errorf("create first admin: %w", err)
	}
	path := filepath.Join(a.Config.DataDir, "admin-password.txt")
	if err := os.MkdirAll(a.Config.DataDir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, []byte(password+"\n"), 0o600); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "\n  First admin created: admin@localhost / %s\n  (also saved to %s; change it after logging in)\n\n", password, path)
	return nil
}

// Start runs the background parts (live event listener, job workers) until ctx ends.
func (a *App) Start(ctx context.Context) error {
	go a.Hub.Run(ctx)
	return a.Jobs.Start(ctx)
}

// Shutdown stops accepting requests, lets in-flight ones finish, closes
// live sockets with "going away", then lets running jobs finish; jobs not
// started stay queued for another instance.
func (a *App) Shutdown(ctx context.Context, srv interface{ Shutdown(context.Context) error }) error {
	a.Hub.Shutdown(ctx)
	err := srv.Shutdown(ctx)
	if jerr := a.Jobs.Stop(ctx); err == nil {
		err = jerr
	}
	return err
}

// originHosts turns CORS origins into the host patterns WebSocket accepts.
func originHosts(origins []string) []string {
	var hosts []string
	for _, o := range origins {
		if u, err := url.Parse(o); err == nil && u.Host != "" {
			hosts = append(hosts, u.Host)
		}
	}
	return hosts
}
