// Package db holds the database assets that are compiled into the binary.
package db

import "embed"

// Migrations holds the goose SQL migrations, under the folder "migrations".
// Use fs.Sub(Migrations, "migrations") to get them at the root of an FS.
//
//go:embed migrations/*.sql
var Migrations embed.FS
