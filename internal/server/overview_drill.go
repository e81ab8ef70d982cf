package server

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// drillLinks makes the links from the numbers of one overview (a plan, a
// year and a price basis) to the lists of the enterprises behind them. A
// nil one makes none, as in the printed report.
type drillLinks struct {
	plan, basis string
	year        int
	asOf        string // the report date asked for, "" for today
	// noLists leaves out the links to the register's lists, which only
	// signed-in users may open: a visitor of the public dashboard sees the
	// numbers and downloads the charts' data.
	noLists bool
}

// list is the enterprise list of plan on basis in year, narrowed by set.
func (l *drillLinks) list(year int, set func(*web.EnterpriseFilter)) string {
	if l == nil || l.noLists {
		return ""
	}
	f := web.EnterpriseFilter{Plan: l.plan, Year: strconv.Itoa(year), Basis: l.basis, AsOf: l.asOf}
	if set != nil {
		set(&f)
	}
	return listURL(f, 1)
}

// counted links to the enterprises counted in year.
func (l *drillLinks) counted(year int) string { return l.list(year, nil) }

// slice links to one slice of a breakdown of the overview's year.
func (l *drillLinks) slice(dim model.Dimension, key string) string {
	if l == nil {
		return ""
	}
	return l.list(l.year, func(f *web.EnterpriseFilter) { f.Dim, f.Key = string(dim), key })
}

// flow links to the enterprises entering (or leaving) in year.
func (l *drillLinks) flow(year int, kind store.DrillKind) string {
	return l.list(year, func(f *web.EnterpriseFilter) { f.Flow = string(kind) })
}

// quality links to the enterprises an item of the data-quality panel counts.
func (l *drillLinks) quality(kind store.DrillKind) string {
	if l == nil {
		return ""
	}
	return l.list(l.year, func(f *web.EnterpriseFilter) { f.Quality = string(kind) })
}

// download is where the data of the overview's chart id can be downloaded
// as ext (csv or xlsx).
func (l *drillLinks) download(id, ext string) string {
	if l == nil {
		return ""
	}
	return "/charts/" + url.PathEscape(l.plan) + "/" + strconv.Itoa(l.year) + "/" + id + "." + ext +
		"?" + asOfQuery(url.Values{"basis": {l.basis}}, l.asOf).Encode()
}

// parseDrill reads the list's drill-down (plan, year and basis, then a
// slice, a flow or a data-quality item) into f and form. One that names no
// number of an overview is dropped, as the list drops a stale filter.
func (d *deps) parseDrill(ctx context.Context, q url.Values, f *store.EnterpriseFilter, form *web.EnterpriseFilter) error {
	code := q.Get("plan")
	if code == "" {
		return nil
	}
	plan, err := d.st.Plan(ctx, code)
	if errors.Is(err, model.ErrNotFound) {
		return nil
	} else if err != nil {
		return err
	}
	year, err := strconv.Atoi(q.Get("year"))
	basis := model.PriceBasis(cmp.Or(q.Get("basis"), string(model.BasisCurrent)))
	day, asOf := vnToday(), q.Get("as_of")
	if asOf != "" {
		d, perr := time.Parse(time.DateOnly, asOf)
		if perr != nil || progress.CheckDate(d, day) != nil {
			return nil
		}
		day = d
	}
	if err != nil || !basis.Valid() {
		return nil
	}
	if _, err := progress.NewPeriod(plan, day, year); err != nil {
		return nil
	}
	sc, err := d.st.Scope(ctx, plan, day)
	if err != nil {
		return err
	}
	dr := store.Drill{Kind: store.DrillCounted, Scope: sc, Year: year, Basis: basis}
	switch k := store.DrillKind(q.Get("quality")); {
	case k != "":
		if !slices.Contains(store.QualityKinds, k) {
			return nil
		}
		dr.Kind, form.Quality = k, string(k)
	case q.Get("flow") != "":
		k = store.DrillKind(q.Get("flow"))
		if k != store.DrillEntries && k != store.DrillExits {
			return nil
		}
		dr.Kind, form.Flow = k, string(k)
	case q.Get("dim") != "":
		if dr.Dim = model.Dimension(q.Get("dim")); !dr.Dim.Valid() {
			return nil
		}
		dr.Key, form.Dim, form.Key = q.Get("key"), string(dr.Dim), q.Get("key")
	}
	f.Drill = &dr
	form.Plan, form.Year, form.Basis, form.AsOf = plan.Code, strconv.Itoa(year), string(basis), asOf
	return nil
}

// drillBanner says which number of the overview the list stands behind,
// in ref's language.
func drillBanner(dr store.Drill, ref *refs, form web.EnterpriseFilter, today string) web.DrillBanner {
	p, y, lang := dr.Scope.Plan.Code, dr.Year, ref.lang
	basis := format.For(lang).Basis(dr.Basis)
	var title string
	switch dr.Kind {
	case store.DrillEntries:
		title = fmt.Sprintf(i18n.In(lang, "Doanh nghiệp bắt đầu đủ điều kiện năm %d theo đề án %s (được tính năm %d, không được tính năm %d)"), y, p, y, y-1)
	case store.DrillExits:
		title = fmt.Sprintf(i18n.In(lang, "Doanh nghiệp thôi đủ điều kiện năm %d theo đề án %s (được tính năm %d, không còn được tính năm %d)"), y, p, y-1, y)
	case store.DrillMissingFigures:
		title = fmt.Sprintf(i18n.In(lang, "Doanh nghiệp được tính năm %d theo đề án %s chưa có giá trị sản xuất năm %d (giá %s)"), y, p, y, basis)
	case store.DrillExpiring:
		title = fmt.Sprintf(i18n.In(lang, "Doanh nghiệp có giấy chứng nhận thuộc lĩnh vực của đề án %s hết hiệu lực trong 6 tháng kể từ %s"), p, today)
	case store.DrillUnclassified:
		title = fmt.Sprintf(i18n.In(lang, "Doanh nghiệp trong địa bàn của đề án %s chưa có phân loại nào"), p)
	case store.DrillProvisional:
		title = fmt.Sprintf(i18n.In(lang, "Doanh nghiệp được tính năm %d theo đề án %s có số liệu năm %d (giá %s) còn là ước tính hoặc sơ bộ"), y, p, y, basis)
	case store.DrillAbolishedArea:
		title = fmt.Sprintf(i18n.In(lang, "Doanh nghiệp được tính năm %d theo đề án %s còn ghi ở đơn vị hành chính đã giải thể: nhập xã, phường mới và ngày chuyển"), y, p)
	case store.DrillUnlocated:
		title = fmt.Sprintf(i18n.In(lang, "Doanh nghiệp chưa có địa bàn nên chưa được tính năm %d theo đề án %s"), y, p)
	default:
		title = fmt.Sprintf(i18n.In(lang, "Doanh nghiệp được tính năm %d theo đề án %s"), y, p)
		if dr.Dim != "" {
			title += " · " + ref.sliceTitle(dr)
		}
	}
	out := form
	out.Plan, out.Year, out.Basis, out.Dim, out.Key, out.Quality, out.Flow, out.AsOf = "", "", "", "", "", "", "", ""
	overview := asOfQuery(url.Values{"plan": {p}, "year": {strconv.Itoa(y)}, "basis": {string(dr.Basis)}}, form.AsOf)
	return web.DrillBanner{Title: title, RemoveURL: listURL(out, 1), OverviewURL: "/?" + overview.Encode()}
}

// dimensionWords head the breakdown by dim (title) and name what it sorts
// by (noun), in lang.
func dimensionWords(lang model.Lang, dim model.Dimension) (title, noun string) {
	switch dim {
	case model.ByCategory:
		return i18n.In(lang, "Theo lĩnh vực"), i18n.In(lang, "Lĩnh vực")
	case model.ByProductGroup:
		return i18n.In(lang, "Theo nhóm sản phẩm"), i18n.In(lang, "Nhóm sản phẩm")
	case model.ByArea:
		return i18n.In(lang, "Theo địa bàn"), i18n.In(lang, "Địa bàn")
	case model.ByZone:
		return i18n.In(lang, "Theo khu, cụm công nghiệp"), i18n.In(lang, "Khu, cụm công nghiệp")
	case model.ByOwnership:
		return i18n.In(lang, "Theo loại hình sở hữu"), i18n.In(lang, "Loại hình sở hữu")
	case model.ByVSIC:
		return i18n.In(lang, "Theo ngành kinh tế (VSIC cấp 2)"), i18n.In(lang, "Ngành kinh tế")
	}
	return string(dim), string(dim)
}

// dimensionTitle heads the breakdown by dim, in lang.
func dimensionTitle(lang model.Lang, dim model.Dimension) string {
	title, _ := dimensionWords(lang, dim)
	return title
}

// dimensionNoun names what the breakdown by dim sorts by, in lang.
func dimensionNoun(lang model.Lang, dim model.Dimension) string {
	_, noun := dimensionWords(lang, dim)
	return noun
}

// dimensionNouns name what each breakdown sorts by in Vietnamese, as the
// printed report's workbook does.
var dimensionNouns = func() map[model.Dimension]string {
	out := map[model.Dimension]string{}
	for _, dim := range model.Dimensions {
		out[dim] = dimensionNoun(model.LangVI, dim)
	}
	return out
}()

// sliceTitle names the slice of a drill-down as the overview's breakdown
// does, or says the dimension is not set.
func (r *refs) sliceTitle(dr store.Drill) string {
	if dr.Key == "" {
		return fmt.Sprintf(i18n.In(r.lang, "%s chưa xác định"), dimensionNoun(r.lang, dr.Dim))
	}
	var name string
	switch dr.Dim {
	case model.ByCategory:
		name = r.categories[model.Category(dr.Key)]
	case model.ByProductGroup:
		name = r.groups[dr.Key]
	case model.ByVSIC:
		name = r.division[dr.Key]
	case model.ByArea:
		for _, a := range r.Areas {
			if a.Code == dr.Key && (name == "" || a.ProvinceCode == dr.Scope.Plan.ProvinceCode) {
				name = a.Name
			}
		}
	case model.ByZone:
		for _, z := range r.Zones {
			if z.Code == dr.Key && (name == "" || z.ProvinceCode == dr.Scope.Plan.ProvinceCode) {
				name = z.Name
			}
		}
	}
	// The names of refs are in r's language already.
	return sliceName(r.lang, dr.Dim, dr.Key, cmp.Or(name, dr.Key), "")
}

// sliceName names a slice of a breakdown as the overview shows it, in
// lang: reference data (categories, product groups, industries) by the
// list's English name (nameEN) on an English page when it has one,
// ownership kinds in the interface's words, places by their own names.
func sliceName(lang model.Lang, dim model.Dimension, key, name, nameEN string) string {
	if dim == model.ByOwnership && key != "" {
		// The list's words, without the abbreviation a bar has no room for.
		name = strings.TrimSuffix(i18n.In(lang, ownershipLabel(model.Ownership(key))), " (FDI)")
	} else if lang == model.LangEN && nameEN != "" {
		name = nameEN
	}
	return cmp.Or(name, i18n.In(lang, "(chưa xác định)"))
}
