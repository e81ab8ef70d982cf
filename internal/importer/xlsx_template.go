package importer

import (
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"industrytargets/internal/model"
)

// exampleTaxCode is the example enterprise's tax code in the templates; the
// example rows of every kind belong together. An import refuses a row with
// it, as an example left in by mistake (see example).
const exampleTaxCode = "0899999997"

// exampleRows are the templates' filled example rows, one per kind, named so
// no one takes them for data.
func exampleRows() map[Kind][]any {
	day := func(y int, m time.Month, d int) any { return model.Date(y, m, d) }
	return map[Kind][]any{
		KindEnterprises: {exampleTaxCode, "Công ty TNHH Mẫu Nhập Liệu (dòng ví dụ: xoá trước khi nhập)",
			"Example Co., Ltd.", "HP", string(model.OwnershipFDI), "Nhật Bản", "Xã Cẩm Giàng", nil, "kcn_dai_an",
			"2599", day(2015, 3, 15), nil, int64(250)},
		KindClassifications: {exampleTaxCode, string(model.CategorySupporting), "co_khi", day(2021, 6, 1),
			day(2026, 5, 31), "123/GCN-BCT"},
		KindFigures: {exampleTaxCode, 2024, model.Money(1234500), string(model.BasisCurrent),
			model.Money(1500000), model.Money(800250), int64(250), string(model.StatusOfficial)},
		KindProvinceOutput: {"HD", 1990, model.Money(1000000000), string(model.BasisCurrent),
			string(model.StatusEstimate), "Ví dụ: Cục Thống kê, niên giám (xoá trước khi nhập)"},
	}
}

// enumLists are the columns whose values come from a fixed list: the
// template offers them as a drop-down.
var enumLists = map[string][]string{
	"ownership":   codes(model.Ownerships),
	"category":    codes(model.Categories),
	"price_basis": codes(model.PriceBases),
	"status":      codes(model.FigureStatuses),
}

func codes[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}

// TemplateXLSX writes the import template: a sheet per kind, named as the
// importer knows it, with Vietnamese headings, a filled example row and a
// drop-down list on every column of codes (category, ownership, price
// basis, status). It is small, so it is built in memory: a sheet written by
// excelize's stream writer cannot take drop-down lists afterwards.
func TemplateXLSX(out io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	w := &XLSXWriter{f: f}
	if err := w.styles(); err != nil {
		return err
	}
	examples := exampleRows()
	for i, k := range Kinds {
		if err := templateSheet(w, i, k, examples[k]); err != nil {
			return err
		}
	}
	_, err := f.WriteTo(out)
	return err
}

// templateSheet fills the kind's sheet of the template.
func templateSheet(w *XLSXWriter, i int, k Kind, example []any) error {
	if err := w.addSheet(i, k); err != nil {
		return err
	}
	name := k.SheetName()
	labels := headerRow(k)
	for c, l := range labels {
		col := strings.TrimRight(cellName(c+1, 1), "1")
		if err := w.f.SetColWidth(name, col, col, colWidth(l)); err != nil {
			return err
		}
	}
	if err := w.f.SetSheetRow(name, "A1", &labels); err != nil {
		return err
	}
	if err := w.f.SetCellStyle(name, "A1", cellName(len(labels), 1), w.head); err != nil {
		return err
	}
	for c, v := range example {
		ref, style := cellName(c+1, 2), 0
		v = w.cell(v)
		if cell, ok := v.(excelize.Cell); ok { // a date: the value, then its style
			v, style = cell.Value, cell.StyleID
		}
		if err := w.f.SetCellValue(name, ref, v); err != nil {
			return err
		}
		if err := w.f.SetCellStyle(name, ref, ref, style); err != nil {
			return err
		}
	}
	if err := w.f.SetPanes(name, frozenHeader); err != nil {
		return err
	}
	return addDropDowns(w.f, k)
}

// addDropDowns puts the drop-down lists on the kind's sheet, for the rows
// below the header.
func addDropDowns(f *excelize.File, k Kind) error {
	for i, c := range k.Columns() {
		list, ok := enumLists[c.Key]
		if !ok {
			continue
		}
		col := strings.TrimRight(cellName(i+1, 1), "1")
		dv := excelize.NewDataValidation(true)
		dv.Sqref = col + "2:" + col + "10000"
		if err := dv.SetDropList(list); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Giá trị không có trong danh sách",
			"Chọn một trong: "+strings.Join(list, ", "))
		if err := f.AddDataValidation(k.SheetName(), dv); err != nil {
			return err
		}
	}
	return nil
}

// TemplateCSV writes the template of one kind as a CSV file: the headings
// and the example row.
func TemplateCSV(out io.Writer, k Kind) error {
	w, err := NewCSVWriter(out, k)
	if err != nil {
		return err
	}
	if err := w.Row(k, exampleRows()[k]); err != nil {
		return err
	}
	return w.Close()
}

// example reports whether the row is the template's example row of kind,
// left in by mistake, and names the field that shows it: the example
// enterprise's tax code, or the example province total's source.
func (r *rowReader) example(kind Kind) (field string, ok bool) {
	if kind == KindProvinceOutput {
		return "source", r.text("source") == exampleRows()[KindProvinceOutput][5]
	}
	tc, err := model.NormalizeTaxCode(r.text("tax_code"))
	return "tax_code", err == nil && tc == exampleTaxCode
}
