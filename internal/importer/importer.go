package importer

import (
	"context"
	"strings"

	"industrytargets/internal/model"
)

// ColumnSet is the set of keys a row's file had. An import sets exactly
// those columns: on an update the others keep their stored values, on an
// insert they take their defaults. A column that is there with an empty
// cell clears the stored value.
type ColumnSet map[string]bool

// Has reports whether the file had the column key.
func (c ColumnSet) Has(key string) bool { return c[key] }

// Origin is where a record came from, to point back at it.
type Origin struct {
	File    string
	Row     int
	Columns ColumnSet // shared by every row of the file
}

// Enterprise is one valid enterprise row; its tax code is its key.
type Enterprise struct {
	model.Enterprise
	Origin
}

// Classification is one valid classification row, keyed by tax code,
// category and valid_from.
type Classification struct {
	TaxCode string
	model.Classification
	Origin
}

// Figure is one valid yearly figure row, keyed by tax code, year and basis.
type Figure struct {
	TaxCode string
	model.Figure
	Origin
}

// ProvinceOutput is one valid province total row, keyed by province, year
// and basis.
type ProvinceOutput struct {
	model.ProvinceOutput
	Origin
}

// File describes one table of the import, for the audit log.
type File struct {
	Name    string
	Kind    Kind
	Rows    int // data rows, Skipped among them
	Skipped int // figures rows without any figure, read past
	SHA256  string
}

// Batch is an import checked whole: every record valid, no key twice, and
// every tax code either among Enterprises or known to the register. Records
// keep file order.
type Batch struct {
	// Truncated says the check stopped at MaxErrors problems: there are
	// more, unlisted.
	Truncated       bool
	Files           []File
	Enterprises     []Enterprise
	Classifications []Classification
	Figures         []Figure
	ProvinceOutputs []ProvinceOutput
}

// Parse checks the tables of one import together, of any kinds in any
// order: headers, every cell, each record's own rules, keys repeated within
// the import, and tax codes that are neither in an enterprises table nor
// known (known may be nil when the register is empty). It returns every
// problem, in file order; when there is any, the batch holds no records.
//
// When ctx ends (the import's time is up) the check stops, and its one
// problem says so.
func Parse(ctx context.Context, tables []Table, ref Reference, known func(taxCode string) bool) (Batch, []RowError) {
	p := &parser{ctx: ctx, lookup: newLookup(ref), known: known, taxCodes: map[string]bool{}, seen: map[string]Origin{}}
	headers := make([]*header, len(tables))
	var errs []RowError
	for i, t := range tables {
		h, herrs := readHeader(t, i)
		errs = append(errs, herrs...)
		if len(herrs) == 0 {
			headers[i] = h
		} else if h.kind == KindEnterprises || h.kind == "" {
			// Its tax codes are unknown, so any other table's would be
			// reported as missing for no fault of their own.
			p.skipTaxCheck = true
		}
	}
	var b Batch
	for _, kind := range Kinds {
		for i, t := range tables {
			if h := headers[i]; h != nil && h.kind == kind && len(errs) <= MaxErrors {
				skipped, terrs := p.table(&b, t, i, h, MaxErrors+1-len(errs))
				b.Files = append(b.Files, File{Name: t.Name, Kind: kind, Rows: len(t.Rows), Skipped: skipped, SHA256: t.SHA256})
				errs = append(errs, terrs...)
			}
		}
	}
	if p.timedOut {
		errs = []RowError{*timedOut(tables[0].Name)}
	}
	if len(errs) > 0 {
		// All or nothing: no records, so none can be written by mistake.
		b = Batch{Files: b.Files}
	}
	sortErrors(errs)
	if len(errs) > MaxErrors {
		errs, b.Truncated = errs[:MaxErrors], true
	}
	return b, errs
}

// MaxErrors is how many problems one import reports at most; past it the
// check stops (Batch.Truncated), so a file wrong in every cell costs no
// more than a file wrong in a thousand.
const MaxErrors = 1000

// parser carries what rows of one import share.
type parser struct {
	ctx      context.Context
	timedOut bool // ctx ended before every row was checked
	*lookup
	known        func(string) bool
	taxCodes     map[string]bool   // tax codes of the import's enterprise rows
	seen         map[string]Origin // record key → where it was first seen
	skipTaxCheck bool
}

// table reads every row of t into b and returns the problems and how many
// rows it read past as holding nothing to import; it stops once it has
// found room problems.
func (p *parser) table(b *Batch, t Table, ti int, h *header, room int) (skipped int, errs []RowError) {
	set := ColumnSet{}
	for key := range h.index {
		if !informs(h.kind, key) {
			set[key] = true
		}
	}
	warned := map[int]bool{}
	style := numberStyle(t, h)
	for n, row := range t.Rows {
		if n%checkEvery == 0 && p.ctx.Err() != nil {
			p.timedOut = true
			break
		}
		r := &rowReader{h: h, cells: row.Cells, v: &model.ValidationError{}, style: style}
		src := Origin{File: t.Name, Row: row.Num, Columns: set}
		if field, ok := r.example(h.kind); ok {
			r.v.Add(field, "import_example_row")
		}
		for _, key := range h.keys {
			if key != "" && model.Noncharacter(r.text(key)) {
				r.v.Add(key, "noncharacter")
			}
		}
		switch {
		case h.kind == KindFigures && r.blank(figureKeys...):
			// An enterprise without a figure yet, as a downloaded grid
			// lists it: nothing to import, whatever its other cells say.
			skipped++
		case h.kind == KindEnterprises:
			if e, ok := p.enterprise(r, src); ok {
				b.Enterprises = append(b.Enterprises, e)
			}
		case h.kind == KindClassifications:
			if c, ok := p.classification(r, src); ok {
				b.Classifications = append(b.Classifications, c)
			}
		case h.kind == KindFigures:
			if f, ok := p.figure(r, src); ok {
				b.Figures = append(b.Figures, f)
			}
		case h.kind == KindProvinceOutput:
			if o, ok := p.provinceOutput(r, src); ok {
				b.ProvinceOutputs = append(b.ProvinceOutputs, o)
			}
		}
		errs = append(errs, r.errors(t.Name, row.Num, ti)...)
		errs = append(errs, unnamedCells(t, row, ti, h, warned)...)
		if len(errs) >= room {
			break
		}
	}
	return skipped, errs
}

// numberStyle is how the CSV file t writes decimals, as its amounts show
// it: all that show one the same way (an English spreadsheet saves 1234.5,
// a Vietnamese one 1234,5), else unknown, when "1.234" stays ambiguous. A
// workbook's numbers show nothing (see Table.Workbook).
func numberStyle(t Table, h *header) model.NumberStyle {
	style := model.StyleUnknown
	if t.Workbook {
		return style
	}
	for _, row := range t.Rows {
		for k := range moneyKeys {
			i, ok := h.index[k]
			if !ok || i >= len(row.Cells) {
				continue
			}
			switch s := model.StyleOf(row.Cells[i]); {
			case s == model.StyleUnknown:
			case style == model.StyleUnknown:
				style = s
			case s != style:
				return model.StyleUnknown
			}
		}
	}
	return style
}

// unnamedCells reports, once per column, data in a column without a
// header: it would otherwise be silently dropped.
func unnamedCells(t Table, row Row, ti int, h *header, warned map[int]bool) []RowError {
	var errs []RowError
	for i, c := range row.Cells {
		if (i < len(h.names) && h.names[i] != "") || strings.TrimSpace(c) == "" || warned[i] {
			continue
		}
		warned[i] = true
		errs = append(errs, RowError{File: t.Name, Row: row.Num, Value: c, order: [2]int{ti, i},
			Problem: model.FieldError{Code: "import_unnamed_column", Args: []any{i + 1}}})
	}
	return errs
}

// once records key as seen at src; when it was seen before it reports code
// against field, naming where it was first seen.
func (p *parser) once(r *rowReader, code, field, key string, src Origin) {
	k := code + "\x00" + key
	if first, ok := p.seen[k]; ok {
		r.v.Add(field, code, first.Row, first.File)
		return
	}
	p.seen[k] = src
}

// knownTaxCode checks that a classification or figure refers to an
// enterprise of this import or of the register.
func (p *parser) knownTaxCode(r *rowReader, tc string) {
	if p.skipTaxCheck || p.taxCodes[tc] || (p.known != nil && p.known(tc)) {
		return
	}
	r.v.Add("tax_code", "import_unknown_tax_code", tc)
}
