package progress

import (
	"slices"
	"time"

	"industrytargets/internal/model"
)

// Territory is the land a plan counts in (rule 11): a set of units, and the
// provinces lying wholly or partly in it, which decide where an enterprise
// without an area counts. A unit belongs to a territory whatever the day:
// unit dates only decide which units a form offers and which unit a name
// means.
type Territory struct {
	Areas  map[int64]bool  // the units in the territory
	Whole  map[string]bool // provinces every unit of which is in it
	Partly map[string]bool // provinces some but not all of whose units are in it
	// Units is how many units were ever in the territory.
	Units int
}

// ProvinceTerritory is the territory of a plan over one province whole,
// with the given units of it.
func ProvinceTerritory(code string, areas ...int64) Territory {
	t := Territory{Areas: map[int64]bool{}, Whole: map[string]bool{code: true}, Partly: map[string]bool{}}
	for _, a := range areas {
		t.Areas[a] = true
	}
	t.Units = len(t.Areas)
	return t
}

// NewTerritory is plan's territory, given every province and unit known.
// A plan that lists its units covers those; one that lists none covers its
// province whole, with the provinces it succeeded (Hải Phòng's land holds
// Hải Dương's). A province lies wholly in the territory when it has units
// and every one is in it, partly when some are.
func NewTerritory(plan model.Plan, provinces []model.Province, areas []model.Area) Territory {
	if len(plan.Territory) == 0 {
		codes := []string{plan.ProvinceCode}
		for _, p := range provinces {
			if p.SuccessorCode == plan.ProvinceCode && p.Code != plan.ProvinceCode {
				codes = append(codes, p.Code)
			}
		}
		t := ProvinceTerritory(plan.ProvinceCode)
		for _, c := range codes {
			t.Whole[c] = true
		}
		for _, a := range areas {
			if slices.Contains(codes, a.ProvinceCode) {
				t.Areas[a.ID] = true
			}
		}
		t.Units = len(t.Areas)
		return t
	}
	t := Territory{Areas: map[int64]bool{}, Whole: map[string]bool{}, Partly: map[string]bool{}}
	for _, id := range plan.Territory {
		t.Areas[id] = true
	}
	in, all := map[string]int{}, map[string]int{}
	for _, a := range areas {
		all[a.ProvinceCode]++
		if t.Areas[a.ID] {
			in[a.ProvinceCode]++
		}
	}
	for p, n := range in {
		if n == all[p] {
			t.Whole[p] = true
		} else {
			t.Partly[p] = true
		}
	}
	t.Units = len(t.Areas)
	return t
}

// Place says whether an enterprise of province counts in the territory
// when it is located in area (located false: it has no area on the day),
// and, when it does not count, whether it is unlocated: without an area,
// in a province lying partly in the territory, so that where it is decides.
func (t Territory) Place(province string, area int64, located bool) (counts, unlocated bool) {
	if located {
		return t.Areas[area], false
	}
	return t.Whole[province], t.Partly[province]
}

// AreaIDs lists the territory's units in ascending order, for a query.
func (t Territory) AreaIDs() []int64 {
	out := make([]int64, 0, len(t.Areas))
	for id := range t.Areas {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// WholeCodes lists the provinces lying wholly in the territory, sorted.
func (t Territory) WholeCodes() []string { return sortedKeys(t.Whole) }

// PartlyCodes lists the provinces lying partly in the territory, sorted.
func (t Territory) PartlyCodes() []string { return sortedKeys(t.Partly) }

// TouchingCodes lists every province lying wholly or partly in the
// territory, sorted: where its enterprises without an area may be.
func (t Territory) TouchingCodes() []string {
	return slices.Sorted(slices.Values(append(t.WholeCodes(), t.PartlyCodes()...)))
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k, ok := range m {
		if ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// Locate returns the area an enterprise was located in on day: that of its
// latest location begun on or before day. ok is false before its first
// location, when it has no area.
func Locate(locs []model.Location, on time.Time) (area int64, ok bool) {
	d := dayOf(on)
	var since day
	for _, l := range locs {
		if s := dayOf(l.Since); s <= d && (!ok || s >= since) {
			area, ok, since = l.AreaID, true, s
		}
	}
	return area, ok
}

// Department is the department that keeps the register and reports on
// the plans: the Department of Industry and Trade.
const Department = "Sở Công Thương"

// DepartmentEN is Department in English.
const DepartmentEN = "Department of Industry and Trade"

// Successor is the province in office for code on day: the province itself
// while it exists, else the one that took it over, followed as far as it
// goes (rule 12). ok is false for an unknown code.
func Successor(provinces []model.Province, code string, day time.Time) (p model.Province, ok bool) {
	byCode := make(map[string]model.Province, len(provinces))
	for _, q := range provinces {
		byCode[q.Code] = q
	}
	p, ok = byCode[code]
	for range provinces { // a chain no longer than the list, whatever its data
		next, found := byCode[p.SuccessorCode]
		if !ok || !p.EndedBefore(day) || !found {
			break
		}
		p = next
	}
	return p, ok
}

// AuthorityOn names the body in office for a plan of province code on day
// (rule 12): after 30/06/2025 a plan of Hải Dương is reported on by
// "UBND thành phố Hải Phòng — Sở Công Thương", place "Hải Phòng".
func AuthorityOn(provinces []model.Province, code string, day time.Time) Authority {
	p, ok := Successor(provinces, code, day)
	if !ok {
		return Authority{Body: "UBND " + code, Department: Department, Place: code,
			BodyEN: code + " People's Committee", DepartmentEN: DepartmentEN}
	}
	en := p.NameEN + " Provincial People's Committee"
	if p.Kind == model.ProvinceKindCity {
		en = p.NameEN + " City People's Committee"
	}
	return Authority{Body: p.AuthorityName(), Department: Department, Place: p.Name, BodyEN: en, DepartmentEN: DepartmentEN}
}

// TerritoryNameEN is TerritoryName in English: "Hai Duong province",
// "the former Hai Duong province".
func TerritoryNameEN(provinces []model.Province, code string, day time.Time) string {
	for _, p := range provinces {
		if p.Code != code {
			continue
		}
		name := p.NameEN + " province"
		if p.Kind == model.ProvinceKindCity {
			name = p.NameEN + " city"
		}
		if p.EndedBefore(day) {
			return "the former " + name
		}
		return name
	}
	return code
}

// TerritoryName names the territory of a plan of province code on day:
// the province ("tỉnh Hải Dương") while it exists, its land in the
// province that took it over after ("địa bàn tỉnh Hải Dương (cũ)").
func TerritoryName(provinces []model.Province, code string, day time.Time) string {
	for _, p := range provinces {
		if p.Code != code {
			continue
		}
		if p.EndedBefore(day) {
			return "địa bàn " + p.Label() + " (cũ)"
		}
		return p.Label()
	}
	return code
}
