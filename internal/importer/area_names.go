package importer

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"industrytargets/internal/model"
)

// areaIndex finds administrative units by code or by name (DESIGN.md "Names
// of units").
//
// A cell is a unit's code (case-insensitive), or an optional kind word
// followed by the unit's name: "10903", "xã Cẩm Giàng", "Cẩm Giàng",
// "TX Kinh Môn", "P. Kinh Môn". A kind word restricts the candidates to
// units of that kind. Names compare case-insensitively, spaces collapsed,
// with the two tone-mark placements ("Hoà"/"Hòa") as one name. An exact
// (accented) match wins; several are decided by the unit valid on the day
// asked about. Without an exact match an accent-insensitive one (fold) is
// taken only when it is the only one.
//
// Refusals are FieldErrors:
//   - import_unknown_area, Args (cell, where): where is the province code
//     searched ("HP"), or, when every province was searched, the codes of
//     every province the index holds units of, joined by ", " ("HD, HP,
//     HY"). The message reads "không có địa bàn %q thuộc %s" / "no area %q
//     in %s", so it reads alike for one province or several, in both
//     languages, and for the older callers that pass a single province
//     code. (Province codes carry no kind word, which also keeps "tỉnh"
//     off Hải Phòng, a thành phố.)
//   - import_ambiguous_area, Args (cell, list): list holds every candidate
//     as "CODE Name", with " (đến dd/mm/yyyy)" on a unit that has an end
//     date, ordered by code and joined by "; ":
//     "295 Huyện Cẩm Giàng (đến 30/06/2025); 10888 Xã Cẩm Giang; 10903 Xã Cẩm Giàng".
type areaIndex struct {
	units     []areaUnit
	provinces []string // every province code the units belong to, sorted
}

// areaUnit is a unit with the keys its bare name (its name without its kind
// word) is found by.
type areaUnit struct {
	area   model.Area
	kind   string // the unit's kind; taken from its name's kind word when Kind is empty
	exact  string // areaKey of the bare name
	folded string // fold of the bare name
}

func newAreaIndex(areas []model.Area) *areaIndex {
	x := &areaIndex{}
	for _, a := range areas {
		kind, bare := a.Kind, canonName(a.Name)
		if k, rest, ok := splitKind(bare); ok && (kind == "" || k == kind) {
			kind, bare = k, rest
		}
		x.units = append(x.units, areaUnit{area: a, kind: kind, exact: areaKey(bare), folded: fold(bare)})
		if !slices.Contains(x.provinces, a.ProvinceCode) {
			x.provinces = append(x.provinces, a.ProvinceCode)
		}
	}
	slices.Sort(x.provinces)
	return x
}

// find returns the unit the cell names among the units of province (every
// province when province is ""), deciding between several exact matches by
// the unit valid on day. A cell that names no unit, or names several, is a
// *model.FieldError.
func (x *areaIndex) find(cell, province string, day time.Time) (model.Area, *model.FieldError) {
	c := canonName(cell)
	var scope []areaUnit
	for _, u := range x.units {
		if province == "" || strings.EqualFold(u.area.ProvinceCode, province) {
			scope = append(scope, u)
		}
	}
	if c != "" {
		var byCode []areaUnit
		for _, u := range scope {
			if strings.EqualFold(u.area.Code, c) {
				byCode = append(byCode, u)
			}
		}
		if len(byCode) > 0 {
			return decideArea(cell, byCode, day)
		}
	}

	// The cell read as a kind word and a name, and read whole as a name:
	// "Xa La" may be phường Xa La as well as a xã named La, and "phuong
	// liet" phường Phương Liệt.
	type reading struct{ kind, name string }
	readings := []reading{{"", c}}
	if k, rest, ok := splitKind(c); ok {
		readings = append(readings, reading{k, rest})
	}
	match := func(key func(areaUnit) string, want func(string) string) []areaUnit {
		var out []areaUnit
		for _, u := range scope {
			for _, r := range readings {
				if (r.kind == "" || r.kind == u.kind) && r.name != "" && key(u) == want(r.name) {
					out = append(out, u)
					break
				}
			}
		}
		return out
	}
	if exact := match(func(u areaUnit) string { return u.exact }, areaKey); len(exact) > 0 {
		return decideArea(cell, exact, day)
	}
	switch folded := match(func(u areaUnit) string { return u.folded }, fold); len(folded) {
	case 0:
	case 1:
		return folded[0].area, nil
	default:
		return model.Area{}, ambiguousArea(cell, folded)
	}
	where := province
	if where == "" {
		where = strings.Join(x.provinces, ", ")
		if where == "" {
			where = "—"
		}
	}
	return model.Area{}, &model.FieldError{Code: "import_unknown_area", Args: []any{cell, where}}
}

// decideArea takes the only candidate, else the only one valid on day; it
// refuses the cell, listing every candidate, when that leaves several or
// none.
func decideArea(cell string, cands []areaUnit, day time.Time) (model.Area, *model.FieldError) {
	if len(cands) == 1 {
		return cands[0].area, nil
	}
	var valid []areaUnit
	for _, u := range cands {
		if areaValidOn(u.area, day) {
			valid = append(valid, u)
		}
	}
	if len(valid) == 1 {
		return valid[0].area, nil
	}
	return model.Area{}, ambiguousArea(cell, cands)
}

// ambiguousArea lists the candidates as "CODE Name (đến dd/mm/yyyy)",
// ordered by code (numerically for the GSO codes), joined by "; ".
func ambiguousArea(cell string, cands []areaUnit) *model.FieldError {
	areas := make([]model.Area, len(cands))
	for i, u := range cands {
		areas[i] = u.area
	}
	slices.SortStableFunc(areas, func(a, b model.Area) int {
		if numeric(a.Code) && numeric(b.Code) {
			if c := cmp.Compare(len(strings.TrimLeft(a.Code, "0")), len(strings.TrimLeft(b.Code, "0"))); c != 0 {
				return c
			}
		}
		return cmp.Or(strings.Compare(a.Code, b.Code), strings.Compare(a.ProvinceCode, b.ProvinceCode))
	})
	parts := make([]string, len(areas))
	for i, a := range areas {
		parts[i] = a.Code + " " + a.Name
		if a.ValidUntil != nil {
			parts[i] += " (đến " + a.ValidUntil.Format("02/01/2006") + ")"
		}
	}
	return &model.FieldError{Code: "import_ambiguous_area", Args: []any{cell, strings.Join(parts, "; ")}}
}

func numeric(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// areaValidOn reports whether the unit existed on day, comparing calendar
// days.
func areaValidOn(a model.Area, day time.Time) bool {
	d := calendarDay(day)
	return (a.ValidFrom == nil || calendarDay(*a.ValidFrom) <= d) && (a.ValidUntil == nil || calendarDay(*a.ValidUntil) >= d)
}

func calendarDay(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// kindWords are the words a cell may put before a unit's name, lower-case,
// each word of them written with its accents or without any.
var kindWords = []struct{ accented, plain, kind string }{
	{"thành phố", "thanh pho", "thanh_pho"},
	{"thị xã", "thi xa", "thi_xa"},
	{"huyện", "huyen", "huyen"},
	{"phường", "phuong", "phuong"},
	{"xã", "xa", "xa"},
	{"đặc khu", "dac khu", "dac_khu"},
}

// kindAbbreviations may stand for a kind word; those ending in a dot may
// also run straight into the name ("TP.Hải Dương").
var kindAbbreviations = []struct{ abbr, kind string }{
	{"tp.", "thanh_pho"}, {"tx.", "thi_xa"}, {"p.", "phuong"}, {"x.", "xa"},
	{"tp", "thanh_pho"}, {"tx", "thi_xa"},
}

// splitKind reads a kind word at the start of s (a canonName) and returns
// the kind and the name after it. A word counts only when written as the
// kind word with its accents or without any, so "Phương Liệt" keeps its
// first word.
func splitKind(s string) (kind, rest string, ok bool) {
	words := strings.Fields(strings.ToLower(s))
	orig := strings.Fields(s)
	if len(words) == 0 {
		return "", "", false
	}
	for _, k := range kindWords {
		acc, plain := strings.Fields(k.accented), strings.Fields(k.plain)
		n := len(acc)
		if len(words) <= n {
			continue
		}
		fits := true
		for i := range n {
			if words[i] != acc[i] && words[i] != plain[i] {
				fits = false
				break
			}
		}
		if fits {
			return k.kind, strings.Join(orig[n:], " "), true
		}
	}
	for _, a := range kindAbbreviations {
		switch {
		case len(words) > 1 && words[0] == a.abbr:
			return a.kind, strings.Join(orig[1:], " "), true
		case strings.HasSuffix(a.abbr, ".") && len(words[0]) > len(a.abbr) && strings.HasPrefix(words[0], a.abbr):
			first := orig[0][len(a.abbr):] // the abbreviation is ASCII, so as long in orig
			return a.kind, strings.Join(append([]string{first}, orig[1:]...), " "), true
		}
	}
	return "", "", false
}

// canonName trims s, collapses its runs of spaces, normalises it to NFC and
// writes the Icelandic eth (Ð, ð), which old Vietnamese fonts put for Đ, as
// Đ.
func canonName(s string) string {
	s = strings.NewReplacer("Ð", "Đ", "ð", "đ").Replace(norm.NFC.String(s))
	return strings.Join(strings.Fields(s), " ")
}

// areaKey is what an exact (accented) comparison of names compares: the
// name lower-case, spaces collapsed, tone marks placed one way (toneKey).
func areaKey(s string) string {
	return toneKey(strings.ToLower(canonName(s)))
}

// Combining marks (NFD) of the Vietnamese tones; the other marks (circumflex,
// breve, horn) change the vowel itself.
func isTone(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return true
	}
	return false
}

// toneKey puts the tone mark of the vowel pairs oa, oe and uy on their
// second vowel, so the older placement ("Hòa", "thủy", "khỏe", "Thúy") and
// the newer one ("Hoà", "thuỷ", "khoẻ", "Thuý") give one string. Only a tone
// on a plain o or u before a plain a, e or y moves, and not after q: "Quý",
// "Quỳnh", "Nguyễn" and "Hoàng" are unchanged. Case is kept; the result is
// NFC.
func toneKey(s string) string {
	type letter struct {
		base  rune
		marks []rune
	}
	var letters []letter
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) && len(letters) > 0 {
			l := &letters[len(letters)-1]
			l.marks = append(l.marks, r)
			continue
		}
		letters = append(letters, letter{base: r})
	}
	changed := false
	for i := 0; i+1 < len(letters); i++ {
		first, second := unicode.ToLower(letters[i].base), unicode.ToLower(letters[i+1].base)
		pair := first == 'o' && (second == 'a' || second == 'e') ||
			first == 'u' && second == 'y' && (i == 0 || unicode.ToLower(letters[i-1].base) != 'q')
		if pair && len(letters[i].marks) == 1 && isTone(letters[i].marks[0]) && len(letters[i+1].marks) == 0 {
			letters[i+1].marks = letters[i].marks
			letters[i].marks = nil
			changed = true
		}
	}
	if !changed {
		return norm.NFC.String(s)
	}
	var b strings.Builder
	for _, l := range letters {
		b.WriteRune(l.base)
		for _, m := range l.marks {
			b.WriteRune(m)
		}
	}
	return norm.NFC.String(b.String())
}
