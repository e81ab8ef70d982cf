package server_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"industrytargets/internal/browsertest"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// TestGridInBrowser types Vietnamese numbers into the yearly grid of the
// sample register, moving down a column with Enter and across with Tab,
// saves, and checks what was stored; then a bad cell, and a phone.
func TestGridInBrowser(t *testing.T) {
	t.Parallel()
	ctx := browsertest.New(t)
	srv, st := newEditorBrowserServer(t)
	grid := srv.URL + "/figures?year=2024&basis=current"
	browserSignIn(t, ctx, grid)

	if got := browserEval[int](t, ctx, `document.querySelectorAll("table.grid tbody tr[data-row]").length`); got < 250 {
		t.Errorf("the 2024 grid lists %d enterprises, want the sample register's (over 250)", got)
	}
	checkStylesheetApplied(t, ctx)
	ids := browserEval[[]string](t, ctx, `Array.from(document.querySelectorAll("table.grid tbody tr[data-row]")).slice(0, 3)
		.map(r => r.querySelector("input.cell").id)`)
	if len(ids) != 3 {
		t.Fatalf("first cells = %v", ids)
	}
	revenue3 := strings.Replace(ids[2], "production_value-", "revenue-", 1)
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID(ids[0]), "1.234,5"), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if got := activeID(t, ctx); got != ids[1] {
		t.Fatalf("after Enter the focus is on %q, want the cell below, %q", got, ids[1])
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("2.000,75"), chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	if got := activeID(t, ctx); got != revenue3 {
		t.Errorf("after Enter then Tab the focus is on %q, want %q", got, revenue3)
	}
	checkNoHorizontalScroll(t, ctx, browsertest.Width)
	browsertest.Screenshot(t, ctx, "grid-typing")

	browserClick(t, ctx, `form.grid-form .grid-head button.primary`, http.StatusOK)
	if got := browserText(t, ctx, ".flash"); !strings.Contains(got, "Đã lưu 2 dòng") {
		t.Errorf("flash after saving = %q", got)
	}
	checkGridValue(t, st, ids[0], "1234.5")
	checkGridValue(t, st, ids[1], "2000.75")

	gridBadCell(t, ctx, ids[2])
	checkNoHorizontalScroll(t, ctx, browsertest.Width)
	browsertest.Screenshot(t, ctx, "grid-bad-cell")

	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	browserOpen(t, ctx, grid+"&q=co+khi", http.StatusOK)
	checkNoHorizontalScroll(t, ctx, 390)
	browsertest.Screenshot(t, ctx, "grid-mobile")
}

// gridBadCell types a word into a cell and saves: 422, the word kept, a
// message at the cell.
func gridBadCell(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID(id), "nhiều")); err != nil {
		t.Fatal(err)
	}
	browserClick(t, ctx, `form.grid-form .grid-head button.primary`, http.StatusUnprocessableEntity)
	if got := browserEval[string](t, ctx, `document.getElementById("`+id+`").value`); got != "nhiều" {
		t.Errorf("the bad cell came back as %q", got)
	}
	if got := browserText(t, ctx, "#"+id+"-error"); !strings.Contains(got, "không phải là số") {
		t.Errorf("message at the bad cell = %q", got)
	}
}

func activeID(t *testing.T, ctx context.Context) string {
	t.Helper()
	return browserEval[string](t, ctx, `document.activeElement ? document.activeElement.id : ""`)
}

// checkGridValue checks the 2024 production value of the enterprise whose
// cell is id.
func checkGridValue(t *testing.T, st *store.Store, id, want string) {
	t.Helper()
	eid, err := strconv.ParseInt(strings.TrimPrefix(id, "production_value-"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	f, err := st.FigureByKey(t.Context(), eid, 2024, model.BasisCurrent)
	if err != nil || f.ProductionValue.String() != want {
		t.Errorf("enterprise %d: production value %v (%v), want %s", eid, f.ProductionValue, err, want)
	}
}
