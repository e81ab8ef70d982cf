package server

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"io"
	"net/http"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"industrytargets/internal/format"
	"industrytargets/internal/model"
)

var (
	reTable = regexp.MustCompile(`(?s)<table class="([a-z]+)"[^>]*>(.*?)</table>`)
	reBody  = regexp.MustCompile(`(?s)<tbody>(.*?)</tbody>`)
	reRow   = regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	reCell  = regexp.MustCompile(`(?s)<t[dh][^>]*>(.*?)</t[dh]>`)
	reTag   = regexp.MustCompile(`<[^>]*>`)
)

// reportPageTables reads the body rows of the report page's tables, in
// order, each cell as its text.
func reportPageTables(t *testing.T, body string) [][][]string {
	t.Helper()
	var out [][][]string
	for _, tm := range reTable.FindAllStringSubmatch(body, -1) {
		var rows [][]string
		for _, rm := range reRow.FindAllStringSubmatch(reBody.FindStringSubmatch(tm[2])[1], -1) {
			var cells []string
			for _, cm := range reCell.FindAllStringSubmatch(rm[1], -1) {
				cells = append(cells, strings.TrimSpace(html.UnescapeString(reTag.ReplaceAllString(cm[1], ""))))
			}
			rows = append(rows, cells)
		}
		out = append(out, rows)
	}
	return out
}

// shownAs writes a workbook's cells as the report page prints the same
// values; sheet is the table's id.
func shownAs(t *testing.T, id string, row []string) []string {
	t.Helper()
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%s: %q is not a number", id, s)
		}
		return v
	}
	money := func(s string) string {
		if s == "" {
			return "—"
		}
		m, err := model.ParseMoney(strings.Replace(s, ".", ",", 1))
		if err != nil {
			t.Fatalf("%s: %q is not an amount: %v", id, s, err)
		}
		return format.Money(m)
	}
	switch id {
	case reportTargetsID:
		metric := func(s string) string {
			switch {
			case s == "":
				return "—"
			case row[0] == "Tỷ trọng giá trị sản xuất":
				return format.Percent(num(s))
			}
			return format.Decimal(num(s), 1)
		}
		ofTarget := "—"
		if row[5] != "" {
			ofTarget = format.Percent(num(row[5]))
		}
		return []string{row[0] + " đến năm " + row[1], metric(row[2]), cmp.Or(row[3], "—"), metric(row[4]), ofTarget, metric(row[6]), row[7] + row[8]}
	case reportSeriesID:
		share, province := "—", money(row[3])
		if row[5] != "" {
			share = format.Percent(num(row[5]))
		}
		if row[4] != "" && row[4] != "chính thức" {
			province += " (" + row[4] + ")"
		}
		return []string{row[0], format.Int(int64(num(row[1]))), money(row[2]), province, share,
			fmt.Sprintf("%s (%s/%s)", format.Percent(num(row[6])), row[7], row[1])}
	case reportEnterprisesID:
		return []string{row[0], row[1], row[2], row[3], money(row[4])}
	}
	return []string{row[0], format.Int(int64(num(row[1])))}
}

// breakdownAsPrinted is a breakdown's sheet (every slice) as the report
// prints it: the first eight slices, the rest summed in one row when there
// are more than nine, the total, and each one's share of the enterprises
// counted.
func breakdownAsPrinted(t *testing.T, noun string, rows [][]string, counted int) [][]string {
	t.Helper()
	row := func(name string, n int) []string {
		return []string{name, format.Int(int64(n)), format.Percent(float64(n) / float64(counted))}
	}
	var out [][]string
	rest := 0
	for i, r := range rows {
		n, err := strconv.Atoi(r[1])
		if err != nil {
			t.Fatalf("%s: count %q", noun, r[1])
		}
		if i < 8 || len(rows) <= 9 {
			out = append(out, row(r[0], n))
		} else {
			rest += n
		}
	}
	if len(rows) > 9 {
		out = append(out, row(fmt.Sprintf("%s khác (%d)", noun, len(rows)-8), rest))
	}
	return append(out, row("Tổng số doanh nghiệp", counted))
}

// sheetRows reads a sheet's rows as stored, each as wide as the header.
func sheetRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) == 0 {
		t.Fatalf("sheet %s: %d rows, %v", sheet, len(rows), err)
	}
	for i := range rows {
		for len(rows[i]) < len(rows[0]) {
			rows[i] = append(rows[i], "")
		}
	}
	return rows
}

func TestReportWorkbookIsThePagesTables(t *testing.T) {
	t.Parallel()
	srv, _ := chartsDemoServer(t)
	for _, tt := range []struct {
		year  int
		basis model.PriceBasis
		query string
		name  string
	}{
		{2024, model.BasisCurrent, "", "HD-3164-2024-bao-cao.xlsx"},
		{2023, model.BasisConst2010, "?basis=const2010", "HD-3164-2023-bao-cao-const2010.xlsx"},
	} {
		path := "/reports/HD-3164/" + strconv.Itoa(tt.year)
		page := reportPageTables(t, mustGet(t, srv.URL+path+cmp.Or(tt.query, "?")+"&annex=1", http.StatusOK))
		body := fetchChartFile(t, srv.URL, path+".xlsx"+tt.query, xlsxType, tt.name)
		f, err := excelize.OpenReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		sheets := reportSheets()
		var names []string
		for _, s := range sheets {
			names = append(names, s.sheet)
		}
		if got := f.GetSheetList(); !reflect.DeepEqual(got, names) {
			t.Fatalf("%s sheets = %q, want %q", tt.name, got, names)
		}
		if len(page) != len(sheets) {
			t.Fatalf("the page has %d tables, want %d", len(page), len(sheets))
		}
		counted := 0
		for _, row := range sheetRows(t, f, "Số liệu qua các năm")[1:] {
			if row[0] == strconv.Itoa(tt.year) {
				counted, _ = strconv.Atoi(row[1])
			}
		}
		for k, s := range sheets {
			rows := sheetRows(t, f, s.sheet)
			var shown [][]string
			for _, row := range rows[1:] {
				shown = append(shown, shownAs(t, s.id, row))
			}
			if dim := model.Dimension(s.id); dim.Valid() {
				shown = breakdownAsPrinted(t, s.sheet, rows[1:], counted)
			}
			if !reflect.DeepEqual(shown, page[k]) {
				t.Errorf("%s sheet %s, as the page writes it =\n%q\nthe page's table =\n%q", tt.name, s.sheet, shown, page[k])
			}
		}
		checkReportCellTypes(t, f)
		f.Close()
	}
}

// checkReportCellTypes checks that numbers are numbers (shares shown as
// percentages) and tax codes text.
func checkReportCellTypes(t *testing.T, f *excelize.File) {
	t.Helper()
	series := sheetRows(t, f, "Số liệu qua các năm")
	for i, row := range series[1:] {
		for j, cell := range row {
			checkSheetCell(t, f, "Số liệu qua các năm", i+1, j, cell, j == 4) // the total's status is text
		}
	}
	share, _ := f.GetCellStyle("Số liệu qua các năm", "F2")
	if st, err := f.GetStyle(share); err != nil || st.NumFmt != 10 {
		t.Errorf("the share's cell is not a percentage: style %v, %v", st, err)
	}
	list := sheetRows(t, f, "Danh sách doanh nghiệp")
	if len(list) < 2 {
		t.Fatal("no enterprise is counted")
	}
	for i, row := range list[1:] {
		checkSheetCell(t, f, "Danh sách doanh nghiệp", i+1, 0, row[0], false)
		checkSheetCell(t, f, "Danh sách doanh nghiệp", i+1, 1, row[1], true)
		checkSheetCell(t, f, "Danh sách doanh nghiệp", i+1, 4, row[4], false)
	}
}

func TestReportCSVIsTheSheet(t *testing.T) {
	t.Parallel()
	srv, _ := chartsDemoServer(t)
	body := fetchChartFile(t, srv.URL, "/reports/HD-3164/2024.xlsx?basis=const2020", xlsxType, "HD-3164-2024-bao-cao-const2020.xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, s := range reportSheets() {
		file := fetchChartFile(t, srv.URL, "/reports/HD-3164/2024/"+s.id+".csv?basis=const2020",
			"text/csv; charset=utf-8", "HD-3164-2024-bao-cao-"+s.id+"-const2020.csv")
		got := readCSVFile(t, file)
		want := sheetRows(t, f, s.sheet)
		for i, row := range want {
			for j := range row {
				// A cell the workbook shows as a percentage is written as one.
				if style, _ := f.GetCellStyle(s.sheet, cellName(j, i)); i > 0 && isPercentStyle(f, style) {
					row[j] = percentCell(row[j])
				}
				row[j] = csvNumber(neutraliseCell(row[j]))
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s.csv =\n%q\nthe sheet %s =\n%q", s.id, got, s.sheet, want)
		}
	}
}

func TestReportDownloadsRefuseWhatIsNotThere(t *testing.T) {
	t.Parallel()
	srv, _ := chartsDemoServer(t)
	for path, want := range map[string]struct {
		status int
		msg    string
	}{
		"/reports/HD-3164/2024/colour.csv":            {http.StatusNotFound, "Báo cáo không có bảng này."},
		"/reports/HD-3164/2024/targets.xlsx":          {http.StatusNotFound, ""},
		"/reports/HD-3164/2019.xlsx":                  {http.StatusNotFound, "đề án HD-3164 tính từ năm gốc 2020"},
		"/reports/HD-3164/0.xlsx":                     {http.StatusNotFound, "đề án HD-3164 tính từ năm gốc 2020"},
		"/reports/HD-3164/abc/series.csv":             {http.StatusNotFound, "Năm không hợp lệ."},
		"/reports/HD-3164/2027.xlsx":                  {http.StatusNotFound, "Năm 2027 chưa đến"},
		"/reports/HD-3164/2024.xlsx?as_of=2030-01-01": {http.StatusBadRequest, "Ngày báo cáo phải là một ngày đã qua"},
		"/reports/NOPE/2024.xlsx":                     {http.StatusNotFound, ""},
		"/reports/NOPE/2024/targets.csv":              {http.StatusNotFound, ""},
		"/reports/HD-3164/2024.xlsx?basis=usd":        {http.StatusBadRequest, "Loại giá không hợp lệ."},
		"/reports/HD-3164/2024/area.csv?basis=usd":    {http.StatusBadRequest, "Loại giá không hợp lệ."},
		"/reports/HD-3164/2024/vsic_division.csv?x=1": {http.StatusOK, ""},
	} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want.status || !strings.Contains(string(b), want.msg) {
			t.Errorf("GET %s = %d, want %d saying %q", path, resp.StatusCode, want.status, want.msg)
		}
	}
}

func TestReportLinksItsDownloadsOnScreenOnly(t *testing.T) {
	t.Parallel()
	srv, _ := chartsDemoServer(t)
	body := mustGet(t, srv.URL+"/reports/HD-3164/2024?basis=const2010", http.StatusOK)
	wants := []string{`<nav class="toolbar"`, `<div class="downloads">`, `href="/reports/HD-3164/2024.xlsx?basis=const2010"`,
		`href="/reports/HD-3164/2024.pdf?basis=const2010"`, `href="/?basis=const2010&amp;plan=HD-3164&amp;year=2024"`}
	for _, s := range reportSheets() {
		wants = append(wants, `href="/reports/HD-3164/2024/`+s.id+`.csv?basis=const2010"`)
	}
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("the report lacks %s", w)
		}
	}
	css := mustGet(t, srv.URL+"/static/report.css", http.StatusOK)
	if !regexp.MustCompile(`@media print \{[^}]*\}\s*nav\.toolbar \{ display: none; \}`).MatchString(css) {
		t.Error("report.css does not hide the toolbar in print")
	}
}

// cellName is the A1 name of the cell at column j, row i, from 0.
func cellName(j, i int) string {
	name, _ := excelize.CoordinatesToCellName(j+1, i+1)
	return name
}

// isPercentStyle reports whether style shows numbers as percentages.
func isPercentStyle(f *excelize.File, style int) bool {
	st, err := f.GetStyle(style)
	return err == nil && st != nil && (st.NumFmt == 9 || st.NumFmt == 10)
}
