package server_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"industrytargets/internal/browsertest"
)

// TestNewUserEntryFlowInBrowser walks the way a new member of staff
// enters an enterprise: add it (refused for a wrong check digit with the
// form kept, then fixed), classify it, enter five years of figures, and
// read the change history, all through the pages in real Chromium.
func TestNewUserEntryFlowInBrowser(t *testing.T) {
	t.Parallel()
	ctx := browsertest.New(t)
	srv, _ := newEditorBrowserServer(t)
	browserSignIn(t, ctx, srv.URL+"/enterprises")
	page := createInBrowser(t, ctx, srv.URL)

	browserOpen(t, ctx, page+"/classifications/new", http.StatusOK)
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("category"), "supporting")); err != nil {
		t.Fatal(err)
	}
	browserType(t, ctx, "valid_from", "01/06/2019")
	browserType(t, ctx, "certificate_no", "15/GCN-SCT")
	browserClick(t, ctx, `form.record-form button.primary`, http.StatusOK)
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); loc != page {
		t.Fatalf("after classifying the browser is at %q, want %q", loc, page)
	}

	for i, value := range []string{"1200", "1.350,5", "1500", "1.720,25", "2010"} {
		year := strconv.Itoa(2020 + i)
		browserOpen(t, ctx, page+"/figures/new", http.StatusOK)
		browserType(t, ctx, "year", year)
		browserType(t, ctx, "production_value", value)
		browserClick(t, ctx, `form.record-form button.primary`, http.StatusOK)
	}
	figures := browserEval[string](t, ctx, `document.querySelector("[aria-labelledby=figures-title]").innerText`)
	for _, want := range []string{"2020", "2024", "1.350,5", "1.720,25", "2.010"} {
		if !strings.Contains(figures, want) {
			t.Errorf("the figures section lacks %q:\n%s", want, figures)
		}
	}
	history := browserEval[int](t, ctx, `document.querySelectorAll("ol.history > li").length`)
	if history < 7 {
		t.Errorf("the change history shows %d entries, want at least 7 (the enterprise, its classification, five figures)", history)
	}
	checkNoHorizontalScroll(t, ctx, browsertest.Width)
	browsertest.Screenshot(t, ctx, "entry-flow-detail")
}
