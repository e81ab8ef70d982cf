package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

// Reference is every reference list at once, as seeding writes it.
type Reference struct {
	Provinces     []model.Province
	Areas         []AreaSeed
	Zones         []ZoneSeed
	Sections      []model.VSICSection
	Divisions     []model.VSICDivision
	Categories    []model.CategoryInfo
	ProductGroups []model.ProductGroup
}

// ZoneSeed is a zone with its area named by code rather than id.
type ZoneSeed struct {
	model.Zone
	AreaCode string
}

// AreaSeed is a unit with the units it was formed from named by code
// (within OriginProvince) rather than id.
type AreaSeed struct {
	model.Area
	OriginProvince string
	OriginCodes    []string
}

// EnsureReference adds the reference rows that are missing, in one
// transaction, and leaves existing rows as they are (an administrator may
// have edited them). It returns how many rows it added.
func (s *Store) EnsureReference(ctx context.Context, ref Reference) (int64, error) {
	var added int64
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		for _, p := range ref.Provinces {
			b.Queue(`INSERT INTO provinces (code, name, name_en, kind, authority, valid_from, valid_until)
				VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
				p.Code, p.Name, p.NameEN, nullText(p.Kind), p.Authority, p.ValidFrom, p.ValidUntil)
			// A province seeded before these facts were kept gains them,
			// unless someone has set them since.
			b.Queue(`UPDATE provinces SET kind = coalesce(kind, $2),
				authority = CASE WHEN authority = '' THEN $3 ELSE authority END,
				valid_until = coalesce(valid_until, $4)
				WHERE code = $1 AND ((kind IS NULL AND $2::text IS NOT NULL) OR (authority = '' AND $3 <> '')
					OR (valid_until IS NULL AND $4::date IS NOT NULL))`,
				p.Code, nullText(p.Kind), p.Authority, p.ValidUntil)
		}
		for _, p := range ref.Provinces {
			if p.SuccessorCode != "" {
				b.Queue(`UPDATE provinces SET successor_code = $2 WHERE code = $1 AND successor_code IS NULL`,
					p.Code, p.SuccessorCode)
			}
		}
		for _, a := range ref.Areas {
			b.Queue(`INSERT INTO areas (province_code, code, name, kind, valid_from, valid_until)
				VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
				a.ProvinceCode, a.Code, a.Name, a.Kind, a.ValidFrom, a.ValidUntil)
		}
		for _, a := range ref.Areas {
			for _, o := range a.OriginCodes {
				b.Queue(`INSERT INTO area_origins (area_id, origin_id)
					SELECT a.id, o.id FROM areas a, areas o
					WHERE a.province_code = $1 AND a.code = $2 AND o.province_code = $3 AND o.code = $4
					ON CONFLICT DO NOTHING`, a.ProvinceCode, a.Code, a.OriginProvince, o)
			}
		}
		for _, z := range ref.Zones {
			b.Queue(`INSERT INTO industrial_zones (province_code, area_id, code, name, kind)
				VALUES ($1, (SELECT id FROM areas WHERE province_code = $1 AND code = $2), $3, $4, $5)
				ON CONFLICT DO NOTHING`,
				z.ProvinceCode, z.AreaCode, z.Code, z.Name, z.Kind)
		}
		for _, sec := range ref.Sections {
			b.Queue(`INSERT INTO vsic_sections (code, name, name_en) VALUES ($1, $2, $3)
				ON CONFLICT DO NOTHING`, sec.Code, sec.Name, sec.NameEN)
		}
		for _, d := range ref.Divisions {
			b.Queue(`INSERT INTO vsic_divisions (code, section, name, name_en) VALUES ($1, $2, $3, $4)
				ON CONFLICT DO NOTHING`, d.Code, d.Section, d.Name, d.NameEN)
		}
		for i, c := range ref.Categories {
			b.Queue(`INSERT INTO categories (code, name, name_en, sort) VALUES ($1, $2, $3, $4)
				ON CONFLICT DO NOTHING`, c.Code, c.Name, c.NameEN, i+1)
		}
		for i, g := range ref.ProductGroups {
			b.Queue(`INSERT INTO product_groups (code, name, name_en, kind, category_code, sort)
				VALUES ($1, $2, $3, $4, NULLIF($5, ''), $6) ON CONFLICT DO NOTHING`,
				g.Code, g.Name, g.NameEN, g.Kind, string(g.Category), i+1)
		}
		return runBatch(ctx, tx, b, &added)
	})
	return added, translate(err)
}

// runBatch sends b and adds the rows each statement affected to *n.
func runBatch(ctx context.Context, tx pgx.Tx, b *pgx.Batch, n *int64) error {
	res := tx.SendBatch(ctx, b)
	for range b.Len() {
		tag, err := res.Exec()
		if err != nil {
			res.Close()
			return err
		}
		*n += tag.RowsAffected()
	}
	return res.Close()
}

// Provinces lists every province by code.
func (s *Store) Provinces(ctx context.Context) ([]model.Province, error) {
	rows, _ := s.pool.Query(ctx, `SELECT code, name, name_en, coalesce(kind, ''), authority,
		coalesce(successor_code, ''), valid_from, valid_until FROM provinces ORDER BY code`)
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.Province, error) {
		var p model.Province
		err := r.Scan(&p.Code, &p.Name, &p.NameEN, &p.Kind, &p.Authority, &p.SuccessorCode, &p.ValidFrom, &p.ValidUntil)
		return p, err
	})
	return out, wrap("provinces", err)
}

// areaListColumns are the columns scanArea reads, of areas a.
const areaListColumns = `a.id, a.province_code, a.code, a.name, a.kind, a.valid_from, a.valid_until,
	ARRAY(SELECT o.origin_id FROM area_origins o WHERE o.area_id = a.id ORDER BY o.origin_id)`

func scanArea(r pgx.CollectableRow) (model.Area, error) {
	var a model.Area
	err := r.Scan(&a.ID, &a.ProvinceCode, &a.Code, &a.Name, &a.Kind, &a.ValidFrom, &a.ValidUntil, &a.Origins)
	return a, err
}

// Areas lists a province's areas, old and new, by name.
func (s *Store) Areas(ctx context.Context, province string) ([]model.Area, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+areaListColumns+` FROM areas a WHERE a.province_code = $1
		ORDER BY a.name, a.id`, province)
	out, err := pgx.CollectRows(rows, scanArea)
	return out, wrap("areas", err)
}

// AllAreas lists the areas of every province, by province, name and id,
// each with the units it was formed from.
func (s *Store) AllAreas(ctx context.Context) ([]model.Area, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+areaListColumns+` FROM areas a ORDER BY a.province_code, a.name, a.id`)
	out, err := pgx.CollectRows(rows, scanArea)
	return out, wrap("areas", err)
}

// Zones lists a province's industrial parks and clusters by kind and name.
func (s *Store) Zones(ctx context.Context, province string) ([]model.Zone, error) {
	rows, _ := s.pool.Query(ctx, `SELECT id, province_code, code, name, kind
		FROM industrial_zones WHERE province_code = $1 ORDER BY kind DESC, name`, province)
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.Zone, error) {
		var z model.Zone
		err := r.Scan(&z.ID, &z.ProvinceCode, &z.Code, &z.Name, &z.Kind)
		return z, err
	})
	return out, wrap("zones", err)
}

// VSICDivisions lists the divisions of sections B–E by code.
func (s *Store) VSICDivisions(ctx context.Context) ([]model.VSICDivision, error) {
	rows, _ := s.pool.Query(ctx, `SELECT code, section, name, name_en FROM vsic_divisions ORDER BY code`)
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.VSICDivision, error) {
		var d model.VSICDivision
		err := r.Scan(&d.Code, &d.Section, &d.Name, &d.NameEN)
		return d, err
	})
	return out, wrap("vsic divisions", err)
}

// Categories lists the six categories in display order.
func (s *Store) Categories(ctx context.Context) ([]model.CategoryInfo, error) {
	rows, _ := s.pool.Query(ctx, `SELECT code, name, name_en FROM categories ORDER BY sort`)
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.CategoryInfo, error) {
		var c model.CategoryInfo
		err := r.Scan(&c.Code, &c.Name, &c.NameEN)
		return c, err
	})
	return out, wrap("categories", err)
}

// ProductGroups lists the product groups in display order.
func (s *Store) ProductGroups(ctx context.Context) ([]model.ProductGroup, error) {
	rows, _ := s.pool.Query(ctx, `SELECT code, name, name_en, kind, coalesce(category_code, '')
		FROM product_groups ORDER BY sort, code`)
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.ProductGroup, error) {
		var g model.ProductGroup
		err := r.Scan(&g.Code, &g.Name, &g.NameEN, &g.Kind, &g.Category)
		return g, err
	})
	return out, wrap("product groups", err)
}

// wrap translates err and names what was being read.
func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("store: %s: %w", what, translate(err))
}
