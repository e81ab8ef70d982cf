package server

import (
	"cmp"
	"context"
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"industrytargets/internal/i18n"
	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// gridKeys are the form keys of a row's cells, in gridCells order.
var gridKeys = [5]string{"production_value", "revenue", "export_value", "employees", "status"}

// gridEntry is one changed row of a submission and what became of it.
type gridEntry struct {
	id       int64
	typed    gridCells
	orig     gridOrig // what the row's hidden field will say when drawn again
	errs     [5]string
	conflict *web.GridConflict
	saved    bool
	edit     int // its index in save.Figures; -1 when it is not written
}

// gridSubmission is one save of the grid: its changed rows, the province
// total, the writes they make, and the tally; its messages are in lang.
type gridSubmission struct {
	q                         gridQuery
	lang                      model.Lang
	rows                      []gridEntry
	output                    outputEntry
	save                      store.GridSave
	saved, invalid, conflicts int
}

// readGridSubmission reads every row whose cells differ from its hidden
// original, and checks each by the importer's rules for a figures row,
// telling what is wrong in lang.
func readGridSubmission(form url.Values, q gridQuery, ref *refs, lang model.Lang) *gridSubmission {
	sub := &gridSubmission{q: q, lang: lang, save: store.GridSave{Year: q.year, Basis: q.basis}}
	for key := range form {
		idText, ok := strings.CutPrefix(key, "orig-")
		id, err := strconv.ParseInt(idText, 10, 64)
		orig, okOrig := parseGridOrig(form.Get(key))
		if !ok || err != nil || id <= 0 || !okOrig {
			continue
		}
		e := gridEntry{id: id, orig: orig, edit: -1}
		for i, k := range gridKeys {
			e.typed[i] = strings.TrimSpace(form.Get(k + "-" + idText))
		}
		if e.typed != orig.cells {
			sub.rows = append(sub.rows, e)
		}
	}
	slices.SortFunc(sub.rows, func(a, b gridEntry) int { return cmp.Compare(a.id, b.id) })
	for i := range sub.rows {
		sub.readRow(&sub.rows[i], ref)
	}
	sub.readOutput(form, ref)
	return sub
}

// readRow turns a changed row into a write: removal when its numbers are
// all cleared, else the figure as typed, or the row's problems.
func (s *gridSubmission) readRow(e *gridEntry, ref *refs) {
	if e.typed[0]+e.typed[1]+e.typed[2]+e.typed[3] == "" {
		if e.orig.version > 0 {
			e.edit = len(s.save.Figures)
			s.save.Figures = append(s.save.Figures, store.FigureEdit{EnterpriseID: e.id, Version: e.orig.version})
		}
		return
	}
	fields := map[string]string{"year": strconv.Itoa(s.q.year), "price_basis": string(s.q.basis)}
	for i, k := range gridKeys {
		fields[k] = e.typed[i]
	}
	f, err := importer.FigureForm(fields, "", ref.Reference)
	if err != nil {
		s.invalid++
		e.setErrors(s.lang, err)
		return
	}
	e.edit = len(s.save.Figures)
	s.save.Figures = append(s.save.Figures, store.FigureEdit{EnterpriseID: e.id, Version: e.orig.version, Figure: &f})
}

// setErrors places the problems of err at the row's cells, in lang; one
// not about a cell goes at the production value.
func (e *gridEntry) setErrors(lang model.Lang, err error) {
	var v *model.ValidationError
	if !errors.As(err, &v) {
		e.errs[0] = i18n.In(lang, "Không lưu được dòng này; vui lòng thử lại.")
		return
	}
	for _, fe := range v.Fields {
		i := max(slices.Index(gridKeys[:], fe.Field), 0)
		if e.errs[i] == "" {
			e.errs[i] = sentence(fe.Message(lang))
		}
	}
}

// apply records what became of each write.
func (s *gridSubmission) apply(ctx context.Context, st *store.Store, results []store.EditResult) {
	for i := range s.rows {
		e := &s.rows[i]
		if e.edit < 0 || e.edit >= len(results) {
			continue
		}
		res := results[e.edit]
		switch {
		case res.Err == nil:
			e.saved = true
			s.saved++
		case errors.Is(res.Err, model.ErrStale):
			s.conflicts++
			e.conflict = &web.GridConflict{Gone: res.Figure == nil, Values: conflictCells(s.lang, res.Figure)}
			if res.Figure != nil {
				e.conflict.ChangedBy = st.LastEditor(ctx, "figure", strconv.FormatInt(res.Figure.ID, 10))
			}
			e.orig = figureOrig(s.lang, res.Figure)
		default:
			s.invalid++
			e.setErrors(s.lang, res.Err)
		}
	}
	if s.save.Output != nil && len(results) > len(s.save.Figures) {
		s.applyOutput(ctx, st, results[len(results)-1])
	}
}

// overlay puts the rows that were not saved, as typed, on the grid as
// stored now, and marks those that were.
func (s *gridSubmission) overlay(v *web.GridView) {
	at := map[string]int{}
	for i, r := range v.Rows {
		at[r.ID] = i
	}
	for _, e := range s.rows {
		i, ok := at[strconv.FormatInt(e.id, 10)]
		if !ok {
			continue
		}
		r := &v.Rows[i]
		if e.saved {
			r.Saved = true
			continue
		}
		r.Values, r.Status, r.Errors, r.StatusError = e.typed[:4], e.typed[4], e.errs[:4], e.errs[4]
		r.Original, r.Conflict = e.orig.String(), e.conflict
	}
	s.overlayOutput(v)
}
