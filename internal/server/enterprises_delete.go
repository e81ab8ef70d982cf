package server

import (
	"errors"
	"net/http"
	"strconv"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/web"
)

// handleEnterpriseDeletePage asks before removing an enterprise, or says
// why it cannot be removed.
func handleEnterpriseDeletePage(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, ok := d.enterpriseFromPath(w, r)
		if !ok {
			return
		}
		d.renderDelete(w, r, e, http.StatusOK, false)
	})
}

// handleEnterpriseDelete removes an enterprise at the version confirmed,
// with its classifications. While yearly figures refer to it the removal is
// refused (409) with the reason; a stale version is 409 too.
func handleEnterpriseDelete(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, ok := d.enterpriseFromPath(w, r)
		if !ok {
			return
		}
		if err := r.ParseForm(); err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		version, _ := strconv.ParseInt(r.PostForm.Get("version"), 10, 32)
		me, _ := currentUser(r)
		err := d.st.DeleteEnterprise(r.Context(), e.ID, int32(version), me.ID)
		switch {
		case errors.Is(err, model.ErrInUse):
			d.renderDelete(w, r, e, http.StatusConflict, false)
		case errors.Is(err, model.ErrStale):
			d.renderDelete(w, r, e, http.StatusConflict, true)
		case err != nil:
			serverError(w, r, d.logger, err)
		default:
			flash(r, d, i18n.Tf(r.Context(), "Đã xoá doanh nghiệp %s (mã số thuế %s).", e.Name, e.TaxCode))
			http.Redirect(w, r, "/enterprises", http.StatusSeeOther)
		}
	})
}

// renderDelete shows the confirmation for e as stored now (so it carries
// the current version), with how many
// classifications would go with it and how many figures stand in the way.
func (d *deps) renderDelete(w http.ResponseWriter, r *http.Request, e model.Enterprise, status int, stale bool) {
	ctx := r.Context()
	classes, err := d.st.Classifications(ctx, e.ID)
	if err != nil {
		serverError(w, r, d.logger, err)
		return
	}
	figures, err := d.st.Figures(ctx, e.ID)
	if err != nil {
		serverError(w, r, d.logger, err)
		return
	}
	v := web.EnterpriseDeleteView{ID: e.ID, Version: e.Version, Name: e.Name, TaxCode: e.TaxCode,
		Classifications: len(classes), Figures: len(figures), Stale: stale}
	render(w, r, d.logger, status, web.EnterpriseDelete(page(r, d, i18n.Tf(ctx, "Xoá %s", e.Name)), v))
}
