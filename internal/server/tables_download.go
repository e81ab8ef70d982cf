package server

import (
	"bytes"
	"io"
	"net/http"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// downloadTable is one table of a page as its download gives it: chart
// data (a header, then rows of plain numbers and text), and what a
// workbook needs beyond a chart's.
type downloadTable struct {
	chartData
	ID    string // the table's name in the address of its CSV file
	Sheet string // its sheet in a workbook of several tables
	// TextCols are the columns written as text even where a cell looks like
	// a number: a tax code such as 0800123456 keeps its leading zero.
	TextCols []int
	// PercentAt, when set, tells the cells (row i, column j, from 0 after
	// the header) that hold fractions shown as percentages; otherwise
	// chartData.Percent does, as for a chart.
	PercentAt func(i, j int) bool
}

func (t downloadTable) percent(i, j int) bool {
	if t.PercentAt != nil {
		return t.PercentAt(i, j)
	}
	return t.Percent && j > 0
}

// recordFloat writes a number as chart Records do: plainly, with every
// digit it has.
func recordFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// sendTables answers tables as a CSV file of the first (ext csv) or as an
// Excel workbook of a sheet each (ext xlsx) titled title, named name. The
// file is made whole first, so a failure is an error page, not half a file.
func sendTables(w http.ResponseWriter, r *http.Request, d *deps, name, ext, title string, tables []downloadTable) {
	var buf bytes.Buffer
	var err error
	if ext == chartExtXLSX {
		err = writeTablesXLSX(&buf, title, tables)
	} else {
		err = writeChartCSV(&buf, tables[0].chartData, tables[0].percent)
	}
	if err != nil {
		serverError(w, r, d.logger, err)
		return
	}
	sendChartFile(w, name, chartFileTypes[ext], buf.Bytes())
}

// tableStyles are the styles of a tables workbook's cells.
type tableStyles struct{ bold, percent, text int }

// writeTablesXLSX writes tables as an Excel workbook titled title, a sheet
// each in order, laid out as a chart's workbook is: a bold header row kept
// in view, numbers as numbers, text as text.
func writeTablesXLSX(w io.Writer, title string, tables []downloadTable) error {
	f := excelize.NewFile()
	defer f.Close()
	var s tableStyles
	var err error
	if s.bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return err
	}
	if s.percent, err = f.NewStyle(&excelize.Style{NumFmt: 10}); err != nil { // 0.00%
		return err
	}
	if s.text, err = f.NewStyle(&excelize.Style{NumFmt: 49}); err != nil { // @: text stays text when edited
		return err
	}
	for k, t := range tables {
		// The chart writers fill the sheet named chartSheet: each table is
		// written there, then renamed.
		if k == 0 {
			err = f.SetSheetName("Sheet1", chartSheet)
		} else {
			_, err = f.NewSheet(chartSheet)
		}
		if err != nil {
			return err
		}
		widths, err := fillTableSheet(f, t, s)
		if err != nil {
			return err
		}
		if err := layoutChartXLSX(f, title, widths); err != nil {
			return err
		}
		if err := f.SetSheetName(chartSheet, t.Sheet); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// fillTableSheet writes t's header and rows into the sheet chartSheet and
// returns how wide each column's contents are.
func fillTableSheet(f *excelize.File, t downloadTable, s tableStyles) ([]int, error) {
	widths := make([]int, len(t.Header))
	for i, row := range append([][]string{t.Header}, t.Rows...) {
		for j, cell := range row {
			if j < len(widths) {
				widths[j] = max(widths[j], utf8.RuneCountInString(cell))
			}
			var err error
			switch {
			case i == 0:
				err = setChartCell(f, j, i, cell, s.bold)
			case slices.Contains(t.TextCols, j):
				err = setTextCell(f, j, i, cell, s.text)
			case t.percent(i-1, j):
				err = setChartCell(f, j, i, cell, s.percent)
			default:
				err = setChartCell(f, j, i, cell, 0)
			}
			if err != nil {
				return nil, err
			}
		}
	}
	return widths, nil
}

// setTextCell writes cell as text at column j, row i (from 0) of the sheet
// chartSheet, whatever it looks like; nothing when empty.
func setTextCell(f *excelize.File, j, i int, cell string, style int) error {
	ref, err := excelize.CoordinatesToCellName(j+1, i+1)
	if err != nil || cell == "" {
		return err
	}
	if err := f.SetCellStr(chartSheet, ref, cell); err != nil {
		return err
	}
	return f.SetCellStyle(chartSheet, ref, ref, style)
}
