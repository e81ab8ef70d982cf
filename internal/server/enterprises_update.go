package server

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

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
		f.Base = postedBase(r, web.EnterpriseFields)
		e, err := importer.EnterpriseForm(values, ref.Reference)
		e.ID, e.Version = stored.ID, int32(version)
		if err == nil {
			me, _ := currentUser(r)
			err = d.st.UpdateEnterprise(r.Context(), &e, me.ID)
		}
		switch {
		case errors.Is(err, model.ErrStale):
			d.resolveConflict(w, r, f, e, ref)
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

// resolveConflict answers an edit saved after someone else's. When the
// form said what the edit started from, each field is judged three ways:
// a field only the other person changed keeps its stored value, one only
// this editor changed takes theirs, and when no field was changed by both
// the merge is saved at once (303). Otherwise the answer is 409: the
// three values of every field, and the form holding the merge, its
// conflicting fields marked, at the current version.
func (d *deps) resolveConflict(w http.ResponseWriter, r *http.Request, f web.EnterpriseForm, typed model.Enterprise, ref *refs) {
	ctx := r.Context()
	current, err := d.st.Enterprise(ctx, typed.ID)
	if err != nil {
		serverError(w, r, d.logger, err)
		return
	}
	base, err := importer.EnterpriseForm(f.Base, ref.Reference)
	if f.Base == nil || err != nil {
		d.renderConflict(w, r, f, typed, current, ref)
		return
	}
	b, s, y := enterpriseDisplay(base, ref), enterpriseDisplay(current, ref), enterpriseDisplay(typed, ref)
	storedForm := enterpriseFormValues(current, ref)
	merged := map[string]string{}
	var rows []web.ComparisonRow
	var both, theirs []string
	for _, key := range web.EnterpriseFields {
		row := web.ComparisonRow{Label: web.EnterpriseFieldLabel(ctx, key), Base: b[key], Stored: s[key], Yours: y[key]}
		mine, other := y[key] != b[key], s[key] != b[key]
		switch {
		case mine && other && y[key] != s[key]:
			row.Change, merged[key] = web.ChangedBoth, f.Values[key]
			both = append(both, key)
		case mine:
			row.Change, merged[key] = web.ChangedMine, f.Values[key]
		case other:
			row.Change, merged[key] = web.ChangedTheirs, storedForm[key]
			theirs = append(theirs, row.Label)
		default:
			merged[key] = storedForm[key]
		}
		rows = append(rows, row)
	}
	me, _ := currentUser(r)
	if len(both) == 0 {
		m, err := importer.EnterpriseForm(merged, ref.Reference)
		m.ID, m.Version = current.ID, current.Version
		if err == nil {
			err = d.st.UpdateEnterprise(ctx, &m, me.ID)
		}
		if err == nil {
			msg := i18n.Tf(ctx, "Đã lưu thay đổi của doanh nghiệp %s.", m.Name)
			if len(theirs) > 0 {
				msg += " " + i18n.Tf(ctx, "Thay đổi người khác lưu trong lúc bạn sửa (%s) được giữ nguyên.", strings.Join(theirs, ", "))
			}
			flash(r, d, msg)
			http.Redirect(w, r, web.EnterpriseURL(m.ID), http.StatusSeeOther)
			return
		}
		if !errors.Is(err, model.ErrStale) && !errors.Is(err, model.ErrInvalid) && !errors.Is(err, model.ErrConflict) {
			serverError(w, r, d.logger, err)
			return
		}
	}
	f.Values, f.Base = merged, storedForm
	f.Version, f.Name = current.Version, current.Name
	for _, key := range both {
		f.AddProblem(key, web.EnterpriseFieldLabel(ctx, key), i18n.Tf(ctx,
			"Cả hai người cùng sửa ô này: lúc bạn mở là “%s”, bản đang lưu là “%s”, bạn nhập “%s”. Ô đang giữ giá trị của bạn; chọn giá trị đúng rồi lưu.",
			b[key], s[key], y[key]))
	}
	v := d.conflictView(r, f, current)
	v.Rows, v.ThreeWay = rows, true
	render(w, r, d.logger, http.StatusConflict, web.EnterpriseConflict(page(r, d, i18n.T(ctx, "Xung đột khi lưu")), v))
}

// conflictView is the page of a conflict but its rows: the form, and who
// saved the stored version when.
func (d *deps) conflictView(r *http.Request, f web.EnterpriseForm, current model.Enterprise) web.EnterpriseConflictView {
	ctx := r.Context()
	f.Version, f.Name = current.Version, current.Name
	v := web.EnterpriseConflictView{Form: f, ChangedAt: dateTimeIn(ctx, current.UpdatedAt)}
	if current.UpdatedBy != nil {
		if u, err := d.st.User(ctx, *current.UpdatedBy); err == nil {
			v.ChangedBy = u.Email
		}
	}
	return v
}

// renderConflict answers 409 on a form that did not say what the edit
// started from: what was typed beside what is stored now, and the form
// again with what was typed and the current version, so saving once more
// is a deliberate overwrite.
func (d *deps) renderConflict(w http.ResponseWriter, r *http.Request, f web.EnterpriseForm, typed, current model.Enterprise, ref *refs) {
	ctx := r.Context()
	f.Base = enterpriseFormValues(current, ref)
	v := d.conflictView(r, f, current)
	yours, stored := enterpriseDisplay(typed, ref), enterpriseDisplay(current, ref)
	for _, key := range web.EnterpriseFields {
		v.Rows = append(v.Rows, web.ComparisonRow{Label: web.EnterpriseFieldLabel(ctx, key), Yours: yours[key],
			Stored: stored[key], Differs: yours[key] != stored[key]})
	}
	render(w, r, d.logger, http.StatusConflict, web.EnterpriseConflict(page(r, d, i18n.T(ctx, "Xung đột khi lưu")), v))
}

// postedBase is what an edit form says it started from (its BasePrefix
// fields), or nil when it says nothing.
func postedBase(r *http.Request, keys []string) map[string]string {
	if _, ok := r.PostForm[web.BasePrefix+keys[0]]; !ok {
		return nil
	}
	base := map[string]string{}
	for _, key := range keys {
		base[key] = r.PostForm.Get(web.BasePrefix + key)
	}
	return base
}
