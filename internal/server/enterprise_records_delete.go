package server

import (
	"errors"
	"net/http"

	"industrytargets/internal/model"
	"industrytargets/web"
)

// handleRecordDeletePage asks before removing a record, showing it as
// stored now with its version.
func handleRecordDeletePage[T any](d *deps, k *recordKind[T]) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, ref, ok := d.recordContext(w, r)
		if !ok {
			return
		}
		rec, ok := loadRecord(d, k, w, r, e)
		if !ok {
			return
		}
		renderRecordDelete(d, k, w, r, e, ref, rec, http.StatusOK, false)
	})
}

// handleRecordDelete removes the record at the version confirmed: 303 to
// the enterprise, or 409 with the record as it is now when someone else
// changed it since.
func handleRecordDelete[T any](d *deps, k *recordKind[T]) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, ref, ok := d.recordContext(w, r)
		if !ok {
			return
		}
		rec, ok := loadRecord(d, k, w, r, e)
		if !ok || !parseForm(w, r, d) {
			return
		}
		me, _ := currentUser(r)
		err := k.remove(d.st, r.Context(), *k.meta(&rec).id, postedVersion(r), me.ID)
		switch {
		case errors.Is(err, model.ErrStale):
			renderRecordDelete(d, k, w, r, e, ref, rec, http.StatusConflict, true)
		case err != nil:
			serverError(w, r, d.logger, err)
		default:
			flash(r, d, k.words(r.Context(), e.Name).removed)
			http.Redirect(w, r, web.EnterpriseURL(e.ID), http.StatusSeeOther)
		}
	})
}

func renderRecordDelete[T any](d *deps, k *recordKind[T], w http.ResponseWriter, r *http.Request, e model.Enterprise, ref *refs, rec T, status int, stale bool) {
	ctx := r.Context()
	m := k.meta(&rec)
	words := k.words(ctx, e.Name)
	v := web.RecordDeleteView{Crumbs: k.crumbs(ctx, e), Title: words.remove,
		Action: k.recordURL(e.ID, *m.id) + "/delete", Version: *m.version, Stale: stale,
		Back: web.EnterpriseURL(e.ID), Submit: words.remove}
	shown := k.display(ctx, rec, ref)
	for _, fl := range k.fields(ctx, ref) {
		v.Facts = append(v.Facts, web.DetailFact{Label: fl.Label, Value: withDefault(shown[fl.Key], "—")})
	}
	render(w, r, d.logger, status, web.RecordDelete(page(r, d, v.Title+" · "+e.Name), v))
}
