package importer_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"industrytargets/internal/importer"
	"industrytargets/internal/importer/xlsxtest"
	"industrytargets/internal/model"
)

// testRef is a small reference: two provinces, areas, zones, product groups.
func testRef() importer.Reference {
	return importer.Reference{
		Provinces: []model.Province{{Code: "HD", Name: "Hải Dương", SuccessorCode: "HP"}, {Code: "HP", Name: "Hải Phòng"}},
		Areas: []model.Area{
			{ID: 11, ProvinceCode: "HD", Code: "cam_giang", Name: "Huyện Cẩm Giàng"},
			{ID: 12, ProvinceCode: "HD", Code: "hai_duong", Name: "Thành phố Hải Dương"},
			{ID: 13, ProvinceCode: "HP", Code: "le_chan", Name: "Phường Lê Chân"},
			{ID: 15, ProvinceCode: "HP", Code: "10903", Name: "Xã Cẩm Giàng", Kind: "xa", ValidFrom: &firstHP},
		},
		Zones: []model.Zone{
			{ID: 21, ProvinceCode: "HD", Code: "kcn_dai_an", Name: "KCN Đại An"},
			{ID: 22, ProvinceCode: "HD", Code: "kcn_viet_hoa_kenmark", Name: "KCN Việt Hòa – Kenmark"},
		},
		ProductGroups: []model.ProductGroup{
			{Code: "co_khi", Name: "Cơ khí chế tạo"}, {Code: "dien_tu", Name: "Điện tử"},
		},
		Categories: []model.CategoryInfo{{Code: model.CategorySupporting, Name: "Công nghiệp hỗ trợ"}},
	}
}

// firstHP is the first day of the merged Hải Phòng's communes.
var firstHP = model.Date(2025, 7, 1)

// Valid tax codes (DOMAIN.md §5's worked examples).
const (
	tcA = "0100233488"
	tcB = "0314409058"
	tcC = "0100112437"
	tcD = "0312687878"
)

type csvFile struct{ name, body string }

// parse reads each file as CSV and parses them together against testRef,
// with known as the register's tax codes.
func parse(t *testing.T, known []string, files ...csvFile) (importer.Batch, []importer.RowError) {
	t.Helper()
	var tables []importer.Table
	for _, f := range files {
		tb, err := importer.ReadCSV(strings.NewReader(f.body), f.name)
		if err != nil {
			t.Fatalf("ReadCSV(%s): %v", f.name, err)
		}
		tables = append(tables, tb)
	}
	set := map[string]bool{}
	for _, tc := range known {
		set[tc] = true
	}
	return importer.Parse(t.Context(), tables, testRef(), func(tc string) bool { return set[tc] })
}

// mustParse parses and fails the test on any problem.
func mustParse(t *testing.T, known []string, files ...csvFile) importer.Batch {
	t.Helper()
	b, errs := parse(t, known, files...)
	for _, e := range errs {
		t.Errorf("unexpected problem: %s", e.Format(model.LangEN))
	}
	if len(errs) > 0 {
		t.FailNow()
	}
	return b
}

// problem is the part of a RowError a test states.
type problem struct {
	row          int
	column, cell string
	code         string
}

func problems(errs []importer.RowError) []problem {
	out := make([]problem, len(errs))
	for i, e := range errs {
		out[i] = problem{e.Row, e.Column, e.Value, e.Problem.Code}
	}
	return out
}

func sameProblems(t *testing.T, errs []importer.RowError, want []problem) {
	t.Helper()
	got := problems(errs)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		var lines []string
		for _, e := range errs {
			lines = append(lines, e.Format(model.LangEN))
		}
		t.Errorf("problems =\n%v\nwant\n%v\nmessages:\n%s", got, want, strings.Join(lines, "\n"))
	}
}

func TestHeaderInEnglishOrVietnameseInAnyOrder(t *testing.T) {
	t.Parallel()
	english := mustParse(t, nil, csvFile{"en.csv",
		"tax_code,name,province,ownership,area,industrial_zone,vsic,operating_since,ceased_on,employees\n" +
			tcA + ",Công ty A,HD,fdi,cam_giang,kcn_dai_an,2599,2015-03-01,2030,1.234\n"})
	vietnamese := mustParse(t, nil, csvFile{"vi.csv",
		"Số lao động,Ngày ngừng hoạt động,NGÀY HOẠT ĐỘNG,Mã ngành,Khu/cụm công nghiệp,Địa bàn,Loại hình,  Tỉnh ,Tên doanh nghiệp,Mã số thuế\n" +
			"1234,31/12/2030,01/03/2015,2599,KCN Đại An,Huyện Cẩm Giàng,FDI,Hải Dương,Công ty A,0100-233-488\n"})
	got, want := vietnamese.Enterprises[0].Enterprise, english.Enterprises[0].Enterprise
	if describe(got) != describe(want) {
		t.Errorf("Vietnamese header gives\n%+v\nEnglish gives\n%+v", got, want)
	}
	if want.TaxCode != tcA || *want.AreaID != 11 || *want.ZoneID != 21 || *want.Employees != 1234 ||
		!want.OperatingSince.Equal(model.Date(2015, 3, 1)) || !want.CeasedOn.Equal(model.Date(2030, 12, 31)) {
		t.Errorf("enterprise = %+v", want)
	}
}

// describe writes an enterprise's values, following pointers.
func describe(e model.Enterprise) string {
	deref := func(p *int64) any {
		if p == nil {
			return nil
		}
		return *p
	}
	var ceased any
	if e.CeasedOn != nil {
		ceased = e.CeasedOn.Format(time.DateOnly)
	}
	return fmt.Sprint(e.TaxCode, e.Name, e.NameEN, e.ProvinceCode, e.Ownership, e.InvestorCountry,
		deref(e.AreaID), deref(e.ZoneID), e.VSIC, e.OperatingSince.Format(time.DateOnly), ceased,
		deref(e.Employees))
}

func TestHeaderWithUnitAndNFD(t *testing.T) {
	t.Parallel()
	// "Năm" typed on a Mac arrives decomposed (NFD); the unit in brackets is ignored.
	b := mustParse(t, []string{tcA}, csvFile{"f.csv",
		"Mã số thuế,Na\u0306m,Giá trị sản xuất (triệu đồng),Doanh thu (triệu đồng)\n" + tcA + ",2022,\"1.234,5\",1234.5\n"})
	f := b.Figures[0]
	if f.ProductionValue != 1234500 || *f.Revenue != 1234500 || f.Basis != model.BasisCurrent || f.Status != model.StatusOfficial {
		t.Errorf("figure = %+v, want 1234.5 both, current, official", f.Figure)
	}
}

func TestKindFromHeader(t *testing.T) {
	t.Parallel()
	tests := []struct {
		header string
		kind   importer.Kind // "" when the header is refused
		codes  []string
	}{
		{"tax_code,name,operating_since", importer.KindEnterprises, nil},
		{"tax_code,category,valid_from", importer.KindClassifications, nil},
		{"tax_code,year,production_value", importer.KindFigures, nil},
		{"province,year,production_value", importer.KindProvinceOutput, nil},
		{"Tỉnh,Năm,Giá trị sản xuất,Nguồn", importer.KindProvinceOutput, nil},
		// province beside tax_code: a figures file with a stray column.
		{"tax_code,year,production_value,province", "", []string{"import_unknown_column"}},
		{"tax_code,name", "", []string{"import_missing_column"}},
		{"name,operating_since", "", []string{"import_missing_column"}},
		{"tax_code,year,production_value,colour", "", []string{"import_unknown_column"}},
		{"tax_code,name,operating_since,Mã số thuế", "", []string{"import_duplicate_column"}},
		{"year,production_value", "", []string{"import_unknown_kind"}},
		{"tax_code", "", []string{"import_unknown_kind"}},
		{"a,b,c", "", []string{"import_unknown_kind"}},
	}
	for _, tt := range tests {
		tb, err := importer.ReadCSV(strings.NewReader(tt.header+"\n"), "h.csv")
		if err != nil {
			t.Fatal(err)
		}
		b, errs := importer.Parse(t.Context(), []importer.Table{tb}, testRef(), nil)
		var codes []string
		for _, e := range errs {
			codes = append(codes, e.Problem.Code)
			if e.Row != 1 {
				t.Errorf("%s: problem on row %d, want the header row 1", tt.header, e.Row)
			}
		}
		if fmt.Sprint(codes) != fmt.Sprint(tt.codes) {
			t.Errorf("%s: problems %v, want %v", tt.header, codes, tt.codes)
		}
		var kind importer.Kind
		if len(b.Files) == 1 {
			kind = b.Files[0].Kind
		}
		if kind != tt.kind {
			t.Errorf("%s: kind %q, want %q", tt.header, kind, tt.kind)
		}
	}
}

func TestHeaderProblemsNameTheColumn(t *testing.T) {
	t.Parallel()
	_, errs := parse(t, nil, csvFile{"e.csv", "Mã số thuế,Tên doanh nghiệp,Màu,tax_code\n" + tcA + ",A,đỏ,x\n"})
	sameProblems(t, errs, []problem{
		{1, "", "", "import_missing_column"},
		{1, "", "Màu", "import_unknown_column"},
		{1, "", "tax_code", "import_duplicate_column"},
	})
	vi, en := errs[1].Format(model.LangVI), errs[2].Format(model.LangEN)
	if want := `e.csv:1: "Màu": cột "Màu" không có trong mẫu tệp enterprises`; vi != want {
		t.Errorf("unknown column message = %q, want %q", vi, want)
	}
	if want := `e.csv:1: "tax_code": column "tax_code" repeats column 1`; en != want {
		t.Errorf("duplicate column message = %q, want %q", en, want)
	}
	if got := errs[0].Reason(model.LangEN); got != "the required column operating_since (Ngày hoạt động) is missing" {
		t.Errorf("missing column message = %q", got)
	}
}

func TestBadEnterpriseCells(t *testing.T) {
	t.Parallel()
	body := "tax_code,name,ownership,area,industrial_zone,vsic,operating_since,ceased_on,employees\n" +
		"0100233480,Sai số kiểm tra,private,,,,2015,,\n" + // row 2
		"01002334,Ngắn,,,,,2015,,\n" + // row 3
		tcA + ",,state,,,,31/02/2020,,\n" + // row 4
		tcB + ",B,nhà nước,Huyện Không Có,KCN Không Có,4711,2015/01/01,,-3\n" + // row 5
		tcC + ",C,,,,,2020,2020,12.5\n" + // row 6: ceased the year it began? 31/12/2020 is after 01/01/2020: fine
		tcD + ",D,,,,,2020-06-01,2019,1.234\n" // row 7
	_, errs := parse(t, nil, csvFile{"e.csv", body})
	sameProblems(t, errs, []problem{
		{2, "tax_code", "0100233480", "tax_code_check_digit"},
		{3, "tax_code", "01002334", "tax_code_length"},
		{4, "name", "", "required"},
		{4, "operating_since", "31/02/2020", "date_invalid"},
		{5, "ownership", "nhà nước", "ownership"},
		{5, "area", "Huyện Không Có", "import_unknown_area"},
		{5, "industrial_zone", "KCN Không Có", "import_unknown_zone"},
		{5, "vsic", "4711", "vsic"},
		{5, "operating_since", "2015/01/01", "date_format"},
		{5, "employees", "-3", "number_negative"},
		{6, "employees", "12.5", "integer_format"},
		{7, "ceased_on", "2019", "ceased_before"},
	})
	want := `e.csv:2: tax_code "0100233480": sai chữ số kiểm tra: chữ số thứ 10 phải là 8, không phải 0`
	if got := errs[0].Format(model.LangVI); got != want {
		t.Errorf("Vietnamese line = %q, want %q", got, want)
	}
	want = `e.csv:2: tax_code "0100233480": wrong check digit: the 10th digit must be 8, not 0`
	if got := errs[0].Format(model.LangEN); got != want {
		t.Errorf("English line = %q, want %q", got, want)
	}
}

func TestBadFigureCells(t *testing.T) {
	t.Parallel()
	body := "tax_code,year,production_value,price_basis,revenue,export_value,status\n" +
		tcA + ",2022,1.234,,,,\n" + // 1234, as this file writes decimals with a comma
		tcA + ",2023,-5,,,,\n" +
		tcA + ",1989,5,,,,\n" +
		tcA + ",2024,5,const2015,,,final\n" +
		tcA + ",2025,,,abc,\"1,234.5\",\n" +
		tcA + ",,5,,,,\n" +
		tcA + ",2026,\"1,2345\",,,,\n"
	_, errs := parse(t, []string{tcA}, csvFile{"f.csv", body})
	sameProblems(t, errs, []problem{
		{3, "production_value", "-5", "number_negative"},
		{4, "year", "1989", "year_range"},
		{5, "price_basis", "const2015", "price_basis"},
		{5, "status", "final", "status"},
		{6, "production_value", "", "required"},
		{6, "revenue", "abc", "number_format"},
		{6, "export_value", "1,234.5", "number_format"},
		{7, "year", "", "required"},
		{8, "production_value", "1,2345", "number_decimals"},
	})
}

func TestNumbersPlainAndVietnamese(t *testing.T) {
	t.Parallel()
	b := mustParse(t, []string{tcA}, csvFile{"f.csv", "tax_code,year,production_value,revenue,export_value\n" +
		tcA + ",2020,1234.5,\"1.234.567,125\",0\n" +
		tcA + ",2021,\"1234,5\",12,\"0,001\"\n"})
	f0, f1 := b.Figures[0], b.Figures[1]
	if f0.ProductionValue != 1234500 || *f0.Revenue != 1234567125 || *f0.ExportValue != 0 {
		t.Errorf("row 2 = %v, %v, %v", f0.ProductionValue, *f0.Revenue, *f0.ExportValue)
	}
	if f1.ProductionValue != 1234500 || *f1.Revenue != 12000 || *f1.ExportValue != 1 {
		t.Errorf("row 3 = %v, %v, %v", f1.ProductionValue, *f1.Revenue, *f1.ExportValue)
	}
}

func TestDatesAndBareYearEdges(t *testing.T) {
	t.Parallel()
	b := mustParse(t, nil,
		csvFile{"e.csv", "tax_code,name,operating_since,ceased_on\n" +
			tcA + ",A,2015,2024\n" + tcB + ",B,29/10/2021,2022-02-28\n" + tcC + ",C,2019-1-5,\n"},
		csvFile{"c.csv", "tax_code,category,valid_from,valid_until\n" +
			tcA + ",supporting,2019,2021\n" + tcB + ",Công nghiệp hỗ trợ,1/6/2021,31/05/2026\n"})
	day := func(t *time.Time) string {
		if t == nil {
			return "-"
		}
		return t.Format(time.DateOnly)
	}
	var got []string
	for _, e := range b.Enterprises {
		got = append(got, day(&e.OperatingSince)+" "+day(e.CeasedOn))
	}
	for _, c := range b.Classifications {
		got = append(got, day(&c.ValidFrom)+" "+day(c.ValidUntil)+" "+string(c.Category))
	}
	want := []string{
		"2015-01-01 2024-12-31", "2021-10-29 2022-02-28", "2019-01-05 -",
		"2019-01-01 2021-12-31 supporting", "2021-06-01 2026-05-31 supporting",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dates =\n%v\nwant\n%v", got, want)
	}
}

func TestBadClassificationCells(t *testing.T) {
	t.Parallel()
	body := "tax_code,category,product_group,valid_from,valid_until\n" +
		tcA + ",hi_tech,,2019,\n" +
		tcA + ",supporting,Nhóm lạ,,\n" +
		tcA + ",high_tech,Điện Tử,2020,2019\n"
	_, errs := parse(t, []string{tcA}, csvFile{"c.csv", body})
	sameProblems(t, errs, []problem{
		{2, "category", "hi_tech", "category"},
		{3, "product_group", "Nhóm lạ", "import_unknown_product_group"},
		{3, "valid_from", "", "required"},
		{4, "valid_until", "2019", "until_before"},
	})
}

func TestReferencesByCodeOrName(t *testing.T) {
	t.Parallel()
	body := "tax_code,name,province,area,industrial_zone,operating_since\n" +
		tcA + ",A,,Huyện Cẩm Giàng,KCN Việt Hòa - Kenmark,2015\n" +
		tcB + ",B,hd,CAM_GIANG,kcn_dai_an,2015\n" +
		tcC + ",C,hai phong,phuong le chan,,2015\n"
	b := mustParse(t, nil, csvFile{"e.csv", body})
	var got []string
	for _, e := range b.Enterprises {
		z := int64(0)
		if e.ZoneID != nil {
			z = *e.ZoneID
		}
		got = append(got, fmt.Sprintf("%s/%d/%d", e.ProvinceCode, *e.AreaID, z))
	}
	if want := "[HD/11/22 HD/11/21 HP/13/0]"; fmt.Sprint(got) != want {
		t.Errorf("references = %v, want %s", got, want)
	}
	// An area is looked for in the row's own province only.
	_, errs := parse(t, nil, csvFile{"e.csv", "tax_code,name,province,area,operating_since\n" +
		tcD + ",D,HP,Huyện Cẩm Giàng,2015\n"})
	sameProblems(t, errs, []problem{{2, "area", "Huyện Cẩm Giàng", "import_unknown_area"}})
}

func TestProblemsLeaveNoRecords(t *testing.T) {
	t.Parallel()
	b, errs := parse(t, nil, csvFile{"e.csv", "tax_code,name,operating_since\n" + tcA + ",A,2015\n" + tcB + ",,2015\n"})
	if len(errs) != 1 || len(b.Enterprises) != 0 || len(b.Files) != 1 {
		t.Errorf("batch = %d enterprises, %d files, problems %v; want no records, one file, one problem",
			len(b.Enterprises), len(b.Files), problems(errs))
	}
}

func TestBOMAndSemicolons(t *testing.T) {
	t.Parallel()
	body := "\ufeffMã số thuế;Năm;Giá trị sản xuất;Doanh thu\r\n" + tcA + ";2022;1.234,5;12,5\r\n"
	b := mustParse(t, []string{tcA}, csvFile{"excel.csv", body})
	if f := b.Figures[0]; f.ProductionValue != 1234500 || *f.Revenue != 12500 || !f.Columns.Has("revenue") {
		t.Errorf("figure = %+v", f)
	}
}

func TestInvalidUTF8(t *testing.T) {
	t.Parallel()
	// "Mã số thuế" in Windows-1258 is not UTF-8.
	body := "tax_code,name,operating_since\n" + tcA + ",C\xf4ng ty,2015\n"
	_, err := importer.ReadCSV(strings.NewReader(body), "ansi.csv")
	var re *importer.RowError
	if !errors.As(err, &re) || re.Problem.Code != "import_not_utf8" || re.Row != 2 {
		t.Fatalf("ReadCSV = %v, want import_not_utf8 on line 2", err)
	}
	if msg := re.Format(model.LangEN); !strings.Contains(msg, "CSV UTF-8") {
		t.Errorf("message %q does not say to save as CSV UTF-8", msg)
	}
}

func TestRowNumbersAsInASpreadsheet(t *testing.T) {
	t.Parallel()
	// Row 3 is blank, row 4 has a line break inside a quoted cell, and the
	// trailing blank rows are ignored.
	body := "tax_code,name,operating_since\n" +
		tcA + ",A,2015\n" +
		"\n" +
		tcB + ",\"Hai\ndòng\",2015\n" +
		tcC + ",C,31/02/2015\n" +
		",,\n\n"
	tb, err := importer.ReadCSV(strings.NewReader(body), "e.csv")
	if err != nil {
		t.Fatal(err)
	}
	var nums []int
	for _, r := range tb.Rows {
		nums = append(nums, r.Num)
	}
	if fmt.Sprint(nums) != "[2 4 5]" {
		t.Errorf("row numbers = %v, want [2 4 5]", nums)
	}
	_, errs := importer.Parse(t.Context(), []importer.Table{tb}, testRef(), nil)
	sameProblems(t, errs, []problem{{5, "operating_since", "31/02/2015", "date_invalid"}})
}

func TestCSVSyntaxErrorNamesTheRow(t *testing.T) {
	t.Parallel()
	_, err := importer.ReadCSV(strings.NewReader("tax_code,name,operating_since\n"+tcA+",\"A\"x,2015\n"), "q.csv")
	var re *importer.RowError
	if !errors.As(err, &re) || re.Problem.Code != "import_csv_syntax" || re.Row != 2 {
		t.Fatalf("ReadCSV = %v, want import_csv_syntax on row 2", err)
	}
}

func TestEmptyAndTooLongFiles(t *testing.T) {
	t.Parallel()
	_, err := importer.ReadCSV(strings.NewReader("\ufeff\n\n"), "empty.csv")
	var re *importer.RowError
	if !errors.As(err, &re) || re.Problem.Code != "import_no_header" {
		t.Errorf("empty file: %v, want import_no_header", err)
	}
	var b strings.Builder
	b.WriteString("province,year,production_value\n")
	for range importer.MaxRows + 1 {
		b.WriteString("HD,2020,1\n")
	}
	_, err = importer.ReadCSV(strings.NewReader(b.String()), "big.csv")
	if !errors.As(err, &re) || re.Problem.Code != "import_too_many_rows" || re.Row != importer.MaxRows+2 {
		t.Errorf("too many rows: %v, want import_too_many_rows on row %d", err, importer.MaxRows+2)
	}
}

func TestDuplicateKeysNameBothRows(t *testing.T) {
	t.Parallel()
	_, errs := parse(t, nil,
		csvFile{"e.csv", "tax_code,name,operating_since\n" + tcA + ",A,2015\n" + tcB + ",B,2015\n" + "0100.233.488,A again,2016\n"},
		csvFile{"c.csv", "tax_code,category,valid_from\n" + tcA + ",supporting,2019\n" + tcA + ",supporting,01/01/2019\n" + tcA + ",high_tech,2019\n"},
		csvFile{"f1.csv", "tax_code,year,production_value,price_basis\n" + tcA + ",2020,1,\n" + tcA + ",2020,2,const2010\n"},
		csvFile{"f2.csv", "tax_code,year,production_value\n" + tcA + ",2020,1\n"},
		csvFile{"p.csv", "province,year,production_value\nHD,2020,1\nHải Dương,2020,2\nHP,2020,3\n"},
	)
	sameProblems(t, errs, []problem{
		{4, "tax_code", "0100.233.488", "import_duplicate_enterprise"},
		{3, "tax_code", tcA, "import_duplicate_classification"},
		{2, "tax_code", tcA, "import_duplicate_figure"},
		{3, "province", "Hải Dương", "import_duplicate_province_output"},
	})
	want := []string{
		"e.csv:4: tax_code \"0100.233.488\": the same tax code as row 2 of e.csv",
		"c.csv:3: tax_code \"0100233488\": the same tax code, category and valid_from as row 2 of c.csv",
		"f2.csv:2: tax_code \"0100233488\": the same tax code, year and price basis as row 2 of f1.csv",
		"p.csv:3: province \"Hải Dương\": the same province, year and price basis as row 2 of p.csv",
	}
	for i, e := range errs {
		if i < len(want) && e.Format(model.LangEN) != want[i] {
			t.Errorf("line %d = %q, want %q", i, e.Format(model.LangEN), want[i])
		}
	}
}

func TestTaxCodesMustBeKnownOrImported(t *testing.T) {
	t.Parallel()
	figures := csvFile{"f.csv", "tax_code,year,production_value\n" + tcA + ",2020,1\n" + tcB + ",2020,1\n" + tcC + ",2020,1\n"}
	ents := csvFile{"e.csv", "tax_code,name,operating_since\n" + tcB + ",B,2015\n"}
	// Figures first on the command line: the order of files does not matter.
	b, errs := parse(t, []string{tcA}, figures, ents)
	sameProblems(t, errs, []problem{{4, "tax_code", tcC, "import_unknown_tax_code"}})
	want := "f.csv:4: tax_code \"0100112437\": mã số thuế 0100112437 chưa có trong sổ đăng ký và không có trong tệp doanh nghiệp"
	if got := errs[0].Format(model.LangVI); got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
	if len(b.Files) != 2 || b.Files[0].Kind != importer.KindEnterprises || b.Files[1].Kind != importer.KindFigures {
		t.Errorf("files = %+v, want the enterprises file first", b.Files)
	}
}

func TestBrokenEnterprisesHeaderDoesNotBlameFigures(t *testing.T) {
	t.Parallel()
	_, errs := parse(t, nil,
		csvFile{"e.csv", "tax_code,name\n" + tcA + ",A\n"},
		csvFile{"f.csv", "tax_code,year,production_value\n" + tcA + ",2020,1\n"})
	sameProblems(t, errs, []problem{{1, "", "", "import_missing_column"}})
}

func TestColumnsPresent(t *testing.T) {
	t.Parallel()
	b := mustParse(t, nil, csvFile{"e.csv", "tax_code,name,operating_since,employees\n" + tcA + ",A,2015,\n"})
	e := b.Enterprises[0]
	for key, want := range map[string]bool{"tax_code": true, "employees": true, "name_en": false, "area": false} {
		if e.Columns.Has(key) != want {
			t.Errorf("Columns.Has(%q) = %v, want %v", key, !want, want)
		}
	}
	if e.Employees != nil || e.ProvinceCode != "HD" || e.File != "e.csv" || e.Row != 2 {
		t.Errorf("enterprise = %+v, want no employees, province HD, from e.csv:2", e)
	}
}

func TestDataWithoutHeader(t *testing.T) {
	t.Parallel()
	_, errs := parse(t, nil, csvFile{"e.csv", "tax_code,name,operating_since,\n" +
		tcA + ",A,2015,\n" + tcB + ",B,2015,lạc\n" + tcC + ",C,2015,x,y\n"})
	sameProblems(t, errs, []problem{
		{3, "", "lạc", "import_unnamed_column"},
		{4, "", "y", "import_unnamed_column"},
	})
}

func TestAmbiguousName(t *testing.T) {
	t.Parallel()
	ref := testRef()
	ref.Areas = append(ref.Areas, model.Area{ID: 14, ProvinceCode: "HD", Code: "cam_giang_2", Name: "Huyện Cẩm Giàng"})
	tb, _ := importer.ReadCSV(strings.NewReader("tax_code,name,area,operating_since\n"+tcA+",A,huyện cẩm giàng,2015\n"), "e.csv")
	_, errs := importer.Parse(t.Context(), []importer.Table{tb}, ref, nil)
	sameProblems(t, errs, []problem{{2, "area", "huyện cẩm giàng", "import_ambiguous_area"}})
}

// TestParseStopsAtMaxErrors: a file wrong in every row is checked up to
// MaxErrors problems and says there are more, so its cost is bounded
// whatever its length; the problems kept are the first in file order.
func TestParseStopsAtMaxErrors(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("tax_code,year,production_value\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "0100233488,nam-%d,1\n", i)
	}
	tb, err := importer.ReadCSV(strings.NewReader(b.String()), "figures.csv")
	if err != nil {
		t.Fatal(err)
	}
	batch, errs := importer.Parse(t.Context(), []importer.Table{tb}, testRef(), nil)
	if len(errs) != importer.MaxErrors || !batch.Truncated {
		t.Fatalf("%d problems, truncated %v; want %d and true", len(errs), batch.Truncated, importer.MaxErrors)
	}
	if errs[0].Row != 2 || errs[len(errs)-1].Row > 2+importer.MaxErrors {
		t.Errorf("problems run from row %d to %d; want the first ones from row 2", errs[0].Row, errs[len(errs)-1].Row)
	}
	few := strings.Join(strings.Split(b.String(), "\n")[:11], "\n") + "\n"
	tb, _ = importer.ReadCSV(strings.NewReader(few), "figures.csv")
	if batch, errs := importer.Parse(t.Context(), []importer.Table{tb}, testRef(), nil); batch.Truncated || len(errs) < 10 {
		t.Errorf("ten bad rows: %d problems, truncated %v", len(errs), batch.Truncated)
	}
}

// TestReadCSVQuotedSeparatorsAreNotCells: the cap on cells counts only
// separators outside quotes.
func TestReadCSVQuotedSeparatorsAreNotCells(t *testing.T) {
	t.Parallel()
	data := "tax_code,name,operating_since\n0100233488,\"" + strings.Repeat("a,", 500) + "\",2015\n"
	tb, err := importer.ReadCSV(strings.NewReader(data), "doanh-nghiep.csv")
	if err != nil || len(tb.Rows) != 1 || len(tb.Rows[0].Cells) != 3 {
		t.Fatalf("a name holding 500 commas: %v, %+v", err, tb.Rows)
	}
}

// TestNumberStyleSettlesAmbiguity: "1.234" alone is refused as ambiguous;
// a file whose other amounts write decimals with a point (an English
// spreadsheet's) reads it as 1.234, one with a comma as 1234; a file that
// mixes both leaves it ambiguous.
func TestNumberStyleSettlesAmbiguity(t *testing.T) {
	t.Parallel()
	head := "tax_code,year,production_value,revenue\n" + tcA + ",2022,1.234,"
	for _, tt := range []struct {
		name, rest string
		want       model.Money
		code       string
	}{
		{"alone", "\n", 0, "number_ambiguous"},
		{"decimal points", "12.5\n", 1234, ""},
		{"decimal commas", "\"12,5\"\n", model.MoneyFromMillions(1234), ""},
		{"both", "12.5\n" + tcA + ",2023,\"12,5\",\n", 0, "number_ambiguous"},
	} {
		b, errs := parse(t, []string{tcA}, csvFile{"f.csv", head + tt.rest})
		switch {
		case tt.code != "":
			if len(errs) == 0 || errs[0].Problem.Code != tt.code {
				t.Errorf("%s: problems %v, want %s", tt.name, errs, tt.code)
			}
		case len(errs) > 0 || len(b.Figures) == 0 || b.Figures[0].ProductionValue != tt.want:
			t.Errorf("%s: %v, %+v; want %v", tt.name, errs, b.Figures, tt.want)
		}
	}
}

// TestFigureRowWithOnlyAStatus: a figures row with no value and no status
// is skipped (a downloaded grid's enterprise without a figure); one with a
// status but no value is a figure whose value was forgotten, and refused.
func TestFigureRowWithOnlyAStatus(t *testing.T) {
	t.Parallel()
	body := "tax_code,year,production_value,status\n" + tcA + ",2024,,\n" + tcA + ",2023,,official\n"
	b, errs := parse(t, []string{tcA}, csvFile{"f.csv", body})
	if len(errs) != 1 || errs[0].Row != 3 || errs[0].Problem.Code != "required" || errs[0].Problem.Field != "production_value" {
		t.Fatalf("problems %v; want production_value required on row 3 only", errs)
	}
	if len(b.Files) != 1 || b.Files[0].Skipped != 1 {
		t.Errorf("files %+v; want row 2 skipped", b.Files)
	}
}

// TestCSVTitleRowsAboveTheHeader: the title lines a spreadsheet saves
// above the header are read past, as in a workbook, and the header's
// separator still decides.
func TestCSVTitleRowsAboveTheHeader(t *testing.T) {
	t.Parallel()
	for _, data := range []string{
		"DANH SÁCH DOANH NGHIỆP\n\nĐơn vị: triệu đồng,,\ntax_code,name,operating_since\n" + tcA + ",Công ty A,2015\n",
		"DANH SÁCH DOANH NGHIỆP\ntax_code;name;operating_since\n" + tcA + ";Công ty A;2015\n",
	} {
		tb, err := importer.ReadCSV(strings.NewReader(data), "e.csv")
		if err != nil || len(tb.Header) != 3 || tb.Header[0] != "tax_code" || len(tb.Rows) != 1 || tb.Rows[0].Cells[1] != "Công ty A" {
			t.Fatalf("%q: %v, header %q, rows %+v", data, err, tb.Header, tb.Rows)
		}
		if want := strings.Count(data[:strings.Index(data, "tax_code")], "\n") + 1; tb.HeaderRow != want {
			t.Errorf("header row %d, want %d", tb.HeaderRow, want)
		}
	}
}

// TestNoncharactersAreRefused: U+FFFE and U+FFFF are not text and could
// not be exported as read, so a cell holding one is refused.
func TestNoncharactersAreRefused(t *testing.T) {
	t.Parallel()
	body := "tax_code,name,operating_since\n" + tcA + ",Công ty \uffff,2015\n"
	_, errs := parse(t, nil, csvFile{"e.csv", body})
	if len(errs) != 1 || errs[0].Problem.Code != "noncharacter" || errs[0].Problem.Field != "name" {
		t.Fatalf("problems %v, want the name refused", errs)
	}
}

// TestReadAndParseStopWhenTheirTimeIsUp: with the import's context ended,
// reading a file and checking its rows stop, refusing it with a message
// that says so, rather than running on.
func TestReadAndParseStopWhenTheirTimeIsUp(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	data := []byte("tax_code,name,operating_since\n" + tcA + ",Công ty A,2015\n")
	for _, name := range []string{"e.csv", "e.xlsx"} {
		file := data
		if name == "e.xlsx" {
			file = xlsxtest.Workbook("Doanh nghiệp", []any{"tax_code", "name", "operating_since"}, []any{tcA, "Công ty A", 2015})
		}
		if _, err := importer.ReadFile(ctx, file, name); fileProblem(t, err) != "import_timeout" {
			t.Errorf("%s read after the time is up: %v, want import_timeout", name, err)
		}
	}
	tables, err := importer.ReadFile(t.Context(), data, "e.csv")
	if err != nil {
		t.Fatal(err)
	}
	b, errs := importer.Parse(ctx, tables, testRef(), nil)
	if len(errs) != 1 || errs[0].Problem.Code != "import_timeout" || len(b.Enterprises) != 0 {
		t.Errorf("checked after the time is up: %v, %d enterprises; want one import_timeout and none", errs, len(b.Enterprises))
	}
}
