package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

// An enterprise's location is a history of dated moves (DESIGN.md rule
// 11): enterprise_locations. The enterprise row keeps its latest location,
// the day it began there and the province that follows from it, for lists
// and forms; syncAreas writes those from the history, in the transaction
// that changed it.

// syncAreas sets the area, area_since and province of the enterprises ids
// from their latest locations (the province stays as entered for one
// without any), raising the version of those that change unless they are
// among fresh, rows inserted in the same transaction. It returns the ids it
// changed.
func syncAreas(ctx context.Context, tx pgx.Tx, ids, fresh []int64, by int64) ([]int64, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, _ := tx.Query(ctx, `UPDATE enterprises e SET area_id = l.area_id, area_since = l.since,
			province_code = coalesce(a.province_code, e.province_code),
			version = e.version + CASE WHEN e.id = ANY(@fresh::bigint[]) THEN 0 ELSE 1 END,
			updated_at = now(), updated_by = @by
		FROM unnest(@ids::bigint[]) AS x (id)
		LEFT JOIN LATERAL (SELECT area_id, since FROM enterprise_locations
			WHERE enterprise_id = x.id ORDER BY since DESC LIMIT 1) l ON true
		LEFT JOIN areas a ON a.id = l.area_id
		WHERE e.id = x.id AND (e.area_id, e.area_since, e.province_code)
			IS DISTINCT FROM (l.area_id, l.since, coalesce(a.province_code, e.province_code))
		RETURNING e.id`, pgx.NamedArgs{"ids": ids, "fresh": fresh, "by": nullID(by)})
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// locate records where e now is, as a form or an import row says it
// (e.AreaID, e.AreaSince), against its stored history: with a day after the
// latest location's, a move that day (the earlier location ends the day
// before); with that same day or none, a correction of the latest location
// (or, without any, its only location from when it began operating). An
// area already held needs no move. A day before the latest location's is
// refused with a *model.ValidationError on area_since: history is corrected
// on the enterprise's page. Without an area nothing changes. It reports
// whether the history changed.
func locate(ctx context.Context, tx pgx.Tx, e *model.Enterprise, by int64) (bool, error) {
	if e.AreaID == nil {
		return false, nil
	}
	var latest struct {
		since time.Time
		area  int64
	}
	err := tx.QueryRow(ctx, `SELECT since, area_id FROM enterprise_locations WHERE enterprise_id = $1
		ORDER BY since DESC LIMIT 1 FOR UPDATE`, e.ID).Scan(&latest.since, &latest.area)
	none := errors.Is(err, pgx.ErrNoRows)
	if err != nil && !none {
		return false, err
	}
	since := e.OperatingSince
	if e.AreaSince != nil {
		since = *e.AreaSince
	}
	switch {
	case none:
		_, err = tx.Exec(ctx, `INSERT INTO enterprise_locations (enterprise_id, since, area_id, created_by)
			VALUES ($1, $2, $3, $4)`, e.ID, since, *e.AreaID, nullID(by))
		return err == nil, err
	case e.AreaSince == nil || model.DayOf(since).Equal(model.DayOf(latest.since)):
		if latest.area == *e.AreaID {
			return false, nil
		}
		_, err = tx.Exec(ctx, `UPDATE enterprise_locations SET area_id = $3 WHERE enterprise_id = $1 AND since = $2`,
			e.ID, latest.since, *e.AreaID)
		return err == nil, err
	case since.Before(latest.since):
		v := &model.ValidationError{}
		v.Add("area_since", "move_before_latest", model.FormatDate(latest.since))
		return false, v
	case latest.area == *e.AreaID:
		return false, nil
	}
	_, err = tx.Exec(ctx, `INSERT INTO enterprise_locations (enterprise_id, since, area_id, created_by)
		VALUES ($1, $2, $3, $4)`, e.ID, since, *e.AreaID, nullID(by))
	return err == nil, err
}

// Locations lists where an enterprise has been, earliest first.
func (s *Store) Locations(ctx context.Context, enterpriseID int64) ([]model.Location, error) {
	rows, _ := s.pool.Query(ctx, `SELECT enterprise_id, area_id, since FROM enterprise_locations
		WHERE enterprise_id = $1 ORDER BY since`, enterpriseID)
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.Location, error) {
		var l model.Location
		err := r.Scan(&l.EnterpriseID, &l.AreaID, &l.Since)
		return l, err
	})
	return out, wrap("locations", err)
}

// LatestMoves maps the tax code of every enterprise with a location to the
// day its latest location began, so an import can refuse a move dated
// before it.
func (s *Store) LatestMoves(ctx context.Context) (map[string]time.Time, error) {
	rows, _ := s.pool.Query(ctx, `SELECT tax_code, area_since FROM enterprises WHERE area_since IS NOT NULL`)
	out := map[string]time.Time{}
	var tc string
	var d time.Time
	_, err := pgx.ForEachRow(rows, []any{&tc, &d}, func() error {
		out[tc] = d
		return nil
	})
	return out, wrap("latest moves", err)
}

// CorrectLocation rewrites the location of enterprise id that began on
// since: moved to another day (newSince), to another area, or, with area
// nil, removed. The enterprise must still be at version (model.ErrStale
// otherwise); its version is raised. Two locations cannot begin on one day
// (model.ErrConflict).
func (s *Store) CorrectLocation(ctx context.Context, id int64, version int32, since time.Time, newSince time.Time, area *int64, by int64) error {
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		var cur int32
		if err := tx.QueryRow(ctx, `SELECT version FROM enterprises WHERE id = $1 FOR UPDATE`, id).Scan(&cur); err != nil {
			return err
		}
		if cur != version {
			return model.ErrStale
		}
		var tag interface{ RowsAffected() int64 }
		var err error
		action := "remove_location"
		if area == nil {
			tag, err = tx.Exec(ctx, `DELETE FROM enterprise_locations WHERE enterprise_id = $1 AND since = $2`, id, since)
		} else {
			action = "correct_location"
			tag, err = tx.Exec(ctx, `UPDATE enterprise_locations SET since = $3, area_id = $4
				WHERE enterprise_id = $1 AND since = $2`, id, since, newSince, *area)
		}
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("%w: location of %d from %s", model.ErrNotFound, id, since.Format(time.DateOnly))
		}
		if _, err := tx.Exec(ctx, `UPDATE enterprises SET version = version + 1, updated_at = now(), updated_by = $2
			WHERE id = $1`, id, nullID(by)); err != nil {
			return err
		}
		if _, err := syncAreas(ctx, tx, []int64{id}, []int64{id}, by); err != nil {
			return err
		}
		d := map[string]any{"since": since.Format(time.DateOnly)}
		if area != nil {
			d["new_since"], d["area_id"] = newSince.Format(time.DateOnly), *area
		}
		return appendAudit(ctx, tx, by, action, "enterprise", idText(id), d)
	})
	return wrap("correct location", err)
}
