package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// gridDemoRows are two enterprises of the demo's 2024 grid with a figure:
// the first given an output of 1,234,567.5 million VND, which shows its
// thousands separators, the second 5.125, which written plainly would
// read as a Vietnamese 5125.
// todayScope is the scope of plan code as of today.
func todayScope(t *testing.T, st *store.Store, code string) store.Scope {
	t.Helper()
	plan, err := st.Plan(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := st.Scope(context.Background(), plan, vnToday())
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func gridDemoRows(t *testing.T, st *store.Store) (big, small model.Figure) {
	t.Helper()
	ctx := context.Background()
	rows, _, err := st.GridRows(ctx, store.GridFilter{Scope: todayScope(t, st, "HD-3164"), Year: 2024, Basis: model.BasisCurrent}, 1000, 0)
	if err != nil {
		t.Fatal(err)
	}
	var figures []model.Figure
	for _, r := range rows {
		if r.Figure != nil {
			figures = append(figures, *r.Figure)
		}
	}
	if len(figures) < 2 {
		t.Fatalf("the demo's 2024 grid has %d figures, want two or more", len(figures))
	}
	big, small = figures[0], figures[1]
	big.ProductionValue, small.ProductionValue = model.Money(1_234_567_500), model.Money(5_125)
	for _, f := range []*model.Figure{&big, &small} {
		if err := st.UpdateFigure(ctx, f, 0); err != nil {
			t.Fatal(err)
		}
	}
	return big, small
}

// gridOutputSource is the source the demo gives for the province's 2024
// total, which the grid shows as typed.
func gridOutputSource(t *testing.T, st *store.Store) []string {
	t.Helper()
	o, err := st.ProvinceOutputFor(context.Background(), "HD", 2024, model.BasisCurrent)
	if err != nil {
		t.Fatal(err)
	}
	return []string{o.Source}
}

func TestGridInEnglish(t *testing.T) {
	t.Parallel()
	g := newRegisterRig(t)
	g.data = append(gridOutputSource(t, g.st), g.data...)
	big, small := gridDemoRows(t, g.st)
	cell := func(key string, f model.Figure) string { return key + "-" + entItoa(f.EnterpriseID) }
	const grid = "/figures?year=2024&basis=current"
	body := g.get(t, grid, http.StatusOK)
	requireEnglish(t, "the grid", body, g.data...)
	wantAll(t, "the grid", body, "Figures for 2024, current prices", "Save figures", "Total industrial output of")
	// Cells hold plain numbers that read back as they are; 5.125 would be
	// refused as ambiguous.
	form := demoGridForm(t, body)
	if got := form.Get(cell("production_value", big)); got != "1234567.5" {
		t.Errorf("a cell of 1,234,567.5 holds %q, want 1234567.5", got)
	}
	if got := form.Get(cell("production_value", small)); got != "5.1250" {
		t.Errorf("a cell of 5.125 holds %q, want 5.1250", got)
	}
	for key, v := range form {
		if strings.Contains(v[0], ",") && !strings.HasPrefix(key, "po-source") {
			t.Errorf("cell %s holds %q, a Vietnamese number", key, v[0])
		}
	}
	status, _, loc := entDo(t, g.c, g.base+"/figures", form)
	if status != http.StatusSeeOther {
		t.Fatalf("saving the page untouched = %d, want 303", status)
	}
	wantAll(t, "the grid after an untouched save", g.get(t, loc, http.StatusOK), "There were no changes to save.")

	// A bad cell is told in English, and the good row beside it is saved
	// with its plain 5.1250 read back exactly.
	form.Set(cell("revenue", small), "12.5")
	form.Set(cell("revenue", big), "abc")
	status, body, _ = entDo(t, g.c, g.base+"/figures", form)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("saving a bad cell = %d, want 422", status)
	}
	requireEnglish(t, "the grid with a bad cell", body, g.data...)
	wantAll(t, "the grid with a bad cell", body, `"abc" is not a number`, "Rows saved: 1", "Rows with invalid cells, not saved: 1")
	if f, err := g.st.FigureByKey(context.Background(), small.EnterpriseID, 2024, model.BasisCurrent); err != nil ||
		f.ProductionValue != small.ProductionValue || f.Revenue == nil || f.Revenue.String() != "12.5" {
		t.Errorf("the good row was stored as %v, %v (%v); want 5.125 and 12.5", f.ProductionValue, f.Revenue, err)
	}

	gridConflictInEnglish(t, g, big, grid)
}

// demoGridForm is gridForm with the province total's status as the page
// shows it (the demo's is not official), so that an untouched page saves
// nothing.
func demoGridForm(t *testing.T, body string) url.Values {
	t.Helper()
	form := gridForm(t, body)
	form.Set("po-status", strings.Split(form.Get("po-orig"), "|")[2])
	return form
}

// gridConflictInEnglish saves a row someone else changed meanwhile: the
// page shows the stored numbers in English format.
func gridConflictInEnglish(t *testing.T, g registerRig, f model.Figure, grid string) {
	t.Helper()
	form := demoGridForm(t, g.get(t, grid, http.StatusOK))
	other, err := g.st.FigureByKey(context.Background(), f.EnterpriseID, 2024, model.BasisCurrent)
	if err != nil {
		t.Fatal(err)
	}
	other.ProductionValue = model.Money(2_345_678_250)
	if err := g.st.UpdateFigure(context.Background(), &other, 0); err != nil {
		t.Fatal(err)
	}
	form.Set("revenue-"+entItoa(f.EnterpriseID), "1")
	status, body, _ := entDo(t, g.c, g.base+"/figures", form)
	if status != http.StatusConflict {
		t.Fatalf("saving a row changed meanwhile = %d, want 409", status)
	}
	requireEnglish(t, "the grid with a conflict", body, g.data...)
	wantAll(t, "the grid with a conflict", body, "Not saved:", "Output <strong>2,345,678.25</strong>",
		"Rows just changed by someone else, so not saved: 1", `value="1"`)
}

func TestGridErrorsAndReportDownloadsInEnglish(t *testing.T) {
	t.Parallel()
	g := newRegisterRig(t)
	for _, path := range []string{"/figures.csv?year=abc", "/figures.xlsx?area=999999"} {
		body := g.get(t, path, http.StatusBadRequest)
		requireEnglish(t, path, body, g.data...)
	}
	wantAll(t, "a bad download", g.get(t, "/figures.csv?year=abc", http.StatusBadRequest), "Invalid year: figures exist only for years that have ended.")
	status, body, _ := entDo(t, g.c, g.base+"/figures", url.Values{"year": {"abc"}, "basis": {"current"}, "plan": {"HD-3164"}})
	if status != http.StatusBadRequest {
		t.Fatalf("a save with a bad year = %d, want 400", status)
	}
	requireEnglish(t, "a save with a bad year", body, g.data...)
	wantAll(t, "a save with a bad year", body, "Please reload the page.")

	// The report stays a Vietnamese document; only its download links,
	// which are not printed, speak English.
	body = g.get(t, "/reports/HD-3164/2024", http.StatusOK)
	wantAll(t, "the report", body, `<html lang="vi">`, "BÁO CÁO", `<nav class="toolbar" lang="en" aria-label="Report tools">`,
		"Download the tables (in Vietnamese, as in the report):", "Excel, every table (XLSX)", "Each table as CSV:",
		"Back to the overview", "Report number", "With the annex listing the enterprises", "Print the report", "Download PDF")
	nav := body[strings.Index(body, `<nav class="toolbar"`):]
	nav = nav[:strings.Index(nav, "</nav>")]
	if strings.Contains(nav, "Tải") {
		t.Errorf("the report's download links are still in Vietnamese: %s", nav)
	}
	// Everything else, the breakdowns and charts shared with the overview
	// included, is Vietnamese.
	doc := strings.Replace(body, nav, "", 1)
	if n := notEnglish(doc); len(n) == 0 {
		t.Error("the report has no Vietnamese in it")
	}
	for _, english := range []string{"Data table", "Download the data", "By category", "Number of enterprises"} {
		if strings.Contains(doc, english) {
			t.Errorf("the report document has %q in English", english)
		}
	}
}
