package importer

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// cellKind says what a cell held in Excel, where its text alone would not.
type cellKind uint8

const (
	cellText   cellKind = iota
	cellNumber          // a number, written plainly
	cellDate            // a number shown as a date, or a date cell, written yyyy-mm-dd
)

// sheetRow is one row with something in it, numbered as Excel shows it.
type sheetRow struct {
	num   int
	cells []string
	kinds []cellKind
}

func (r *sheetRow) set(col int, text string, kind cellKind) {
	for len(r.cells) < col {
		r.cells, r.kinds = append(r.cells, ""), append(r.kinds, cellText)
	}
	r.cells[col-1], r.kinds[col-1] = text, kind
}

// sheetData is a worksheet read whole: its rows that hold anything, in
// order, and its merged ranges.
type sheetData struct {
	rows     []sheetRow
	merges   []cellRange
	date1904 bool
}

// maxSheetRows bounds the rows with data a sheet may hold: the data rows of
// an import, and room for titles and a header above them. maxMerges bounds
// the merged ranges kept; more are left as they are.
const (
	maxSheetRows = MaxRows + 20
	maxMerges    = 100_000
)

// sheetReader reads one worksheet's XML as a stream of tokens, so a large
// sheet is never held as a tree.
type sheetReader struct {
	ctx      context.Context // the import's: reading stops when it ends
	name     string          // the table's name, for messages
	sst      []string        // the shared strings
	dates    []bool          // by style index: shows a number as a date
	date1904 bool
	d        *xml.Decoder
	formula  *RowError // the first formula met
	formulas int
}

// readPart reads the sheet in the part of the archive. A formula anywhere
// refuses the sheet, naming the first one and counting the others.
func (sr *sheetReader) readPart(zr *zip.Reader, part string) (sheetData, error) {
	rc, err := openPart(zr, part)
	if err != nil {
		return sheetData{}, sr.broken()
	}
	defer rc.Close()
	sr.d = xml.NewDecoder(rc)
	data, err := sr.read()
	if err != nil {
		return data, err
	}
	if sr.formula != nil {
		if sr.formulas > 1 {
			p := &sr.formula.Problem
			p.Code, p.Args = "import_formulas", append(p.Args, sr.formulas-1)
		}
		return data, sr.formula
	}
	data.date1904 = sr.date1904
	return data, nil
}

func (sr *sheetReader) read() (sheetData, error) {
	var data sheetData
	last := 0
	for {
		tok, err := sr.d.RawToken()
		if errors.Is(err, io.EOF) {
			return data, nil
		}
		if err != nil {
			return data, sr.broken()
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "row":
			if last%checkEvery == 0 && sr.ctx.Err() != nil {
				return data, timedOut(sr.name)
			}
			row, err := sr.row(se, last+1)
			if err != nil {
				return data, err
			}
			if row.num <= last { // rows come in order, each once
				return data, sr.broken()
			}
			last = row.num
			if blankRow(row.cells) {
				continue
			}
			if len(data.rows) == maxSheetRows {
				return data, fileError(sr.name, 0, "import_too_many_rows", MaxRows)
			}
			data.rows = append(data.rows, row)
		case "mergeCell":
			if rg, ok := parseRange(attr(se, "ref")); ok && len(data.merges) < maxMerges {
				data.merges = append(data.merges, rg)
			}
		}
	}
}

// row reads the cells of the <row> element just opened; next is its number
// when it does not say.
func (sr *sheetReader) row(se xml.StartElement, next int) (sheetRow, error) {
	row := sheetRow{num: next}
	if n, err := strconv.Atoi(attr(se, "r")); err == nil {
		row.num = n
	}
	if row.num < 1 || row.num > maxExcelRows {
		return row, sr.broken()
	}
	col := 0
	for {
		tok, err := sr.d.RawToken()
		if err != nil {
			return row, sr.broken()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "c" {
				if col, err = sr.cell(t, &row, col+1); err != nil {
					return row, err
				}
			}
		case xml.EndElement:
			if t.Name.Local == "row" {
				return row, nil
			}
		}
	}
}

// cell reads the <c> element just opened into row and returns its column;
// next is that column when the cell does not name itself.
func (sr *sheetReader) cell(se xml.StartElement, row *sheetRow, next int) (int, error) {
	col := next
	if ref := attr(se, "r"); ref != "" {
		c, ok := refColumn(ref)
		if !ok {
			return col, sr.broken()
		}
		col = c
	}
	var v, inline, formula string
	hasFormula := false
	for done := false; !done; {
		tok, err := sr.d.RawToken()
		if err != nil {
			return col, sr.broken()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				v, err = charData(sr.d, "v")
			case "f":
				hasFormula = true
				formula, err = charData(sr.d, "f")
			case "is":
				inline, err = elementText(sr.d, "is")
			}
			if err != nil {
				return col, sr.broken()
			}
		case xml.EndElement:
			done = t.Name.Local == "c"
		}
	}
	if hasFormula {
		sr.noteFormula(row.num, col, formula)
	}
	style, _ := strconv.Atoi(attr(se, "s"))
	text, kind, ok := sr.value(attr(se, "t"), v, inline, style)
	switch {
	case !ok:
		return col, sr.broken()
	case strings.TrimSpace(text) == "":
	case col > MaxColumns:
		return col, fileError(sr.name, row.num, "import_too_many_columns", cellName(col, row.num), MaxColumns)
	default:
		row.set(col, text, kind)
	}
	return col, nil
}

// value is a cell's text by its type: a shared or inline string, a formula's
// string result, a boolean, an error, an ISO date, or a number (a date when
// its style shows it as one). ok is false for a string index out of range.
func (sr *sheetReader) value(typ, v, inline string, style int) (string, cellKind, bool) {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(sr.sst) {
			return "", cellText, false
		}
		return sr.sst[i], cellText, true
	case "inlineStr":
		return norm.NFC.String(inline), cellText, true
	case "str", "e":
		return norm.NFC.String(v), cellText, true
	case "b":
		if strings.TrimSpace(v) == "1" {
			return "TRUE", cellText, true
		}
		return "FALSE", cellText, true
	case "d":
		return isoDay(v), cellDate, true
	}
	v = strings.TrimSpace(v)
	f, err := strconv.ParseFloat(v, 64)
	if v == "" || err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return v, cellText, true
	}
	if style >= 0 && style < len(sr.dates) && sr.dates[style] {
		if d, ok := serialDate(f, sr.date1904); ok {
			return d, cellDate, true
		}
	}
	return plainNumber(f), cellNumber, true
}

// noteFormula remembers the first formula cell and counts them all.
func (sr *sheetReader) noteFormula(row, col int, formula string) {
	sr.formulas++
	if sr.formula != nil {
		return
	}
	shown := "=" + strings.TrimPrefix(formula, "=")
	if strings.TrimSpace(formula) == "" {
		shown = "(công thức dùng chung)" // a shared formula's follower carries no text
	}
	sr.formula = fileError(sr.name, row, "import_formula", cellName(col, row))
	sr.formula.Value = shown
}

func (sr *sheetReader) broken() error { return fileError(sr.name, 0, "import_xlsx_broken") }

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
