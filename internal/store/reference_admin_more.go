package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

// ZoneRecord is an industrial zone with the area it lies in and the
// version an edit starts from.
type ZoneRecord struct {
	model.Zone
	AreaID    *int64
	Version   int32
	UpdatedAt time.Time
}

const zoneColumns = `id, province_code, code, name, kind, area_id, version, updated_at`

func scanZoneRecord(r pgx.CollectableRow) (ZoneRecord, error) {
	var z ZoneRecord
	err := r.Scan(&z.ID, &z.ProvinceCode, &z.Code, &z.Name, &z.Kind, &z.AreaID, &z.Version, &z.UpdatedAt)
	return z, err
}

func zoneArgs(z *ZoneRecord, by int64) pgx.NamedArgs {
	return pgx.NamedArgs{"id": z.ID, "province": z.ProvinceCode, "code": z.Code, "name": z.Name,
		"kind": z.Kind, "area_id": z.AreaID, "version": z.Version, "by": nullID(by)}
}

func zoneID(z *ZoneRecord) string { return idText(z.ID) }

// ZoneRecords lists every industrial zone by province, kind and name.
func (s *Store) ZoneRecords(ctx context.Context) ([]ZoneRecord, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+zoneColumns+` FROM industrial_zones
		ORDER BY province_code, kind DESC, name, id`)
	out, err := pgx.CollectRows(rows, scanZoneRecord)
	return out, wrap("zones", err)
}

// ZoneRecord returns the zone id, or model.ErrNotFound.
func (s *Store) ZoneRecord(ctx context.Context, id int64) (ZoneRecord, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+zoneColumns+` FROM industrial_zones WHERE id = $1`, id)
	z, err := pgx.CollectExactlyOneRow(rows, scanZoneRecord)
	return z, wrap("zone "+idText(id), err)
}

// AddZone validates z and stores it. A code the province already has is
// model.ErrConflict.
func (s *Store) AddZone(ctx context.Context, z *ZoneRecord, by int64) error {
	if err := z.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `INSERT INTO industrial_zones (province_code, code, name, kind, area_id,
			updated_by) VALUES (@province, @code, @name, @kind, @area_id, @by) RETURNING `+zoneColumns, zoneArgs(z, by))
		return saveRef(ctx, tx, rows, scanZoneRecord, z, by, "create", "zone", zoneID)
	})
	return wrap("add zone", err)
}

// UpdateZone saves z when z.Version is still the stored one
// (model.ErrStale otherwise).
func (s *Store) UpdateZone(ctx context.Context, z *ZoneRecord, by int64) error {
	if err := z.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `UPDATE industrial_zones SET province_code = @province, code = @code,
			name = @name, kind = @kind, area_id = @area_id, version = version + 1, updated_at = now(),
			updated_by = @by WHERE id = @id AND version = @version RETURNING `+zoneColumns, zoneArgs(z, by))
		err := saveRef(ctx, tx, rows, scanZoneRecord, z, by, "update", "zone", zoneID)
		return staleOrMissing(ctx, tx, "industrial_zones", z.ID, err)
	})
	return wrap("update zone", err)
}

// GroupRecord is a product group with the version an edit starts from.
type GroupRecord struct {
	model.ProductGroup
	Version   int32
	UpdatedAt time.Time
}

const groupColumns = `code, name, name_en, kind, coalesce(category_code, ''), version, updated_at`

func scanGroupRecord(r pgx.CollectableRow) (GroupRecord, error) {
	var g GroupRecord
	err := r.Scan(&g.Code, &g.Name, &g.NameEN, &g.Kind, &g.Category, &g.Version, &g.UpdatedAt)
	return g, err
}

func groupArgs(g *GroupRecord, by int64) pgx.NamedArgs {
	return pgx.NamedArgs{"code": g.Code, "name": g.Name, "name_en": g.NameEN, "kind": g.Kind,
		"category": nullText(string(g.Category)), "version": g.Version, "by": nullID(by)}
}

func groupCode(g *GroupRecord) string { return g.Code }

// GroupRecords lists the product groups in display order.
func (s *Store) GroupRecords(ctx context.Context) ([]GroupRecord, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+groupColumns+` FROM product_groups ORDER BY sort, code`)
	out, err := pgx.CollectRows(rows, scanGroupRecord)
	return out, wrap("product groups", err)
}

// GroupRecord returns the product group with code, or model.ErrNotFound.
func (s *Store) GroupRecord(ctx context.Context, code string) (GroupRecord, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+groupColumns+` FROM product_groups WHERE code = $1`, code)
	g, err := pgx.CollectExactlyOneRow(rows, scanGroupRecord)
	return g, wrap("product group "+code, err)
}

// AddGroup validates g and stores it last in display order. A code already
// taken is model.ErrConflict.
func (s *Store) AddGroup(ctx context.Context, g *GroupRecord, by int64) error {
	if err := g.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `INSERT INTO product_groups (code, name, name_en, kind, category_code,
			sort, updated_by) VALUES (@code, @name, @name_en, @kind, @category,
			(SELECT coalesce(max(sort), 0) + 1 FROM product_groups), @by) RETURNING `+groupColumns, groupArgs(g, by))
		return saveRef(ctx, tx, rows, scanGroupRecord, g, by, "create", "product_group", groupCode)
	})
	return wrap("add product group", err)
}

// UpdateGroup saves g, whose code never changes, when g.Version is still
// the stored one (model.ErrStale otherwise).
func (s *Store) UpdateGroup(ctx context.Context, g *GroupRecord, by int64) error {
	if err := g.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `UPDATE product_groups SET name = @name, name_en = @name_en, kind = @kind,
			category_code = @category, version = version + 1, updated_at = now(), updated_by = @by
			WHERE code = @code AND version = @version RETURNING `+groupColumns, groupArgs(g, by))
		err := saveRef(ctx, tx, rows, scanGroupRecord, g, by, "update", "product_group", groupCode)
		return staleKey(ctx, tx, "product_groups", "code", g.Code, err)
	})
	return wrap("update product group", err)
}
