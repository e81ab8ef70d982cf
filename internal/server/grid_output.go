package server

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// outputEntry is the province total of a submission, when it changed.
type outputEntry struct {
	changed               bool
	value, status, source string
	orig                  string // what its hidden field will say when drawn again
	errs                  map[string]string
	conflict              *web.GridConflict
	saved                 bool
}

// readOutput reads the province total's cells; when they differ from the
// hidden original it is checked by the importer's rules for a
// province_output row.
func (s *gridSubmission) readOutput(form url.Values, ref *refs) {
	version, value, status, source, ok := parseOutputOrig(form.Get("po-orig"))
	o := outputEntry{value: strings.TrimSpace(form.Get("po-value")), status: form.Get("po-status"),
		source: strings.TrimSpace(form.Get("po-source")), orig: form.Get("po-orig"), errs: map[string]string{}}
	if !ok || (o.value == value && o.status == status && o.source == source) || (o.value == "" && version == 0) {
		return
	}
	o.changed = true
	p, err := importer.ProvinceOutputForm(map[string]string{"province": s.q.province, "year": strconv.Itoa(s.q.year),
		"price_basis": string(s.q.basis), "production_value": o.value, "status": o.status, "source": o.source}, ref.Reference)
	if err != nil {
		s.invalid++
		o.setErrors(s.lang, err)
	} else {
		s.save.Output = &store.OutputEdit{Version: version, Output: &p}
	}
	s.output = o
}

// setErrors places the problems of err at the province total's fields, in
// lang.
func (o *outputEntry) setErrors(lang model.Lang, err error) {
	var v *model.ValidationError
	if !errors.As(err, &v) {
		o.errs["production_value"] = i18n.In(lang, "Không lưu được giá trị này; vui lòng thử lại.")
		return
	}
	for _, fe := range v.Fields {
		key := fe.Field
		if key != "source" {
			key = "production_value"
		}
		if o.errs[key] == "" {
			o.errs[key] = sentence(fe.Message(lang))
		}
	}
}

// applyOutput records what became of the province total's write.
func (s *gridSubmission) applyOutput(ctx context.Context, st *store.Store, res store.EditResult) {
	o := &s.output
	switch {
	case res.Err == nil:
		o.saved = true
		s.saved++
	case errors.Is(res.Err, model.ErrStale):
		s.conflicts++
		o.conflict = &web.GridConflict{Gone: res.Output == nil}
		o.orig = outputOrig(0, "", string(model.StatusOfficial), "")
		if c := res.Output; c != nil {
			o.conflict.Values = []string{format.For(s.lang).Money(c.ProductionValue), i18n.In(s.lang, figureStatusLabel(c.Status))}
			o.conflict.ChangedBy = st.LastEditor(ctx, "province_output", strconv.FormatInt(c.ID, 10))
			o.orig = outputOrig(c.Version, gridMoney(s.lang, &c.ProductionValue), string(c.Status), c.Source)
		}
	default:
		s.invalid++
		o.setErrors(s.lang, res.Err)
	}
}

// overlayOutput puts the province total as typed on the grid when it was
// not saved.
func (s *gridSubmission) overlayOutput(v *web.GridView) {
	o := s.output
	switch {
	case !o.changed:
	case o.saved:
		v.Output.Saved = true
	default:
		v.Output.Value, v.Output.Status, v.Output.Source = o.value, o.status, o.source
		v.Output.Original, v.Output.Errors, v.Output.Conflict = o.orig, o.errs, o.conflict
	}
}
