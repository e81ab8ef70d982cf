// Package migrations holds the database schema as append-only SQL files,
// embedded in the binary and applied with golang-migrate.
package migrations

import "embed"

// FS holds every NNNN_verb_noun.up.sql and .down.sql file.
//
//go:embed *.sql
var FS embed.FS
