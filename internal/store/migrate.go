package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/golang-migrate/migrate/v4"
	_ "github.com/golang-migrate/migrate/v4/database/pgx/v5" // registers pgx5://
	"github.com/golang-migrate/migrate/v4/source/iofs"

	"industrytargets/migrations"
)

// MigrationStatus is where the schema stands.
type MigrationStatus struct {
	Version uint // 0: no migration applied
	Dirty   bool // a migration failed half-way
	Latest  uint // the newest migration in the binary
}

// MigrateUp applies every migration not yet applied. Concurrent callers are
// serialised by golang-migrate's advisory lock; nothing to do is success.
func MigrateUp(url string) error {
	return withMigrate(url, func(m *migrate.Migrate) error { return m.Up() })
}

// MigrateDown reverts every migration, leaving an empty schema.
func MigrateDown(url string) error {
	return withMigrate(url, func(m *migrate.Migrate) error { return m.Down() })
}

// MigrateStatus reports the applied and the latest migration.
func MigrateStatus(url string) (MigrationStatus, error) {
	st := MigrationStatus{}
	latest, err := latestMigration()
	if err != nil {
		return st, err
	}
	st.Latest = latest
	err = withMigrate(url, func(m *migrate.Migrate) error {
		v, dirty, err := m.Version()
		if errors.Is(err, migrate.ErrNilVersion) {
			return nil
		}
		st.Version, st.Dirty = v, dirty
		return err
	})
	return st, err
}

func withMigrate(url string, fn func(*migrate.Migrate) error) error {
	src, err := iofs.New(migrations.FS, ".")
	if err != nil {
		return fmt.Errorf("migrate: read migrations: %w", err)
	}
	m, err := migrate.NewWithSourceInstance("iofs", src, migrateURL(url))
	if err != nil {
		return fmt.Errorf("migrate: connect: %w", err)
	}
	defer m.Close()
	if err := fn(m); err != nil && !errors.Is(err, migrate.ErrNoChange) {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

func latestMigration() (uint, error) {
	src, err := iofs.New(migrations.FS, ".")
	if err != nil {
		return 0, fmt.Errorf("migrate: read migrations: %w", err)
	}
	defer src.Close()
	v, err := src.First()
	if err != nil {
		return 0, fmt.Errorf("migrate: first migration: %w", err)
	}
	for {
		next, err := src.Next(v)
		if err != nil {
			return v, nil
		}
		v = next
	}
}

// migrateURL points golang-migrate's pgx v5 driver (scheme pgx5) at url.
// A key=value connection string is passed on unchanged.
func migrateURL(url string) string {
	for _, p := range []string{"postgresql://", "postgres://"} {
		if strings.HasPrefix(url, p) {
			return "pgx5://" + strings.TrimPrefix(url, p)
		}
	}
	return url
}
