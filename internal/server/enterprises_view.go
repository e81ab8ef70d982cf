package server

import (
	"context"
	"fmt"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// vnToday is the current calendar day in Vietnam, as model dates are kept.
func vnToday() time.Time {
	y, m, d := time.Now().In(vietnam).Date()
	return model.Date(y, m, d)
}

// pageFormat is the number and date format of the request's language.
func pageFormat(ctx context.Context) format.Formatter { return format.For(i18n.From(ctx)) }

// refs are the reference lists an enterprise's pages name things from, in
// the language of the request they were loaded for: categories, product
// groups and industries by their English names on an English page, places
// by their own names always.
type refs struct {
	importer.Reference
	lang       model.Lang
	divisions  []model.VSICDivision
	areas      map[int64]model.Area
	areaByCode map[string]model.Area
	zones      map[int64]model.Zone
	provinces  map[string]string
	categories map[model.Category]string
	groups     map[string]string
	division   map[string]string
}

func loadRefs(ctx context.Context, st *store.Store) (*refs, error) {
	ref, err := st.ReferenceLists(ctx)
	if err != nil {
		return nil, err
	}
	divs, err := st.VSICDivisions(ctx)
	if err != nil {
		return nil, err
	}
	r := &refs{Reference: ref, lang: i18n.From(ctx), divisions: divs, areas: map[int64]model.Area{}, areaByCode: map[string]model.Area{}, zones: map[int64]model.Zone{},
		provinces: map[string]string{}, categories: map[model.Category]string{},
		groups: map[string]string{}, division: map[string]string{}}
	for _, a := range ref.Areas {
		r.areas[a.ID], r.areaByCode[a.Code] = a, a
	}
	for _, z := range ref.Zones {
		r.zones[z.ID] = z
	}
	for _, p := range ref.Provinces {
		r.provinces[p.Code] = p.Name
	}
	for _, c := range ref.Categories {
		r.categories[c.Code] = r.named(c.Name, c.NameEN)
	}
	for _, g := range ref.ProductGroups {
		r.groups[g.Code] = r.named(g.Name, g.NameEN)
	}
	for _, d := range divs {
		r.division[d.Code] = r.named(d.Name, d.NameEN)
	}
	return r, nil
}

// named is the name of a reference entry in r's language: its English name
// when the page is English and the entry has one.
func (r *refs) named(vi, en string) string {
	if r.lang == model.LangEN && en != "" {
		return en
	}
	return vi
}

func (r *refs) province(code string) string { return withDefault(r.provinces[code], code) }

func (r *refs) category(c model.Category) string { return withDefault(r.categories[c], string(c)) }

// areaName names an area, with the day it ended if it has.
func (r *refs) areaName(id *int64) string {
	if id == nil {
		return ""
	}
	a, ok := r.areas[*id]
	if !ok {
		return "#" + strconv.FormatInt(*id, 10)
	}
	if a.ValidUntil != nil {
		return fmt.Sprintf(i18n.In(r.lang, "%s (đến %s)"), a.Name, format.For(r.lang).Date(*a.ValidUntil))
	}
	return a.Name
}

func (r *refs) zoneName(id *int64) string {
	if id == nil {
		return ""
	}
	if z, ok := r.zones[*id]; ok {
		return z.Name
	}
	return "#" + strconv.FormatInt(*id, 10)
}

// vsicName writes an industry code with the name of its division.
func (r *refs) vsicName(code string) string {
	if len(code) < 2 || r.division[code[:2]] == "" {
		return code
	}
	return fmt.Sprintf(i18n.In(r.lang, "%s (ngành %s: %s)"), code, code[:2], r.division[code[:2]])
}

// areaChoices groups the areas by province, for a select; byID chooses
// whether each is chosen by id (the list's filter) or by code (the form,
// which reads it as an import cell).
func (r *refs) areaChoices(byID bool) []web.ChoiceGroup {
	var out []web.ChoiceGroup
	for _, a := range r.Areas {
		if len(out) == 0 || out[len(out)-1].Label != r.province(a.ProvinceCode) {
			out = append(out, web.ChoiceGroup{Label: r.province(a.ProvinceCode)})
		}
		g := &out[len(out)-1]
		g.Options = append(g.Options, web.Choice{Value: eitherText(byID, strconv.FormatInt(a.ID, 10), a.Code), Label: r.areaName(&a.ID)})
	}
	return out
}

func (r *refs) zoneChoices(byID bool) []web.ChoiceGroup {
	var out []web.ChoiceGroup
	for _, z := range r.Zones {
		if len(out) == 0 || out[len(out)-1].Label != r.province(z.ProvinceCode) {
			out = append(out, web.ChoiceGroup{Label: r.province(z.ProvinceCode)})
		}
		g := &out[len(out)-1]
		g.Options = append(g.Options, web.Choice{Value: eitherText(byID, strconv.FormatInt(z.ID, 10), z.Code), Label: z.Name})
	}
	return out
}

// ownershipLabel names an ownership kind in Vietnamese, which is also its
// key in en/data_register.json (see tr).
func ownershipLabel(o model.Ownership) string {
	switch o {
	case model.OwnershipState:
		return "Nhà nước"
	case model.OwnershipPrivate:
		return "Ngoài nhà nước"
	case model.OwnershipFDI:
		return "Có vốn đầu tư nước ngoài (FDI)"
	}
	return string(o)
}

// trChoices is choices with their labels, which shared helpers give in
// Vietnamese (their English is in en/data_register.json), in the language
// of ctx.
func trChoices(ctx context.Context, choices []web.Choice) []web.Choice {
	for i := range choices {
		choices[i].Label = i18n.T(ctx, choices[i].Label)
	}
	return choices
}

func ownershipChoices(ctx context.Context) []web.Choice {
	out := make([]web.Choice, len(model.Ownerships))
	for i, o := range model.Ownerships {
		out[i] = web.Choice{Value: string(o), Label: i18n.T(ctx, ownershipLabel(o))}
	}
	return out
}

// operatingStatus says whether e operates on day, in words, and whether it
// has ceased.
func operatingStatus(ctx context.Context, e model.Enterprise, day time.Time) (string, bool) {
	switch {
	case e.CeasedOn != nil && !e.CeasedOn.After(day):
		return i18n.T(ctx, "Đã ngừng hoạt động"), true
	case e.OperatingSince.After(day):
		return i18n.T(ctx, "Chưa hoạt động"), false
	}
	return i18n.T(ctx, "Đang hoạt động"), false
}

// enterpriseDisplay is every field of e as a person reads it, keyed like
// the form, in r's language.
func enterpriseDisplay(e model.Enterprise, r *refs) map[string]string {
	f := format.For(r.lang)
	v := map[string]string{
		"tax_code": e.TaxCode, "name": e.Name, "name_en": e.NameEN,
		"province": r.province(e.ProvinceCode), "area": r.areaName(e.AreaID),
		"industrial_zone": r.zoneName(e.ZoneID), "ownership": i18n.In(r.lang, ownershipLabel(e.Ownership)),
		"investor_country": e.InvestorCountry, "vsic": r.vsicName(e.VSIC),
		"operating_since": f.Date(e.OperatingSince), "ceased_on": "", "employees": "", "area_since": "",
	}
	switch {
	case e.AreaSince != nil:
		v["area_since"] = f.Date(*e.AreaSince)
	case e.AreaID != nil: // as the form reads a blank: there since it began
		v["area_since"] = f.Date(e.OperatingSince)
	}
	if e.CeasedOn != nil {
		v["ceased_on"] = f.Date(*e.CeasedOn)
	}
	if e.Employees != nil {
		v["employees"] = f.Int(*e.Employees)
	}
	for k, s := range v {
		v[k] = withDefault(s, "—")
	}
	return v
}

func withDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func eitherText(first bool, a, b string) string {
	if first {
		return a
	}
	return b
}

// sentence starts a message with a capital letter.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
