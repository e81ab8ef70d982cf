package importer

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"industrytargets/internal/model"
)

// DefaultProvince is the province of an enterprise row that names none,
// unless Reference.DefaultProvince says otherwise (DESIGN.md).
const DefaultProvince = "HD"

// Reference is what rows may name by code or by name. The caller loads it
// (from the store) so the importer stays free of the database.
type Reference struct {
	Provinces       []model.Province
	Areas           []model.Area // of every province
	Zones           []model.Zone // of every province
	ProductGroups   []model.ProductGroup
	Categories      []model.CategoryInfo // optional: lets a category be written as its name
	DefaultProvince string               // DefaultProvince when empty
	// LatestMoves maps the tax code of a stored enterprise to the day its
	// latest location began, so a row moving it earlier is refused
	// (DESIGN.md "Locations"); nil when none is stored.
	LatestMoves map[string]time.Time
}

// entry is one thing a cell may name.
type entry struct {
	code, name string
	id         int64
}

// names finds entries by code (case-insensitive) or by name (also without
// accents), within a scope (a province, or "" for lists without one).
type names struct {
	byCode map[string]entry   // scope + "\x00" + lower-case code
	byFold map[string][]entry // scope + "\x00" + folded code or name
}

func newNames() names {
	return names{byCode: map[string]entry{}, byFold: map[string][]entry{}}
}

func (n names) add(scope string, e entry) {
	n.byCode[scope+"\x00"+strings.ToLower(e.code)] = e
	for _, k := range []string{fold(e.code), fold(e.name)} {
		key := scope + "\x00" + k
		if l := n.byFold[key]; len(l) == 0 || l[len(l)-1] != e {
			n.byFold[key] = append(l, e)
		}
	}
}

// find returns the entry cell names within scope. ok is false with no match;
// a name that fits several entries is a FieldError listing their codes.
func (n names) find(scope, cell string) (entry, bool, *model.FieldError) {
	if e, ok := n.byCode[scope+"\x00"+strings.ToLower(cell)]; ok {
		return e, true, nil
	}
	hits := n.byFold[scope+"\x00"+fold(cell)]
	switch len(hits) {
	case 0:
		return entry{}, false, nil
	case 1:
		return hits[0], true, nil
	}
	codes := make([]string, len(hits))
	for i, e := range hits {
		codes[i] = e.code
	}
	return entry{}, false, &model.FieldError{Code: "import_ambiguous_name", Args: []any{cell, strings.Join(codes, ", ")}}
}

// lookup holds the reference lists ready for finding.
type lookup struct {
	provinces, zones, groups, categories names
	areas                                *areaIndex
	defaultProvince                      string
	// predecessors lists, by province, the provinces it took over: their
	// zones keep their codes in it.
	predecessors map[string][]string
	latestMoves  map[string]time.Time
}

func newLookup(ref Reference) *lookup {
	l := &lookup{provinces: newNames(), areas: newAreaIndex(ref.Areas), zones: newNames(), groups: newNames(),
		categories: newNames(), defaultProvince: ref.DefaultProvince, predecessors: map[string][]string{},
		latestMoves: ref.LatestMoves}
	if l.defaultProvince == "" {
		l.defaultProvince = DefaultProvince
	}
	for _, p := range ref.Provinces {
		l.provinces.add("", entry{code: p.Code, name: p.Name})
		if p.SuccessorCode != "" {
			l.predecessors[p.SuccessorCode] = append(l.predecessors[p.SuccessorCode], p.Code)
		}
	}
	for _, z := range ref.Zones {
		l.zones.add(z.ProvinceCode, entry{code: z.Code, name: z.Name, id: z.ID})
	}
	for _, g := range ref.ProductGroups {
		l.groups.add("", entry{code: g.Code, name: g.Name})
	}
	for _, c := range ref.Categories {
		l.categories.add("", entry{code: string(c.Code), name: c.Name})
	}
	return l
}

// fold reduces a name to lower-case letters and digits without accents,
// words separated by one space: "Huyện Cẩm Giàng" and "huyen  cam-giang"
// are both "huyen cam giang", and so is the code "cam_giang".
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ' || unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			if r == 'đ' {
				r = 'd'
			}
			b.WriteRune(r)
			space = false
		default:
			space = true
		}
	}
	return b.String()
}
