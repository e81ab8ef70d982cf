package server

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
)

// chartBOM starts a CSV file so that Excel reads it as UTF-8.
const chartBOM = "\ufeff"

// writeChartCSV writes the data as a CSV file in UTF-8 with a byte-order mark,
// a header row first. Text that a spreadsheet would run as a formula is
// neutralised.
func writeChartCSV(w io.Writer, data chartData, percent func(i, j int) bool) error {
	if _, err := io.WriteString(w, chartBOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	for r, rec := range append([][]string{data.Header}, data.Rows...) {
		out := make([]string, len(rec))
		for i, cell := range rec {
			if r > 0 && percent != nil && percent(r-1, i) {
				cell = percentCell(cell)
			}
			out[i] = neutraliseCell(cell)
			if data.Lang != model.LangEN {
				out[i] = csvNumber(out[i])
			}
		}
		if err := cw.Write(out); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// percentCell writes a fraction as the percentage a reader sees, with one
// decimal and its sign (0.17039… is 17.0%), which a spreadsheet reads as a
// percentage; the workbook keeps the exact fraction, shown as one.
func percentCell(cell string) string {
	f, err := strconv.ParseFloat(cell, 64)
	if err != nil || !isRecordNumber(cell) {
		return cell
	}
	return format.For(model.LangEN).Percent(f) // as the page writes it; csvNumber gives the Vietnamese comma
}

// csvNumber writes a number with a decimal comma, as the register's export
// does: a Vietnamese spreadsheet reads it as a number, and the importer
// never takes "1.234" (one thousand two hundred and thirty-four, or one and
// a bit?) for either. A file in English keeps the decimal point English
// spreadsheets read.
func csvNumber(cell string) string {
	if !isRecordNumber(strings.TrimSuffix(cell, "%")) {
		return cell
	}
	return strings.Replace(cell, ".", ",", 1)
}

// neutraliseCell prefixes with an apostrophe a text cell that begins with a
// character a spreadsheet starts a formula with (CSV injection); numbers,
// even negative ones, stay as they are.
func neutraliseCell(cell string) string {
	if cell == "" || isRecordNumber(cell) || !strings.ContainsAny(cell[:1], "=+-@\t\r") {
		return cell
	}
	return "'" + cell
}

// chartSheet is the one sheet of a chart's workbook.
const chartSheet = "Số liệu"

// writeChartXLSX writes the data as an Excel workbook of one sheet: a bold
// header row, then the rows with numbers as numbers (fractions shown as
// percentages when the chart's are) and text as text.
func writeChartXLSX(w io.Writer, data chartData) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", chartSheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	percent, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		return err
	}
	widths := make([]int, len(data.Header))
	for j, h := range data.Header {
		widths[j] = utf8.RuneCountInString(h)
		if err := setChartCell(f, j, 0, h, bold); err != nil {
			return err
		}
	}
	for i, row := range data.Rows {
		for j, cell := range row {
			style := 0
			if data.Percent && j > 0 {
				style = percent
			}
			if j < len(widths) {
				widths[j] = max(widths[j], utf8.RuneCountInString(cell))
			}
			if err := setChartCell(f, j, i+1, cell, style); err != nil {
				return err
			}
		}
	}
	if err := layoutChartXLSX(f, data.Title, widths); err != nil {
		return err
	}
	if data.Lang == model.LangEN {
		if err := englishWorkbook(f); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// englishWorkbook names the sheet of a chart's workbook and gives its
// language in English.
func englishWorkbook(f *excelize.File) error {
	if err := f.SetSheetName(chartSheet, i18n.In(model.LangEN, "Số liệu")); err != nil {
		return err
	}
	props, err := f.GetDocProps()
	if err != nil {
		return err
	}
	props.Language = "en"
	return f.SetDocProps(props)
}

// setChartCell writes cell at column j, row i (from 0): a number as a number,
// other text as text, nothing when empty; style 0 leaves the default.
func setChartCell(f *excelize.File, j, i int, cell string, style int) error {
	ref, err := excelize.CoordinatesToCellName(j+1, i+1)
	if err != nil || cell == "" {
		return err
	}
	if v, perr := strconv.ParseFloat(cell, 64); perr == nil && isRecordNumber(cell) {
		err = f.SetCellFloat(chartSheet, ref, v, -1, 64)
	} else {
		err = f.SetCellStr(chartSheet, ref, cell)
	}
	if err == nil && style != 0 {
		err = f.SetCellStyle(chartSheet, ref, ref, style)
	}
	return err
}

// layoutChartXLSX sizes the columns to their contents, keeps the header in
// view, and names the workbook after the chart.
func layoutChartXLSX(f *excelize.File, title string, widths []int) error {
	for j, n := range widths {
		col, err := excelize.ColumnNumberToName(j + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(chartSheet, col, col, float64(min(max(n, 8), 60)+2)); err != nil {
			return err
		}
	}
	err := f.SetPanes(chartSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if err != nil {
		return err
	}
	return f.SetDocProps(&excelize.DocProperties{Title: title, Language: "vi-VN", Creator: "Industry Targets Dashboard"})
}
