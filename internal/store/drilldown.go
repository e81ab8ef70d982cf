package store

import (
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"industrytargets/internal/model"
)

// DrillKind says which number of the overview a drill-down opens.
type DrillKind string

// The numbers of the overview a list of enterprises can stand behind.
const (
	DrillCounted        DrillKind = "counted"         // qualifying on 31/12 of the year, or one slice of them
	DrillEntries        DrillKind = "entries"         // qualifying in the year and not in the year before
	DrillExits          DrillKind = "exits"           // qualifying in the year before and not in the year
	DrillMissingFigures DrillKind = "missing_figures" // qualifying in the year without a figure for it on the basis
	DrillExpiring       DrillKind = "expiring"        // holding a certificate of the plan's categories that ends within six months
	DrillUnclassified   DrillKind = "unclassified"    // of the province, without any classification
	DrillProvisional    DrillKind = "provisional"     // counted with a figure for the year on the basis still estimate or preliminary
	DrillAbolishedArea  DrillKind = "abolished_area"  // counted, but still located in a unit abolished by the report date
	DrillUnlocated      DrillKind = "unlocated"       // qualifying but uncounted: no area, in a province lying partly in the territory
)

// QualityKinds are the drill-downs of the data-quality panel, in its order.
var QualityKinds = []DrillKind{DrillMissingFigures, DrillExpiring, DrillUnclassified, DrillProvisional,
	DrillAbolishedArea, DrillUnlocated}

// Drill selects the enterprises behind one number of a plan's overview: the
// same SQL that counts the number lists them.
type Drill struct {
	Kind  DrillKind
	Scope Scope
	Year  int
	Basis model.PriceBasis // of the figures missing or provisional
	// Dim, with DrillCounted, narrows the list to the slice Key of that
	// breakdown ("" being the slice where the dimension is not set).
	Dim model.Dimension
	Key string
}

// check reports a drill-down that names no known number.
func (d Drill) check() error {
	known := d.Kind == DrillCounted || d.Kind == DrillEntries || d.Kind == DrillExits || slices.Contains(QualityKinds, d.Kind)
	switch {
	case !known:
		return fmt.Errorf("%w: drill-down %q", model.ErrInvalid, d.Kind)
	case d.Dim != "" && (d.Kind != DrillCounted || !d.Dim.Valid()):
		return fmt.Errorf("%w: drill-down by %q", model.ErrInvalid, d.Dim)
	case (d.Kind == DrillMissingFigures || d.Kind == DrillProvisional) && !d.Basis.Valid():
		return fmt.Errorf("%w: price basis %q", model.ErrInvalid, d.Basis)
	}
	return nil
}

// sliceSQL lists, for each breakdown, every (id, key, name) slice an
// enterprise of q (those counted on the day @first is counted) falls in:
// the one definition Breakdown counts and a drill-down lists. An enterprise
// is in the area it was located in that day (rule 11); one holding several
// categories (or product groups) then is in each of them.
var sliceSQL = map[model.Dimension]string{
	model.ByArea: `SELECT q.id, coalesce(a.code, ''), coalesce(a.name, ''), '' FROM q
		LEFT JOIN areas a ON a.id = q.area_id`,
	model.ByZone: `SELECT q.id, coalesce(z.code, ''), coalesce(z.name, ''), '' FROM q JOIN enterprises e ON e.id = q.id
		LEFT JOIN industrial_zones z ON z.id = e.zone_id`,
	model.ByOwnership: `SELECT q.id, coalesce(e.ownership, ''), '', '' FROM q JOIN enterprises e ON e.id = q.id`,
	model.ByVSIC: `SELECT q.id, coalesce(d.code, ''), coalesce(d.name, ''), coalesce(d.name_en, '') FROM q JOIN enterprises e ON e.id = q.id
		LEFT JOIN vsic_divisions d ON d.code = e.vsic_division`,
	model.ByCategory: `SELECT q.id, cat.code, cat.name, cat.name_en FROM q
		JOIN classifications c ON c.enterprise_id = q.id AND c.category_code = ANY(@categories::text[])
			AND c.valid_from <= q.day AND (c.valid_until IS NULL OR c.valid_until >= q.day)
		JOIN categories cat ON cat.code = c.category_code`,
	model.ByProductGroup: `SELECT q.id, coalesce(g.code, ''), coalesce(g.name, ''), coalesce(g.name_en, '') FROM q
		JOIN classifications c ON c.enterprise_id = q.id AND c.category_code = ANY(@categories::text[])
			AND c.valid_from <= q.day AND (c.valid_until IS NULL OR c.valid_until >= q.day)
		LEFT JOIN product_groups g ON g.code = c.product_group`,
}

// inScopeNow is the condition that enterprise e is in the territory where
// it is now: its latest area is a unit of it, or it has no area and its
// province lies wholly in it.
const inScopeNow = `(e.area_id = ANY(@areas::bigint[]) OR (e.area_id IS NULL AND e.province_code = ANY(@whole::text[])))`

// qualitySQL selects the ids of the enterprises each item of the
// data-quality panel counts, given located and q (over @last), @basis, the
// report date @as_of and the six months from @expiry_from to
// @expiry_until: the one definition Quality counts and a drill-down lists.
// An enterprise may appear more than once.
var qualitySQL = map[DrillKind]string{
	DrillMissingFigures: `SELECT q.id FROM q WHERE q.y = @last AND NOT EXISTS (SELECT 1 FROM enterprise_figures f
		WHERE f.enterprise_id = q.id AND f.year = @last AND f.price_basis = @basis)`,
	DrillExpiring: `SELECT c.enterprise_id FROM classifications c JOIN enterprises e ON e.id = c.enterprise_id
		WHERE ` + inScopeNow + ` AND c.category_code = ANY(@categories::text[])
			AND c.valid_until BETWEEN @expiry_from AND @expiry_until
			AND (e.ceased_on IS NULL OR e.ceased_on > @expiry_from)`,
	DrillUnclassified: `SELECT e.id FROM enterprises e WHERE ` + inScopeNow + `
		AND NOT EXISTS (SELECT 1 FROM classifications c WHERE c.enterprise_id = e.id)`,
	DrillProvisional: `SELECT f.enterprise_id FROM enterprise_figures f JOIN q ON q.id = f.enterprise_id AND q.y = @last
		WHERE f.year = @last AND f.price_basis = @basis AND f.status <> 'official'`,
	DrillAbolishedArea: `SELECT q.id FROM q JOIN enterprises e ON e.id = q.id JOIN areas a ON a.id = e.area_id
		WHERE q.y = @last AND a.valid_until < @as_of::date`,
	DrillUnlocated: `SELECT id FROM located WHERE y = @last AND area_id IS NULL AND province_code = ANY(@partly::text[])`,
}

// flowSQL selects the ids of the enterprises that began (entries) or
// stopped (exits) qualifying in @last, given q over @first (the year
// before) and @last.
var flowSQL = map[DrillKind]string{
	DrillEntries: `SELECT cur.id FROM q cur WHERE cur.y = @last
		AND NOT EXISTS (SELECT 1 FROM q prev WHERE prev.y = @first AND prev.id = cur.id)`,
	DrillExits: `SELECT prev.id FROM q prev WHERE prev.y = @first
		AND NOT EXISTS (SELECT 1 FROM q cur WHERE cur.y = @last AND cur.id = prev.id)`,
}

// drillArgs are the arguments of the shared SQL for sc over first..last
// on basis, the report date setting the six months of expiring
// certificates. Every value has an unambiguous type, as the list's
// execution mode needs.
func drillArgs(sc Scope, first, last int, basis model.PriceBasis) pgx.NamedArgs {
	args := sc.args(first, last)
	args["basis"] = string(basis)
	args["expiry_from"] = pgtype.Date{Time: sc.AsOf, Valid: true}
	args["expiry_until"] = pgtype.Date{Time: sc.AsOf.AddDate(0, 6, 0), Valid: true}
	return args
}

// drillWhere is the condition that enterprise e is among those d selects,
// with its arguments.
func drillWhere(d Drill) (string, pgx.NamedArgs) {
	first, ctes, sel := d.Year, "", `SELECT id FROM q`
	switch {
	case d.Kind == DrillCounted && d.Dim != "":
		ctes, sel = `, s(id, key, name, name_en) AS (`+sliceSQL[d.Dim]+`)`, `SELECT id FROM s WHERE key = @slice_key`
	case d.Kind == DrillEntries || d.Kind == DrillExits:
		first, sel = d.Year-1, flowSQL[d.Kind]
	case d.Kind != DrillCounted:
		sel = qualitySQL[d.Kind]
	}
	args := drillArgs(d.Scope, first, d.Year, d.Basis)
	args["slice_key"] = d.Key
	return `e.id IN (WITH ` + qualifyingAt + ctes + ` ` + sel + `)`, args
}
