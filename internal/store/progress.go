package store

import (
	"context"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
	"industrytargets/internal/progress"
)

// RegisterRows is everything the counting rules read about one province on
// one price basis, loaded in four queries whatever the register's size.
type RegisterRows struct {
	Enterprises     []model.Enterprise
	Classifications []model.Classification
	Figures         []model.Figure
	Outputs         []model.ProvinceOutput
}

// RegisterRows loads a province's enterprises with their classifications in
// the given categories, their figures on basis for the years first to last,
// and the province's totals on basis.
func (s *Store) RegisterRows(ctx context.Context, province string, cats []model.Category, basis model.PriceBasis, first, last int) (RegisterRows, error) {
	var r RegisterRows
	rows, _ := s.pool.Query(ctx, `SELECT `+enterpriseColumns+` FROM enterprises
		WHERE province_code = $1 ORDER BY id`, province)
	var err error
	if r.Enterprises, err = pgx.CollectRows(rows, scanEnterprise); err != nil {
		return r, wrap("register enterprises", err)
	}
	rows, _ = s.pool.Query(ctx, `SELECT `+classificationColumns+` FROM classifications
		WHERE enterprise_id IN (SELECT id FROM enterprises WHERE province_code = $1)
			AND category_code = ANY($2) ORDER BY id`, province, cats)
	if r.Classifications, err = pgx.CollectRows(rows, scanClassification); err != nil {
		return r, wrap("register classifications", err)
	}
	rows, _ = s.pool.Query(ctx, `SELECT `+figureColumns+` FROM enterprise_figures
		WHERE enterprise_id IN (SELECT id FROM enterprises WHERE province_code = $1)
			AND price_basis = $2 AND year BETWEEN $3 AND $4 ORDER BY id`, province, basis, first, last)
	if r.Figures, err = pgx.CollectRows(rows, scanFigure); err != nil {
		return r, wrap("register figures", err)
	}
	rows, _ = s.pool.Query(ctx, `SELECT `+provinceOutputColumns+` FROM province_outputs
		WHERE province_code = $1 AND price_basis = $2 ORDER BY year`, province, basis)
	if r.Outputs, err = pgx.CollectRows(rows, scanProvinceOutput); err != nil {
		return r, wrap("register outputs", err)
	}
	return r, nil
}

// YearTotals applies the counting rules in SQL: for each year from first to
// last, the enterprises of the plan's province operating on 31 December and
// holding a classification in one of its categories that covers that day,
// how many of them have a figure on basis, the exact sum of those figures,
// and the province's total. One query, whatever the register's size.
func (s *Store) YearTotals(ctx context.Context, plan model.Plan, basis model.PriceBasis, first, last int) ([]model.YearTotals, error) {
	rows, _ := s.pool.Query(ctx, `
		WITH years AS (
			SELECT y, make_date(y, 12, 31) AS day FROM generate_series(@first::int, @last::int) AS y
		), qualifying AS (
			SELECT years.y, e.id
			FROM years JOIN enterprises e ON e.province_code = @province
				AND e.operating_since <= years.day
				AND (e.ceased_on IS NULL OR e.ceased_on > years.day)
			WHERE EXISTS (
				SELECT 1 FROM classifications c
				WHERE c.enterprise_id = e.id AND c.category_code = ANY(@categories)
					AND c.valid_from <= years.day
					AND (c.valid_until IS NULL OR c.valid_until >= years.day))
		)
		SELECT years.y, count(q.id)::int, count(f.id)::int,
			coalesce(sum(f.production_value), 0), po.production_value
		FROM years
		LEFT JOIN qualifying q ON q.y = years.y
		LEFT JOIN enterprise_figures f ON f.enterprise_id = q.id AND f.year = years.y
			AND f.price_basis = @basis
		LEFT JOIN province_outputs po ON po.province_code = @province AND po.year = years.y
			AND po.price_basis = @basis
		GROUP BY years.y, po.production_value
		ORDER BY years.y`, pgx.NamedArgs{
		"first": first, "last": last, "province": plan.ProvinceCode,
		"categories": plan.Categories, "basis": basis,
	})
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.YearTotals, error) {
		var t model.YearTotals
		err := r.Scan(&t.Year, &t.Qualifying, &t.Reporting, &t.Output, &t.ProvinceOutput)
		return t, err
	})
	return out, wrap("year totals", err)
}

// DefaultAsOfYear is the year a report is as of when none is asked for:
// the latest year, not before the baseline, with a province total on basis;
// else the latest such year with a figure on basis of one of the province's
// enterprises; else the baseline year (progress.DefaultAsOfYear in SQL).
func (s *Store) DefaultAsOfYear(ctx context.Context, plan model.Plan, basis model.PriceBasis) (int, error) {
	var y int
	err := s.pool.QueryRow(ctx, `SELECT coalesce(
		(SELECT max(year) FROM province_outputs WHERE province_code = $1 AND price_basis = $2 AND year >= $3),
		(SELECT max(f.year) FROM enterprise_figures f JOIN enterprises e ON e.id = f.enterprise_id
			WHERE e.province_code = $1 AND f.price_basis = $2 AND f.year >= $3),
		$3)`, plan.ProvinceCode, basis, plan.BaselineYear).Scan(&y)
	return y, wrap("default year", err)
}

// Progress draws plan code's report on basis as of year (0: the default
// year), aggregating in SQL. An unknown plan is model.ErrNotFound; a year
// before the baseline is model.ErrInvalid.
func (s *Store) Progress(ctx context.Context, code string, basis model.PriceBasis, year int) (progress.Report, error) {
	plan, err := s.Plan(ctx, code)
	if err != nil {
		return progress.Report{}, err
	}
	if err := progress.CheckYear(plan, year); err != nil {
		return progress.Report{}, err
	}
	if year == 0 {
		if year, err = s.DefaultAsOfYear(ctx, plan, basis); err != nil {
			return progress.Report{}, err
		}
	}
	totals, err := s.YearTotals(ctx, plan, basis, plan.BaselineYear, year)
	if err != nil {
		return progress.Report{}, err
	}
	return progress.FromTotals(plan, basis, year, totals), nil
}
