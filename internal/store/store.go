// Package store keeps the register in PostgreSQL. It is the only package that
// speaks to the database: every method takes ctx first, returns model types
// and turns database errors into model errors.
package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"industrytargets/internal/model"
)

// Store is the register in PostgreSQL.
type Store struct {
	pool *pgxpool.Pool
}

// querier is what both the pool and a transaction offer, so helpers can run
// inside or outside a transaction.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// Options tune the connection pool.
type Options struct {
	MaxConns int32
}

// Open connects to the database at url. It does not migrate.
func Open(ctx context.Context, url string, opt Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("store: parse database url: %w", err)
	}
	if opt.MaxConns > 0 {
		cfg.MaxConns = opt.MaxConns
	}
	// A dead connection is dropped at once rather than handed out again.
	cfg.HealthCheckPeriod = 5 * time.Second
	cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: open pool: %w", err)
	}
	return &Store{pool: pool}, nil
}

// Close closes every connection; it waits for those in use to be returned.
func (s *Store) Close() { s.pool.Close() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return fmt.Errorf("store: ping: %w", translate(err))
	}
	return nil
}

// inTx runs fn in one transaction, committed when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, s.pool, fn)
}

// PostgreSQL error codes we judge (Appendix A of its manual).
const (
	codeUniqueViolation     = "23505"
	codeForeignKeyViolation = "23503"
	codeCheckViolation      = "23514"
)

// translate turns a database error into a model error, keeping the original
// wrapped for the log.
func translate(err error) error {
	if err == nil {
		return nil
	}
	if judged(err) {
		return err
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return model.ErrNotFound
	}
	if unreachable(err) {
		return fmt.Errorf("%w: %w", model.ErrUnavailable, err)
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case codeUniqueViolation:
			return fmt.Errorf("%w: %s: %w", model.ErrConflict, pg.ConstraintName, err)
		case codeForeignKeyViolation:
			return fmt.Errorf("%w: referenced record missing (%s): %w", model.ErrNotFound, pg.ConstraintName, err)
		case codeCheckViolation:
			return fmt.Errorf("%w: %s: %w", model.ErrInvalid, pg.ConstraintName, err)
		}
	}
	return err
}

// judged reports whether err has already been turned into a model error,
// so translating it again would only blur it.
func judged(err error) bool {
	for _, e := range []error{model.ErrNotFound, model.ErrConflict, model.ErrInUse, model.ErrInvalid, model.ErrUnavailable} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// translateDelete is translate for a delete, where a foreign-key violation
// means other records still refer to the one being removed.
func translateDelete(err error) error {
	var pg *pgconn.PgError
	if !judged(err) && errors.As(err, &pg) && pg.Code == codeForeignKeyViolation {
		return fmt.Errorf("%w: %s: %w", model.ErrInUse, pg.TableName, err)
	}
	return translate(err)
}

// nullID stores 0 as NULL, for optional references such as "by whom".
func nullID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// unreachable reports whether err means the server could not be reached or
// stopped answering, rather than refusing the statement.
func unreachable(err error) bool {
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) || pgconn.Timeout(err) {
		return true
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		// Class 57 (operator intervention: shutdown, crash) and 08 (connection).
		return strings.HasPrefix(pg.Code, "57P") || strings.HasPrefix(pg.Code, "08")
	}
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}
