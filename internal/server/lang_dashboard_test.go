package server

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
)

// englishViewer is a viewer of srv who has switched to English.
func englishViewer(t *testing.T, base string) *http.Client {
	t.Helper()
	c := client(t, base, model.RoleViewer)
	resp, _ := send(t, c, http.MethodPost, base+"/lang", url.Values{"lang": {"en"}, "back": {"/"}}, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("switch to English: status %d, want 303", resp.StatusCode)
	}
	return c
}

// registerNames are the names of the register's data: places, the plan's
// decision number and the enterprises with their places, which an English
// page shows as they are.
func registerNames(t *testing.T, st *store.Store) []string {
	t.Helper()
	ref := seed.Reference()
	out := []string{seed.HD3164().DecisionNo}
	for _, p := range ref.Provinces {
		out = append(out, p.Name)
	}
	for _, a := range ref.Areas {
		out = append(out, a.Name)
	}
	for _, z := range ref.Zones {
		out = append(out, z.Name)
	}
	rows, _, err := st.ListEnterprises(context.Background(), store.EnterpriseFilter{Today: time.Now()}, 100000, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		out = append(out, r.Name, r.AreaName, r.ZoneName)
	}
	// Longest first, so that a name is taken out whole before a shorter
	// one inside it ("Thành phố Hải Dương", then "Hải Dương").
	slices.SortFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

// svgs are the charts of a page.
var svgs = regexp.MustCompile(`(?s)<svg.*?</svg>`)

func TestDashboardInEnglish(t *testing.T) {
	t.Parallel()
	srv, st := chartsDemoServer(t)
	c := englishViewer(t, srv.URL)
	names := registerNames(t, st)

	_, page := send(t, c, http.MethodGet, srv.URL+"/", nil, nil)
	requireEnglish(t, "overview", page, names...)
	for _, want := range []string{"<h1>Plan progress</h1>", "Figures by year", "Data quality", "By category",
		"dated 2021-10-29", "Supporting industry"} {
		if !strings.Contains(page, want) {
			t.Errorf("the overview in English lacks %q", want)
		}
	}
	rep, err := st.Progress(context.Background(), "HD-3164", store.Query{AsOf: vnToday()})
	if err != nil {
		t.Fatal(err)
	}
	last := rep.Series[len(rep.Series)-1]
	if out := format.For(model.LangEN).Money(last.QualifyingOutput); !strings.Contains(out, ",") || !strings.Contains(page, ">"+out+"<") {
		t.Errorf("the overview does not show the output of %d as %q", last.Year, out)
	}
	charts := strings.Join(svgs.FindAllString(page, -1), "\n")
	if !strings.Contains(charts, "Actual") || !strings.Contains(charts, "Target") {
		t.Error("the charts' legends are not in English")
	}
	if m := regexp.MustCompile(`\d,\d+%`).FindString(charts); m != "" {
		t.Errorf("a chart writes a share the Vietnamese way: %q", m)
	}
	if !regexp.MustCompile(`\d\.\d%`).MatchString(charts) {
		t.Error("no chart writes a share with a decimal point")
	}

	list := "/enterprises?plan=HD-3164&year=2024&basis=current&quality=provisional"
	_, page = send(t, c, http.MethodGet, srv.URL+list, nil, nil)
	requireEnglish(t, "drill-down list", page, names...)
	if want := "Enterprises counted in 2024 under plan HD-3164 whose 2024 figures (current prices) are still estimates or preliminary"; !strings.Contains(page, want) {
		t.Errorf("the drill-down list does not say %q", want)
	}
	_, page = send(t, c, http.MethodGet, srv.URL+"/enterprises?plan=HD-3164&year=2024&basis=current&dim=category&key=supporting", nil, nil)
	if want := "Enterprises counted in 2024 under plan HD-3164 · Supporting industry"; !strings.Contains(page, want) {
		t.Errorf("the drill-down list of a slice does not say %q", want)
	}

	resp, page := send(t, c, http.MethodGet, srv.URL+"/no-such-page", nil, nil)
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown address: status %d, want 404", resp.StatusCode)
	}
	requireEnglish(t, "not found", page)
}

func TestChartDownloadsInEnglish(t *testing.T) {
	t.Parallel()
	srv, _ := chartsDemoServer(t)
	c := englishViewer(t, srv.URL)

	_, body := send(t, c, http.MethodGet, srv.URL+"/charts/HD-3164/2024/count.csv", nil, nil)
	header, _, _ := strings.Cut(strings.TrimPrefix(body, chartBOM), "\n")
	if !strings.HasPrefix(header, "Year,Actual,") {
		t.Errorf("count.csv header = %q, want it in English", header)
	}
	// Enterprises are whole: the trajectory of 2021, 193.6 over the demo,
	// is 194.
	if !strings.Contains(body, "2021,181,194,") {
		t.Errorf("count.csv does not give the 2021 trajectory as a whole 194:\n%s", body)
	}
	// Numbers with the decimal point an English spreadsheet reads.
	_, body = send(t, c, http.MethodGet, srv.URL+"/charts/HD-3164/2024/share.csv", nil, nil)
	if !strings.Contains(body, ",17.0%,") || strings.Contains(body, `"17,0%"`) {
		t.Errorf("share.csv numbers are not written the English way:\n%s", body)
	}
	_, body = send(t, c, http.MethodGet, srv.URL+"/charts/HD-3164/2024/category.csv", nil, nil)
	if !strings.Contains(body, "Category,Number of enterprises") || !strings.Contains(body, "Supporting industry,") {
		t.Errorf("category.csv is not in English:\n%s", body)
	}

	_, body = send(t, c, http.MethodGet, srv.URL+"/charts/HD-3164/2024/flows.xlsx", nil, nil)
	f, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 1 || sheets[0] != "Data" {
		t.Errorf("flows.xlsx sheets = %q, want [Data]", sheets)
	}
	if got, _ := f.GetCellValue("Data", "B1"); got != "Started qualifying" {
		t.Errorf("flows.xlsx B1 = %q, want Started qualifying", got)
	}
}

func TestOverviewCardsInEnglish(t *testing.T) {
	t.Parallel()
	_, st := chartsDemoServer(t)
	rep, err := st.Progress(context.Background(), "HD-3164", store.Query{AsOf: model.Date(2025, 12, 31)})
	if err != nil {
		t.Fatal(err)
	}
	cs := overviewCards(i18n.WithLang(context.Background(), model.LangEN), rep, nil)
	if len(cs) != len(rep.Targets) {
		t.Fatalf("%d cards for %d targets", len(cs), len(rep.Targets))
	}
	var words []string
	for _, c := range cs {
		words = append(words, c.Title, c.Target, c.Actual, c.StatusLabel, c.Coverage)
		words = append(words, c.Lines...)
	}
	text := strings.Join(words, "\n")
	for _, s := range notEnglish(text) {
		t.Errorf("a card is still in Vietnamese: %q", s)
	}
	if want := "In 2024: " + format.For(model.LangEN).Int(int64(rep.Series[len(rep.Series)-1].EnterpriseCount)); !strings.Contains(text, want) {
		t.Errorf("the cards do not say %q:\n%s", want, text)
	}
	if vi := cards(rep); vi[0].Title != "Số doanh nghiệp" {
		t.Errorf("the printed report's cards are headed %q, want Vietnamese", vi[0].Title)
	}
}
