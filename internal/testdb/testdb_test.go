package testdb

import (
	"context"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
)

func connect(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// Parallel tests get distinct, migrated databases and do not see each
// other's writes; the databases are gone once the tests end.
func TestParallelIsolation(t *testing.T) {
	var (
		mu    sync.Mutex
		names []string
		wrote sync.WaitGroup // both have written before either reads
	)
	wrote.Add(2)
	t.Run("group", func(t *testing.T) {
		for i := range 2 {
			t.Run("db", func(t *testing.T) {
				t.Parallel()
				done := sync.OnceFunc(wrote.Done)
				defer done() // never leave the other subtest waiting
				ctx := context.Background()
				conn := connect(t, New(t))

				var name string
				var migrated bool
				if err := conn.QueryRow(ctx,
					"SELECT current_database(), to_regclass('goose_db_version') IS NOT NULL").Scan(&name, &migrated); err != nil {
					t.Fatal(err)
				}
				if !migrated {
					t.Fatal("goose_db_version missing: migrations not applied")
				}
				var applied int
				if err := conn.QueryRow(ctx,
					"SELECT count(*) FROM goose_db_version WHERE version_id > 0 AND is_applied").Scan(&applied); err != nil || applied == 0 {
					t.Fatalf("no applied migrations recorded (%d, %v)", applied, err)
				}
				mu.Lock()
				names = append(names, name)
				mu.Unlock()

				_, err := conn.Exec(ctx, "CREATE TABLE IF NOT EXISTS probe (v int)")
				if err == nil {
					_, err = conn.Exec(ctx, "INSERT INTO probe VALUES ($1)", i)
				}
				done()
				if err != nil {
					t.Fatal(err)
				}
				wrote.Wait()
				var n, v int
				if err := conn.QueryRow(ctx, "SELECT count(*), max(v) FROM probe").Scan(&n, &v); err != nil {
					t.Fatal(err)
				}
				if n != 1 || v != i {
					t.Fatalf("probe holds %d rows (max %d): the other test's write is visible", n, v)
				}
			})
		}
	})
	if t.Failed() {
		return
	}
	if len(names) != 2 || names[0] == names[1] {
		t.Fatalf("databases not distinct: %v", names)
	}
	// Subtest cleanups have run: their databases must be dropped.
	var left int
	if err := shared.admin.QueryRow(context.Background(),
		"SELECT count(*) FROM pg_database WHERE datname = ANY($1)", names).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if left != 0 {
		t.Fatalf("%d test databases not dropped", left)
	}
}

func TestNewPool(t *testing.T) {
	t.Parallel()
	pool := NewPool(t)
	var one int
	if err := pool.QueryRow(context.Background(), "SELECT 1").Scan(&one); err != nil || one != 1 {
		t.Fatalf("select 1: %d, %v", one, err)
	}
}

func TestTemplateName(t *testing.T) {
	a, err := templateName()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := templateName()
	if a != b || len(a) > 63 {
		t.Fatalf("template name %q / %q", a, b)
	}
	if n := dbName(t.Name() + "/with a very long name that goes on and on and on and on"); len(n) > 63 {
		t.Fatalf("db name too long: %q", n)
	}
}

// BenchmarkCloneDrop measures creating and dropping one test database.
func BenchmarkCloneDrop(b *testing.B) {
	e := get(b)
	ctx := context.Background()
	for b.Loop() {
		name := dbName(b.Name())
		if err := e.create(ctx, name); err != nil {
			b.Fatal(err)
		}
		if err := e.drop(ctx, name); err != nil {
			b.Fatal(err)
		}
	}
}
