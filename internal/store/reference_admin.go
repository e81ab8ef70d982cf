package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

// AreaRecord is an area with the version an edit starts from.
type AreaRecord struct {
	model.Area
	Version   int32
	UpdatedAt time.Time
}

const areaColumns = `id, province_code, code, name, kind, valid_from, valid_until, version, updated_at`

func scanAreaRecord(r pgx.CollectableRow) (AreaRecord, error) {
	var a AreaRecord
	err := r.Scan(&a.ID, &a.ProvinceCode, &a.Code, &a.Name, &a.Kind, &a.ValidFrom, &a.ValidUntil, &a.Version, &a.UpdatedAt)
	return a, err
}

func areaArgs(a *AreaRecord, by int64) pgx.NamedArgs {
	return pgx.NamedArgs{"id": a.ID, "province": a.ProvinceCode, "code": a.Code, "name": a.Name,
		"kind": a.Kind, "valid_from": a.ValidFrom, "valid_until": a.ValidUntil, "version": a.Version, "by": nullID(by)}
}

// AreaRecords lists every area of every province: by province, those
// still valid first, then by name.
func (s *Store) AreaRecords(ctx context.Context) ([]AreaRecord, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+areaColumns+` FROM areas
		ORDER BY province_code, valid_until IS NOT NULL, name, id`)
	out, err := pgx.CollectRows(rows, scanAreaRecord)
	return out, wrap("areas", err)
}

// AreaRecord returns the area id, or model.ErrNotFound.
func (s *Store) AreaRecord(ctx context.Context, id int64) (AreaRecord, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+areaColumns+` FROM areas WHERE id = $1`, id)
	a, err := pgx.CollectExactlyOneRow(rows, scanAreaRecord)
	return a, wrap("area "+idText(id), err)
}

// AddArea validates a and stores it. A code the province already has is
// model.ErrConflict.
func (s *Store) AddArea(ctx context.Context, a *AreaRecord, by int64) error {
	if err := a.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `INSERT INTO areas (province_code, code, name, kind, valid_from,
			valid_until, updated_by) VALUES (@province, @code, @name, @kind, @valid_from, @valid_until, @by)
			RETURNING `+areaColumns, areaArgs(a, by))
		return saveRef(ctx, tx, rows, scanAreaRecord, a, by, "create", "area", func(a *AreaRecord) string { return idText(a.ID) })
	})
	return wrap("add area", err)
}

// UpdateArea saves a when a.Version is still the stored one
// (model.ErrStale otherwise).
func (s *Store) UpdateArea(ctx context.Context, a *AreaRecord, by int64) error {
	if err := a.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `UPDATE areas SET province_code = @province, code = @code, name = @name,
			kind = @kind, valid_from = @valid_from, valid_until = @valid_until, version = version + 1,
			updated_at = now(), updated_by = @by WHERE id = @id AND version = @version
			RETURNING `+areaColumns, areaArgs(a, by))
		err := saveRef(ctx, tx, rows, scanAreaRecord, a, by, "update", "area", func(a *AreaRecord) string { return idText(a.ID) })
		return staleOrMissing(ctx, tx, "areas", a.ID, err)
	})
	return wrap("update area", err)
}

// saveRef reads the one row a write of a reference list returned into rec
// and logs the change with the record's own fields.
func saveRef[T any](ctx context.Context, tx pgx.Tx, rows pgx.Rows, scan pgx.RowToFunc[T], rec *T, by int64,
	action, entity string, id func(*T) string) error {
	got, err := pgx.CollectExactlyOneRow(rows, scan)
	if err != nil {
		return err
	}
	*rec = got
	return appendAudit(ctx, tx, by, action, entity, id(rec), map[string]any{"record": got})
}

// staleKey is staleOrMissing for a table whose key is column: a write
// that found no row is model.ErrStale when a row with key is there, and
// model.ErrNotFound when it is not. table and column are ours.
func staleKey(ctx context.Context, q querier, table, column string, key any, err error) error {
	if !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	var exists bool
	if e := q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM `+table+` WHERE `+column+` = $1)`, key).Scan(&exists); e != nil {
		return e
	}
	if exists {
		return fmt.Errorf("%s %v: %w", table, key, model.ErrStale)
	}
	return model.ErrNotFound
}
