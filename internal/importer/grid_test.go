package importer_test

import (
	"fmt"
	"strings"
	"testing"

	"industrytargets/internal/importer"
	"industrytargets/internal/importer/xlsxtest"
	"industrytargets/internal/model"
)

// gridHeader is the header of a yearly figures grid downloaded from
// /figures: the enterprise's name and area beside its tax code.
var gridHeader = []any{"Mã số thuế", "Tên doanh nghiệp", "Địa bàn", "Năm", "Giá",
	"Giá trị sản xuất (triệu đồng)", "Doanh thu (triệu đồng)", "Giá trị xuất khẩu (triệu đồng)", "Số lao động", "Tình trạng số liệu"}

// figureSummary writes the figures of a batch with the columns they set.
func figureSummary(b importer.Batch) []string {
	var out []string
	for _, f := range b.Figures {
		rev := "-"
		if f.Revenue != nil {
			rev = f.Revenue.String()
		}
		var cols []string
		for _, key := range []string{"tax_code", "name", "area", "year", "price_basis", "production_value", "revenue", "status"} {
			if f.Columns.Has(key) {
				cols = append(cols, key)
			}
		}
		out = append(out, fmt.Sprintf("%s %d %s %s %s %s %v row %d", f.TaxCode, f.Year, f.Basis,
			f.ProductionValue, rev, f.Status, cols, f.Row))
	}
	return out
}

func TestFiguresReadPastNameAndArea(t *testing.T) {
	t.Parallel()
	// The area is no area of the reference and the name not the register's:
	// both are there for the reader only, so neither is checked.
	csvHeader := make([]string, len(gridHeader))
	for i, h := range gridHeader {
		csvHeader[i] = h.(string)
	}
	vi := csvFile{"so-lieu.csv", strings.Join(csvHeader, ",") + "\n" +
		tcA + ",Công ty A,Huyện Không Có,2024,current,1234.5,25.5,7,120,estimate\n" +
		tcB + ",,,2024,const2010,10,,,,\n"}
	en := csvFile{"figures.csv", "tax_code,name,area,year,price_basis,production_value,revenue,export_value,employees,status\n" +
		tcA + ",Công ty A,Huyện Không Có,2024,current,1234.5,25.5,7,120,estimate\n" +
		tcB + ",,,2024,const2010,10,,,,\n"}
	want := fmt.Sprint([]string{
		tcA + " 2024 current 1234.5 25.5 estimate [tax_code year price_basis production_value revenue status] row 2",
		tcB + " 2024 const2010 10 - official [tax_code year price_basis production_value revenue status] row 3",
	})
	for _, f := range []csvFile{vi, en} {
		b := mustParse(t, []string{tcA, tcB}, f)
		if got := fmt.Sprint(figureSummary(b)); got != want {
			t.Errorf("%s: figures =\n%s\nwant\n%s", f.name, got, want)
		}
		if len(b.Enterprises) != 0 || len(b.Files) != 1 || b.Files[0].Kind != importer.KindFigures {
			t.Errorf("%s: %d enterprises, files %+v; want only a figures file", f.name, len(b.Enterprises), b.Files)
		}
	}

	// The same grid as a workbook, on a sheet named for figures and on one
	// named for nothing, whose kind its header tells.
	for _, sheet := range []string{"Số liệu", "Sheet1"} {
		data := xlsxtest.Workbook(sheet, gridHeader,
			[]any{tcA, "Công ty A", "Huyện Không Có", 2024, "current", 1234.5, 25.5, 7, 120, "estimate"},
			[]any{tcB, nil, nil, 2024, "const2010", 10})
		tables := mustReadXLSX(t, data)
		b, errs := importer.Parse(t.Context(), tables, testRef(), func(string) bool { return true })
		sameProblems(t, errs, nil)
		if got := fmt.Sprint(figureSummary(b)); got != want {
			t.Errorf("sheet %s: figures =\n%s\nwant\n%s", sheet, got, want)
		}
	}
}

func TestFiguresStillRefuseOtherColumns(t *testing.T) {
	t.Parallel()
	tests := []struct {
		header string
		want   []problem
	}{
		// Only the name and area inform; the rest of an enterprise is not a figure's.
		{"tax_code,name,year,production_value,name_en", []problem{{1, "", "name_en", "import_unknown_column"}}},
		{"tax_code,area,year,production_value,Khu/cụm công nghiệp", []problem{{1, "", "Khu/cụm công nghiệp", "import_unknown_column"}}},
		{"tax_code,year,production_value,Ngày hoạt động", []problem{{1, "", "Ngày hoạt động", "import_unknown_column"}}},
		// Twice the same column is twice, informational or not.
		{"tax_code,name,year,production_value,Tên doanh nghiệp", []problem{{1, "", "Tên doanh nghiệp", "import_duplicate_column"}}},
		{"tax_code,Địa bàn,year,production_value,area", []problem{{1, "", "area", "import_duplicate_column"}}},
		// Other kinds have no informational columns.
		{"tax_code,category,valid_from,name", []problem{{1, "", "name", "import_unknown_column"}}},
		{"province,year,production_value,area", []problem{{1, "", "area", "import_unknown_column"}}},
	}
	for _, tt := range tests {
		_, errs := parse(t, []string{tcA}, csvFile{"f.csv", tt.header + "\n"})
		if fmt.Sprint(problems(errs)) != fmt.Sprint(tt.want) {
			t.Errorf("%s: problems %v, want %v", tt.header, problems(errs), tt.want)
		}
	}
	// A name and an area alone still make an enterprises file, short of
	// its required columns: they do not make a figures file.
	_, errs := parse(t, nil, csvFile{"e.csv", "tax_code,name,area\n"})
	sameProblems(t, errs, []problem{{1, "", "", "import_missing_column"}})
}

func TestFiguresRowWithoutFigureIsSkipped(t *testing.T) {
	t.Parallel()
	// Rows 2, 4, 5 and 7 have no figure, as a downloaded grid lists an
	// enterprise without one: year and basis filled, the tax code unknown
	// or even wrong. Nothing of them is read, so row 6 does not repeat
	// row 2's key.
	body := "Mã số thuế,Tên doanh nghiệp,Địa bàn,Năm,Giá,Giá trị sản xuất,Doanh thu,Giá trị xuất khẩu,Số lao động,Tình trạng số liệu\n" +
		tcA + ",Công ty A,,2024,current,,,,,\n" +
		tcB + ",Công ty B,,2024,current,20,,,,\n" +
		tcC + ",Chưa đăng ký,,2024,current,,,,,\n" +
		"0100233480,Sai mã,,2024,usd, ,,,,\n" +
		tcA + ",Công ty A,,2024,current,30,,,,estimate\n" +
		",,,2024,current,,,,,\n"
	b, errs := parse(t, []string{tcA, tcB}, csvFile{"f.csv", body})
	sameProblems(t, errs, nil)
	want := fmt.Sprint([]string{
		tcB + " 2024 current 20 - official [tax_code year price_basis production_value revenue status] row 3",
		tcA + " 2024 current 30 - estimate [tax_code year price_basis production_value revenue status] row 6",
	})
	if got := fmt.Sprint(figureSummary(b)); got != want {
		t.Errorf("figures =\n%s\nwant\n%s", got, want)
	}
	if f := b.Files[0]; f.Rows != 6 || f.Skipped != 4 {
		t.Errorf("file = %+v, want 6 rows, 4 of them skipped", f)
	}

	// Workbook cells the same.
	data := xlsxtest.Workbook("Số liệu", gridHeader,
		[]any{tcA, "Công ty A", nil, 2024, "current", nil, nil, nil, nil, nil},
		[]any{tcB, "Công ty B", nil, 2024, "current", 20})
	b, errs = importer.Parse(t.Context(), mustReadXLSX(t, data), testRef(), func(string) bool { return true })
	sameProblems(t, errs, nil)
	if len(b.Figures) != 1 || b.Figures[0].TaxCode != tcB || b.Files[0].Skipped != 1 {
		t.Errorf("figures %v, file %+v; want only %s's, one row skipped", figureSummary(b), b.Files[0], tcB)
	}
}

func TestFiguresRowPartlyFilledNeedsProductionValue(t *testing.T) {
	t.Parallel()
	body := "tax_code,name,area,year,price_basis,production_value,revenue,export_value,employees,status\n" +
		tcA + ",A,,2021,current,,5,,,\n" +
		tcA + ",A,,2022,current,,,5,,\n" +
		tcA + ",A,,2023,current,,,,5,\n" +
		tcA + ",A,,2024,current,,0,,,\n" + // a revenue of nothing is a figure still
		tcA + ",A,,2025,current,,,,,official\n" // a status: a figure whose value was forgotten
	_, errs := parse(t, []string{tcA}, csvFile{"f.csv", body})
	sameProblems(t, errs, []problem{
		{2, "production_value", "", "required"},
		{3, "production_value", "", "required"},
		{4, "production_value", "", "required"},
		{5, "production_value", "", "required"},
		{6, "production_value", "", "required"},
	})
	// A value in a column without a header is reported even on a row
	// with no figure: it may be the figure, typed one column too far.
	_, errs = parse(t, []string{tcA}, csvFile{"f.csv", "tax_code,year,production_value,\n" + tcA + ",2024,,1234\n"})
	sameProblems(t, errs, []problem{{2, "", "1234", "import_unnamed_column"}})
	if errs[0].Format(model.LangEN) == "" {
		t.Error("no message")
	}
}
