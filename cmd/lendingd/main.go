// Command lendingd is the lending platform's one binary.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/acme/lending/internal/app"
	"github.com/acme/lending/internal/auth"
	"github.com/acme/lending/internal/config"
	"github.com/acme/lending/internal/database"
	"github.com/acme/lending/internal/logging"
	"github.com/acme/lending/internal/migrate"
	"github.com/acme/lending/internal/pgserver"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `lendingd: the lending platform

Usage:
  lendingd serve                      run the HTTP server (migrates first)
  lendingd migrate up|down|status     manage the database schema
  lendingd create-admin --email E     create an admin; password read from stdin
  lendingd version                    print the version

Configuration comes from the environment (see .env.example). Without
DATABASE_URL a private PostgreSQL is started under DATA_DIR (default .data).
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	log := logging.New(os.Stderr, slog.LevelInfo)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var err error
	switch os.Args[1] {
	case "serve":
		err = serve(ctx, log)
	case "migrate":
		err = migrateCmd(ctx, log, os.Args[2:])
	case "create-admin":
		err = createAdmin(ctx, log, os.Args[2:])
	case "version":
		fmt.Println(version)
	case "help", "-h", "--help":
		fmt.Print(usage)
	default:
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	if err != nil {
		log.Error("lendingd failed", "err", err)
		os.Exit(1)
	}
}

// database resolves DATABASE_URL or starts the private PostgreSQL.
func openDatabase(ctx context.Context, cfg config.Config, log *slog.Logger) (dsn string, shutdown func(), err error) {
	if cfg.DatabaseURL != "" {
		return cfg.DatabaseURL, func() {}, nil
	}
	srv, err := pgserver.Start(ctx, cfg.DataDir, log)
	if err != nil {
		return "", nil, fmt.Errorf("start private PostgreSQL (set DATABASE_URL to use your own): %w", err)
	}
	log.Info("private PostgreSQL running", "port", srv.Port(), "data_dir", cfg.DataDir)
	return srv.DSN(pgserver.DefaultDatabase), func() {
		if srv.Adopted() {
			return // another lendingd owns it
		}
		if err := srv.Stop(); err != nil {
			log.Warn("stop PostgreSQL", "err", err)
		}
	}, nil
}

func serve(ctx context.Context, log *slog.Logger) error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	dsn, stopDB, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer stopDB()
	if err := migrate.Up(ctx, dsn); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	pool, err := database.Open(ctx, dsn, cfg.DBMaxConns)
	if err != nil {
		return err
	}
	defer pool.Close()
	a, err := app.Build(cfg, pool, log)
	if err != nil {
		return err
	}
	if err := a.EnsureFirstAdmin(ctx); err != nil {
		return err
	}
	bgCtx, stopBackground := context.WithCancel(context.Background())
	defer stopBackground()
	if err := a.Start(bgCtx); err != nil {
		return err
	}

	if cfg.DebugAddr != "" {
		debug := serveDebug(cfg.DebugAddr, log)
		defer func() { _ = debug.Close() }()
	}
	srv := &http.Server{
		Addr:              cfg.HTTPAddr,
		Handler:           a.HTTP,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	errc := make(chan error, 1)
	go func() {
		log.Info("listening", "addr", cfg.HTTPAddr, "tls", cfg.TLSCertFile != "", "version", version)
		if cfg.TLSCertFile != "" {
			errc <- srv.ListenAndServeTLS(cfg.TLSCertFile, cfg.TLSKeyFile)
		} else {
			errc <- srv.ListenAndServe()
		}
	}()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	case <-ctx.Done():
		log.Info("shutting down: finishing in-flight requests")
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := a.Shutdown(shutdownCtx, srv); err != nil {
			return err
		}
	}
	return nil
}

func migrateCmd(ctx context.Context, log *slog.Logger, args []string) error {
	if len(args) != 1 {
		return errors.New("usage: lendingd migrate up|down|status")
	}
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	dsn, stopDB, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer stopDB()
	switch args[0] {
	case "up":
		return migrate.Up(ctx, dsn)
	case "down":
		return migrate.Down(ctx, dsn)
	case "status":
		return migrate.Status(ctx, dsn, os.Stdout)
	}
	return fmt.Errorf("unknown migrate command %q", args[0])
}

func createAdmin(ctx context.Context, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("create-admin", flag.ContinueOnError)
	email := fs.String("email", "", "e-mail of the new admin")
	name := fs.String("name", "Administrator", "full name")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *email == "" {
		return errors.New("--email is required")
	}
	fmt.Fprintln(os.Stderr, "Password (8 to 72 bytes), then Enter:")
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return fmt.Errorf("read password: %w", err)
	}
	password := strings.TrimRight(line, "\r\n")

	cfg, err := config.Load()
	if err != nil {
		return err
	}
	dsn, stopDB, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer stopDB()
	if err := migrate.Up(ctx, dsn); err != nil {
		return err
	}
	pool, err := database.Open(ctx, dsn, 2)
	if err != nil {
		return err
	}
	defer pool.Close()
	a, err := app.Build(cfg, pool, log)
	if err != nil {
		return err
	}
	u, err := a.Auth.CreateUser(ctx, *email, password, *name, auth.RoleAdmin)
	if err != nil {
		return err
	}
	fmt.Printf("admin %s created (id %s)\n", u.Email, u.ID)
	return nil
}
