package server

import (
	"context"
	"errors"
	"net/http"
	"time"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// refKind is what the administrator's pages of the reference lists (areas,
// industrial zones, product groups) differ in. T is the store's record.
type refKind[T any] struct {
	path   string // the list's address: "/admin/areas"
	param  string // the path parameter naming one entry: "id" or "code"
	entity string // the audit log's name for it
	words  func(ctx context.Context) refWords
	list   func(st *store.Store, ctx context.Context) ([]T, error)
	load   func(st *store.Store, ctx context.Context, key string) (T, error)
	add    func(st *store.Store, ctx context.Context, rec *T, by int64) error
	update func(st *store.Store, ctx context.Context, rec *T, by int64) error
	row    func(ctx context.Context, rec T, ref *refs) web.RefRow
	fields func(ctx context.Context, ref *refs, edit bool) []web.FormField
	// parse reads a posted form into a record; key is the stored key of
	// an edit ("" for a new entry) and its fields are kept.
	parse   func(values map[string]string, ref *refs, stored T) (T, error)
	key     func(rec T) string // its id or code, as the address names it
	version func(rec *T) *int32
	changed func(rec T) time.Time // when it was last saved
	// values is a record as the form shows it, dates in the page's
	// language.
	values func(ctx context.Context, rec T, ref *refs) map[string]string
}

// refWords are what the pages of a reference list call things, in the
// page's language.
type refWords struct {
	title   string // "Địa bàn"
	what    string // one entry in words: "địa bàn"
	intro   string
	columns []string // headings, the first naming the entry
}

func (k *refKind[T]) form(ctx context.Context, ref *refs, values map[string]string, edit bool, action string) web.RecordForm {
	f := web.RecordForm{Action: action, Cancel: k.path, Submit: i18n.T(ctx, "Thêm"), Fields: k.fields(ctx, ref, edit)}
	if edit {
		f.Submit = i18n.T(ctx, "Lưu thay đổi")
	}
	for i := range f.Fields {
		f.Fields[i].Value = values[f.Fields[i].Key]
	}
	return f
}

// handleRefList shows a reference list with the form to add an entry.
func handleRefList[T any](d *deps, k *refKind[T]) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ref, err := loadRefs(r.Context(), d.st)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		f := k.form(r.Context(), ref, map[string]string{"province": "HD"}, false, k.path)
		renderRefList(d, k, w, r, ref, http.StatusOK, f)
	})
}

func renderRefList[T any](d *deps, k *refKind[T], w http.ResponseWriter, r *http.Request, ref *refs, status int, f web.RecordForm) {
	recs, err := k.list(d.st, r.Context())
	if err != nil {
		serverError(w, r, d.logger, err)
		return
	}
	ctx := r.Context()
	words := k.words(ctx)
	v := web.RefListView{Path: k.path, Intro: words.intro, Columns: words.columns, Add: f, AddOpen: len(f.Problems) > 0}
	for _, rec := range recs {
		v.Rows = append(v.Rows, k.row(ctx, rec, ref))
	}
	render(w, r, d.logger, status, web.AdminRefList(page(r, d, i18n.Tf(ctx, "Danh mục: %s", words.title)), v))
}

// handleRefCreate adds the entry the form describes: 422 with everything
// typed and a message at each bad field (a code already taken included),
// or 303 to the list.
func handleRefCreate[T any](d *deps, k *refKind[T]) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ref, values, ok := refPosted(d, k, w, r, false)
		if !ok {
			return
		}
		ctx := r.Context()
		f := k.form(ctx, ref, values, false, k.path)
		var zero T
		rec, err := k.parse(values, ref, zero)
		if err == nil {
			me, _ := currentUser(r)
			err = k.add(d.st, r.Context(), &rec, me.ID)
		}
		switch {
		case refRejected(ctx, &f, k, err):
			renderRefList(d, k, w, r, ref, http.StatusUnprocessableEntity, f)
		case err != nil:
			serverError(w, r, d.logger, err)
		default:
			flash(r, d, i18n.Tf(ctx, "Đã thêm %s %s.", k.words(ctx).what, values["name"]))
			http.Redirect(w, r, k.path, http.StatusSeeOther)
		}
	})
}

// refPosted reads a posted form of kind k from the body only.
func refPosted[T any](d *deps, k *refKind[T], w http.ResponseWriter, r *http.Request, edit bool) (*refs, map[string]string, bool) {
	if !parseForm(w, r, d) {
		return nil, nil, false
	}
	ref, err := loadRefs(r.Context(), d.st)
	if err != nil {
		serverError(w, r, d.logger, err)
		return nil, nil, false
	}
	values := map[string]string{}
	for _, f := range k.fields(r.Context(), ref, edit) {
		values[f.Key] = r.PostForm.Get(f.Key)
	}
	return ref, values, true
}

// refRejected puts on f what is wrong with the entry as typed, and reports
// whether err was such a rejection.
func refRejected[T any](ctx context.Context, f *web.RecordForm, k *refKind[T], err error) bool {
	var v *model.ValidationError
	switch {
	case err == nil:
		return false
	case asValidation(err, &v):
		for _, fe := range v.Fields {
			f.AddProblem(fe.Field, sentence(fe.Message(i18n.From(ctx))))
		}
	case isDuplicate(err):
		f.AddProblem("code", i18n.Tf(ctx, "Mã %s đã có trong danh mục %s; mỗi mã chỉ dùng cho một mục.", f.Value("code"), k.words(ctx).what))
	case errors.Is(err, model.ErrNotFound), errors.Is(err, model.ErrInvalid):
		f.AddProblem("", i18n.T(ctx, "Một mục chọn (tỉnh, địa bàn, lĩnh vực) vừa bị xoá khỏi danh mục; hãy chọn lại."))
	default:
		return false
	}
	return true
}
