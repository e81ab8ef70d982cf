package server

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/web"
)

// An enterprise's page lists where it has been (DESIGN.md rule 11); a move
// is recorded by the enterprise form (a new area with the day it moved),
// and a wrong entry of the history is corrected or removed here. Each
// location is named in the path by the day it began (yyyy-mm-dd), and a
// change is saved only at the enterprise version the page was opened at.

// locationRows lists an enterprise's locations, latest first, with the
// day each ended (the day before the next began).
func locationRows(ctx context.Context, e model.Enterprise, locs []model.Location, ref *refs) []web.LocationRow {
	fm := pageFormat(ctx)
	out := make([]web.LocationRow, 0, len(locs))
	for i, l := range locs {
		a := ref.areas[l.AreaID]
		row := web.LocationRow{Key: l.Since.Format(time.DateOnly), Since: fm.Date(l.Since),
			Area: ref.areaName(&l.AreaID), Province: ref.province(a.ProvinceCode)}
		switch {
		case i+1 < len(locs):
			row.Until = fm.Date(locs[i+1].Since.AddDate(0, 0, -1))
		case e.CeasedOn != nil:
			row.Until = fm.Date(*e.CeasedOn)
		default:
			row.Until = i18n.T(ctx, "nay")
			row.Note = ref.abolishedAreaNote(ctx, a.Code)
		}
		out = append(out, row)
	}
	slices.Reverse(out)
	return out
}

// locationFromPath reads the enterprise and the location of the path;
// when either is missing it answers 404 and returns false.
func (d *deps) locationFromPath(w http.ResponseWriter, r *http.Request) (model.Enterprise, model.Location, *refs, bool) {
	e, ref, ok := d.recordContext(w, r)
	if !ok {
		return e, model.Location{}, nil, false
	}
	locs, err := d.st.Locations(r.Context(), e.ID)
	if err != nil {
		serverError(w, r, d.logger, err)
		return e, model.Location{}, nil, false
	}
	for _, l := range locs {
		if l.Since.Format(time.DateOnly) == r.PathValue("since") {
			return e, l, ref, true
		}
	}
	renderError(w, r, d, http.StatusNotFound, i18n.T(r.Context(), "Doanh nghiệp này không có địa bàn bắt đầu từ ngày này (có thể vừa được sửa hoặc xoá)."))
	return e, model.Location{}, nil, false
}

func locationURL(id int64, l model.Location) string {
	return web.EnterpriseURL(id) + "/locations/" + l.Since.Format(time.DateOnly)
}

// locationForm is the form correcting l, showing since and area as typed.
func locationForm(ctx context.Context, e model.Enterprise, l model.Location, ref *refs, since, area string) web.RecordForm {
	var options []web.Choice
	for _, a := range ref.Areas {
		options = append(options, web.Choice{Value: strconv.FormatInt(a.ID, 10),
			Label: ref.areaName(&a.ID) + " — " + ref.province(a.ProvinceCode)})
	}
	return web.RecordForm{Action: locationURL(e.ID, l), Version: e.Version, Submit: i18n.T(ctx, "Lưu địa bàn"),
		Cancel: web.EnterpriseURL(e.ID), Fields: []web.FormField{
			{Key: "since", Label: i18n.T(ctx, "Ở địa bàn này từ"), Value: since, Required: true,
				Hint: i18n.T(ctx, "Ngày doanh nghiệp bắt đầu ở địa bàn này: dd/mm/yyyy (01/07/2025) hoặc chỉ năm (2025, tức 01/01).")},
			{Key: "area", Label: i18n.T(ctx, "Địa bàn"), Value: area, Required: true, Options: options, Blank: i18n.T(ctx, "— Chọn địa bàn —")},
		}}
}

func renderLocationForm(d *deps, w http.ResponseWriter, r *http.Request, e model.Enterprise, status int, f web.RecordForm) {
	ctx := r.Context()
	v := web.RecordPageView{Title: i18n.T(ctx, "Sửa địa bàn"), Form: f,
		Crumbs: enterpriseCrumbs(ctx, e),
		Intro:  i18n.T(ctx, "Sửa một dòng sai của lịch sử địa bàn. Khi doanh nghiệp chuyển đi, đừng sửa ở đây: chọn địa bàn mới và ngày chuyển trên biểu mẫu doanh nghiệp.")}
	render(w, r, d.logger, status, web.RecordPage(page(r, d, v.Title+" · "+e.Name), v))
}

// handleLocationEdit shows the form correcting one location.
func handleLocationEdit(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, l, ref, ok := d.locationFromPath(w, r)
		if !ok {
			return
		}
		f := locationForm(r.Context(), e, l, ref, pageFormat(r.Context()).Date(l.Since), strconv.FormatInt(l.AreaID, 10))
		renderLocationForm(d, w, r, e, http.StatusOK, f)
	})
}

// handleLocationUpdate saves a corrected location: 303 to the enterprise;
// 422 with the form kept when a field is wrong or another location begins
// on the day typed; 409 when the enterprise changed since the form was
// opened, with the form at the new version and the history as it is now
// on the enterprise's page.
func handleLocationUpdate(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, l, ref, ok := d.locationFromPath(w, r)
		if !ok || !parseForm(w, r, d) {
			return
		}
		ctx := r.Context()
		sinceText, areaText := strings.TrimSpace(r.PostForm.Get("since")), strings.TrimSpace(r.PostForm.Get("area"))
		f := locationForm(ctx, e, l, ref, sinceText, areaText)
		since, err := model.ParseDate(sinceText, model.YearStart)
		switch {
		case sinceText == "":
			f.AddProblem("since", sentence(fieldMessage(ctx, &model.FieldError{Code: "required"})))
		case err != nil:
			f.AddProblem("since", sentence(fieldMessage(ctx, err)))
		case since.After(vnToday()):
			f.AddProblem("since", i18n.T(ctx, "Ngày này chưa đến: lịch sử địa bàn chỉ ghi những gì đã xảy ra."))
		case e.CeasedOn != nil && since.After(*e.CeasedOn):
			f.AddProblem("since", i18n.Tf(ctx, "Doanh nghiệp đã ngừng hoạt động từ %s.", pageFormat(ctx).Date(*e.CeasedOn)))
		}
		area, err := strconv.ParseInt(areaText, 10, 64)
		if _, known := ref.areas[area]; err != nil || !known {
			f.AddProblem("area", i18n.T(ctx, "Chọn một địa bàn trong danh sách."))
		}
		if len(f.Problems) > 0 {
			renderLocationForm(d, w, r, e, http.StatusUnprocessableEntity, f)
			return
		}
		me, _ := currentUser(r)
		err = d.st.CorrectLocation(ctx, e.ID, postedVersion(r), l.Since, since, &area, me.ID)
		switch {
		case errors.Is(err, model.ErrStale):
			f.Version = d.currentVersion(ctx, e)
			f.AddProblem("", i18n.T(ctx, "Doanh nghiệp vừa được người khác sửa sau khi bạn mở trang này nên địa bàn chưa được lưu. Xem lại lịch sử địa bàn trên trang doanh nghiệp, rồi lưu lại nếu vẫn cần."))
			renderLocationForm(d, w, r, e, http.StatusConflict, f)
		case errors.Is(err, model.ErrConflict):
			f.AddProblem("since", i18n.T(ctx, "Đã có một địa bàn khác bắt đầu từ ngày này: sửa hoặc xoá dòng đó trước."))
			renderLocationForm(d, w, r, e, http.StatusUnprocessableEntity, f)
		case err != nil:
			serverError(w, r, d.logger, err)
		default:
			flash(r, d, i18n.Tf(ctx, "Đã sửa địa bàn của %s.", e.Name))
			http.Redirect(w, r, web.EnterpriseURL(e.ID)+"#locations-title", http.StatusSeeOther)
		}
	})
}

// currentVersion is e's stored version now, or e's own when it cannot be
// read (the next save then reports the conflict again).
func (d *deps) currentVersion(ctx context.Context, e model.Enterprise) int32 {
	if now, err := d.st.Enterprise(ctx, e.ID); err == nil {
		return now.Version
	}
	return e.Version
}

// handleLocationDeletePage asks before removing one location.
func handleLocationDeletePage(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, l, ref, ok := d.locationFromPath(w, r)
		if ok {
			renderLocationDelete(d, w, r, e, l, ref, http.StatusOK, false)
		}
	})
}

// handleLocationDelete removes one location at the version confirmed: 303
// to the enterprise, or 409 with the page again when it changed since.
func handleLocationDelete(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, l, ref, ok := d.locationFromPath(w, r)
		if !ok || !parseForm(w, r, d) {
			return
		}
		me, _ := currentUser(r)
		err := d.st.CorrectLocation(r.Context(), e.ID, postedVersion(r), l.Since, l.Since, nil, me.ID)
		switch {
		case errors.Is(err, model.ErrStale):
			renderLocationDelete(d, w, r, e, l, ref, http.StatusConflict, true)
		case err != nil:
			serverError(w, r, d.logger, err)
		default:
			flash(r, d, i18n.Tf(r.Context(), "Đã xoá một địa bàn khỏi lịch sử của %s.", e.Name))
			http.Redirect(w, r, web.EnterpriseURL(e.ID)+"#locations-title", http.StatusSeeOther)
		}
	})
}

func renderLocationDelete(d *deps, w http.ResponseWriter, r *http.Request, e model.Enterprise, l model.Location, ref *refs, status int, stale bool) {
	ctx := r.Context()
	title := i18n.T(ctx, "Xoá địa bàn")
	v := web.RecordDeleteView{Title: title, Action: locationURL(e.ID, l) + "/delete", Version: e.Version, Stale: stale,
		Back: web.EnterpriseURL(e.ID), Submit: title,
		Crumbs: enterpriseCrumbs(ctx, e),
		Facts: []web.DetailFact{{Label: i18n.T(ctx, "Địa bàn"), Value: ref.areaName(&l.AreaID)},
			{Label: i18n.T(ctx, "Ở địa bàn này từ"), Value: pageFormat(ctx).Date(l.Since)},
			{Label: i18n.T(ctx, "Sau khi xoá"), Value: i18n.T(ctx, "Địa bàn liền trước (nếu có) kéo dài đến địa bàn kế tiếp; trước địa bàn đầu tiên doanh nghiệp không có địa bàn.")}}}
	render(w, r, d.logger, status, web.RecordDelete(page(r, d, title+" · "+e.Name), v))
}
