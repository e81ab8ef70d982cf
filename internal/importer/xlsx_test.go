package importer_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"industrytargets/internal/importer"
	"industrytargets/internal/model"
)

// workbook builds an XLSX file in memory with excelize, as Excel would save
// what fill puts in it.
func workbook(t testing.TB, fill func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	fill(f)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatalf("write workbook: %v", err)
	}
	return buf.Bytes()
}

// setRows writes rows of values from A1 down on sheet.
func setRows(t testing.TB, f *excelize.File, sheet string, rows ...[]any) {
	t.Helper()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
}

func readXLSX(t testing.TB, data []byte, name string) ([]importer.Table, error) {
	t.Helper()
	return importer.ReadXLSX(bytes.NewReader(data), int64(len(data)), name)
}

func mustReadXLSX(t testing.TB, data []byte) []importer.Table {
	t.Helper()
	tables, err := readXLSX(t, data, "book.xlsx")
	if err != nil {
		t.Fatalf("ReadXLSX: %v", err)
	}
	return tables
}

// fileProblem is the code of the whole-file problem err is.
func fileProblem(t testing.TB, err error) string {
	t.Helper()
	var re *importer.RowError
	if !errors.As(err, &re) {
		t.Fatalf("error %v (%T) is not a *RowError", err, err)
	}
	return re.Problem.Code
}

func TestTemplateReadsBackAndParses(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := importer.TemplateXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	tables := mustReadXLSX(t, buf.Bytes())
	if len(tables) != 4 {
		t.Fatalf("tables = %d, want 4", len(tables))
	}
	for i, k := range importer.Kinds {
		if tables[i].Kind != k || tables[i].Name != "book.xlsx › "+k.SheetName() || len(tables[i].Rows) != 1 {
			t.Errorf("table %d = %s %q with %d rows, want %s %q with 1", i, tables[i].Kind, tables[i].Name,
				len(tables[i].Rows), k, "book.xlsx › "+k.SheetName())
		}
	}
	// The example rows are refused as such, and for nothing else: they show
	// a valid row of each kind.
	_, errs := importer.Parse(t.Context(), tables, testRef(), nil)
	if len(errs) != 4 {
		t.Errorf("%d problems, want the 4 example rows refused", len(errs))
	}
	for _, e := range errs {
		if e.Problem.Code != "import_example_row" || e.Row != 2 {
			t.Errorf("problem: %s", e.Format(model.LangEN))
		}
	}
	// With its tax code and source made real, each reads as intended.
	for i := range tables {
		for j, h := range tables[i].Header {
			switch c := &tables[i].Rows[0].Cells[j]; {
			case strings.HasPrefix(h, "Mã số thuế"):
				*c = "0801234560"
			case strings.HasPrefix(h, "Nguồn"):
				*c = "Cục Thống kê"
			}
		}
	}
	b, errs := importer.Parse(t.Context(), tables, testRef(), nil)
	for _, e := range errs {
		t.Errorf("problem: %s", e.Format(model.LangEN))
	}
	if len(b.Enterprises) != 1 || len(b.Classifications) != 1 || len(b.Figures) != 1 || len(b.ProvinceOutputs) != 1 {
		t.Fatalf("batch %+v", b)
	}
	e := b.Enterprises[0]
	if e.TaxCode != "0801234560" || !e.OperatingSince.Equal(model.Date(2015, time.March, 15)) || *e.Employees != 250 {
		t.Errorf("enterprise = %+v", e.Enterprise)
	}
	if f := b.Figures[0]; f.ProductionValue != 1234500 || *f.ExportValue != 800250 {
		t.Errorf("figure = %+v", f.Figure)
	}
	if !strings.Contains(tables[0].Header[9], "Mã ngành") || e.AreaID == nil || *e.AreaID != 15 || e.ProvinceCode != "HP" {
		t.Errorf("header = %q", tables[0].Header)
	}
}

// cellsWorkbook holds numbers, dates and text as Excel stores them: a tax
// code typed as a number, a date serial in a date column, a year, float
// noise, an amount that reads as ambiguous when written plainly.
func cellsWorkbook(t *testing.T) []byte {
	return workbook(t, func(f *excelize.File) {
		f.SetSheetName("Sheet1", "Doanh nghiệp")
		setRows(t, f, "Doanh nghiệp",
			[]any{"Mã số thuế", "Tên doanh nghiệp", "Ngày hoạt động", "Ngày ngừng hoạt động", "Số lao động"},
			[]any{801234560, "'=HYPERLINK(\"x\")", 42005, 2030, 1250.0},
			[]any{"0100233488", "Công ty B", "15/03/2015", nil, "1.250"},
		)
		dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetCellValue("Doanh nghiệp", "C3", time.Date(2016, 2, 29, 0, 0, 0, 0, time.UTC))
		f.SetCellStyle("Doanh nghiệp", "C3", "C3", dateStyle)
		f.NewSheet("Số liệu")
		setRows(t, f, "Số liệu",
			[]any{"Mã số thuế", "Năm", "Giá trị sản xuất", "Doanh thu", "Giá trị xuất khẩu"},
			[]any{"0801234560", 2024, 1234.4999999999998, 1.234, "1.234,5"},
			[]any{"0801234560", 2023, 0.1 + 0.2, 123456789012.345, 1e3},
		)
		// As Excel writes a sum of decimals: all 17 digits of the double
		// (excelize itself would write only 15).
		f.SetCellDefault("Số liệu", "C2", "1234.4999999999998")
		f.SetCellDefault("Số liệu", "C3", "0.30000000000000004")
	})
}

func TestXLSXCellsAsExcelStoresThem(t *testing.T) {
	t.Parallel()
	tables := mustReadXLSX(t, cellsWorkbook(t))
	want := map[string][][]string{
		"book.xlsx › Doanh nghiệp": {
			{"0801234560", "'=HYPERLINK(\"x\")", "2015-01-01", "2030", "1250"},
			{"0100233488", "Công ty B", "2016-02-29", "", "1.250"},
		},
		"book.xlsx › Số liệu": {
			{"0801234560", "2024", "1234.5", "1,234", "1.234,5"},
			{"0801234560", "2023", "0.3", "123456789012.345", "1000"},
		},
	}
	for _, tb := range tables {
		for i, r := range tb.Rows {
			got := strings.Join(r.Cells, "|")
			if w := strings.Join(want[tb.Name][i], "|"); got != w {
				t.Errorf("%s row %d = %q, want %q", tb.Name, r.Num, got, w)
			}
			if r.Num != i+2 {
				t.Errorf("%s row number = %d, want %d", tb.Name, r.Num, i+2)
			}
		}
	}
	b, errs := importer.Parse(t.Context(), tables, testRef(), nil)
	for _, e := range errs {
		t.Errorf("problem: %s", e.Format(model.LangEN))
	}
	if len(errs) == 0 && b.Enterprises[0].Name != "=HYPERLINK(\"x\")" {
		t.Errorf("name = %q: the export's quote was not taken off", b.Enterprises[0].Name)
	}
}

func TestXLSXTitlesMergedHeaderAndMergedData(t *testing.T) {
	t.Parallel()
	data := workbook(t, func(f *excelize.File) {
		s := "Sheet1"
		f.SetCellValue(s, "A1", "BÁO CÁO GIÁ TRỊ SẢN XUẤT")
		f.MergeCell(s, "A1", "E1")
		f.SetCellValue(s, "A2", "Đơn vị: triệu đồng")
		for _, c := range [][2]string{{"A3", "A4"}, {"D3", "D4"}, {"B3", "C3"}} {
			f.MergeCell(s, c[0], c[1])
		}
		f.SetCellValue(s, "A3", "Mã số thuế")
		f.SetCellValue(s, "B3", "Giá trị")
		f.SetCellValue(s, "B4", "Giá trị sản xuất")
		f.SetCellValue(s, "C4", "Doanh thu")
		f.SetCellValue(s, "D3", "Năm")
		f.SetCellValue(s, "A5", "0100233488")
		f.MergeCell(s, "A5", "A7")
		for i, y := range []int{2022, 2023, 2024} {
			row := strconv.Itoa(5 + i)
			f.SetCellValue(s, "B"+row, 100+i)
			f.SetCellValue(s, "D"+row, y)
		}
		style, _ := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFF00"}}})
		f.SetCellStyle(s, "A8", "E300", style) // formatted but empty: trailing rows
	})
	tables := mustReadXLSX(t, data)
	if len(tables) != 1 {
		t.Fatalf("tables = %d", len(tables))
	}
	tb := tables[0]
	if got := strings.Join(tb.Header, "|"); got != "Mã số thuế|Giá trị sản xuất|Doanh thu|Năm" || tb.HeaderRow != 3 {
		t.Errorf("header = %q on row %d, want the sub-headings on row 3", got, tb.HeaderRow)
	}
	var got []string
	for _, r := range tb.Rows {
		got = append(got, strconv.Itoa(r.Num)+":"+strings.Join(r.Cells, "|"))
	}
	want := []string{"5:0100233488|100||2022", "6:0100233488|101||2023", "7:0100233488|102||2024"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("rows = %q, want %q", got, want)
	}
	b, errs := importer.Parse(t.Context(), tables, testRef(), func(string) bool { return true })
	if len(errs) != 0 || len(b.Figures) != 3 || b.Figures[0].Origin.Row != 5 {
		t.Errorf("parse: %d figures, problems %v", len(b.Figures), errs)
	}
}

func TestXLSXFormulaIsRefusedNamingTheCell(t *testing.T) {
	t.Parallel()
	data := workbook(t, func(f *excelize.File) {
		f.SetSheetName("Sheet1", "figures")
		setRows(t, f, "figures", []any{"tax_code", "year", "production_value"},
			[]any{"0100233488", 2023, 100}, []any{"0100233488", 2024, 200})
		f.SetCellFormula("figures", "C3", "C2*2")
		f.SetCellFormula("figures", "B3", "B2+1")
	})
	_, err := readXLSX(t, data, "book.xlsx")
	if code := fileProblem(t, err); code != "import_formulas" {
		t.Fatalf("code = %s", code)
	}
	msg := err.Error()
	for _, want := range []string{"book.xlsx › figures:3", "ô B3 và 1 ô khác chứa công thức", `"=B2+1"`, "Dán đặc biệt"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
}

func TestXLSXSheetsNamedByKindOnly(t *testing.T) {
	t.Parallel()
	data := workbook(t, func(f *excelize.File) {
		f.SetSheetName("Sheet1", "Hướng dẫn")
		setRows(t, f, "Hướng dẫn", []any{"Điền dữ liệu vào các trang sau", "rồi tải lên"})
		f.NewSheet("so lieu") // accents and case aside, still Số liệu
		setRows(t, f, "so lieu", []any{"Mã số thuế", "Năm", "Giá trị sản xuất"}, []any{"0100233488", 2024, 5})
		f.NewSheet("Doanh nghiệp") // named, but empty: left out
	})
	tables := mustReadXLSX(t, data)
	if len(tables) != 1 || tables[0].Kind != importer.KindFigures {
		t.Fatalf("tables = %+v, want the one figures sheet", tables)
	}
}

type excelizeFile = excelize.File

func newZipWriter(w io.Writer) *zip.Writer { return zip.NewWriter(w) }

// TestDateInATextColumnIsRefused: a certificate number 1/3 that the
// spreadsheet turned into 1 March is refused, naming the cell and what it
// became, rather than stored as a date.
func TestDateInATextColumnIsRefused(t *testing.T) {
	t.Parallel()
	book := workbook(t, func(f *excelize.File) {
		f.SetSheetName("Sheet1", "Chứng nhận")
		setRows(t, f, "Chứng nhận",
			[]any{"Mã số thuế", "Lĩnh vực", "Hiệu lực từ", "Số giấy chứng nhận"},
			[]any{"0100233488", "supporting", "2021", "12/GCN"},
			[]any{"0100233488", "high_tech", "2022", nil},
		)
		dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetCellValue("Chứng nhận", "D3", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
		f.SetCellStyle("Chứng nhận", "D3", "D3", dateStyle)
	})
	_, err := importer.ReadFile(t.Context(), book, "book.xlsx")
	if code := fileProblem(t, err); code != "import_date_in_text" {
		t.Fatalf("%v (%s), want import_date_in_text", err, code)
	}
	if msg := err.Error(); !strings.Contains(msg, "ô D3 của cột “Số giấy chứng nhận” là một ngày (01/03/2026)") {
		t.Errorf("message %q", msg)
	}
}
