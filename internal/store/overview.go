package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

// locatedAt selects (y, day, id, province_code, area_id) for every
// enterprise that may count in the territory and qualifies for
// @categories on the day year y is counted (rule 1): 31 December, or the
// report date @as_of in the current year. area_id is where it was that day
// (rule 11), NULL for none.
const locatedAt = `
	SELECT d.y, d.day, e.id, e.province_code, loc.area_id
	FROM (SELECT y, least(make_date(y, 12, 31), @as_of::date) AS day
		FROM generate_series(@first::int, @last::int) AS y) d
	JOIN enterprises e ON e.operating_since <= d.day AND (e.ceased_on IS NULL OR e.ceased_on > d.day)
	LEFT JOIN LATERAL (SELECT l.area_id FROM enterprise_locations l
		WHERE l.enterprise_id = e.id AND l.since <= d.day ORDER BY l.since DESC LIMIT 1) loc ON true
	WHERE e.id IN (SELECT id FROM enterprises WHERE province_code = ANY(@touching::text[])
			UNION SELECT enterprise_id FROM enterprise_locations WHERE area_id = ANY(@areas::bigint[]))
		AND EXISTS (SELECT 1 FROM classifications c
			WHERE c.enterprise_id = e.id AND c.category_code = ANY(@categories::text[])
				AND c.valid_from <= d.day AND (c.valid_until IS NULL OR c.valid_until >= d.day))`

// inTerritory keeps, of located, the enterprises counted toward the plan
// (rule 11): located in a unit of the territory, or without an area in a
// province lying wholly in it. Its rows are (y, day, id, area_id).
const inTerritory = `SELECT y, day, id, area_id FROM located
	WHERE CASE WHEN area_id IS NULL THEN province_code = ANY(@whole::text[]) ELSE area_id = ANY(@areas::bigint[]) END`

// qualifyingAt is the one definition every overview query shares: with
// located and q (y, day, id, area_id), the enterprises counted toward the
// plan in each year from @first to @last.
const qualifyingAt = `located AS (` + locatedAt + `), q AS (` + inTerritory + `)`

// Breakdown counts the enterprises qualifying for plan in year by dim,
// largest group first; the group of enterprises where dim is not set has
// an empty key. The slices are sliceSQL's, as a drill-down lists them.
func (s *Store) Breakdown(ctx context.Context, sc Scope, year int, dim model.Dimension) ([]model.CountRow, error) {
	q, ok := sliceSQL[dim]
	if !ok {
		return nil, fmt.Errorf("%w: breakdown by %q", model.ErrInvalid, dim)
	}
	rows, _ := s.pool.Query(ctx, `WITH `+qualifyingAt+`, s(id, key, name, name_en) AS (`+q+`)
		SELECT key, min(name), min(name_en), count(DISTINCT id) FROM s GROUP BY key ORDER BY 4 DESC, 2, 1`,
		sc.args(year, year))
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.CountRow, error) {
		var c model.CountRow
		err := r.Scan(&c.Key, &c.Name, &c.NameEN, &c.Count)
		return c, err
	})
	return out, wrap("breakdown by "+string(dim), err)
}

// Flows counts, for each year from first to last, the enterprises that
// began to qualify (not qualifying the year before) and those that stopped.
func (s *Store) Flows(ctx context.Context, sc Scope, first, last int) ([]model.YearFlow, error) {
	rows, _ := s.pool.Query(ctx, `WITH `+qualifyingAt+`
		SELECT g.yr,
			(SELECT count(*) FROM (SELECT id FROM q WHERE y = g.yr EXCEPT SELECT id FROM q WHERE y = g.yr - 1) s)::int,
			(SELECT count(*) FROM (SELECT id FROM q WHERE y = g.yr - 1 EXCEPT SELECT id FROM q WHERE y = g.yr) s)::int
		FROM generate_series(@first::int + 1, @last::int) AS g(yr) ORDER BY g.yr`, sc.args(first-1, last))
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.YearFlow, error) {
		var f model.YearFlow
		err := r.Scan(&f.Year, &f.Entries, &f.Exits)
		return f, err
	})
	return out, wrap("flows", err)
}

// Quality counts what needs attention for sc's plan in year on basis; the
// report date sets the six months within which a certificate counts as
// expiring and the units already abolished. Each item counts enterprises,
// the ones qualitySQL selects, as a drill-down lists them.
func (s *Store) Quality(ctx context.Context, sc Scope, year int, basis model.PriceBasis) (model.Quality, error) {
	var q model.Quality
	count := func(k DrillKind) string {
		return `(SELECT count(DISTINCT id) FROM (` + qualitySQL[k] + `) s(id))::int`
	}
	err := s.pool.QueryRow(ctx, `WITH `+qualifyingAt+` SELECT `+count(DrillMissingFigures)+`, `+
		count(DrillExpiring)+`, `+count(DrillUnclassified)+`, `+count(DrillProvisional)+`, `+
		count(DrillAbolishedArea)+`, `+count(DrillUnlocated),
		drillArgs(sc, year, year, basis)).
		Scan(&q.MissingFigures, &q.Expiring, &q.Unclassified, &q.Provisional, &q.AbolishedArea, &q.Unlocated)
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

// Counted lists the enterprises qualifying for sc's plan in year, by name,
// with where they were that year and their production value on basis: the
// enterprises behind the year's count.
func (s *Store) Counted(ctx context.Context, sc Scope, year int, basis model.PriceBasis) ([]CountedEnterprise, error) {
	args := sc.args(year, year)
	args["basis"] = basis
	rows, _ := s.pool.Query(ctx, `WITH `+qualifyingAt+`
		SELECT e.id, e.tax_code, e.name, coalesce(a.name, ''), f.production_value
		FROM q JOIN enterprises e ON e.id = q.id
		LEFT JOIN areas a ON a.id = q.area_id
		LEFT JOIN enterprise_figures f ON f.enterprise_id = e.id AND f.year = @first AND f.price_basis = @basis
		ORDER BY e.name, e.tax_code`, args)
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (CountedEnterprise, error) {
		var c CountedEnterprise
		err := r.Scan(&c.ID, &c.TaxCode, &c.Name, &c.Area, &c.Output)
		return c, err
	})
	return out, wrap("counted", err)
}
