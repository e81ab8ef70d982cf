package server

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/web"
)

// handleGridSave writes, in one submission, the rows of the yearly grid
// whose cells differ from the values the page was drawn with (carried in
// each row's hidden field with its version), and the province total when it
// changed. Rows are judged one by one: a bad cell keeps its row back (422),
// a row someone else changed meanwhile is shown beside the stored values
// (409), and every other changed row is saved all the same. When all were
// saved it answers 303 back to the grid.
//
// A row whose four numbers are all cleared removes the enterprise's figure
// for the year (at the version read); clearing only the production value
// while other numbers remain is refused, since a figure needs one. The
// province total cannot be removed from the grid.
func handleGridSave(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !parseForm(w, r, d) {
			return
		}
		ctx := r.Context()
		ref, err := loadRefs(ctx, d.st)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		q, ok, err := d.postedGridQuery(ctx, r.PostForm)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		if !ok {
			renderError(w, r, d, http.StatusBadRequest, i18n.T(ctx, "Năm, loại giá hoặc đề án của bảng số liệu không hợp lệ (số liệu chỉ nhập cho năm đã kết thúc). Vui lòng tải lại trang."))
			return
		}
		sub := readGridSubmission(r.PostForm, q, ref, i18n.From(ctx))
		me, _ := currentUser(r)
		results, err := d.st.SaveGrid(ctx, sub.save, me.ID)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		sub.apply(ctx, d.st, results)
		if sub.invalid == 0 && sub.conflicts == 0 {
			flash(r, d, savedMessage(ctx, sub.saved, q.year))
			http.Redirect(w, r, q.url(q.page), http.StatusSeeOther)
			return
		}
		d.renderGridRejected(w, r, q, ref, sub)
	})
}

// postedGridQuery reads the grid's settings from the hidden fields of a
// submission; unlike a page's query string, nothing falls back to a
// default, so a save can never land on another year or plan, nor on a
// year not yet over.
func (d *deps) postedGridQuery(ctx context.Context, form url.Values) (gridQuery, bool, error) {
	year, err := model.ParseYear(form.Get("year"))
	basis := model.PriceBasis(form.Get("basis"))
	if err != nil || year > lastClosedYear() || !basis.Valid() || form.Get("plan") == "" {
		return gridQuery{}, false, nil
	}
	sc, ok, err := d.gridPlan(ctx, form)
	if err != nil || !ok {
		return gridQuery{}, false, err
	}
	q := gridQuery{plan: sc.Plan.Code, province: sc.Plan.ProvinceCode, scope: sc, year: year, basis: basis, q: form.Get("q"), page: 1}
	if id, err := strconv.ParseInt(form.Get("area"), 10, 64); err == nil && q.inTerritory(id) {
		q.area = id
	}
	if n, err := strconv.Atoi(form.Get("page")); err == nil && n > 1 {
		q.page = min(n, maxListPage)
	}
	return q, true, nil
}

// savedMessage tells, in the language of ctx, how many rows a save wrote.
func savedMessage(ctx context.Context, n, year int) string {
	switch n {
	case 0:
		return i18n.T(ctx, "Không có thay đổi nào để lưu.")
	case 1:
		return i18n.Tf(ctx, "Đã lưu 1 dòng số liệu năm %d.", year)
	}
	return i18n.Tf(ctx, "Đã lưu %s dòng số liệu năm %d.", pageFormat(ctx).Int(int64(n)), year)
}

// renderGridRejected shows the grid again as stored now, with the rows
// that were not saved holding what was typed, each with its messages: 422
// when a cell was bad, else 409.
func (d *deps) renderGridRejected(w http.ResponseWriter, r *http.Request, q gridQuery, ref *refs, sub *gridSubmission) {
	v, err := d.gridView(r.Context(), q, ref)
	if err != nil {
		serverError(w, r, d.logger, err)
		return
	}
	sub.overlay(&v)
	v.Notice = web.GridNotice{Saved: sub.saved, Invalid: sub.invalid, Conflicts: sub.conflicts}
	status := http.StatusConflict
	if sub.invalid > 0 {
		status = http.StatusUnprocessableEntity
	}
	render(w, r, d.logger, status, web.FiguresGrid(page(r, d, v.Heading), v))
}
