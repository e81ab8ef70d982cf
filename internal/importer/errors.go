package importer

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"industrytargets/internal/model"
)

// RowError is one problem in an import: where it is and what is wrong.
type RowError struct {
	File    string           // the table's name
	Row     int              // the row as the user sees it (the header is row 1); 0 for the whole file
	Column  string           // the column's header as written in the file; empty for a whole row or file
	Value   string           // the cell as written (for a header problem, the header cell)
	Problem model.FieldError // what is wrong; Problem.Field is the column's key

	order [2]int // table and column position, to list problems in file order
}

// Reason is the problem in words, in lang.
func (e RowError) Reason(lang model.Lang) string { return e.Problem.Message(lang) }

// Format writes the problem as FILE:ROW: COLUMN "VALUE": REASON, leaving out
// the parts that do not apply.
func (e RowError) Format(lang model.Lang) string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Row > 0 {
		b.WriteString(":" + strconv.Itoa(e.Row))
	}
	b.WriteString(": ")
	switch {
	case e.Column != "":
		fmt.Fprintf(&b, "%s %q: ", e.Column, e.Value)
	case e.Value != "":
		fmt.Fprintf(&b, "%q: ", e.Value)
	}
	b.WriteString(e.Reason(lang))
	return b.String()
}

// Error is the problem in Vietnamese, the interface's first language.
func (e RowError) Error() string { return e.Format(model.LangVI) }

func fileError(name string, row int, code string, args ...any) *RowError {
	return &RowError{File: name, Row: row, Problem: model.FieldError{Code: code, Args: args}}
}

// sortErrors lists problems by table, row and column, as a reader goes
// through the files.
func sortErrors(errs []RowError) {
	slices.SortStableFunc(errs, func(a, b RowError) int {
		return cmp.Or(cmp.Compare(a.order[0], b.order[0]), cmp.Compare(a.Row, b.Row),
			cmp.Compare(a.order[1], b.order[1]))
	})
}

// checkEvery is how many rows a reader goes between looks at its context.
const checkEvery = 4096

// timedOut refuses the file name whose reading or checking outlasted the
// import's time.
func timedOut(name string) *RowError { return fileError(name, 0, "import_timeout") }
