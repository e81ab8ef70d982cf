package server

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// recordKind is what the pages of an enterprise's classifications and
// yearly figures differ in; the handlers in enterprise_records*.go serve
// both. T is the model type of the record.
type recordKind[T any] struct {
	path   string // the path segment under the enterprise: "classifications"
	entity string // the audit log's name for it: "classification"
	// words are what its pages say of it, in the language of ctx, about a
	// record of the enterprise named enterprise.
	words func(ctx context.Context, enterprise string) recordWords
	// defaults are the values of the form that adds one.
	defaults func() map[string]string
	fields   func(ctx context.Context, ref *refs) []web.FormField
	parse    func(values map[string]string, e model.Enterprise, ref *refs) (T, error)
	// load, add, update and remove are the store's methods for it.
	load   func(st *store.Store, ctx context.Context, enterpriseID, id int64) (T, error)
	add    func(st *store.Store, ctx context.Context, rec *T, by int64) error
	update func(st *store.Store, ctx context.Context, rec *T, by int64) error
	remove func(st *store.Store, ctx context.Context, id int64, version int32, by int64) error
	meta   func(rec *T) recordMeta // its id, version and enterprise, settable
	// values are rec as its form shows it, display as a person reads it,
	// in the language of ctx.
	values  func(ctx context.Context, rec T) map[string]string
	display func(ctx context.Context, rec T, ref *refs) map[string]string
	// duplicate finds the record that already has rec's key, and the
	// field and words to say so at.
	duplicate func(ctx context.Context, st *store.Store, e model.Enterprise, rec T, ref *refs) (string, string, *web.RecordLink)
}

// recordWords are what the pages of a kind of record say about it; the
// last three are the messages after a record of the enterprise was added,
// saved or removed.
type recordWords struct {
	what    string // the record in words: "phân loại"
	add     string // the heading and button of the form that adds one
	edit    string // the heading of the form that edits one
	remove  string // the heading and button of the page that removes one
	missing string // the path names no record
	gone    string // the enterprise has no such record (any more)
	changed string // the heading of an edit that came too late

	added, saved, removed string
}

// recordMeta points at the fields every record has.
type recordMeta struct {
	id, enterpriseID *int64
	version          *int32
	updatedAt        *time.Time
}

func (k *recordKind[T]) baseURL(enterpriseID int64) string {
	return web.EnterpriseURL(enterpriseID) + "/" + k.path
}

func (k *recordKind[T]) recordURL(enterpriseID, id int64) string {
	return k.baseURL(enterpriseID) + "/" + strconv.FormatInt(id, 10)
}

// form is the record's form with values, posting to action.
func (k *recordKind[T]) form(ctx context.Context, ref *refs, values map[string]string, action, submit string, e model.Enterprise) web.RecordForm {
	f := web.RecordForm{Action: action, Submit: submit, Cancel: web.EnterpriseURL(e.ID), Fields: k.fields(ctx, ref)}
	for i := range f.Fields {
		f.Fields[i].Value = values[f.Fields[i].Key]
	}
	return f
}

func (k *recordKind[T]) crumbs(ctx context.Context, e model.Enterprise) []web.Crumb {
	return enterpriseCrumbs(ctx, e)
}

// enterpriseCrumbs is the trail to a page about one of e's records: the
// list, then e.
func enterpriseCrumbs(ctx context.Context, e model.Enterprise) []web.Crumb {
	return []web.Crumb{{Label: i18n.T(ctx, "Doanh nghiệp"), URL: "/enterprises"}, {Label: e.Name, URL: web.EnterpriseURL(e.ID)}}
}

// postedValues reads the fields of kind k's form from the body only, never
// the query string.
func (k *recordKind[T]) postedValues(r *http.Request, ref *refs) map[string]string {
	values := map[string]string{}
	for _, f := range k.fields(r.Context(), ref) {
		values[f.Key] = r.PostForm.Get(f.Key)
	}
	return values
}

// recordContext reads the enterprise the path names and the reference
// lists; on failure it has answered and returns false.
func (d *deps) recordContext(w http.ResponseWriter, r *http.Request) (model.Enterprise, *refs, bool) {
	e, ok := d.enterpriseFromPath(w, r)
	if !ok {
		return e, nil, false
	}
	ref, err := loadRefs(r.Context(), d.st)
	if err != nil {
		serverError(w, r, d.logger, err)
		return e, nil, false
	}
	return e, ref, true
}

// loadRecord reads the record the path's rid names, which must belong to
// enterprise e; when there is none it answers 404 and returns false.
func loadRecord[T any](d *deps, k *recordKind[T], w http.ResponseWriter, r *http.Request, e model.Enterprise) (T, bool) {
	var zero T
	id, err := strconv.ParseInt(r.PathValue("rid"), 10, 64)
	if err != nil || id <= 0 {
		renderError(w, r, d, http.StatusNotFound, k.words(r.Context(), e.Name).missing)
		return zero, false
	}
	rec, err := k.load(d.st, r.Context(), e.ID, id)
	if err != nil {
		if status, _ := errorStatus(r.Context(), err); status == http.StatusNotFound {
			renderError(w, r, d, http.StatusNotFound, k.words(r.Context(), e.Name).gone)
		} else {
			serverError(w, r, d.logger, err)
		}
		return zero, false
	}
	return rec, true
}

// postedVersion is the hidden version of an edit; a missing or garbled one
// matches none, so it ends as a 409.
func postedVersion(r *http.Request) int32 {
	v, _ := strconv.ParseInt(r.PostForm.Get("version"), 10, 32)
	return int32(v)
}

// rejected puts on f what is wrong with rec as typed and reports whether
// err was such a rejection: a bad field, a key another record has, or a
// choice removed from its list meanwhile.
func rejected[T any](ctx context.Context, d *deps, k *recordKind[T], f *web.RecordForm, e model.Enterprise, rec T, ref *refs, err error) bool {
	var v *model.ValidationError
	switch {
	case asValidation(err, &v):
		for _, fe := range v.Fields {
			f.AddProblem(fe.Field, sentence(fe.Message(i18n.From(ctx))))
		}
	case isDuplicate(err):
		field, msg, link := k.duplicate(ctx, d.st, e, rec, ref)
		f.AddProblem(field, msg)
		f.Duplicate = link
	case isMissingChoice(err):
		f.AddProblem("", i18n.T(ctx, "Một mục chọn từ danh mục (lĩnh vực, nhóm sản phẩm) vừa bị xoá khỏi danh mục; hãy chọn lại."))
	default:
		return false
	}
	return true
}
