package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

// GridFilter says which enterprises the yearly grid lists: those in the
// territory of Scope's plan on 31 December of Year (rule 11) that operated
// at some time in Year, or that have a figure for Year on Basis; narrowed by
// search words and an area.
type GridFilter struct {
	Scope  Scope
	Year   int
	Basis  model.PriceBasis
	Query  string // words each found in the name or the tax code, accents and case ignored
	AreaID int64  // 0: every area
}

// GridRow is one enterprise of the yearly grid with its figure, if any.
type GridRow struct {
	EnterpriseID int64
	TaxCode      string
	Name         string
	AreaName     string
	Figure       *model.Figure // nil when the enterprise has none for the year and basis
}

// GridRows returns limit rows of the yearly grid from offset, by name, and
// how many rows the filter selects in all. One query reads the page with
// its figures; the count is a second.
func (s *Store) GridRows(ctx context.Context, f GridFilter, limit, offset int) ([]GridRow, int64, error) {
	where, args := gridWhere(f)
	mode := pgx.QueryExecModeExec // planned with the search words known, as the list does
	var total int64
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM enterprises e LEFT JOIN enterprise_figures f
		ON f.enterprise_id = e.id AND f.year = @year AND f.price_basis = @basis WHERE `+where, mode, args).Scan(&total)
	if err != nil {
		return nil, 0, wrap("count grid rows", err)
	}
	args["limit"], args["offset"] = limit, offset
	rows, _ := s.pool.Query(ctx, `SELECT e.id, e.tax_code, e.name,
		coalesce((SELECT a.name FROM areas a WHERE a.id = e.area_id), ''),
		f.id, f.production_value, f.revenue, f.export_value, f.employees, f.status, f.version, f.updated_at
		FROM enterprises e LEFT JOIN enterprise_figures f
		ON f.enterprise_id = e.id AND f.year = @year AND f.price_basis = @basis
		WHERE `+where+` ORDER BY e.search_text, e.id LIMIT @limit OFFSET @offset`, mode, args)
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (GridRow, error) {
		return scanGridRow(r, f)
	})
	return out, total, wrap("grid rows", err)
}

func scanGridRow(r pgx.CollectableRow, f GridFilter) (GridRow, error) {
	var g GridRow
	var id *int64
	var fig model.Figure
	var pv *model.Money
	var status *model.FigureStatus
	var version *int32
	var updated *time.Time
	err := r.Scan(&g.EnterpriseID, &g.TaxCode, &g.Name, &g.AreaName, &id, &pv, &fig.Revenue,
		&fig.ExportValue, &fig.Employees, &status, &version, &updated)
	if err != nil || id == nil {
		return g, err
	}
	fig.UpdatedAt = *updated
	fig.ID, fig.EnterpriseID, fig.Year, fig.Basis = *id, g.EnterpriseID, f.Year, f.Basis
	fig.ProductionValue, fig.Status, fig.Version = *pv, *status, *version
	g.Figure = &fig
	return g, nil
}

// gridWhere is the condition f sets on enterprises e joined with their
// figures f, with its arguments.
func gridWhere(f GridFilter) (string, pgx.NamedArgs) {
	conds := []string{`e.id IN (SELECT id FROM enterprises WHERE province_code = ANY(@touching::text[])
			UNION SELECT enterprise_id FROM enterprise_locations WHERE area_id = ANY(@areas::bigint[]))`,
		// Where it was at the year's end: a unit of the territory, or no
		// area in a province lying wholly in it.
		`coalesce((SELECT l.area_id = ANY(@areas::bigint[]) FROM enterprise_locations l
			WHERE l.enterprise_id = e.id AND l.since <= @year_end ORDER BY l.since DESC LIMIT 1),
			e.province_code = ANY(@whole::text[]))`,
		`((e.operating_since <= @year_end AND (e.ceased_on IS NULL OR e.ceased_on >= @year_start)) OR f.id IS NOT NULL)`}
	t := f.Scope.Territory
	args := pgx.NamedArgs{"touching": t.TouchingCodes(), "areas": t.AreaIDs(), "whole": t.WholeCodes(),
		"year": f.Year, "basis": f.Basis, "year_start": model.Date(f.Year, 1, 1), "year_end": model.YearEndDate(f.Year)}
	for i, w := range SearchWords(f.Query) {
		name := fmt.Sprintf("w%d", i)
		conds = append(conds, `e.search_text LIKE '%' || lower(f_unaccent(@`+name+`)) || '%'`)
		args[name] = escapeLike(w)
	}
	if f.AreaID != 0 {
		conds, args["area"] = append(conds, `e.area_id = @area`), f.AreaID
	}
	return strings.Join(conds, " AND "), args
}

// ProvinceOutputFor returns the province's total for year on basis, or
// model.ErrNotFound when none is stored.
func (s *Store) ProvinceOutputFor(ctx context.Context, province string, year int, basis model.PriceBasis) (model.ProvinceOutput, error) {
	return provinceOutputFor(ctx, s.pool, province, year, basis)
}

func provinceOutputFor(ctx context.Context, q querier, province string, year int, basis model.PriceBasis) (model.ProvinceOutput, error) {
	rows, _ := q.Query(ctx, `SELECT `+provinceOutputColumns+` FROM province_outputs
		WHERE province_code = $1 AND year = $2 AND price_basis = $3`, province, year, basis)
	p, err := pgx.CollectExactlyOneRow(rows, scanProvinceOutput)
	return p, wrap("province output", err)
}
