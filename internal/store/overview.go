package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

// qualifyingAt selects (y, id) for every enterprise of @province that
// qualifies for @categories on 31 December of each year y in
// @first..@last (rule 1), the one definition every overview query shares.
const qualifyingAt = `
	SELECT y, e.id
	FROM generate_series(@first::int, @last::int) AS y
	JOIN enterprises e ON e.province_code = @province
		AND e.operating_since <= make_date(y, 12, 31)
		AND (e.ceased_on IS NULL OR e.ceased_on > make_date(y, 12, 31))
	WHERE EXISTS (
		SELECT 1 FROM classifications c
		WHERE c.enterprise_id = e.id AND c.category_code = ANY(@categories)
			AND c.valid_from <= make_date(y, 12, 31)
			AND (c.valid_until IS NULL OR c.valid_until >= make_date(y, 12, 31)))`

func planArgs(plan model.Plan, first, last int) pgx.NamedArgs {
	return pgx.NamedArgs{"province": plan.ProvinceCode, "categories": plan.Categories, "first": first, "last": last}
}

// Breakdown counts the enterprises qualifying for plan in year by dim,
// largest group first; the group of enterprises where dim is not set has
// an empty key. The slices are sliceSQL's, as a drill-down lists them.
func (s *Store) Breakdown(ctx context.Context, plan model.Plan, year int, dim model.Dimension) ([]model.CountRow, error) {
	q, ok := sliceSQL[dim]
	if !ok {
		return nil, fmt.Errorf("%w: breakdown by %q", model.ErrInvalid, dim)
	}
	rows, _ := s.pool.Query(ctx, `WITH q AS (`+qualifyingAt+`), s(id, key, name, name_en) AS (`+q+`)
		SELECT key, min(name), min(name_en), count(DISTINCT id) FROM s GROUP BY key ORDER BY 4 DESC, 2, 1`,
		planArgs(plan, year, year))
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.CountRow, error) {
		var c model.CountRow
		err := r.Scan(&c.Key, &c.Name, &c.NameEN, &c.Count)
		return c, err
	})
	return out, wrap("breakdown by "+string(dim), err)
}

// Flows counts, for each year from first to last, the enterprises that
// began to qualify (not qualifying the year before) and those that stopped.
func (s *Store) Flows(ctx context.Context, plan model.Plan, first, last int) ([]model.YearFlow, error) {
	rows, _ := s.pool.Query(ctx, `WITH q AS (`+qualifyingAt+`)
		SELECT g.yr,
			(SELECT count(*) FROM (SELECT id FROM q WHERE y = g.yr EXCEPT SELECT id FROM q WHERE y = g.yr - 1) s)::int,
			(SELECT count(*) FROM (SELECT id FROM q WHERE y = g.yr - 1 EXCEPT SELECT id FROM q WHERE y = g.yr) s)::int
		FROM generate_series(@first::int + 1, @last::int) AS g(yr) ORDER BY g.yr`, planArgs(plan, first-1, last))
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.YearFlow, error) {
		var f model.YearFlow
		err := r.Scan(&f.Year, &f.Entries, &f.Exits)
		return f, err
	})
	return out, wrap("flows", err)
}

// Quality counts what needs attention for plan in year on basis; today
// sets the six months within which a certificate counts as expiring. Each
// item counts enterprises, the ones qualitySQL selects, as a drill-down
// lists them.
func (s *Store) Quality(ctx context.Context, plan model.Plan, year int, basis model.PriceBasis, today time.Time) (model.Quality, error) {
	var q model.Quality
	count := func(k DrillKind) string {
		return `(SELECT count(DISTINCT id) FROM (` + qualitySQL[k] + `) s(id))::int`
	}
	err := s.pool.QueryRow(ctx, `WITH q AS (`+qualifyingAt+`) SELECT `+count(DrillMissingFigures)+`, `+
		count(DrillExpiring)+`, `+count(DrillUnclassified)+`, `+count(DrillProvisional),
		drillArgs(plan, year, year, basis, today)).
		Scan(&q.MissingFigures, &q.Expiring, &q.Unclassified, &q.Provisional)
	return q, wrap("quality", err)
}

// CountedEnterprise is one enterprise counted toward a plan in a year, with
// its production value on the basis (nil when it reported none).
type CountedEnterprise struct {
	ID      int64
	TaxCode string
	Name    string
	Area    string
	Output  *model.Money
}

// Counted lists the enterprises qualifying for plan in year, by name, with
// their production value on basis: the enterprises behind the year's count.
func (s *Store) Counted(ctx context.Context, plan model.Plan, year int, basis model.PriceBasis) ([]CountedEnterprise, error) {
	args := planArgs(plan, year, year)
	args["basis"] = basis
	rows, _ := s.pool.Query(ctx, `WITH q AS (`+qualifyingAt+`)
		SELECT e.id, e.tax_code, e.name, coalesce(a.name, ''), f.production_value
		FROM q JOIN enterprises e ON e.id = q.id
		LEFT JOIN areas a ON a.id = e.area_id
		LEFT JOIN enterprise_figures f ON f.enterprise_id = e.id AND f.year = @first AND f.price_basis = @basis
		ORDER BY e.name, e.tax_code`, args)
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (CountedEnterprise, error) {
		var c CountedEnterprise
		err := r.Scan(&c.ID, &c.TaxCode, &c.Name, &c.Area, &c.Output)
		return c, err
	})
	return out, wrap("counted", err)
}
