package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"industrytargets/internal/browsertest"
)

// TestPlanTerritoryInBrowser: each group of the plan's territory has a
// button that clears (or ticks) all of its units, the group's count
// follows, an open group fits a phone, and the territory saved is the one
// ticked: HD-3164 without its 12 old districts keeps 64 units.
func TestPlanTerritoryInBrowser(t *testing.T) {
	t.Parallel()
	ctx := browsertest.New(t)
	srv := newAdminBrowserServer(t)
	browserSignIn(t, ctx, srv.URL+"/admin/plans/HD-3164/edit")
	if got := browserEval[int](t, ctx, `document.querySelectorAll("details.territory-group p.group-actions button").length`); got != 6 {
		t.Fatalf("%d group buttons, want 2 in each of the 3 groups", got)
	}
	browserEval[bool](t, ctx, `(() => { const g = document.querySelector("details.territory-group"); g.open = true;
		g.querySelectorAll("p.group-actions button")[1].click(); return true })()`)
	count := browserEval[string](t, ctx, `document.querySelector("details.territory-group [data-count]").textContent`)
	if count != "đã chọn 0/12 đơn vị" {
		t.Errorf("after clearing the first group its count reads %q, want đã chọn 0/12 đơn vị", count)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	checkNoHorizontalScroll(t, ctx, 390)
	browsertest.Screenshot(t, ctx, "plan-territory-mobile")
	browserClick(t, ctx, "form.plan-form button.primary", http.StatusOK)
	body := browserEval[string](t, ctx, `document.body.innerText`)
	if !strings.Contains(body, "64 đơn vị hành chính") {
		t.Errorf("the plans after saving do not list HD-3164 with 64 units:\n%s", body)
	}
}
