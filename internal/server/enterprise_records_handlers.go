package server

import (
	"errors"
	"net/http"
	"strconv"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/web"
)

// handleRecordNew shows the empty form to add a record of kind k to the
// enterprise.
func handleRecordNew[T any](d *deps, k *recordKind[T]) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, ref, ok := d.recordContext(w, r)
		if !ok {
			return
		}
		add := k.words(r.Context(), e.Name).add
		f := k.form(r.Context(), ref, k.defaults(), k.baseURL(e.ID), add, e)
		renderRecordPage(d, k, w, r, e, http.StatusOK, add, f)
	})
}

// handleRecordCreate adds the record the form describes: 422 with
// everything typed and a message at each bad field (a key the enterprise
// already has included), or 303 to the enterprise's page.
func handleRecordCreate[T any](d *deps, k *recordKind[T]) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, ref, ok := d.recordContext(w, r)
		if !ok || !parseForm(w, r, d) {
			return
		}
		words := k.words(r.Context(), e.Name)
		values := k.postedValues(r, ref)
		f := k.form(r.Context(), ref, values, k.baseURL(e.ID), words.add, e)
		rec, err := k.parse(values, e, ref)
		if err == nil {
			me, _ := currentUser(r)
			err = k.add(d.st, r.Context(), &rec, me.ID)
		}
		switch {
		case rejected(r.Context(), d, k, &f, e, rec, ref, err):
			renderRecordPage(d, k, w, r, e, http.StatusUnprocessableEntity, words.add, f)
		case err != nil:
			serverError(w, r, d.logger, err)
		default:
			flash(r, d, words.added)
			http.Redirect(w, r, web.EnterpriseURL(e.ID), http.StatusSeeOther)
		}
	})
}

// handleRecordEdit shows the form filled with the stored record and its
// version.
func handleRecordEdit[T any](d *deps, k *recordKind[T]) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, ref, ok := d.recordContext(w, r)
		if !ok {
			return
		}
		rec, ok := loadRecord(d, k, w, r, e)
		if !ok {
			return
		}
		ctx := r.Context()
		m := k.meta(&rec)
		f := k.form(ctx, ref, k.values(ctx, rec), k.recordURL(e.ID, *m.id), i18n.T(ctx, "Lưu thay đổi"), e)
		f.Version = *m.version
		renderRecordPage(d, k, w, r, e, http.StatusOK, k.words(ctx, e.Name).edit, f)
	})
}

// handleRecordUpdate saves the edit form when its version is still the
// stored one: 303 to the enterprise; 422 with a message at each bad field;
// 409 beside the stored values when someone else saved (or removed it)
// first.
func handleRecordUpdate[T any](d *deps, k *recordKind[T]) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, ref, ok := d.recordContext(w, r)
		if !ok {
			return
		}
		stored, ok := loadRecord(d, k, w, r, e)
		if !ok || !parseForm(w, r, d) {
			return
		}
		ctx := r.Context()
		words := k.words(ctx, e.Name)
		id := *k.meta(&stored).id
		values := k.postedValues(r, ref)
		f := k.form(ctx, ref, values, k.recordURL(e.ID, id), i18n.T(ctx, "Lưu thay đổi"), e)
		f.Version = postedVersion(r)
		rec, err := k.parse(values, e, ref)
		m := k.meta(&rec)
		*m.id, *m.version = id, f.Version
		if err == nil {
			me, _ := currentUser(r)
			err = k.update(d.st, ctx, &rec, me.ID)
		}
		switch {
		case errors.Is(err, model.ErrStale) || (errors.Is(err, model.ErrNotFound) && recordGone(d, k, r, e, id)):
			renderRecordConflict(d, k, w, r, e, ref, f, rec)
		case rejected(ctx, d, k, &f, e, rec, ref, err):
			renderRecordPage(d, k, w, r, e, http.StatusUnprocessableEntity, words.edit, f)
		case err != nil:
			serverError(w, r, d.logger, err)
		default:
			flash(r, d, words.saved)
			http.Redirect(w, r, web.EnterpriseURL(e.ID), http.StatusSeeOther)
		}
	})
}

// recordGone reports whether the record id is no longer the enterprise's.
func recordGone[T any](d *deps, k *recordKind[T], r *http.Request, e model.Enterprise, id int64) bool {
	_, err := k.load(d.st, r.Context(), e.ID, id)
	return errors.Is(err, model.ErrNotFound)
}

func renderRecordPage[T any](d *deps, k *recordKind[T], w http.ResponseWriter, r *http.Request, e model.Enterprise, status int, title string, f web.RecordForm) {
	v := web.RecordPageView{Crumbs: k.crumbs(r.Context(), e), Title: title,
		Intro: i18n.Tf(r.Context(), "Doanh nghiệp %s (mã số thuế %s)", e.Name, e.TaxCode), Form: f}
	render(w, r, d.logger, status, web.RecordPage(page(r, d, title+" · "+e.Name), v))
}

// renderRecordConflict answers 409: what was typed beside what is stored
// now, and the form again with what was typed and the current version (or,
// when the record was removed meanwhile, posting to add it again).
func renderRecordConflict[T any](d *deps, k *recordKind[T], w http.ResponseWriter, r *http.Request, e model.Enterprise, ref *refs, f web.RecordForm, typed T) {
	ctx := r.Context()
	id := *k.meta(&typed).id
	words := k.words(ctx, e.Name)
	v := web.RecordConflictView{Crumbs: k.crumbs(ctx, e), Title: words.changed,
		What: words.what, Back: web.EnterpriseURL(e.ID), Form: f}
	stored := map[string]string{}
	current, err := k.load(d.st, ctx, e.ID, id)
	switch {
	case errors.Is(err, model.ErrNotFound):
		v.Gone = true
		v.Form.Action, v.Form.Version, v.Form.Submit = k.baseURL(e.ID), 0, i18n.T(ctx, "Thêm lại")
	case err != nil:
		serverError(w, r, d.logger, err)
		return
	default:
		cm := k.meta(&current)
		v.Form.Version, v.Form.Submit = *cm.version, i18n.T(ctx, "Lưu đè")
		v.ChangedAt, v.ChangedBy = dateTimeIn(ctx, *cm.updatedAt), d.st.LastEditor(ctx, k.entity, strconv.FormatInt(id, 10))
		stored = k.display(ctx, current, ref)
	}
	yours := k.display(ctx, typed, ref)
	for _, fl := range f.Fields {
		s := withDefault(stored[fl.Key], "—")
		v.Rows = append(v.Rows, web.ComparisonRow{Label: fl.Label, Yours: withDefault(yours[fl.Key], "—"), Stored: s,
			Differs: withDefault(yours[fl.Key], "—") != s})
	}
	render(w, r, d.logger, http.StatusConflict, web.RecordConflict(page(r, d, i18n.T(ctx, "Xung đột khi lưu")), v))
}
