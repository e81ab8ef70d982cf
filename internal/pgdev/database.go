package pgdev

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// codeDuplicateDatabase is SQLSTATE duplicate_database, raised when another
// process created the database between our check and our CREATE.
const codeDuplicateDatabase = "42P04"

// EnsureDatabase creates database name on the server of adminURL unless it
// exists, and returns adminURL with its database replaced by name.
func EnsureDatabase(ctx context.Context, adminURL, name string) (string, error) {
	if name == "" {
		return "", errors.New("ensure database: empty database name")
	}
	dbURL, err := withDatabase(adminURL, name)
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(ctx, connTimeout)
	defer cancel()
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return "", fmt.Errorf("ensure database %q: %w", name, err)
	}
	defer conn.Close(ctx)

	var exists bool
	err = conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists)
	if err != nil {
		return "", fmt.Errorf("ensure database %q: %w", name, err)
	}
	if exists {
		return dbURL, nil
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	var pgErr *pgconn.PgError
	if err != nil && !(errors.As(err, &pgErr) && pgErr.Code == codeDuplicateDatabase) {
		return "", fmt.Errorf("create database %q: %w", name, err)
	}
	return dbURL, nil
}

// withDatabase returns the postgres:// URL u pointing at database name.
func withDatabase(u, name string) (string, error) {
	parsed, err := url.Parse(u)
	if err != nil || (parsed.Scheme != "postgres" && parsed.Scheme != "postgresql") {
		return "", errors.New("ensure database: the admin URL must be a postgres:// URL")
	}
	parsed.Path = "/" + name
	parsed.RawPath = ""
	return parsed.String(), nil
}

// privateURL is the maintenance-database URL of a private cluster.
func privateURL(port int) string {
	return "postgres://postgres@127.0.0.1:" + strconv.Itoa(port) + "/postgres?sslmode=disable"
}

// ping connects to url once, giving up after timeout.
func ping(ctx context.Context, url string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	return conn.Close(ctx)
}

// FreshDatabase drops database name on the server of adminURL, closing its
// connections, and creates it empty; for benchmarks, never for data anyone
// keeps.
func FreshDatabase(ctx context.Context, adminURL, name string) (string, error) {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return "", fmt.Errorf("fresh database %q: %w", name, err)
	}
	_, err = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
	conn.Close(ctx)
	if err != nil {
		return "", fmt.Errorf("drop database %q: %w", name, err)
	}
	return EnsureDatabase(ctx, adminURL, name)
}
