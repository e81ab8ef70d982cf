package server

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// enterprisesPerPage is how many enterprises one page of the list shows.
const enterprisesPerPage = 50

// maxListPage bounds the page asked for, so OFFSET stays a sane number.
const maxListPage = 100_000

// handleEnterprises lists the enterprises the query string selects: search,
// filters, order and page all live in it, so a list can be bookmarked and
// shared.
func handleEnterprises(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		ref, err := loadRefs(ctx, d.st)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		today := vnToday()
		f, form, pg := parseListQuery(r.URL.Query(), ref, today)
		if err := d.parseDrill(ctx, r.URL.Query(), &f, &form); err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		rows, total, err := d.st.ListEnterprises(ctx, f, enterprisesPerPage, (pg-1)*enterprisesPerPage)
		if err == nil && len(rows) == 0 && total > 0 && pg > 1 {
			// Past the last page (the list shrank, or the link was typed):
			// show the last page rather than nothing.
			pg = pageCount(total)
			rows, _, err = d.st.ListEnterprises(ctx, f, enterprisesPerPage, (pg-1)*enterprisesPerPage)
		}
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		me, _ := currentUser(r)
		v := web.EnterpriseListView{Filter: form, Options: filterOptions(ctx, ref), Total: total, Page: pg,
			Pages: pageCount(total), Headers: sortHeaders(ctx, form), ClearURL: listURL(unfiltered(form), 1),
			CanEdit: me.Can(model.RoleEditor)}
		v.Filtered = form != unfiltered(form)
		if f.Drill != nil {
			v.Drill = drillBanner(*f.Drill, ref, form, pageFormat(ctx).Date(today))
		}
		v.Links = pageLinks(ctx, form, pg, v.Pages)
		for _, e := range rows {
			v.Rows = append(v.Rows, listRow(ctx, e, ref, today))
		}
		render(w, r, d.logger, http.StatusOK, web.EnterpriseList(page(r, d, i18n.T(ctx, "Doanh nghiệp")), v))
	})
}

// parseListQuery reads the list's query string. A value that is not one of
// the choices is dropped rather than refused: a stale bookmark still works.
func parseListQuery(q url.Values, ref *refs, today time.Time) (store.EnterpriseFilter, web.EnterpriseFilter, int) {
	form := web.EnterpriseFilter{Q: strings.TrimSpace(q.Get("q")), Sort: string(store.SortName), Dir: "asc"}
	f := store.EnterpriseFilter{Query: form.Q, Today: today, Sort: store.SortName}
	if c := model.Category(q.Get("category")); c.Valid() {
		f.Category, form.Category = c, string(c)
	}
	if id, err := strconv.ParseInt(q.Get("area"), 10, 64); err == nil && ref.areas[id].ID != 0 {
		f.AreaID, form.Area = id, q.Get("area")
	}
	if id, err := strconv.ParseInt(q.Get("zone"), 10, 64); err == nil && ref.zones[id].ID != 0 {
		f.ZoneID, form.Zone = id, q.Get("zone")
	}
	if o := model.Ownership(q.Get("ownership")); o.Valid() {
		f.Ownership, form.Ownership = o, string(o)
	}
	if s := q.Get("status"); s == store.StatusOperating || s == store.StatusCeased {
		f.Status, form.Status = s, s
	}
	if s := q.Get("demo"); s == "yes" || s == "no" {
		demo := s == "yes"
		f.Demo, form.Demo = &demo, s
	}
	switch s := store.EnterpriseSort(q.Get("sort")); s {
	case store.SortTaxCode, store.SortOperatingSince:
		f.Sort, form.Sort = s, string(s)
	}
	if q.Get("dir") == "desc" {
		f.Desc, form.Dir = true, "desc"
	}
	page, err := strconv.Atoi(q.Get("page"))
	if err != nil || page < 1 {
		page = 1
	}
	return f, form, min(page, maxListPage)
}

// unfiltered is form without the filters of the form: the order and the
// drill-down stay.
func unfiltered(form web.EnterpriseFilter) web.EnterpriseFilter {
	out := form
	out.Q, out.Category, out.Area, out.Zone, out.Ownership, out.Status, out.Demo = "", "", "", "", "", "", ""
	return out
}

// listURL is the address of one page of the list with form's settings;
// settings at their defaults are left out.
func listURL(form web.EnterpriseFilter, page int) string {
	q := url.Values{}
	for k, v := range map[string]string{"q": form.Q, "category": form.Category, "area": form.Area,
		"zone": form.Zone, "ownership": form.Ownership, "status": form.Status, "demo": form.Demo} {
		if v != "" {
			q.Set(k, v)
		}
	}
	for _, f := range web.DrillFields(form) {
		q.Set(f.Name, f.Value)
	}
	if form.Sort != "" && form.Sort != string(store.SortName) {
		q.Set("sort", form.Sort)
	}
	if form.Dir == "desc" {
		q.Set("dir", "desc")
	}
	if page > 1 {
		q.Set("page", strconv.Itoa(page))
	}
	if len(q) == 0 {
		return "/enterprises"
	}
	return "/enterprises?" + q.Encode()
}

func pageCount(total int64) int {
	return int((total + enterprisesPerPage - 1) / enterprisesPerPage)
}

// pageLinks links to the first and last pages, the two either side of the
// current one, and the previous and next.
func pageLinks(ctx context.Context, form web.EnterpriseFilter, page, pages int) []web.ListPageLink {
	if pages <= 1 {
		return nil
	}
	var out []web.ListPageLink
	if page > 1 {
		out = append(out, web.ListPageLink{Label: i18n.T(ctx, "‹ Trang trước"), URL: listURL(form, page-1), Rel: "prev"})
	}
	last := 0
	for n := 1; n <= pages; n++ {
		if n != 1 && n != pages && (n < page-2 || n > page+2) {
			continue
		}
		if last != 0 && n > last+1 {
			out = append(out, web.ListPageLink{Gap: true})
		}
		out = append(out, web.ListPageLink{Label: pageFormat(ctx).Int(int64(n)), URL: listURL(form, n), Current: n == page})
		last = n
	}
	if page < pages {
		out = append(out, web.ListPageLink{Label: i18n.T(ctx, "Trang sau ›"), URL: listURL(form, page+1), Rel: "next"})
	}
	return out
}

// sortHeaders are the name, tax code and operating-since headings, each
// linking to the list sorted by it: ascending first, descending when it
// already sorts ascending.
func sortHeaders(ctx context.Context, form web.EnterpriseFilter) []web.ListSortHeader {
	cols := []struct {
		sort  store.EnterpriseSort
		label string
		class string
	}{{store.SortName, i18n.T(ctx, "Tên doanh nghiệp"), ""}, {store.SortTaxCode, i18n.T(ctx, "Mã số thuế"), "nowrap"},
		{store.SortOperatingSince, i18n.T(ctx, "Ngày hoạt động"), "num"}}
	out := make([]web.ListSortHeader, len(cols))
	for i, c := range cols {
		active := form.Sort == string(c.sort)
		to := form
		to.Sort, to.Dir = string(c.sort), "asc"
		if active && form.Dir == "asc" {
			to.Dir = "desc"
		}
		out[i] = web.ListSortHeader{Label: c.label, URL: listURL(to, 1), Active: active,
			Desc: active && form.Dir == "desc", Class: c.class}
	}
	return out
}

func filterOptions(ctx context.Context, ref *refs) web.FilterOptions {
	o := web.FilterOptions{
		Areas: ref.areaChoices(true), Zones: ref.zoneChoices(true), Ownerships: ownershipChoices(ctx),
		Statuses: []web.Choice{{Value: store.StatusOperating, Label: i18n.T(ctx, "Đang hoạt động")},
			{Value: store.StatusCeased, Label: i18n.T(ctx, "Đã ngừng hoạt động")}},
		Demo: []web.Choice{{Value: "no", Label: i18n.T(ctx, "Không gồm dữ liệu mẫu")},
			{Value: "yes", Label: i18n.T(ctx, "Chỉ dữ liệu mẫu")}},
		Sorts: []web.Choice{{Value: string(store.SortName), Label: i18n.T(ctx, "Tên")},
			{Value: string(store.SortTaxCode), Label: i18n.T(ctx, "Mã số thuế")},
			{Value: string(store.SortOperatingSince), Label: i18n.T(ctx, "Ngày hoạt động")}},
		Dirs: []web.Choice{{Value: "asc", Label: i18n.T(ctx, "Tăng dần")}, {Value: "desc", Label: i18n.T(ctx, "Giảm dần")}},
	}
	for _, c := range ref.Categories {
		o.Categories = append(o.Categories, web.Choice{Value: string(c.Code), Label: ref.category(c.Code)})
	}
	return o
}

func listRow(ctx context.Context, e store.EnterpriseRow, ref *refs, today time.Time) web.EnterpriseRow {
	status, ceased := operatingStatus(ctx, e.Enterprise, today)
	place := e.AreaName
	if e.ZoneName != "" {
		place = strings.TrimPrefix(place+" · "+e.ZoneName, " · ")
	}
	row := web.EnterpriseRow{ID: e.ID, Name: e.Name, TaxCode: e.TaxCode, Place: place,
		Ownership: i18n.T(ctx, ownershipLabel(e.Ownership)), OperatingSince: pageFormat(ctx).Date(e.OperatingSince),
		Status: status, Ceased: ceased}
	for _, c := range e.Categories {
		row.Categories = append(row.Categories, ref.category(c))
	}
	return row
}
