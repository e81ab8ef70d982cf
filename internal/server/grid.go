package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

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
		ctx := r.Context()
		ref, err := loadRefs(ctx, d.st)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		q, err := d.parseGridQuery(ctx, r.URL.Query(), ref)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		v, err := d.gridView(ctx, q, ref)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		render(w, r, d.logger, http.StatusOK, web.FiguresGrid(page(r, d, v.Heading), v))
	})
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
	v := url.Values{"year": {strconv.Itoa(q.year)}, "basis": {string(q.basis)}, "province": {q.province}}
	if q.q != "" {
		v.Set("q", q.q)
	}
	if q.area != 0 {
		v.Set("area", strconv.FormatInt(q.area, 10))
	}
	if n > 1 {
		v.Set("page", strconv.Itoa(n))
	}
	return "/figures?" + v.Encode()
}

// gridView reads one page of the grid and the province's total.
func (d *deps) gridView(ctx context.Context, q gridQuery, ref *refs) (web.GridView, error) {
	f := store.GridFilter{Province: q.province, Year: q.year, Basis: q.basis, Query: q.q, AreaID: q.area}
	rows, total, err := d.st.GridRows(ctx, f, gridPerPage, (q.page-1)*gridPerPage)
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
	v := gridChoices(q, ref, years)
	v.Total, v.Page, v.Pages = total, q.page, int((total+gridPerPage-1)/gridPerPage)
	if q.page > 1 {
		v.Prev = q.url(q.page - 1)
	}
	if q.page < v.Pages {
		v.Next = q.url(q.page + 1)
	}
	v.Output = outputView(ref.province(q.province), out, err == nil)
	for _, row := range rows {
		v.Rows = append(v.Rows, gridRowView(row))
	}
	return v, nil
}

// gridChoices fills the grid's selectors: the years with a province total,
// the last ten and the one asked for; the bases; the provinces; the areas of
// the province.
func gridChoices(q gridQuery, ref *refs, outputYears []int) web.GridView {
	v := web.GridView{Year: q.year, Basis: string(q.basis), Province: q.province, Query: q.q,
		Heading:  "Số liệu năm " + strconv.Itoa(q.year) + ", " + strings.ToLower(priceBasisLabel(q.basis)),
		Bases:    basisChoices(),
		Statuses: statusChoices()}
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
