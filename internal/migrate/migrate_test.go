package migrate_test

import (
	"bytes"
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jackc/pgx/v5"

	"github.com/acme/lending/internal/migrate"
	"github.com/acme/lending/internal/testdb"
)

func tableExists(t *testing.T, dsn, table string) bool {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var ok bool
	if err := conn.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", table).Scan(&ok); err != nil {
		t.Fatal(err)
	}
	return ok
}

// The embedded migrations are applied by testdb; Status lists them as applied.
func TestStatusEmbedded(t *testing.T) {
	t.Parallel()
	dsn := testdb.New(t)
	var out bytes.Buffer
	if err := migrate.Status(context.Background(), dsn, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "00001_") || strings.Contains(out.String(), "Pending") {
		t.Fatalf("unexpected status:\n%s", out.String())
	}
	if err := migrate.Up(context.Background(), dsn); err != nil { // nothing pending: no-op
		t.Fatal(err)
	}
}

// Up, Status and one-step Down on a throwaway migration set.
func TestUpDownFS(t *testing.T) {
	t.Parallel()
	dsn := testdb.New(t)
	ctx := context.Background()
	fsys := fstest.MapFS{
		"90001_a.sql": {Data: []byte("-- +goose Up\nCREATE TABLE mig_a (id int);\n-- +goose Down\nDROP TABLE mig_a;\n")},
		"90002_b.sql": {Data: []byte("-- +goose Up\nCREATE TABLE mig_b (id int);\n-- +goose Down\nDROP TABLE mig_b;\n")},
	}
	// Down needs every applied version in the FS: add the embedded ones.
	embedded, err := migrate.Files()
	if err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(embedded, "*.sql")
	if err != nil || len(names) == 0 {
		t.Fatalf("no embedded migrations (%v)", err)
	}
	for _, n := range names {
		b, err := fs.ReadFile(embedded, n)
		if err != nil {
			t.Fatal(err)
		}
		fsys[n] = &fstest.MapFile{Data: b}
	}
	if err := migrate.UpFS(ctx, dsn, fsys); err != nil {
		t.Fatal(err)
	}
	if !tableExists(t, dsn, "mig_a") || !tableExists(t, dsn, "mig_b") {
		t.Fatal("tables not created by Up")
	}
	if err := migrate.DownFS(ctx, dsn, fsys); err != nil {
		t.Fatal(err)
	}
	if !tableExists(t, dsn, "mig_a") || tableExists(t, dsn, "mig_b") {
		t.Fatal("Down should roll back exactly the last migration")
	}
	var out bytes.Buffer
	if err := migrate.StatusFS(ctx, dsn, fsys, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Pending") || !strings.Contains(out.String(), "90002_b.sql") {
		t.Fatalf("unexpected status:\n%s", out.String())
	}
}
