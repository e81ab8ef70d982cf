package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"industrytargets/internal/model"
	"industrytargets/internal/progress"
)

// Scope is what counting a plan reads besides the register: the plan, its
// territory (rule 11) and the report date (rule 9), on which the current
// year is counted and certificates are judged to be expiring.
type Scope struct {
	Plan      model.Plan
	Territory progress.Territory
	AsOf      time.Time
}

// Scope builds plan's scope as of the report date asOf.
func (s *Store) Scope(ctx context.Context, plan model.Plan, asOf time.Time) (Scope, error) {
	provinces, err := s.Provinces(ctx)
	if err != nil {
		return Scope{}, err
	}
	rows, _ := s.pool.Query(ctx, `SELECT id, province_code FROM areas`)
	areas, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.Area, error) {
		var a model.Area
		err := r.Scan(&a.ID, &a.ProvinceCode)
		return a, err
	})
	if err != nil {
		return Scope{}, wrap("scope areas", err)
	}
	return Scope{Plan: plan, Territory: progress.NewTerritory(plan, provinces, areas), AsOf: model.DayOf(asOf)}, nil
}

// args are the arguments every counting query shares: the plan's
// categories, its territory, the report date and the years first to last.
func (sc Scope) args(first, last int) pgx.NamedArgs {
	cats := make([]string, len(sc.Plan.Categories))
	for i, c := range sc.Plan.Categories {
		cats[i] = string(c)
	}
	t := sc.Territory
	return pgx.NamedArgs{"categories": cats, "areas": t.AreaIDs(), "whole": t.WholeCodes(),
		"partly": t.PartlyCodes(), "touching": t.TouchingCodes(),
		"as_of": pgtype.Date{Time: sc.AsOf, Valid: true}, "first": int32(first), "last": int32(last),
		"province": sc.Plan.ProvinceCode}
}

// RegisterRows is everything the counting rules read about a plan's
// territory on one price basis, loaded in five queries whatever the
// register's size.
type RegisterRows struct {
	Enterprises     []model.Enterprise
	Classifications []model.Classification
	Figures         []model.Figure
	Locations       []model.Location
	Outputs         []model.ProvinceOutput
}

// RegisterRows loads the enterprises that may count in sc's territory
// (those of a province lying in it, or ever located in one of its units)
// with their classifications in sc's categories, their locations, their
// figures on basis for the years first to last, and the plan's province's
// totals on basis.
func (s *Store) RegisterRows(ctx context.Context, sc Scope, basis model.PriceBasis, first, last int) (RegisterRows, error) {
	var r RegisterRows
	args := sc.args(first, last)
	args["basis"] = basis
	const candidates = `(SELECT id FROM enterprises WHERE province_code = ANY(@touching)
		UNION SELECT enterprise_id FROM enterprise_locations WHERE area_id = ANY(@areas))`
	rows, _ := s.pool.Query(ctx, `SELECT `+enterpriseColumns+` FROM enterprises
		WHERE id IN `+candidates+` ORDER BY id`, args)
	var err error
	if r.Enterprises, err = pgx.CollectRows(rows, scanEnterprise); err != nil {
		return r, wrap("register enterprises", err)
	}
	rows, _ = s.pool.Query(ctx, `SELECT `+classificationColumns+` FROM classifications
		WHERE enterprise_id IN `+candidates+` AND category_code = ANY(@categories) ORDER BY id`, args)
	if r.Classifications, err = pgx.CollectRows(rows, scanClassification); err != nil {
		return r, wrap("register classifications", err)
	}
	rows, _ = s.pool.Query(ctx, `SELECT enterprise_id, area_id, since FROM enterprise_locations
		WHERE enterprise_id IN `+candidates+` ORDER BY enterprise_id, since`, args)
	if r.Locations, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (model.Location, error) {
		var l model.Location
		err := row.Scan(&l.EnterpriseID, &l.AreaID, &l.Since)
		return l, err
	}); err != nil {
		return r, wrap("register locations", err)
	}
	rows, _ = s.pool.Query(ctx, `SELECT `+figureColumns+` FROM enterprise_figures
		WHERE enterprise_id IN `+candidates+`
			AND price_basis = @basis AND year BETWEEN @first AND @last ORDER BY id`, args)
	if r.Figures, err = pgx.CollectRows(rows, scanFigure); err != nil {
		return r, wrap("register figures", err)
	}
	rows, _ = s.pool.Query(ctx, `SELECT `+provinceOutputColumns+` FROM province_outputs
		WHERE province_code = @province AND price_basis = @basis ORDER BY year`, args)
	if r.Outputs, err = pgx.CollectRows(rows, scanProvinceOutput); err != nil {
		return r, wrap("register outputs", err)
	}
	return r, nil
}

// YearTotals applies the counting rules in SQL: for each year from first to
// last, counted on 31 December or, in the current year, on the report date
// (qualifyingAt), how many enterprises qualify in the territory, how many
// of them have a figure on basis, the exact sum of those figures, the
// province's total with its status, and how many would qualify but have no
// area in a province lying partly in the territory. One query, whatever the
// register's size.
func (s *Store) YearTotals(ctx context.Context, sc Scope, basis model.PriceBasis, first, last int) ([]model.YearTotals, error) {
	args := sc.args(first, last)
	args["basis"] = basis
	rows, _ := s.pool.Query(ctx, `
		WITH located AS (`+locatedAt+`), q AS (`+inTerritory+`), unlocated AS (
			SELECT y, count(*) AS n FROM located
			WHERE area_id IS NULL AND province_code = ANY(@partly) GROUP BY y
		)
		SELECT years.y, count(q.id)::int, count(f.id)::int,
			coalesce(sum(f.production_value), 0), po.production_value, coalesce(po.status, ''),
			coalesce(min(u.n), 0)::int
		FROM generate_series(@first::int, @last::int) AS years (y)
		LEFT JOIN q ON q.y = years.y
		LEFT JOIN enterprise_figures f ON f.enterprise_id = q.id AND f.year = years.y
			AND f.price_basis = @basis
		LEFT JOIN province_outputs po ON po.province_code = @province AND po.year = years.y
			AND po.price_basis = @basis
		LEFT JOIN unlocated u ON u.y = years.y
		GROUP BY years.y, po.production_value, po.status
		ORDER BY years.y`, args)
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.YearTotals, error) {
		var t model.YearTotals
		err := r.Scan(&t.Year, &t.Qualifying, &t.Reporting, &t.Output, &t.ProvinceOutput, &t.ProvinceStatus, &t.Unlocated)
		return t, err
	})
	return out, wrap("year totals", err)
}

// Query is what a progress report is asked for: as of a report date, for a
// year (0: none; the latest year of either metric) on a price basis.
type Query struct {
	AsOf  time.Time
	Year  int
	Basis model.PriceBasis
}

// Progress draws plan code's report for q, aggregating in SQL, with the
// territory and authority of rules 11 and 12. An unknown plan is
// model.ErrNotFound; a year or report date a report cannot be drawn for
// (progress.NewPeriod) is model.ErrInvalid.
func (s *Store) Progress(ctx context.Context, code string, q Query) (progress.Report, error) {
	plan, err := s.Plan(ctx, code)
	if err != nil {
		return progress.Report{}, err
	}
	if q.Basis == "" {
		q.Basis = model.BasisCurrent
	}
	period, err := progress.NewPeriod(plan, q.AsOf, q.Year)
	if err != nil {
		return progress.Report{}, err
	}
	sc, err := s.Scope(ctx, plan, period.Date)
	if err != nil {
		return progress.Report{}, err
	}
	totals, err := s.YearTotals(ctx, sc, q.Basis, plan.BaselineYear, period.Year)
	if err != nil {
		return progress.Report{}, err
	}
	rep := progress.FromTotals(plan, sc.Territory, q.Basis, period, totals)
	return s.named(ctx, plan, rep)
}

// named fills in the territory's name and the authority in office on the
// report date (rules 11 and 12).
func (s *Store) named(ctx context.Context, plan model.Plan, rep progress.Report) (progress.Report, error) {
	provinces, err := s.Provinces(ctx)
	if err != nil {
		return rep, err
	}
	rep.Territory.Name = progress.TerritoryName(provinces, plan.ProvinceCode, rep.Period.Date)
	rep.Territory.NameEN = progress.TerritoryNameEN(provinces, plan.ProvinceCode, rep.Period.Date)
	rep.Authority = progress.AuthorityOn(provinces, plan.ProvinceCode, rep.Period.Date)
	return rep, nil
}
