// Package importer turns the spreadsheets department staff keep into
// validated model values: a row source (CSV now, XLSX later) gives a Table of
// text cells, and Parse checks every table of an import together, naming
// each bad cell by file, row and column. It knows nothing of HTTP or of the
// database: the reference lists and the register's tax codes come in as
// plain values.
package importer

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Limits on one file, so a stray upload cannot exhaust the server.
const (
	MaxRows  = 200_000  // data rows, not counting the header
	MaxBytes = 64 << 20 // 64 MiB
)

// Table is one sheet of an import as text, whatever file it came from.
type Table struct {
	Name      string   // the file (and sheet) as the user knows it, for messages
	Kind      Kind     // the kind when the source names it (an XLSX sheet); empty to read it from the header
	SHA256    string   // hex digest of the file's bytes, for the audit log
	HeaderRow int      // the header's row number, 1 unless blank lines precede it
	Header    []string // the header cells as written
	Rows      []Row    // data rows in file order; blank rows are left out
	// Workbook says the table is a sheet of a workbook, whose number cells
	// are written plainly whatever the spreadsheet's language: they say
	// nothing of how its text cells write decimals.
	Workbook bool
}

// Row is one data row: its cells and its number as the user sees it in the
// file, counting the header as row 1.
type Row struct {
	Num   int
	Cells []string
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ReadCSV reads one CSV file saved as UTF-8 (a byte-order mark is dropped),
// separated by commas or semicolons as its header line shows. Blank rows
// are skipped but still counted, so row numbers match a spreadsheet's. A
// problem with the file as a whole is a *RowError.
func ReadCSV(r io.Reader, name string) (Table, error) {
	return readCSV(context.Background(), r, name)
}

// readCSV is ReadCSV stopping when ctx ends.
func readCSV(ctx context.Context, r io.Reader, name string) (Table, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return Table{}, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxBytes {
		return Table{}, fileError(name, 0, "import_too_large", MaxBytes>>20)
	}
	sum := sha256.Sum256(data)
	t := Table{Name: name, SHA256: hex.EncodeToString(sum[:])}
	data = bytes.TrimPrefix(data, utf8BOM)
	if bad := firstInvalidUTF8(data); bad >= 0 {
		line := 1 + bytes.Count(data[:bad], []byte{'\n'})
		return Table{}, fileError(name, line, "import_not_utf8", line)
	}
	sep := separator(data)
	// A row with more cells than any import has is refused before it is
	// split, so a file of separators cannot fill the memory with cells.
	if line, ok := tooWide(data, sep); ok {
		return Table{}, fileError(name, line, "import_too_many_columns", cellName(MaxColumns+1, line), MaxColumns)
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	// Line breaks inside quoted cells make a record span several lines; a
	// spreadsheet still shows it as one row.
	extraLines := 0
	for n := 0; ; n++ {
		if n%checkEvery == 0 && ctx.Err() != nil {
			return Table{}, timedOut(name)
		}
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return Table{}, fileError(name, pe.StartLine-extraLines, "import_csv_syntax", pe.Err.Error())
		}
		if err != nil {
			return Table{}, fmt.Errorf("read %s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		num := line - extraLines
		for i, c := range rec {
			extraLines += strings.Count(c, "\n")
			rec[i] = norm.NFC.String(c)
		}
		switch {
		case t.Header == nil && (blankRow(rec) || titleRow(rec)):
			// Lines above the header, as a spreadsheet saves its title
			// ("DANH SÁCH DOANH NGHIỆP", "Đơn vị: triệu đồng").
		case t.Header == nil:
			t.Header, t.HeaderRow = rec, num
		case blankRow(rec):
		case len(t.Rows) == MaxRows:
			return Table{}, fileError(name, num, "import_too_many_rows", MaxRows)
		default:
			t.Rows = append(t.Rows, Row{Num: num, Cells: rec})
		}
	}
	if t.Header == nil {
		return Table{}, fileError(name, 0, "import_no_header")
	}
	return t, nil
}

// separator picks ';' when the header line holds more semicolons than
// commas outside quotes (Excel's CSV where the decimal mark is a comma).
func separator(data []byte) rune {
	commas, semis, quoted := 0, 0, false
	for _, b := range data {
		switch {
		case b == '"':
			quoted = !quoted
		case quoted:
		case b == '\n' && commas+semis == 0:
			// A title line above the header: the header tells.
		case b == '\n':
			if semis > commas {
				return ';'
			}
			return ','
		case b == ',':
			commas++
		case b == ';':
			semis++
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}

// firstInvalidUTF8 returns the offset of the first byte that is not valid
// UTF-8, or -1.
func firstInvalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// tooWide finds the first record of CSV data with more than MaxColumns
// cells, counting the separators outside quotes; line is where the record
// starts.
func tooWide(data []byte, sep rune) (line int, found bool) {
	if sep >= utf8.RuneSelf {
		return 0, false // separator only ever picks an ASCII one
	}
	quoted, cells, start, at := false, 1, 1, 1
	for _, c := range data {
		switch {
		case c == '"':
			quoted = !quoted
		case c == '\n':
			at++
			if !quoted {
				cells, start = 1, at
			}
		case c == byte(sep) && !quoted:
			if cells++; cells > MaxColumns {
				return start, true
			}
		}
	}
	return 0, false
}

// titleRow reports a line above the header that only titles the table: at
// most one cell filled, and that cell names no column.
func titleRow(rec []string) bool {
	filled, text := 0, ""
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			filled, text = filled+1, c
		}
	}
	_, named := headerKeys[headerName(text)]
	return filled <= 1 && !named
}
