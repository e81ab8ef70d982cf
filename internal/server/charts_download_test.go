package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"math"
	"mime"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
)

// chartsDemoServer serves the sample register with the dashboard open to
// anyone, and one user of each role (see client).
func chartsDemoServer(t *testing.T) (*httptest.Server, *store.Store) {
	t.Helper()
	ctx := context.Background()
	st := storetest.New(t)
	if _, err := seed.Ensure(ctx, st); err != nil {
		t.Fatal(err)
	}
	if _, err := seed.EnsureDemo(ctx, st); err != nil {
		t.Fatal(err)
	}
	hash, err := entHash()
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range model.Roles {
		u := model.User{Email: string(role) + "@soct.example.vn", Role: role, PasswordHash: hash}
		if err := st.CreateUser(ctx, &u, 0); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(New(slog.New(slog.DiscardHandler), st,
		Options{PublicDashboard: true, AddrPerMinute: 10000, AddrBurst: 10000}))
	t.Cleanup(srv.Close)
	return srv, st
}

// fetchChartFile fetches a chart's data as a visitor and checks the answer's
// headers: its type and an attachment named filename.
func fetchChartFile(t *testing.T, base, path, contentType, filename string) []byte {
	t.Helper()
	resp, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != contentType {
		t.Fatalf("GET %s = %d %q, want 200 %q", path, resp.StatusCode, resp.Header.Get("Content-Type"), contentType)
	}
	disp, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition"))
	if err != nil || disp != "attachment" || params["filename"] != filename {
		t.Errorf("GET %s: Content-Disposition %q, want an attachment named %q", path, resp.Header.Get("Content-Disposition"), filename)
	}
	return body
}

// wantChartRecords builds the chart id as the overview does and returns its
// Records.
func wantChartRecords(t *testing.T, st *store.Store, id string, year int, basis model.PriceBasis) chartData {
	t.Helper()
	d := &deps{st: st}
	plan, err := st.Plan(context.Background(), "HD-3164")
	if err != nil {
		t.Fatal(err)
	}
	data, ok, err := d.chartData(context.Background(), reportQuery{plan: plan, year: year, basis: basis, asOf: vnToday()}, id)
	if err != nil || !ok {
		t.Fatalf("chart %s: %v, %v", id, ok, err)
	}
	return data
}

func overviewChartIDs() []string {
	ids := []string{chartCount, chartShare, chartFlows}
	for _, dim := range model.Dimensions {
		ids = append(ids, string(dim))
	}
	return ids
}

func TestChartCSVIsTheChartsRecords(t *testing.T) {
	t.Parallel()
	srv, st := chartsDemoServer(t)
	for _, id := range overviewChartIDs() {
		body := fetchChartFile(t, srv.URL, "/charts/HD-3164/2024/"+id+".csv", "text/csv; charset=utf-8", "HD-3164-2024-"+id+".csv")
		if !bytes.HasPrefix(body, []byte("\ufeff")) {
			t.Errorf("%s.csv does not begin with a UTF-8 byte-order mark", id)
		}
		got, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatalf("%s.csv: %v", id, err)
		}
		want := wantChartRecords(t, st, id, 2024, model.BasisCurrent)
		if want.Percent { // a share is written as the percentage the chart shows
			for _, row := range want.Rows {
				for j := 1; j < len(row); j++ {
					row[j] = percentCell(row[j])
				}
			}
		}
		if len(want.Rows) == 0 || !reflect.DeepEqual(got, commaDecimals(append([][]string{want.Header}, want.Rows...))) {
			t.Errorf("%s.csv = %q, want the header %q and the rows %q", id, got, want.Header, want.Rows)
		}
	}
	// The count's actual column is the series, independently of the chart.
	rep, err := st.Progress(context.Background(), "HD-3164", store.Query{AsOf: vnToday(), Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	count := wantChartRecords(t, st, chartCount, 2024, model.BasisCurrent)
	if count.Header[0] != "Năm" || count.Header[1] != "Thực tế" {
		t.Errorf("count header = %q, want Vietnamese", count.Header)
	}
	for i, p := range rep.Series {
		if count.Rows[i][0] != strconv.Itoa(p.Year) || count.Rows[i][1] != strconv.Itoa(p.EnterpriseCount) {
			t.Errorf("count row %q, want %d %d", count.Rows[i], p.Year, p.EnterpriseCount)
		}
	}
}

func TestChartXLSXHoldsTheSameNumbers(t *testing.T) {
	t.Parallel()
	srv, st := chartsDemoServer(t)
	for _, id := range overviewChartIDs() {
		body := fetchChartFile(t, srv.URL, "/charts/HD-3164/2023/"+id+".xlsx?basis=const2010",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "HD-3164-2023-"+id+"-const2010.xlsx")
		f, err := excelize.OpenReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s.xlsx does not open: %v", id, err)
		}
		want := wantChartRecords(t, st, id, 2023, model.BasisConst2010)
		if sheets := f.GetSheetList(); len(sheets) != 1 || sheets[0] != chartSheet {
			t.Errorf("%s.xlsx sheets = %q, want [%s]", id, sheets, chartSheet)
		}
		for i, row := range append([][]string{want.Header}, want.Rows...) {
			for j, cell := range row {
				checkChartXLSXCell(t, f, id, i, j, cell)
			}
		}
		f.Close()
	}
}

// checkChartXLSXCell checks the cell at row i, column j holds want: a number
// as a number (Excel keeps 15 significant digits), text as text.
func checkChartXLSXCell(t *testing.T, f *excelize.File, id string, i, j int, want string) {
	t.Helper()
	ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
	got, err := f.GetCellValue(chartSheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, err := f.GetCellType(chartSheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	isText := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
	w, werr := strconv.ParseFloat(want, 64)
	switch {
	case want == "":
		if got != "" {
			t.Errorf("%s.xlsx %s = %q, want empty", id, ref, got)
		}
	case werr == nil:
		g, gerr := strconv.ParseFloat(got, 64)
		if isText || gerr != nil || math.Abs(g-w) > 1e-14*math.Max(1, math.Abs(w)) {
			t.Errorf("%s.xlsx %s = %q (type %v), want the number %s", id, ref, got, typ, want)
		}
	case !isText || got != want:
		t.Errorf("%s.xlsx %s = %q (type %v), want the text %q", id, ref, got, typ, want)
	}
}

func TestChartDownloadRefusesWhatIsNotAChart(t *testing.T) {
	t.Parallel()
	srv, _ := chartsDemoServer(t)
	for path, status := range map[string]int{
		"/charts/HD-3164/2024/colour.csv":             http.StatusNotFound,
		"/charts/HD-3164/2019/count.csv":              http.StatusNotFound, // before the baseline
		"/charts/HD-3164/abc/count.xlsx":              http.StatusNotFound,
		"/charts/NOPE/2024/count.csv":                 http.StatusNotFound,
		"/charts/HD-3164/2024/count.csv?basis=usd":    http.StatusBadRequest,
		"/charts/HD-3164/2024/count.pdf":              http.StatusNotFound,
		"/charts/HD-3164/2024/vsic_division.xlsx?x=1": http.StatusOK,
	} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != status {
			t.Errorf("GET %s = %d, want %d", path, resp.StatusCode, status)
		}
	}
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	t.Parallel()
	data := chartData{Header: []string{"=Nhóm", "Số doanh nghiệp"}, Rows: [][]string{
		{"=HYPERLINK(\"http://x\")", "1"}, {"+84 Hải Dương", "2"}, {"-x", "-3"}, {"@SUM(A1)", "0.25"},
		{"\tTab", "4"}, {"\rCR", "5"}, {"Huyện Cẩm Giàng", ""}, {"-", "-0.5"},
	}}
	var buf bytes.Buffer
	if err := writeChartCSV(&buf, data, nil); err != nil {
		t.Fatal(err)
	}
	got, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"'=Nhóm", "Số doanh nghiệp"},
		{"'=HYPERLINK(\"http://x\")", "1"}, {"'+84 Hải Dương", "2"}, {"'-x", "-3"}, {"'@SUM(A1)", "0,25"},
		{"'\tTab", "4"}, {"'\rCR", "5"}, {"Huyện Cẩm Giàng", ""}, {"'-", "-0,5"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("csv = %q, want %q", got, want)
	}
}

func TestChartFileName(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		plan  string
		basis model.PriceBasis
		want  string
	}{
		{"HD-3164", model.BasisCurrent, "HD-3164-2024-area.csv"},
		{"HD-3164", model.BasisConst2020, "HD-3164-2024-area-const2020.csv"},
		{`Đề án "x"; rm`, model.BasisCurrent, "____n__x___rm-2024-area.csv"},
	} {
		if got := chartFileName(tt.plan, 2024, "area", tt.basis, chartExtCSV); got != tt.want {
			t.Errorf("chartFileName(%q, %s) = %q, want %q", tt.plan, tt.basis, got, tt.want)
		}
	}
}

// commaDecimals is records as a CSV download writes them: every number
// with a decimal comma.
func commaDecimals(records [][]string) [][]string {
	out := make([][]string, len(records))
	for i, rec := range records {
		out[i] = make([]string, len(rec))
		for j, cell := range rec {
			out[i][j] = csvNumber(cell)
		}
	}
	return out
}

// TestCSVNumbersReadBack writes amounts as the CSV downloads do and reads
// them as the importer does: the same amount, "1.234" never ambiguous.
func TestCSVNumbersReadBack(t *testing.T) {
	for _, m := range []model.Money{1234, 1, 999_000, 1234567125, 5125, 0} {
		written := csvNumber(m.String())
		back, err := model.ParseMoney(written)
		if err != nil || back != m {
			t.Errorf("%s written %q reads back as %s, %v", m, written, back, err)
		}
	}
	if got := csvNumber("Công ty 1.234"); got != "Công ty 1.234" {
		t.Errorf("text changed: %q", got)
	}
}

func TestPercentCell(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"0.17039586055368391": "17.0%", "0.35": "35.0%", "0.2126": "21.3%",
		"1": "100.0%", "": "", "—": "—"} {
		if got := percentCell(in); got != want {
			t.Errorf("percentCell(%q) = %q, want %q", in, got, want)
		}
	}
	if got := csvNumber(percentCell("0.178")); got != "17,8%" {
		t.Errorf("in Vietnamese: %q, want 17,8%%", got)
	}
}
