package store

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// RegisterVersion is the register's version: it rises with every committed
// change to anything the dashboard counts (migration 0010). Whatever is
// computed after reading version N counts every write committed before N
// was read, so it may be kept and served for as long as the version is N.
func (s *Store) RegisterVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.pool.QueryRow(ctx, `SELECT version FROM register_state`).Scan(&v)
	return v, wrap("register version", err)
}

// inRegisterTx runs fn in a transaction that changes the register. It
// raises the register's version before anything else, so the change and
// the new version commit together, and every writer takes the version's
// lock before any row's: two writers never wait on each other crosswise.
func (s *Store) inRegisterTx(ctx context.Context, fn func(pgx.Tx) error) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE register_state SET version = version + 1`); err != nil {
			return err
		}
		return fn(tx)
	})
}

// Analyze refreshes the planner's statistics of the register's tables, as
// is due after a bulk load (autovacuum would, within a minute or so).
func (s *Store) Analyze(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, `ANALYZE enterprises, classifications, enterprise_figures, province_outputs`)
	return wrap("analyze", err)
}
