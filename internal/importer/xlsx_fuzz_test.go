package importer_test

import (
	"bytes"
	"errors"
	"testing"

	"industrytargets/internal/importer"
	"industrytargets/internal/importer/xlsxtest"
)

// checkRead is what any file must give: tables with rows in order and no
// wider than the limit, or a whole-file problem; and Parse never fails
// on what was read.
func checkRead(t *testing.T, tables []importer.Table, err error) {
	if err != nil {
		var re *importer.RowError
		if !errors.As(err, &re) {
			t.Fatalf("error %v (%T) is not a *RowError", err, err)
		}
		if re.Reason("vi") == "" {
			t.Fatalf("problem %+v has no message", re)
		}
		return
	}
	for _, tb := range tables {
		last := tb.HeaderRow
		for _, r := range tb.Rows {
			if r.Num <= last || len(r.Cells) > importer.MaxColumns {
				t.Fatalf("%s: row %d after %d with %d cells", tb.Name, r.Num, last, len(r.Cells))
			}
			last = r.Num
		}
	}
	importer.Parse(t.Context(), tables, testRef(), nil)
}

// FuzzReadSheetXML feeds the reader a worksheet's XML as a fuzzer makes it,
// inside an otherwise valid workbook.
func FuzzReadSheetXML(f *testing.F) {
	head := `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	for _, body := range []string{
		`<row r="1"><c r="A1" t="inlineStr"><is><t>tax_code</t></is></c><c r="B1" t="inlineStr"><is><t>year</t></is></c><c r="C1" t="inlineStr"><is><t>production_value</t></is></c></row>` +
			`<row r="2"><c r="A2"><v>100233488</v></c><c r="B2"><v>2024</v></c><c r="C2"><v>1234.4999999999998</v></c></row></sheetData>` +
			`<mergeCells><mergeCell ref="A2:A4"/></mergeCells></worksheet>`,
		`<row><c t="s"><v>0</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="d"><v>2024-03-15T00:00:00</v></c></row></sheetData></worksheet>`,
		`<row r="3"><c r="XFD3"><f>SUM(A1:A2)</f><v>3</v></c></row></sheetData></worksheet>`,
		`<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData></worksheet>`,
	} {
		f.Add([]byte(head + body))
	}
	book := xlsxtest.Workbook("figures")
	f.Fuzz(func(t *testing.T, sheet []byte) {
		data := xlsxtest.WithSheetXML(book, sheet)
		tables, err := importer.ReadXLSX(bytes.NewReader(data), int64(len(data)), "fuzz.xlsx")
		checkRead(t, tables, err)
	})
}

// FuzzReadFile feeds the reader whole files: CSV text in any encoding,
// workbooks, and anything else.
func FuzzReadFile(f *testing.F) {
	f.Add([]byte(figuresCSV), "a.csv")
	f.Add([]byte("\ufeffMã số thuế;Năm;Giá trị sản xuất\n0100233488;2024;\"1.234,5\"\n"), "b.csv")
	f.Add([]byte("tax_code,name,operating_since\n\"0100233488\",\"=cmd\",2015\n\n\n"), "c.csv")
	f.Add(xlsxtest.Workbook("Số liệu", []any{"Mã số thuế", "Năm", "Giá trị sản xuất"}, []any{"0100233488", 2024, 1.5}), "d.xlsx")
	f.Add(xlsxtest.OldXLS(), "e.xls")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		tables, err := importer.ReadFile(t.Context(), data, name)
		checkRead(t, tables, err)
	})
}

// FuzzParse checks files as an import does after reading them: every
// problem has a row and a message, and what is accepted is no more rows
// than the file had (a figures row with nothing in it is skipped).
func FuzzParse(f *testing.F) {
	f.Add([]byte(figuresCSV), "a.csv")
	f.Add([]byte("Mã số thuế,Tên doanh nghiệp,Địa bàn,Năm,Giá,Giá trị sản xuất (triệu đồng),Tình trạng số liệu\n"+
		"0100233488,Công ty A,Huyện Cẩm Giàng,2024,current,,official\n0100233488,Công ty A,,2024,current,\"1,5\",official\n"), "grid.csv")
	f.Add([]byte("tax_code,name,operating_since,province\n0100233488,Công ty,01/01/2015,HD\n"), "e.csv")
	ref := testRef()
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		tables, err := importer.ReadFile(t.Context(), data, name)
		if err != nil {
			return
		}
		rows := 0
		for _, tb := range tables {
			rows += len(tb.Rows)
		}
		b, problems := importer.Parse(t.Context(), tables, ref, func(string) bool { return true })
		for _, p := range problems {
			if p.Row <= 0 || p.Reason("vi") == "" || p.Reason("en") == "" {
				t.Fatalf("problem %+v has no row or no message", p)
			}
		}
		if n := len(b.Enterprises) + len(b.Classifications) + len(b.Figures) + len(b.ProvinceOutputs); n > rows {
			t.Fatalf("%d records accepted from %d rows", n, rows)
		}
	})
}
