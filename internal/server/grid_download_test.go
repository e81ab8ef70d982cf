package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// gridDownloadHeader is the header row of a downloaded grid.
var gridDownloadHeader = []string{"Mã số thuế", "Tên doanh nghiệp", "Địa bàn", "Năm", "Giá",
	"Giá trị sản xuất (triệu đồng)", "Doanh thu (triệu đồng)", "Giá trị xuất khẩu (triệu đồng)", "Số lao động", "Tình trạng số liệu"}

// gridDownloadData stores Công ty A to E of gridEnterprises (A without a
// 2024 figure), gives B every cell of a figure, puts C in an area, and adds
// an enterprise whose name a spreadsheet would take for a formula. It
// returns each enterprise's row as the download should give it, by id.
func gridDownloadData(t *testing.T, st *store.Store) (map[int64][]string, []int64) {
	t.Helper()
	ctx := context.Background()
	ids := gridEnterprises(t, st, 0, 20, 30, 40, 50)
	b, err := st.FigureByKey(ctx, ids[1], 2024, model.BasisCurrent)
	if err != nil {
		t.Fatal(err)
	}
	rev, exp, emp := model.MoneyFromMillions(25)+500, model.MoneyFromMillions(7), int64(120)
	b.ProductionValue, b.Revenue, b.ExportValue, b.Employees, b.Status = model.MoneyFromMillions(1234)+500, &rev, &exp, &emp, model.StatusEstimate
	if err := st.UpdateFigure(ctx, &b, 0); err != nil {
		t.Fatal(err)
	}
	areas, err := st.Areas(ctx, "HD")
	if err != nil || len(areas) == 0 {
		t.Fatalf("areas of HD: %v, %v", areas, err)
	}
	c, err := st.Enterprise(ctx, ids[2])
	if err != nil {
		t.Fatal(err)
	}
	c.AreaID = &areas[0].ID
	if err := st.UpdateEnterprise(ctx, &c, 0); err != nil {
		t.Fatal(err)
	}
	tc := taxCodeWith(t, "04")
	evil := model.Enterprise{TaxCode: tc, Name: "=HYPERLINK(\"http://x\")", ProvinceCode: "HD", OperatingSince: model.Date(2015, 1, 1)}
	if err := st.CreateEnterprise(ctx, &evil, 0); err != nil {
		t.Fatal(err)
	}
	ids = append(ids, evil.ID)
	want := map[int64][]string{}
	for i, id := range ids[:5] {
		e, err := st.Enterprise(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want[id] = []string{e.TaxCode, e.Name, "", "2024", "current", strconv.Itoa(i*10 + 10), "", "", "", "official"}
	}
	want[ids[0]][5], want[ids[0]][9] = "", ""
	want[ids[1]][5], want[ids[1]][6], want[ids[1]][7], want[ids[1]][8], want[ids[1]][9] = "1234.5", "25.5", "7", "120", "estimate"
	want[ids[2]][2] = areas[0].Name
	want[evil.ID] = []string{tc, evil.Name, "", "2024", "current", "", "", "", "", ""}
	return want, ids
}

// taxCodeWith is a valid tax code beginning with prefix.
func taxCodeWith(t *testing.T, prefix string) string {
	t.Helper()
	for i := 1; i < 100; i++ {
		first9 := prefix + fmt.Sprintf("%07d", i)
		if d, ok := model.TaxCheckDigit(first9); ok {
			return first9 + strconv.Itoa(d)
		}
	}
	t.Fatal("no tax code")
	return ""
}

var reGridRowID = regexp.MustCompile(`name="orig-(\d+)"`)

// gridPageOrder is the ids of the grid page's rows, in its order.
func gridPageOrder(t *testing.T, c *http.Client, u string) []int64 {
	t.Helper()
	status, body, _ := entDo(t, c, u, nil)
	if status != http.StatusOK {
		t.Fatalf("GET %s = %d", u, status)
	}
	var ids []int64
	for _, m := range reGridRowID.FindAllStringSubmatch(body, -1) {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		ids = append(ids, id)
	}
	return ids
}

// fetchGridFile downloads path as an editor and checks its type and name.
func fetchGridFile(t *testing.T, c *http.Client, base, path, contentType, filename string) []byte {
	t.Helper()
	h, body := get(t, c, base+path, contentType)
	if got := h.Get("Content-Disposition"); got != "attachment; filename="+filename {
		t.Errorf("GET %s: Content-Disposition %q, want an attachment named %s", path, got, filename)
	}
	return body
}

// readCSVFile reads a downloaded CSV file, which must begin with a UTF-8
// byte-order mark.
func readCSVFile(t *testing.T, body []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(body, []byte("\ufeff")) {
		t.Error("the CSV file does not begin with a UTF-8 byte-order mark")
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestGridDownloadIsTheFilteredRows(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	want, ids := gridDownloadData(t, st)
	c := client(t, srv.URL, model.RoleEditor)
	const settings = "?year=2024&basis=current&province=HD"

	// Every row, in the page's order, whatever page is asked for.
	order := gridPageOrder(t, c, srv.URL+"/figures"+settings)
	if len(order) != len(ids) {
		t.Fatalf("the grid shows %d rows, want %d", len(order), len(ids))
	}
	wantRows := [][]string{gridDownloadHeader}
	for _, id := range order {
		rec := slices.Clone(want[id])
		if id == ids[5] {
			rec[1] = `'=HYPERLINK("http://x")` // a formula, neutralised
		}
		wantRows = append(wantRows, rec)
	}
	got := readCSVFile(t, fetchGridFile(t, c, srv.URL, "/figures.csv"+settings+"&page=2", "text/csv; charset=utf-8", "so-lieu-2024-HD-3164.csv"))
	if !reflect.DeepEqual(got, commaDecimals(wantRows)) {
		t.Errorf("figures.csv =\n%q\nwant\n%q", got, commaDecimals(wantRows))
	}

	// Narrowed by a search and by an area, as the page is.
	for query, id := range map[string]int64{"&q=c%C3%B4ng+ty+b": ids[1], "&area=" + areaOf(t, st, ids[2]): ids[2]} {
		if order := gridPageOrder(t, c, srv.URL+"/figures"+settings+query); !reflect.DeepEqual(order, []int64{id}) {
			t.Fatalf("the grid%s shows %v, want [%d]", query, order, id)
		}
		got := readCSVFile(t, fetchGridFile(t, c, srv.URL, "/figures.csv"+settings+query, "text/csv; charset=utf-8", "so-lieu-2024-HD-3164.csv"))
		if w := commaDecimals([][]string{gridDownloadHeader, want[id]}); !reflect.DeepEqual(got, w) {
			t.Errorf("figures.csv%s = %q, want %q", query, got, w)
		}
	}

	// Another basis: the same enterprises, no figures, named for the basis.
	got = readCSVFile(t, fetchGridFile(t, c, srv.URL, "/figures.csv?year=2024&basis=const2010&q=c%C3%B4ng+ty+b",
		"text/csv; charset=utf-8", "so-lieu-2024-HD-3164-const2010.csv"))
	if w := []string{want[ids[1]][0], "Công ty B", "", "2024", "const2010", "", "", "", "", ""}; len(got) != 2 || !reflect.DeepEqual(got[1], w) {
		t.Errorf("figures.csv on const2010 = %q, want the row %q", got, w)
	}
}

func areaOf(t *testing.T, st *store.Store, id int64) string {
	t.Helper()
	e, err := st.Enterprise(context.Background(), id)
	if err != nil || e.AreaID == nil {
		t.Fatalf("enterprise %d: %v, %v", id, e.AreaID, err)
	}
	return strconv.FormatInt(*e.AreaID, 10)
}

func TestGridXLSXHoldsNumbersAsNumbers(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	want, ids := gridDownloadData(t, st)
	c := client(t, srv.URL, model.RoleEditor)
	order := gridPageOrder(t, c, srv.URL+"/figures?year=2024&basis=current")
	body := fetchGridFile(t, c, srv.URL, "/figures.xlsx?year=2024&basis=current", xlsxType, "so-lieu-2024-HD-3164.xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); !reflect.DeepEqual(sheets, []string{chartSheet}) {
		t.Errorf("sheets = %q, want [%s]", sheets, chartSheet)
	}
	if len(order) != len(ids) {
		t.Fatalf("the grid shows %d rows, want %d", len(order), len(ids))
	}
	text := map[int]bool{0: true, 1: true, 2: true, 4: true, 9: true}
	for j, h := range gridDownloadHeader {
		checkSheetCell(t, f, chartSheet, 0, j, h, true)
	}
	for i, id := range order {
		for j, cell := range want[id] {
			checkSheetCell(t, f, chartSheet, i+1, j, cell, text[j])
		}
	}
	// The name a spreadsheet would take for a formula is text, not a formula.
	ref, _ := excelize.CoordinatesToCellName(2, slices.Index(order, ids[5])+2)
	if formula, _ := f.GetCellFormula(chartSheet, ref); formula != "" {
		t.Errorf("%s holds the formula %q", ref, formula)
	}
}

// checkSheetCell checks the cell of sheet at row i, column j (from 0)
// holds want: as text when text is set (a tax code keeps its leading
// zero), else as a number; nothing when want is empty.
func checkSheetCell(t *testing.T, f *excelize.File, sheet string, i, j int, want string, text bool) {
	t.Helper()
	ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
	got, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, _ := f.GetCellType(sheet, ref)
	isText := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
	switch {
	case want == "":
		if got != "" {
			t.Errorf("%s %s = %q, want empty", sheet, ref, got)
		}
	case text:
		if !isText || got != want {
			t.Errorf("%s %s = %q (type %v), want the text %q", sheet, ref, got, typ, want)
		}
	default:
		g, gerr := strconv.ParseFloat(got, 64)
		w, _ := strconv.ParseFloat(want, 64)
		if isText || gerr != nil || g != w {
			t.Errorf("%s %s = %q (type %v), want the number %s", sheet, ref, got, typ, want)
		}
	}
}

func TestGridDownloadRefusesBadSettings(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	gridEnterprises(t, st, 10)
	c := client(t, srv.URL, model.RoleEditor)
	for query, msg := range map[string]string{
		"year=abc":              "Năm không hợp lệ: số liệu chỉ có cho năm đã kết thúc.",
		"year=1800":             "Năm không hợp lệ: số liệu chỉ có cho năm đã kết thúc.",
		"year=2026":             "Năm không hợp lệ: số liệu chỉ có cho năm đã kết thúc.",
		"plan=XX":               "Không có đề án này.",
		"basis=usd":             "Loại giá không hợp lệ.",
		"province=XX":           "Không có đề án nào của tỉnh, thành phố này.",
		"area=999999":           "Địa bàn không thuộc địa bàn của đề án đã chọn.",
		"area=x&plan=HD-3164":   "Địa bàn không thuộc địa bàn của đề án đã chọn.",
		"year=2024&basis=%3D1+": "Loại giá không hợp lệ.",
	} {
		for _, ext := range []string{"csv", "xlsx"} {
			status, body, _ := entDo(t, c, srv.URL+"/figures."+ext+"?"+query, nil)
			if status != http.StatusBadRequest || !strings.Contains(body, msg) {
				t.Errorf("GET /figures.%s?%s = %d, want 400 saying %q", ext, query, status, msg)
			}
		}
	}
	// Empty settings take the page's defaults.
	if status, _, _ := entDo(t, c, srv.URL+"/figures.csv?year=&basis=&area=&q=", nil); status != http.StatusOK {
		t.Errorf("GET /figures.csv with empty settings = %d, want 200", status)
	}
	viewer := client(t, srv.URL, model.RoleViewer)
	if status, _, _ := entDo(t, viewer, srv.URL+"/figures.xlsx", nil); status != http.StatusForbidden {
		t.Errorf("viewer GET /figures.xlsx = %d, want 403", status)
	}
}

func TestGridPageLinksItsDownloads(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	gridEnterprises(t, st, 10)
	c := client(t, srv.URL, model.RoleEditor)
	_, body, _ := entDo(t, c, srv.URL+"/figures?year=2024&basis=const2010&q=c%C3%B4ng+ty&page=1", nil)
	for _, ext := range []string{"csv", "xlsx"} {
		want := `href="/figures.` + ext + `?basis=const2010&amp;plan=HD-3164&amp;q=c%C3%B4ng+ty&amp;year=2024"`
		if !strings.Contains(body, want) {
			t.Errorf("the grid page lacks the link %s", want)
		}
	}
}
