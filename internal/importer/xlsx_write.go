package importer

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"industrytargets/internal/model"
)

// Exporter writes records in the layout of an import file, so what it
// writes imports back unchanged. Cells are, in the kind's column order,
// string, time.Time (a date), int, int64, model.Money or nil (empty).
type Exporter interface {
	Row(kind Kind, cells []any) error
	Close() error // finishes the file; nothing is complete before it
}

// moneyKeys are the columns of amounts in million VND.
var moneyKeys = map[string]bool{"production_value": true, "revenue": true, "export_value": true}

// HeaderLabel is a column's heading in templates and exports: its
// Vietnamese label, with the unit for amounts (the importer ignores a unit
// in brackets).
func HeaderLabel(c Column) string {
	if moneyKeys[c.Key] {
		return c.Label + " (triệu đồng)"
	}
	return c.Label
}

func headerRow(kind Kind) []string {
	cols := kind.Columns()
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = HeaderLabel(c)
	}
	return out
}

// XLSXWriter writes a workbook with a sheet per kind, row by row through
// excelize's stream writer, so a large register is never held as cells.
type XLSXWriter struct {
	out     io.Writer
	f       *excelize.File
	streams map[Kind]*excelize.StreamWriter
	rows    map[Kind]int
	kinds   []Kind
	date    int // style of date cells
	head    int // style of the header row
	text    int // style of text cells: Text (@), so an edited cell stays text
}

// frozenHeader keeps the header row in view while scrolling.
var frozenHeader = &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}

// NewXLSXWriter starts a workbook with a sheet for each of kinds, in that
// order, each with its header row; Close writes it to out.
func NewXLSXWriter(out io.Writer, kinds ...Kind) (*XLSXWriter, error) {
	f := excelize.NewFile()
	w := &XLSXWriter{out: out, f: f, streams: map[Kind]*excelize.StreamWriter{}, rows: map[Kind]int{}, kinds: kinds}
	err := w.styles()
	for i, k := range kinds {
		if err == nil {
			err = w.stream(i, k)
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return w, nil
}

// styles adds the styles of date cells and of the header row.
func (w *XLSXWriter) styles() error {
	dateFmt := "dd/mm/yyyy"
	var err error
	if w.date, err = w.f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt}); err != nil {
		return err
	}
	if w.text, err = w.f.NewStyle(&excelize.Style{NumFmt: 49}); err != nil {
		return err
	}
	w.head, err = w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}}})
	return err
}

// addSheet adds the kind's sheet, the i-th of the workbook.
func (w *XLSXWriter) addSheet(i int, k Kind) error {
	if i == 0 {
		return w.f.SetSheetName("Sheet1", k.SheetName()) // the new file's only sheet
	}
	_, err := w.f.NewSheet(k.SheetName())
	return err
}

// stream adds the kind's sheet with its column widths, a frozen header row
// and the header itself, and keeps its stream writer.
func (w *XLSXWriter) stream(i int, k Kind) error {
	if err := w.addSheet(i, k); err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(k.SheetName())
	if err != nil {
		return err
	}
	labels := headerRow(k)
	cells := make([]any, len(labels))
	for c, l := range labels {
		if err := sw.SetColWidth(c+1, c+1, colWidth(l)); err != nil {
			return err
		}
		cells[c] = excelize.Cell{StyleID: w.head, Value: l}
	}
	if err := sw.SetPanes(frozenHeader); err != nil {
		return err
	}
	w.streams[k], w.rows[k] = sw, 1
	return sw.SetRow("A1", cells)
}

// colWidth is a column's width for its heading.
func colWidth(label string) float64 { return float64(max(12, min(len([]rune(label))+4, 40))) }

// Row appends a record to the kind's sheet.
func (w *XLSXWriter) Row(kind Kind, cells []any) error {
	sw, ok := w.streams[kind]
	if !ok {
		return fmt.Errorf("xlsx: no sheet for %s", kind)
	}
	w.rows[kind]++
	out := make([]any, len(cells))
	for i, c := range cells {
		out[i] = w.cell(c)
	}
	return sw.SetRow(cellName(1, w.rows[kind]), out)
}

// cell is a value as excelize writes it: text as text in the Text style
// (a text cell is never a formula, and the style keeps it text when
// someone edits it, so "=…" needs no visible quote and a tax code keeps
// its leading zero), dates with the date style, amounts as numbers when a
// number holds them exactly.
func (w *XLSXWriter) cell(v any) any {
	switch v := v.(type) {
	case string:
		if v == "" {
			return nil
		}
		if v[0] == '\'' {
			v = SafeCell(v) // the importer takes a leading quote off
		}
		return excelize.Cell{StyleID: w.text, Value: v}
	case time.Time:
		return excelize.Cell{StyleID: w.date, Value: v}
	case model.Money:
		if f := v.Float(); exactMoney(v, f) {
			return f
		}
		return vnDecimal(v.String())
	}
	return v
}

// Close flushes every sheet and writes the workbook.
func (w *XLSXWriter) Close() error {
	defer w.f.Close()
	for _, k := range w.kinds {
		if err := w.streams[k].Flush(); err != nil {
			return err
		}
	}
	_, err := w.f.WriteTo(w.out)
	return err
}

// exactMoney reports whether the number f reads back as m through an XLSX
// cell: amounts beyond 15 significant digits are written as text instead.
func exactMoney(m model.Money, f float64) bool {
	back, err := model.ParseMoney(plainNumber(f))
	return err == nil && back == m
}

// vnDecimal writes a plain decimal the Vietnamese way: 1234.5 is 1234,5.
func vnDecimal(s string) string { return strings.Replace(s, ".", ",", 1) }

// csvCell is a value as a CSV file holds it: text neutralised, dates as
// dd/mm/yyyy, amounts with a decimal comma (never ambiguous to the
// importer, and numbers to a Vietnamese Excel).
func csvCell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return SafeCell(v)
	case time.Time:
		return v.Format("02/01/2006")
	case model.Money:
		return vnDecimal(v.String())
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	}
	return SafeCell(fmt.Sprint(v))
}
