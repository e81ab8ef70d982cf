package server

import (
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
	"industrytargets/internal/store"
	"industrytargets/web"
)

// gridPerPage is how many enterprises one page of the yearly grid holds:
// a province's register fits on one (316 in the sample), while a national
// one is paged. Each row posts six fields, well under the 10,000 a form
// may hold.
const gridPerPage = 400

// gridQuery is what the yearly grid was asked for.
type gridQuery struct {
	province string
	year     int
	basis    model.PriceBasis
	q        string
	area     int64
	page     int
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

// parseGridQuery reads the grid's settings. A value that is not one of the
// choices falls back to its default rather than being refused; the year
// defaults to the latest with a province total on the basis.
func (d *deps) parseGridQuery(ctx context.Context, vals url.Values, ref *refs) (gridQuery, error) {
	q := gridQuery{province: importer.DefaultProvince, basis: model.BasisCurrent,
		q: strings.TrimSpace(vals.Get("q")), page: 1}
	if p := vals.Get("province"); ref.provinces[p] != "" {
		q.province = p
	}
	if b := model.PriceBasis(vals.Get("basis")); b.Valid() {
		q.basis = b
	}
	if id, err := strconv.ParseInt(vals.Get("area"), 10, 64); err == nil && ref.areas[id].ProvinceCode == q.province {
		q.area = id
	}
	if n, err := strconv.Atoi(vals.Get("page")); err == nil && n > 1 {
		q.page = min(n, maxListPage)
	}
	if y, err := model.ParseYear(vals.Get("year")); err == nil {
		q.year = y
		return q, nil
	}
	years, err := d.st.OutputYears(ctx, q.province, q.basis)
	if err != nil {
		return q, err
	}
	q.year = vnToday().Year() - 1
	if len(years) > 0 {
		q.year = years[len(years)-1]
	}
	return q, nil
}

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
	v := url.Values{"year": {strconv.Itoa(q.year)}, "basis": {string(q.basis)}, "province": {q.province}}
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
	return store.GridFilter{Province: q.province, Year: q.year, Basis: q.basis, Query: q.q, AreaID: q.area}
}

// heading names the grid's year and price basis in lang: "Số liệu năm
// 2024, giá hiện hành".
func (q gridQuery) heading(lang model.Lang) string {
	return fmt.Sprintf(i18n.In(lang, "Số liệu năm %d, %s"), q.year, strings.ToLower(i18n.In(lang, priceBasisLabel(q.basis))))
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
	v := gridChoices(ctx, q, ref, years)
	v.Total, v.Page, v.Pages = total, q.page, int((total+gridPerPage-1)/gridPerPage)
	if q.page > 1 {
		v.Prev = q.url(q.page - 1)
	}
	if q.page < v.Pages {
		v.Next = q.url(q.page + 1)
	}
	v.Output = outputView(lang, ref.province(q.province), out, err == nil)
	for _, row := range rows {
		v.Rows = append(v.Rows, gridRowView(lang, row))
	}
	return v, nil
}

// gridChoices fills the grid's selectors in the language of ctx: the years
// with a province total, the last ten and the one asked for; the bases; the
// provinces; the areas of the province.
func gridChoices(ctx context.Context, q gridQuery, ref *refs, outputYears []int) web.GridView {
	v := web.GridView{Year: q.year, Basis: string(q.basis), Province: q.province, Query: q.q,
		Heading: q.heading(i18n.From(ctx)), Bases: trChoices(ctx, basisChoices()), Statuses: trChoices(ctx, statusChoices()),
		CSV: q.downloadURL(chartExtCSV), XLSX: q.downloadURL(chartExtXLSX)}
	if q.area != 0 {
		v.Area = strconv.FormatInt(q.area, 10)
	}
	years := append([]int{q.year}, outputYears...)
	for y, now := vnToday().Year(), vnToday().Year(); y > now-10; y-- {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, y := range slices.Backward(slices.Compact(years)) {
		v.Years = append(v.Years, web.Choice{Value: strconv.Itoa(y), Label: strconv.Itoa(y)})
	}
	for _, p := range ref.Provinces {
		v.Provinces = append(v.Provinces, web.Choice{Value: p.Code, Label: p.Name})
	}
	for _, a := range ref.Areas {
		if a.ProvinceCode == q.province {
			v.Areas = append(v.Areas, web.Choice{Value: strconv.FormatInt(a.ID, 10), Label: ref.areaName(&a.ID)})
		}
	}
	return v
}
