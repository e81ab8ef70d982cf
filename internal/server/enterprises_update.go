package server

import (
	"errors"
	"net/http"
	"strconv"

	"industrytargets/internal/i18n"
	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/web"
)

// handleEnterpriseUpdate saves the edit form when its version is still the
// stored one: 303 to the enterprise's page; 422 with a message at each bad
// field; 409 beside the stored values when someone else saved first.
func handleEnterpriseUpdate(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		stored, ok := d.enterpriseFromPath(w, r)
		if !ok {
			return
		}
		values, ref, ok := d.readEnterpriseForm(w, r)
		if !ok {
			return
		}
		// A missing or garbled version matches none, so it ends as a 409.
		version, _ := strconv.ParseInt(r.PostForm.Get("version"), 10, 32)
		f := newEnterpriseForm(r.Context(), values, ref)
		f.ID, f.Version, f.Name = stored.ID, int32(version), stored.Name
		e, err := importer.EnterpriseForm(values, ref.Reference)
		e.ID, e.Version = stored.ID, int32(version)
		if err == nil {
			me, _ := currentUser(r)
			err = d.st.UpdateEnterprise(r.Context(), &e, me.ID)
		}
		switch {
		case errors.Is(err, model.ErrStale):
			d.renderConflict(w, r, f, e, ref)
		case d.formRejected(r, &f, e, err):
			render(w, r, d.logger, http.StatusUnprocessableEntity, web.EnterpriseEdit(page(r, d, i18n.Tf(r.Context(), "Sửa %s", stored.Name)), f))
		case err != nil:
			serverError(w, r, d.logger, err)
		default:
			flash(r, d, i18n.Tf(r.Context(), "Đã lưu thay đổi của doanh nghiệp %s.", e.Name))
			http.Redirect(w, r, web.EnterpriseURL(e.ID), http.StatusSeeOther)
		}
	})
}

// renderConflict answers 409: what was typed beside what is stored now,
// and the form again with what was typed and the current version, so
// saving once more is a deliberate overwrite.
func (d *deps) renderConflict(w http.ResponseWriter, r *http.Request, f web.EnterpriseForm, typed model.Enterprise, ref *refs) {
	ctx := r.Context()
	current, err := d.st.Enterprise(ctx, typed.ID)
	if err != nil {
		serverError(w, r, d.logger, err)
		return
	}
	f.Version, f.Name = current.Version, current.Name
	v := web.EnterpriseConflictView{Form: f, ChangedAt: dateTimeIn(ctx, current.UpdatedAt)}
	if current.UpdatedBy != nil {
		if u, err := d.st.User(ctx, *current.UpdatedBy); err == nil {
			v.ChangedBy = u.Email
		}
	}
	yours, stored := enterpriseDisplay(typed, ref), enterpriseDisplay(current, ref)
	for _, key := range web.EnterpriseFields {
		v.Rows = append(v.Rows, web.ComparisonRow{Label: web.EnterpriseFieldLabel(ctx, key), Yours: yours[key],
			Stored: stored[key], Differs: yours[key] != stored[key]})
	}
	render(w, r, d.logger, http.StatusConflict, web.EnterpriseConflict(page(r, d, i18n.T(ctx, "Xung đột khi lưu")), v))
}
