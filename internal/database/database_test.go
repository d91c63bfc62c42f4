package database_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/acme/lending/internal/database"
	"github.com/acme/lending/internal/testdb"
)

// Searches sent through CustomPlans must never become cached prepared
// statements (whose generic plan could ignore which filters are set),
// while every other statement stays prepared once per connection.
func TestCustomPlansAreNeverCachedStatements(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, testdb.New(t))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = conn.Close(ctx) }()

	const search = "SELECT count(*) FROM users WHERE ($1::text IS NULL OR role = $1)"
	const keyed = "SELECT count(*) FROM users WHERE id = $1::uuid"
	role := "admin"
	for range 8 { // past the five custom plans after which PostgreSQL may switch to a generic one
		var n int
		if err := database.CustomPlans(conn).QueryRow(ctx, search, &role).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if err := conn.QueryRow(ctx, keyed, "00000000-0000-0000-0000-000000000000").Scan(&n); err != nil {
			t.Fatal(err)
		}
	}
	prepared := func(sql string) (count int, plans int64) {
		t.Helper()
		if err := conn.QueryRow(ctx,
			"SELECT count(*), coalesce(sum(generic_plans + custom_plans), 0) FROM pg_prepared_statements WHERE statement = $1",
			sql).Scan(&count, &plans); err != nil {
			t.Fatal(err)
		}
		return count, plans
	}
	if n, _ := prepared(search); n != 0 {
		t.Errorf("the search is a cached prepared statement (%d); its plans could be generic", n)
	}
	if n, plans := prepared(keyed); n != 1 || plans != 8 {
		t.Errorf("the keyed statement: %d prepared statements with %d executions, want 1 with 8", n, plans)
	}
}
