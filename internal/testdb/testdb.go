// Package testdb gives each integration test its own PostgreSQL database,
// cloned from a template database that is migrated once.
//
// The server is chosen once per process:
//  1. TEST_DATABASE_URL when set (a postgres:// URL; its database is used
//     for admin statements, its user needs CREATEDB);
//  2. else a server answering on 127.0.0.1:5432 as user postgres;
//  3. else a private server (pgserver) kept in <os.TempDir()>/lending-testpg-<uid>,
//     shared by all test processes and left running for the next ones.
//
// The template is named after a hash of the migration files, so changing a
// migration builds a new one. Set TESTDB_KEEP=1 to keep test databases.
package testdb

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/lending/internal/migrate"
	"github.com/acme/lending/internal/pgserver"
)

// templateLockKey is the pg_advisory_lock key serialising template builds
// across test processes.
const templateLockKey int64 = 0x6c656e6474706c // "lendtpl"

// templateVersion is part of the template hash: bump it to force a rebuild
// when the way templates are built changes.
const templateVersion = "v1"

type env struct {
	server   *url.URL      // base URL; the path is swapped per database
	admin    *pgxpool.Pool // connections to the admin database
	template string
}

var (
	setupOnce sync.Once
	shared    *env
	setupErr  error
)

// New returns the DSN of a fresh, fully migrated database for this test.
// The database is dropped when the test ends.
func New(t testing.TB) string {
	t.Helper()
	e := get(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	name := dbName(t.Name())
	if err := e.create(ctx, name); err != nil {
		t.Fatalf("testdb: %v", err)
	}
	t.Cleanup(func() {
		if os.Getenv("TESTDB_KEEP") != "" {
			t.Logf("testdb: kept database %s", name)
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := e.drop(ctx, name); err != nil {
			t.Errorf("testdb: %v", err)
		}
	})
	return e.dsn(name)
}

// NewPool returns a pool on a fresh database (see New), closed when the
// test ends.
func NewPool(t testing.TB) *pgxpool.Pool {
	t.Helper()
	dsn := New(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	t.Cleanup(pool.Close) // runs before the drop registered by New
	return pool
}

// get runs the once-per-process setup and fails the test if it failed.
func get(t testing.TB) *env {
	t.Helper()
	setupOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		shared, setupErr = setup(ctx)
	})
	if setupErr != nil {
		t.Fatalf("testdb: %v", setupErr)
	}
	return shared
}

func setup(ctx context.Context) (*env, error) {
	serverURL, err := pickServer(ctx)
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(serverURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return nil, fmt.Errorf("database URL must look like postgres://user@host:port/db, got %q", serverURL)
	}
	admin, err := pgxpool.New(ctx, serverURL)
	if err != nil {
		return nil, err
	}
	e := &env{server: u, admin: admin}
	if e.template, err = templateName(); err != nil {
		admin.Close()
		return nil, err
	}
	if err := e.ensureTemplate(ctx); err != nil {
		admin.Close()
		return nil, err
	}
	return e, nil
}

// pickServer returns the URL of the server's admin database.
func pickServer(ctx context.Context) (string, error) {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		return u, nil
	}
	const local = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable&connect_timeout=2"
	cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	conn, err := pgx.Connect(cctx, local)
	cancel()
	if err == nil {
		conn.Close(ctx)
		return local, nil
	}
	// Private server shared by every test process of this user; pgserver
	// serialises concurrent starts with a file lock in the folder.
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("lending-testpg-%d", os.Geteuid()))
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv, err := pgserver.StartWithOptions(ctx, dir, log, pgserver.Options{Unsafe: true, MaxConnections: 300})
	if err != nil {
		return "", fmt.Errorf("no TEST_DATABASE_URL, nothing on 127.0.0.1:5432, and the private server failed: %w", err)
	}
	return srv.DSN("postgres"), nil // left running for later test processes
}

// templateName hashes the migration files into the template's name.
func templateName() (string, error) {
	fsys, err := migrate.Files()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	h.Write([]byte(templateVersion))
	err = fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", path, len(b))
		h.Write(b)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("hash migrations: %w", err)
	}
	return "lending_tmpl_" + hex.EncodeToString(h.Sum(nil))[:16], nil
}

// ensureTemplate builds the template unless it exists. The build happens
// under another name and is renamed when complete, so a crashed build never
// leaves a half-migrated template; an advisory lock keeps test processes
// from building it at the same time.
func (e *env) ensureTemplate(ctx context.Context) (err error) {
	conn, err := e.admin.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", templateLockKey); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	defer func() {
		if _, uerr := conn.Exec(context.Background(), "SELECT pg_advisory_unlock($1)", templateLockKey); uerr != nil {
			conn.Conn().Close(context.Background()) // closing the session releases the lock
			err = errors.Join(err, uerr)
		}
	}()

	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)",
		e.template).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	build := e.template + "_build"
	for _, q := range []string{
		"DROP DATABASE IF EXISTS " + ident(build) + " WITH (FORCE)", // left by a crashed build
		"CREATE DATABASE " + ident(build),
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("build template: %w", err)
		}
	}
	if err := migrate.Up(ctx, e.dsn(build)); err != nil {
		return fmt.Errorf("build template: %w", err)
	}
	for _, q := range []string{
		"ALTER DATABASE " + ident(build) + " RENAME TO " + ident(e.template),
		// No one may connect to the template: a connection would block cloning.
		"ALTER DATABASE " + ident(e.template) + " WITH ALLOW_CONNECTIONS false",
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("build template: %w", err)
		}
	}
	return nil
}

// create clones the template into database name.
func (e *env) create(ctx context.Context, name string) error {
	_, err := e.admin.Exec(ctx, "CREATE DATABASE "+ident(name)+" TEMPLATE "+ident(e.template))
	if err != nil {
		return fmt.Errorf("create database %s: %w", name, err)
	}
	return nil
}

// drop removes database name; FORCE ends connections a test left open.
func (e *env) drop(ctx context.Context, name string) error {
	if _, err := e.admin.Exec(ctx, "DROP DATABASE IF EXISTS "+ident(name)+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("drop database %s: %w", name, err)
	}
	return nil
}

// dsn returns the server URL pointing at database name.
func (e *env) dsn(name string) string {
	u := *e.server
	u.Path = "/" + name
	u.RawPath = ""
	return u.String()
}

// dbName makes a unique, readable database name from a test name.
func dbName(testName string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(testName) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
		if b.Len() >= 40 {
			break
		}
	}
	var rnd [5]byte
	_, _ = rand.Read(rnd[:])
	return "t_" + b.String() + "_" + hex.EncodeToString(rnd[:]) // at most 55 bytes
}

func ident(s string) string { return pgx.Identifier{s}.Sanitize() }
