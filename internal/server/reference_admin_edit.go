package server

import (
	"context"
	"errors"
	"net/http"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/web"
)

func (k *refKind[T]) entryURL(rec T) string { return k.path + "/" + k.key(rec) }

func (k *refKind[T]) crumbs(ctx context.Context) []web.Crumb {
	return []web.Crumb{{Label: i18n.Tf(ctx, "Danh mục: %s", k.words(ctx).title), URL: k.path}}
}

// editPage is the page of the edit form f of an entry.
func (k *refKind[T]) editPage(ctx context.Context, f web.RecordForm) web.RecordPageView {
	return web.RecordPageView{Crumbs: k.crumbs(ctx), Title: i18n.Tf(ctx, "Sửa %s", k.words(ctx).what), Form: f}
}

// refFromPath reads the entry the path names; when there is none it
// answers 404 and returns false.
func refFromPath[T any](d *deps, k *refKind[T], w http.ResponseWriter, r *http.Request) (T, bool) {
	rec, err := k.load(d.st, r.Context(), r.PathValue(k.param))
	if err != nil {
		if status, _ := errorStatus(r.Context(), err); status == http.StatusNotFound {
			renderError(w, r, d, http.StatusNotFound, i18n.Tf(r.Context(), "Không có %s này trong danh mục.", k.words(r.Context()).what))
		} else {
			serverError(w, r, d.logger, err)
		}
		return rec, false
	}
	return rec, true
}

// handleRefEdit shows the form filled with the stored entry and its
// version.
func handleRefEdit[T any](d *deps, k *refKind[T]) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ref, err := loadRefs(r.Context(), d.st)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		rec, ok := refFromPath(d, k, w, r)
		if !ok {
			return
		}
		ctx := r.Context()
		f := k.form(ctx, ref, k.values(ctx, rec, ref), true, k.entryURL(rec))
		f.Version = *k.version(&rec)
		v := k.editPage(ctx, f)
		render(w, r, d.logger, http.StatusOK, web.RecordPage(page(r, d, v.Title), v))
	})
}

// handleRefUpdate saves the edit form when its version is still the stored
// one: 303 to the list; 422 with a message at each bad field; 409 beside
// the stored entry when someone else saved first.
func handleRefUpdate[T any](d *deps, k *refKind[T]) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		stored, ok := refFromPath(d, k, w, r)
		if !ok {
			return
		}
		ref, values, ok := refPosted(d, k, w, r, true)
		if !ok {
			return
		}
		ctx := r.Context()
		kept := k.values(ctx, stored, ref)
		for _, fl := range k.fields(ctx, ref, true) {
			if fl.Locked {
				values[fl.Key] = kept[fl.Key]
			}
		}
		f := k.form(ctx, ref, values, true, k.entryURL(stored))
		f.Version = postedVersion(r)
		rec, err := k.parse(values, ref, stored)
		*k.version(&rec) = f.Version
		if err == nil {
			me, _ := currentUser(r)
			err = k.update(d.st, r.Context(), &rec, me.ID)
		}
		switch {
		case errors.Is(err, model.ErrStale):
			renderRefConflict(d, k, w, r, ref, f, rec)
		case refRejected(ctx, &f, k, err):
			v := k.editPage(ctx, f)
			render(w, r, d.logger, http.StatusUnprocessableEntity, web.RecordPage(page(r, d, v.Title), v))
		case err != nil:
			serverError(w, r, d.logger, err)
		default:
			flash(r, d, i18n.Tf(ctx, "Đã lưu %s %s.", k.words(ctx).what, values["name"]))
			http.Redirect(w, r, k.path, http.StatusSeeOther)
		}
	})
}

// renderRefConflict answers 409: the entry as typed beside the entry as
// stored, and the form again with what was typed and the current version.
func renderRefConflict[T any](d *deps, k *refKind[T], w http.ResponseWriter, r *http.Request, ref *refs, f web.RecordForm, typed T) {
	current, err := k.load(d.st, r.Context(), k.key(typed))
	if err != nil {
		serverError(w, r, d.logger, err)
		return
	}
	ctx := r.Context()
	what := k.words(ctx).what
	f.Version, f.Submit = *k.version(&current), i18n.T(ctx, "Lưu đè")
	v := web.RecordConflictView{Crumbs: k.crumbs(ctx), Title: sentence(i18n.Tf(ctx, "%s này vừa được người khác sửa", what)),
		What: what, Back: k.path, Form: f, ChangedBy: d.st.LastEditor(ctx, k.entity, k.key(typed)),
		ChangedAt: dateTimeIn(ctx, k.changed(current))}
	yours, stored := k.values(ctx, typed, ref), k.values(ctx, current, ref)
	for _, fl := range f.Fields {
		y, s := withDefault(yours[fl.Key], "—"), withDefault(stored[fl.Key], "—")
		v.Rows = append(v.Rows, web.ComparisonRow{Label: fl.Label, Yours: y, Stored: s, Differs: y != s})
	}
	render(w, r, d.logger, http.StatusConflict, web.RecordConflict(page(r, d, i18n.T(ctx, "Xung đột khi lưu")), v))
}
