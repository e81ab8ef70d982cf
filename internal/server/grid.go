package server

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"industrytargets/internal/i18n"
	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// gridPerPage is how many enterprises one page of the yearly grid holds:
// a province's register fits on one (316 in the sample), while a national
// one is paged. Each row posts six fields, well under the 10,000 a form
// may hold.
const gridPerPage = 400

// gridQuery is what the yearly grid was asked for: the enterprises of a
// plan's territory (rule 11) with their figures of a year on a basis, and
// the total of the plan's province, under which the territory's whole
// industry is kept (HD for the former Hải Dương, also after the merger).
type gridQuery struct {
	plan     string
	province string
	scope    store.Scope
	year     int
	basis    model.PriceBasis
	q        string
	area     int64
	page     int
	// estimate is a production index (% of the year before) to estimate
	// the total from, as asked for; "" for none.
	estimate string
}

// handleGrid shows the yearly grid: every enterprise of the province with
// its figure for one year and price basis, and the province's total.
func handleGrid(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q, ref, err := d.readGridQuery(r)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		v, err := d.gridView(r.Context(), q, ref)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		render(w, r, d.logger, http.StatusOK, web.FiguresGrid(page(r, d, v.Heading), v))
	})
}

// readGridQuery reads the settings of the grid r asks for, with the
// reference lists they are checked against.
func (d *deps) readGridQuery(r *http.Request) (gridQuery, *refs, error) {
	ref, err := loadRefs(r.Context(), d.st)
	if err != nil {
		return gridQuery{}, nil, err
	}
	q, err := d.parseGridQuery(r.Context(), r.URL.Query(), ref)
	return q, ref, err
}

// gridPlan finds the plan vals name (plan, or else the first plan of
// province), and its scope today; ok is false for a plan not found when one
// was named.
func (d *deps) gridPlan(ctx context.Context, vals url.Values) (store.Scope, bool, error) {
	plans, err := d.st.Plans(ctx)
	if err != nil || len(plans) == 0 {
		return store.Scope{}, err == nil && vals.Get("plan") == "", err
	}
	plan, ok := plans[0], true
	if code := vals.Get("plan"); code != "" {
		i := slices.IndexFunc(plans, func(p model.Plan) bool { return p.Code == code })
		if ok = i >= 0; ok {
			plan = plans[i]
		}
	} else if prov := vals.Get("province"); prov != "" {
		if i := slices.IndexFunc(plans, func(p model.Plan) bool { return p.ProvinceCode == prov }); i >= 0 {
			plan = plans[i]
		}
	}
	sc, err := d.st.Scope(ctx, plan, vnToday())
	return sc, ok, err
}

// lastClosedYear is the last year that has ended: the latest a year's
// figures can be entered for (a year to come, or one not over, has none).
func lastClosedYear() int { return vnToday().Year() - 1 }

// parseGridQuery reads the grid's settings. A value that is not one of the
// choices falls back to its default rather than being refused; the year
// defaults to the last closed year, the one being collected.
func (d *deps) parseGridQuery(ctx context.Context, vals url.Values, ref *refs) (gridQuery, error) {
	q := gridQuery{basis: model.BasisCurrent, q: strings.TrimSpace(vals.Get("q")), page: 1,
		estimate: strings.TrimSpace(vals.Get("estimate_index"))}
	sc, _, err := d.gridPlan(ctx, vals)
	if err != nil {
		return q, err
	}
	q.scope, q.plan, q.province = sc, sc.Plan.Code, cmp.Or(sc.Plan.ProvinceCode, importer.DefaultProvince)
	if b := model.PriceBasis(vals.Get("basis")); b.Valid() {
		q.basis = b
	}
	if id, err := strconv.ParseInt(vals.Get("area"), 10, 64); err == nil && q.inTerritory(id) {
		q.area = id
	}
	if n, err := strconv.Atoi(vals.Get("page")); err == nil && n > 1 {
		q.page = min(n, maxListPage)
	}
	q.year = lastClosedYear()
	if y, err := model.ParseYear(vals.Get("year")); err == nil && y <= q.year {
		q.year = y
	}
	return q, nil
}

// inTerritory reports whether unit id is one of the grid's plan's.
func (q gridQuery) inTerritory(id int64) bool { return q.scope.Territory.Areas[id] }

// url is the address of the grid with q's settings at page n.
func (q gridQuery) url(n int) string {
	v := q.values()
	if n > 1 {
		v.Set("page", strconv.Itoa(n))
	}
	return "/figures?" + v.Encode()
}

// downloadURL is the address of every row of the grid with q's settings,
// without its pages, as a CSV file or an Excel workbook (ext).
func (q gridQuery) downloadURL(ext string) string {
	return "/figures." + ext + "?" + q.values().Encode()
}

// values are q's settings as the grid's query string holds them, but the
// page.
func (q gridQuery) values() url.Values {
	v := url.Values{"year": {strconv.Itoa(q.year)}, "basis": {string(q.basis)}, "plan": {q.plan}}
	if q.q != "" {
		v.Set("q", q.q)
	}
	if q.area != 0 {
		v.Set("area", strconv.FormatInt(q.area, 10))
	}
	return v
}

// filter selects the grid's rows for q.
func (q gridQuery) filter() store.GridFilter {
	return store.GridFilter{Scope: q.scope, Year: q.year, Basis: q.basis, Query: q.q, AreaID: q.area}
}

// heading names the grid's year and price basis in lang: "Số liệu năm
// 2024, giá hiện hành".
func (q gridQuery) heading(lang model.Lang) string {
	return fmt.Sprintf(i18n.In(lang, "Số liệu năm %d, %s"), q.year, strings.ToLower(i18n.In(lang, priceBasisLabel(q.basis))))
}

// territory names the grid's plan's territory today, in the language of
// ctx: "địa bàn tỉnh Hải Dương (cũ)".
func (d *deps) gridTerritory(ctx context.Context, q gridQuery) (string, error) {
	provinces, err := d.st.Provinces(ctx)
	if err != nil {
		return "", err
	}
	if i18n.From(ctx) == model.LangEN {
		return progress.TerritoryNameEN(provinces, q.province, vnToday()), nil
	}
	return progress.TerritoryName(provinces, q.province, vnToday()), nil
}

// gridView reads one page of the grid and the province's total.
func (d *deps) gridView(ctx context.Context, q gridQuery, ref *refs) (web.GridView, error) {
	rows, total, err := d.st.GridRows(ctx, q.filter(), gridPerPage, (q.page-1)*gridPerPage)
	if err != nil {
		return web.GridView{}, err
	}
	out, err := d.st.ProvinceOutputFor(ctx, q.province, q.year, q.basis)
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return web.GridView{}, err
	}
	years, err := d.st.OutputYears(ctx, q.province, q.basis)
	if err != nil {
		return web.GridView{}, err
	}
	lang := i18n.From(ctx)
	plans, err := d.st.Plans(ctx)
	if err != nil {
		return web.GridView{}, err
	}
	where, err := d.gridTerritory(ctx, q)
	if err != nil {
		return web.GridView{}, err
	}
	v := gridChoices(ctx, q, ref, years, plans)
	v.Heading += " — " + where
	v.Total, v.Page, v.Pages = total, q.page, int((total+gridPerPage-1)/gridPerPage)
	if q.page > 1 {
		v.Prev = q.url(q.page - 1)
	}
	if q.page < v.Pages {
		v.Next = q.url(q.page + 1)
	}
	v.Output = outputView(lang, where, out, err == nil)
	if err := d.gridEstimate(ctx, q, &v); err != nil {
		return v, err
	}
	for _, row := range rows {
		v.Rows = append(v.Rows, gridRowView(lang, row))
	}
	return v, nil
}

// gridChoices fills the grid's selectors in the language of ctx: the years
// with a province total, the last ten and the one asked for; the bases; the
// provinces; the areas of the province.
func gridChoices(ctx context.Context, q gridQuery, ref *refs, outputYears []int, plans []model.Plan) web.GridView {
	v := web.GridView{Year: q.year, Basis: string(q.basis), Plan: q.plan, Query: q.q,
		Heading: q.heading(i18n.From(ctx)), Bases: trChoices(ctx, basisChoices()), Statuses: trChoices(ctx, statusChoices()),
		CSV: q.downloadURL(chartExtCSV), XLSX: q.downloadURL(chartExtXLSX)}
	if q.area != 0 {
		v.Area = strconv.FormatInt(q.area, 10)
	}
	// A year's figures are entered once it has ended: none to come.
	last := lastClosedYear()
	years := []int{q.year}
	for _, y := range outputYears {
		if y <= last {
			years = append(years, y)
		}
	}
	for y := last; y > last-10; y-- {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, y := range slices.Backward(slices.Compact(years)) {
		v.Years = append(v.Years, web.Choice{Value: strconv.Itoa(y), Label: strconv.Itoa(y)})
	}
	for _, p := range plans {
		v.Plans = append(v.Plans, web.Choice{Value: p.Code, Label: p.Code})
	}
	for _, a := range ref.Areas {
		if q.inTerritory(a.ID) {
			v.Areas = append(v.Areas, web.Choice{Value: strconv.FormatInt(a.ID, 10), Label: ref.areaName(&a.ID)})
		}
	}
	return v
}
