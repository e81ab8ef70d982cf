package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/text/unicode/norm"

	"industrytargets/internal/importer"
	"industrytargets/internal/model"
)

// EnterpriseSort is an order the enterprise list can take.
type EnterpriseSort string

// The orders of the enterprise list. By name ignores accents and letter case.
const (
	SortName           EnterpriseSort = "name"
	SortTaxCode        EnterpriseSort = "tax_code"
	SortOperatingSince EnterpriseSort = "operating_since"
)

// The statuses the enterprise list can be narrowed to, as of a day.
const (
	StatusOperating = "operating" // began on or before the day, not ceased by it
	StatusCeased    = "ceased"    // ceased on or before the day
)

// EnterpriseFilter says which enterprises the list shows and in what order.
// Zero fields do not narrow the list.
type EnterpriseFilter struct {
	Query     string          // words each found in the name or the tax code, accents and case ignored
	Category  model.Category  // holds a classification in it valid on Today
	AreaID    int64           // in this area
	ZoneID    int64           // in this industrial zone
	Ownership model.Ownership // of this ownership
	Status    string          // StatusOperating or StatusCeased on Today
	Demo      *bool           // sample data or not
	Drill     *Drill          // only the enterprises behind this number of the overview
	Today     time.Time       // the day categories and statuses are judged on
	Sort      EnterpriseSort  // SortName when empty
	Desc      bool            // descending
}

// EnterpriseRow is one enterprise as the list shows it.
type EnterpriseRow struct {
	model.Enterprise
	AreaName   string           // "" when none
	ZoneName   string           // "" when none
	Categories []model.Category // those it holds a classification in on Today
}

// maxQueryWords bounds the words of a search, each one a condition.
const maxQueryWords = 8

// ListEnterprises returns the enterprises f selects, limit of them from
// offset in f's order, and how many it selects in all.
func (s *Store) ListEnterprises(ctx context.Context, f EnterpriseFilter, limit, offset int) ([]EnterpriseRow, int64, error) {
	if f.Drill != nil {
		if err := f.Drill.check(); err != nil {
			return nil, 0, err
		}
	}
	where, args := enterpriseWhere(f)
	// Planned afresh with the search words known (the unnamed statement):
	// a cached generic plan would fold them for every row it rechecks.
	mode := pgx.QueryExecModeExec
	var total int64
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM enterprises e WHERE `+where, mode, args).Scan(&total); err != nil {
		return nil, 0, wrap("count enterprises", err)
	}
	args["limit"], args["offset"] = limit, offset
	// The page is chosen first and only its rows are named: PostgreSQL
	// computes every output column of the rows OFFSET skips, so the
	// lookups would otherwise run for every earlier page too.
	order := enterpriseOrder(f)
	rows, _ := s.pool.Query(ctx, `SELECT `+enterpriseColumns+`,
		coalesce((SELECT a.name FROM areas a WHERE a.id = e.area_id), ''),
		coalesce((SELECT z.name FROM industrial_zones z WHERE z.id = e.zone_id), ''),
		ARRAY(SELECT DISTINCT c.category_code FROM classifications c WHERE c.enterprise_id = e.id
			AND c.valid_from <= @today AND (c.valid_until IS NULL OR c.valid_until >= @today)
			ORDER BY 1)
		FROM (SELECT e.* FROM enterprises e WHERE `+where+` ORDER BY `+order+`
			LIMIT @limit OFFSET @offset) e
		ORDER BY `+order, mode, args)
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (EnterpriseRow, error) {
		var e EnterpriseRow
		err := r.Scan(append(enterpriseFields(&e.Enterprise), &e.AreaName, &e.ZoneName, &e.Categories)...)
		return e, err
	})
	return out, total, wrap("list enterprises", err)
}

// enterpriseWhere is the condition f sets on enterprises e, with its
// arguments. Each search word is folded as search_text was (see migration
// 0006), so the trigram index answers the LIKE.
func enterpriseWhere(f EnterpriseFilter) (string, pgx.NamedArgs) {
	conds := []string{"true"}
	args := pgx.NamedArgs{"today": f.Today}
	for i, w := range SearchWords(f.Query) {
		// A word is in the name or tax code, or in the name of the area or
		// the industrial zone: each arm answered by its own index.
		name := fmt.Sprintf("w%d", i)
		pat := `'%' || lower(f_unaccent(@` + name + `)) || '%'`
		conds = append(conds, `(e.search_text LIKE `+pat+`
			OR e.area_id = ANY(ARRAY(SELECT a.id FROM areas a WHERE lower(f_unaccent(a.name)) LIKE `+pat+`))
			OR e.zone_id = ANY(ARRAY(SELECT z.id FROM industrial_zones z WHERE lower(f_unaccent(z.name)) LIKE `+pat+`)))`)
		args[name] = escapeLike(searchWord(w))
	}
	if f.Category != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM classifications c WHERE c.enterprise_id = e.id
			AND c.category_code = @category AND c.valid_from <= @today
			AND (c.valid_until IS NULL OR c.valid_until >= @today))`)
		args["category"] = string(f.Category)
	}
	if f.AreaID != 0 {
		conds, args["area"] = append(conds, `e.area_id = @area`), f.AreaID
	}
	if f.ZoneID != 0 {
		conds, args["zone"] = append(conds, `e.zone_id = @zone`), f.ZoneID
	}
	if f.Ownership != "" {
		conds, args["ownership"] = append(conds, `e.ownership = @ownership`), string(f.Ownership)
	}
	switch f.Status {
	case StatusOperating:
		conds = append(conds, `e.operating_since <= @today AND (e.ceased_on IS NULL OR e.ceased_on > @today)`)
	case StatusCeased:
		conds = append(conds, `e.ceased_on <= @today`)
	}
	if f.Demo != nil {
		conds, args["demo"] = append(conds, `e.is_demo = @demo`), *f.Demo
	}
	if f.Drill != nil {
		cond, dargs := drillWhere(*f.Drill)
		conds = append(conds, cond)
		for k, v := range dargs {
			args[k] = v
		}
	}
	return strings.Join(conds, " AND "), args
}

// enterpriseOrder is the ORDER BY of f, each backed by an index and ending
// in a unique key so pages never overlap.
func enterpriseOrder(f EnterpriseFilter) string {
	dir := " ASC"
	if f.Desc {
		dir = " DESC"
	}
	switch f.Sort {
	case SortTaxCode:
		return "e.tax_code" + dir
	case SortOperatingSince:
		return "e.operating_since" + dir + ", e.id" + dir
	}
	return "e.search_text" + dir + ", e.id" + dir
}

// SearchWords splits a search into the words each match must contain, at
// most maxQueryWords of them.
func SearchWords(q string) []string {
	// Bytes that are not UTF-8, and NUL, which PostgreSQL refuses in text,
	// are in no name: they are dropped from the search.
	q = strings.ReplaceAll(strings.ToValidUTF8(q, ""), "\x00", "")
	w := strings.Fields(norm.NFC.String(q))
	if len(w) > maxQueryWords {
		w = w[:maxQueryWords]
	}
	return w
}

// searchWord is a search word as search_text holds it: a tax code typed
// with dots or dashes (0810-949-540, 0810.949.540) is its digits, and a
// branch's thirteen digits keep the dash before the last three.
func searchWord(w string) string {
	digits := strings.Map(func(r rune) rune {
		if r == '.' || r == '-' {
			return -1
		}
		return r
	}, w)
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return w
	}
	if len(digits) == 13 {
		return digits[:10] + "-" + digits[10:]
	}
	return digits
}

// escapeLike makes a word match itself literally in a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// HistoryEntry is one change to an enterprise, its classifications or its
// figures, with the email of who made it ("" for the system).
type HistoryEntry struct {
	model.AuditEntry
	Email string
}

// EnterpriseHistory lists the changes to an enterprise and to its
// classifications and figures, newest first, at most limit of them.
func (s *Store) EnterpriseHistory(ctx context.Context, id int64, limit int) ([]HistoryEntry, error) {
	rows, _ := s.pool.Query(ctx, `SELECT a.id, a.at, a.user_id, a.action, a.entity, a.entity_id,
		a.details, coalesce(u.email, '')
		FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
		WHERE (a.entity = 'enterprise' AND a.entity_id = @id)
		   OR (a.entity IN ('classification', 'figure') AND a.details ->> 'enterprise_id' = @id)
		ORDER BY a.at DESC, a.id DESC LIMIT @limit`, pgx.NamedArgs{"id": idText(id), "limit": limit})
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (HistoryEntry, error) {
		var h HistoryEntry
		err := r.Scan(&h.ID, &h.At, &h.UserID, &h.Action, &h.Entity, &h.EntityID, &h.Details, &h.Email)
		return h, err
	})
	return out, wrap("enterprise history", err)
}

// ReferenceLists reads what an enterprise may name (provinces, the areas
// and zones of every province, product groups, categories), as the importer
// and the forms resolve them.
func (s *Store) ReferenceLists(ctx context.Context) (importer.Reference, error) {
	var ref importer.Reference
	var err error
	if ref.Provinces, err = s.Provinces(ctx); err != nil {
		return ref, err
	}
	if ref.Areas, err = s.AllAreas(ctx); err != nil {
		return ref, err
	}
	rows, _ := s.pool.Query(ctx, `SELECT id, province_code, code, name, kind
		FROM industrial_zones ORDER BY province_code, kind DESC, name`)
	ref.Zones, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.Zone, error) {
		var z model.Zone
		err := r.Scan(&z.ID, &z.ProvinceCode, &z.Code, &z.Name, &z.Kind)
		return z, err
	})
	if err != nil {
		return ref, wrap("zones", err)
	}
	if ref.ProductGroups, err = s.ProductGroups(ctx); err != nil {
		return ref, err
	}
	ref.Categories, err = s.Categories(ctx)
	return ref, err
}
