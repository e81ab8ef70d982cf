// Package storetest gives each test a fresh, migrated database: a template
// is migrated once per set of migrations and cloned for every test.
package storetest

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver pgtestdb connects with
	"github.com/peterldowns/pgtestdb"

	"industrytargets/internal/store"
	"industrytargets/migrations"
)

// AdminURL is the server tests create their databases on: TEST_DATABASE_URL,
// else PostgreSQL on 127.0.0.1:5432 as postgres (`make test` finds or starts
// one and sets TEST_DATABASE_URL).
func AdminURL() string {
	return cmp.Or(os.Getenv("TEST_DATABASE_URL"), "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable")
}

// URL returns the address of a fresh, migrated database that is dropped
// when the test passes (and kept for inspection when it fails).
func URL(t testing.TB) string {
	t.Helper()
	conf := config(t)
	return pgtestdb.Custom(t, conf, migrator{}).URL()
}

// New returns a store over a fresh, migrated database, closed when the test
// ends.
func New(t testing.TB) *store.Store {
	t.Helper()
	url := URL(t)
	s, err := store.Open(context.Background(), url, store.Options{MaxConns: 8})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(s.Close)
	return s
}

// EmptyURL returns the address of a fresh database with no schema at all,
// for tests of migration itself.
func EmptyURL(t testing.TB) string {
	t.Helper()
	return pgtestdb.Custom(t, config(t), pgtestdb.NoopMigrator{}).URL()
}

func config(t testing.TB) pgtestdb.Config {
	t.Helper()
	pc, err := pgconn.ParseConfig(AdminURL())
	if err != nil {
		t.Fatalf("TEST_DATABASE_URL is not a PostgreSQL address: %v", err)
	}
	conf := pgtestdb.Config{
		DriverName: "pgx",
		Host:       pc.Host,
		Port:       strconv.Itoa(int(pc.Port)),
		User:       pc.User,
		Password:   pc.Password,
		Database:   cmp.Or(pc.Database, "postgres"),
		Options:    "sslmode=disable",
		// A test that leaks a connection must not keep its database alive.
		ForceTerminateConnections: true,
	}
	db, err := sql.Open("pgx", conf.URL())
	if err == nil {
		err = db.PingContext(context.Background())
		db.Close()
	}
	if err != nil {
		t.Fatalf("no PostgreSQL for tests at %s:%s (%v); run `make test`, which finds or starts one, or set TEST_DATABASE_URL", conf.Host, conf.Port, err)
	}
	return conf
}

// migrator builds templates with the program's own migration path, so the
// tests exercise exactly what `migrate up` runs.
type migrator struct{}

// Hash names the template after the content of every migration file.
func (migrator) Hash() (string, error) {
	names, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil {
		return "", err
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		b, err := fs.ReadFile(migrations.FS, n)
		if err != nil {
			return "", err
		}
		h.Write([]byte(n))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// Migrate applies every migration to the new template database.
func (migrator) Migrate(_ context.Context, _ *sql.DB, conf pgtestdb.Config) error {
	return store.MigrateUp(conf.URL())
}
