package server_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"industrytargets/internal/browsertest"
)

// In a real browser: the overview offers each chart's downloads beside its
// table, and a click on a bar of a breakdown opens exactly the enterprises
// of that slice, with a banner saying so.
func TestDrillDownInBrowser(t *testing.T) {
	t.Parallel()
	ctx := browsertest.New(t)
	srv := newBrowserServer(t)
	browserSignIn(t, ctx, srv.URL+"/")

	charts := browserEval[int](t, ctx, `document.querySelectorAll("section.chart, section.breakdown").length`)
	downloads := browserEval[int](t, ctx, `document.querySelectorAll(".chart-data p.downloads a[href*='/charts/HD-3164/']").length`)
	if charts < 9 || downloads != 2*charts {
		t.Errorf("%d charts with %d download links, want 9 or more with two each", charts, downloads)
	}
	checkNoHorizontalScroll(t, ctx, browsertest.Width)
	browsertest.Screenshot(t, ctx, "overview")

	// The first bar of the areas: its count, as the table beside it says.
	bar := `svg a[href*="dim=area"]`
	href := browserEval[string](t, ctx, `document.querySelector('`+bar+`').getAttribute("href")`)
	want := browserEval[string](t, ctx, `document.querySelector('td a[href="`+href+`"]').textContent.trim()`)
	browserClick(t, ctx, bar+" rect", http.StatusOK)

	title := browserText(t, ctx, ".drill-banner .drill-title")
	if !strings.HasPrefix(title, "Doanh nghiệp được tính năm ") || !strings.Contains(title, " theo đề án HD-3164 · ") {
		t.Errorf("banner = %q, want the year's enterprises of one area", title)
	}
	if got := browserText(t, ctx, "p.result-count"); !strings.HasPrefix(got, want+" doanh nghiệp") {
		t.Errorf("the list counts %q, the bar said %s", got, want)
	}
	checkNoHorizontalScroll(t, ctx, browsertest.Width)
	browsertest.Screenshot(t, ctx, "drill-list")
	drillURL := browserEval[string](t, ctx, `location.href`)

	drillOnPhone(t, ctx, srv.URL, drillURL)

	// Out of the drill-down: the whole register.
	browserClick(t, ctx, ".drill-banner .drill-actions a:last-child", http.StatusOK)
	if n := browserEval[int](t, ctx, `document.querySelectorAll(".drill-banner").length`); n != 0 {
		t.Errorf("after removing the drill-down the banner is still there")
	}
}

// drillOnPhone checks the drill-down list and the overview's open tables
// fit a 390 px wide phone, then comes back to drillURL on a desktop.
func drillOnPhone(t *testing.T, ctx context.Context, base, drillURL string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatalf("emulate a 390 px wide phone: %v", err)
	}
	browserOpen(t, ctx, drillURL, http.StatusOK)
	checkNoHorizontalScroll(t, ctx, 390)
	browsertest.Screenshot(t, ctx, "drill-list-mobile")
	browserOpen(t, ctx, base+"/", http.StatusOK)
	browserEval[bool](t, ctx, `(() => { document.querySelectorAll("details").forEach(d => d.open = true); return true })()`)
	checkNoHorizontalScroll(t, ctx, 390)
	browsertest.Screenshot(t, ctx, "overview-mobile-tables")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(browsertest.Width, browsertest.Height)); err != nil {
		t.Fatal(err)
	}
	browserOpen(t, ctx, drillURL, http.StatusOK)
}
