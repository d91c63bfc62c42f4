// Package migrate applies the embedded goose migrations (db/migrations) to a
// PostgreSQL database, using the goose library rather than the goose command.
package migrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"text/tabwriter"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/acme/lending/db"
)

// Files returns the embedded migrations at the root of an FS.
func Files() (fs.FS, error) {
	return fs.Sub(db.Migrations, "migrations")
}

// Up applies every pending migration: ours (goose), then River's job
// queue tables (its own migrator, its own version table).
func Up(ctx context.Context, dsn string) error {
	fsys, err := Files()
	if err != nil {
		return err
	}
	if err := UpFS(ctx, dsn, fsys); err != nil {
		return err
	}
	return riverUp(ctx, dsn)
}

func riverUp(ctx context.Context, dsn string) error {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return err
	}
	defer pool.Close()
	m, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		return err
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	return nil
}

// Down rolls back the most recently applied migration (one step).
func Down(ctx context.Context, dsn string) error {
	fsys, err := Files()
	if err != nil {
		return err
	}
	return DownFS(ctx, dsn, fsys)
}

// Status writes one line per migration: when it was applied, or "Pending".
func Status(ctx context.Context, dsn string, w io.Writer) error {
	fsys, err := Files()
	if err != nil {
		return err
	}
	return StatusFS(ctx, dsn, fsys, w)
}

// UpFS is Up with the migrations taken from fsys (its root holds the .sql files).
func UpFS(ctx context.Context, dsn string, fsys fs.FS) error {
	return withProvider(ctx, dsn, fsys, func(p *goose.Provider) error {
		_, err := p.Up(ctx)
		return err
	})
}

// DownFS is Down with the migrations taken from fsys.
func DownFS(ctx context.Context, dsn string, fsys fs.FS) error {
	return withProvider(ctx, dsn, fsys, func(p *goose.Provider) error {
		_, err := p.Down(ctx)
		return err
	})
}

// StatusFS is Status with the migrations taken from fsys.
func StatusFS(ctx context.Context, dsn string, fsys fs.FS, w io.Writer) error {
	return withProvider(ctx, dsn, fsys, func(p *goose.Provider) error {
		list, err := p.Status(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "APPLIED AT\tMIGRATION")
		for _, m := range list {
			when := "Pending"
			if m.State == goose.StateApplied {
				when = m.AppliedAt.UTC().Format("2006-01-02 15:04:05 MST")
			}
			fmt.Fprintf(tw, "%s\t%s\n", when, m.Source.Path)
		}
		return tw.Flush()
	})
}

// withProvider opens dsn, builds a goose provider over fsys and runs fn.
// A Postgres session advisory lock keeps concurrent migrators (e.g. two
// instances starting at once) from running the same migrations twice.
func withProvider(ctx context.Context, dsn string, fsys fs.FS, fn func(*goose.Provider) error) (err error) {
	sqlDB, err := sql.Open("pgx", dsn)
	if err != nil {
		return fmt.Errorf("migrate: open database: %w", err)
	}
	defer func() { err = errors.Join(err, sqlDB.Close()) }()

	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectPostgres, sqlDB, fsys,
		goose.WithSessionLocker(locker))
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if err := fn(p); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}
