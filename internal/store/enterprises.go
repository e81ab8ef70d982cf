package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

const enterpriseColumns = `id, tax_code, name, name_en, province_code, coalesce(ownership, ''),
	investor_country, area_id, area_since, zone_id, coalesce(vsic, ''), operating_since, ceased_on,
	employees, is_demo, version, created_at, updated_at, created_by, updated_by`

func scanEnterprise(r pgx.CollectableRow) (model.Enterprise, error) {
	var e model.Enterprise
	err := r.Scan(enterpriseFields(&e)...)
	return e, err
}

// enterpriseFields are the scan destinations of enterpriseColumns, in order.
func enterpriseFields(e *model.Enterprise) []any {
	return []any{&e.ID, &e.TaxCode, &e.Name, &e.NameEN, &e.ProvinceCode, &e.Ownership,
		&e.InvestorCountry, &e.AreaID, &e.AreaSince, &e.ZoneID, &e.VSIC, &e.OperatingSince, &e.CeasedOn,
		&e.Employees, &e.Demo, &e.Version, &e.CreatedAt, &e.UpdatedAt, &e.CreatedBy, &e.UpdatedBy}
}

func enterpriseArgs(e *model.Enterprise, by int64) pgx.NamedArgs {
	return pgx.NamedArgs{
		"id": e.ID, "tax_code": e.TaxCode, "name": e.Name, "name_en": e.NameEN,
		"province": e.ProvinceCode, "ownership": nullText(string(e.Ownership)),
		"investor_country": e.InvestorCountry, "zone_id": e.ZoneID,
		"vsic": nullText(e.VSIC), "operating_since": e.OperatingSince, "ceased_on": e.CeasedOn,
		"employees": e.Employees, "is_demo": e.Demo, "version": e.Version, "by": nullID(by),
	}
}

// CreateEnterprise validates e, stores it with its location (e.AreaID from
// e.AreaSince, else from when it began operating) and fills in its id,
// version, times and the province its area lies in. A taken tax code is
// model.ErrConflict.
func (s *Store) CreateEnterprise(ctx context.Context, e *model.Enterprise, by int64) error {
	if err := e.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		area, since := e.AreaID, e.AreaSince
		err := tx.QueryRow(ctx, `INSERT INTO enterprises (tax_code, name, name_en, province_code,
			ownership, investor_country, zone_id, vsic, operating_since, ceased_on,
			employees, is_demo, created_by, updated_by)
			VALUES (@tax_code, @name, @name_en, @province, @ownership, @investor_country,
			@zone_id, @vsic, @operating_since, @ceased_on, @employees, @is_demo, @by, @by)
			RETURNING id`, enterpriseArgs(e, by)).Scan(&e.ID)
		if err != nil {
			return err
		}
		e.AreaID, e.AreaSince = area, since
		if err := saveLocation(ctx, tx, e, by); err != nil {
			return err
		}
		return appendAudit(ctx, tx, by, "create", "enterprise", idText(e.ID), enterpriseDetails(e))
	})
	return wrap("create enterprise", err)
}

// saveLocation records e's location (locate), writes the enterprise's
// latest area from its history and reads the row back into e.
func saveLocation(ctx context.Context, tx pgx.Tx, e *model.Enterprise, by int64) error {
	if _, err := locate(ctx, tx, e, by); err != nil {
		return err
	}
	ids := []int64{e.ID}
	// The row's own write has raised its version already.
	if _, err := syncAreas(ctx, tx, ids, ids, by); err != nil {
		return err
	}
	rows, _ := tx.Query(ctx, `SELECT `+enterpriseColumns+` FROM enterprises WHERE id = $1`, e.ID)
	got, err := pgx.CollectExactlyOneRow(rows, scanEnterprise)
	if err == nil {
		*e = got
	}
	return err
}

// Enterprise returns the enterprise with id, or model.ErrNotFound.
func (s *Store) Enterprise(ctx context.Context, id int64) (model.Enterprise, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+enterpriseColumns+` FROM enterprises WHERE id = $1`, id)
	e, err := pgx.CollectExactlyOneRow(rows, scanEnterprise)
	return e, wrap("enterprise "+idText(id), err)
}

// EnterpriseByTaxCode returns the enterprise with the tax code, or
// model.ErrNotFound.
func (s *Store) EnterpriseByTaxCode(ctx context.Context, taxCode string) (model.Enterprise, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+enterpriseColumns+` FROM enterprises WHERE tax_code = $1`, taxCode)
	e, err := pgx.CollectExactlyOneRow(rows, scanEnterprise)
	return e, wrap("enterprise "+taxCode, err)
}

// UpdateEnterprise saves e when e.Version is still the stored version, and
// bumps the version. Someone else's change in between is model.ErrConflict;
// a missing enterprise is model.ErrNotFound.
func (s *Store) UpdateEnterprise(ctx context.Context, e *model.Enterprise, by int64) error {
	if err := e.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		// The row as it was, locked, so the log can say what changed.
		rows, _ := tx.Query(ctx, `SELECT `+enterpriseColumns+` FROM enterprises
			WHERE id = $1 AND version = $2 FOR UPDATE`, e.ID, e.Version)
		before, err := pgx.CollectExactlyOneRow(rows, scanEnterprise)
		if err != nil {
			return staleOrMissing(ctx, tx, "enterprises", e.ID, err)
		}
		area, since := e.AreaID, e.AreaSince
		tag, err := tx.Exec(ctx, `UPDATE enterprises SET tax_code = @tax_code, name = @name,
			name_en = @name_en, province_code = @province, ownership = @ownership,
			investor_country = @investor_country, zone_id = @zone_id,
			vsic = @vsic, operating_since = @operating_since, ceased_on = @ceased_on,
			employees = @employees, version = version + 1, updated_at = now(), updated_by = @by
			WHERE id = @id AND version = @version`, enterpriseArgs(e, by))
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return staleOrMissing(ctx, tx, "enterprises", e.ID, pgx.ErrNoRows)
		}
		e.AreaID, e.AreaSince = area, since
		if err := saveLocation(ctx, tx, e, by); err != nil {
			return err
		}
		d := enterpriseDetails(e)
		d["changes"] = enterpriseChanges(&before, e)
		return appendAudit(ctx, tx, by, "update", "enterprise", idText(e.ID), d)
	})
	return wrap("update enterprise", err)
}

// DeleteEnterprise removes the enterprise at version and its
// classifications. It is refused with model.ErrInUse while yearly figures
// refer to it (mark it ceased instead), and with model.ErrConflict when the
// version is stale.
func (s *Store) DeleteEnterprise(ctx context.Context, id int64, version int32, by int64) error {
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM classifications WHERE enterprise_id = $1`, id)
		if err != nil {
			return err
		}
		rows, _ := tx.Query(ctx, `DELETE FROM enterprises WHERE id = $1 AND version = $2
			RETURNING `+enterpriseColumns, id, version)
		gone, err := pgx.CollectExactlyOneRow(rows, scanEnterprise)
		if errors.Is(err, pgx.ErrNoRows) {
			return staleOrMissing(ctx, tx, "enterprises", id, err)
		}
		if err != nil {
			return err
		}
		d := enterpriseDetails(&gone)
		d["classifications"] = tag.RowsAffected()
		return appendAudit(ctx, tx, by, "delete", "enterprise", idText(id), d)
	})
	// Judged here rather than by wrap, whose translate would also call the
	// foreign-key violation a missing record (model.ErrNotFound).
	if inUse := translateDelete(err); errors.Is(inUse, model.ErrInUse) {
		return fmt.Errorf("store: delete enterprise: %w", inUse)
	}
	return wrap("delete enterprise", err)
}

// staleOrMissing tells apart an update that found no row because the row is
// gone (model.ErrNotFound) from one whose version moved on
// (model.ErrConflict). table is one of ours, never user input.
func staleOrMissing(ctx context.Context, q querier, table string, id int64, err error) error {
	if !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	var exists bool
	if e := q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM `+table+` WHERE id = $1)`, id).Scan(&exists); e != nil {
		return e
	}
	if exists {
		return fmt.Errorf("%s %d: %w", table, id, model.ErrStale)
	}
	return model.ErrNotFound
}

func enterpriseDetails(e *model.Enterprise) map[string]any {
	d := map[string]any{
		"tax_code": e.TaxCode, "name": e.Name, "province": e.ProvinceCode,
		"operating_since": e.OperatingSince.Format("2006-01-02"), "version": e.Version,
	}
	if e.CeasedOn != nil {
		d["ceased_on"] = e.CeasedOn.Format("2006-01-02")
	}
	return d
}

// enterpriseChanges lists the fields an update changed, keyed like the
// import columns, each as {"from": …, "to": …} ("" for empty).
func enterpriseChanges(before, after *model.Enterprise) map[string]any {
	b, a := enterpriseValues(before), enterpriseValues(after)
	out := map[string]any{}
	for k, v := range a {
		if b[k] != v {
			out[k] = map[string]string{"from": b[k], "to": v}
		}
	}
	return out
}

// enterpriseValues is every field a person edits, as text: dates as
// yyyy-mm-dd, the area and zone as their ids.
func enterpriseValues(e *model.Enterprise) map[string]string {
	date := func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	num := func(n *int64) string {
		if n == nil {
			return ""
		}
		return strconv.FormatInt(*n, 10)
	}
	return map[string]string{
		"tax_code": e.TaxCode, "name": e.Name, "name_en": e.NameEN, "province": e.ProvinceCode,
		"ownership": string(e.Ownership), "investor_country": e.InvestorCountry,
		"area": num(e.AreaID), "area_since": date(e.AreaSince), "industrial_zone": num(e.ZoneID), "vsic": e.VSIC,
		"operating_since": date(&e.OperatingSince), "ceased_on": date(e.CeasedOn),
		"employees": num(e.Employees),
	}
}

func idText(id int64) string { return strconv.FormatInt(id, 10) }

func nullText(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
