package server_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"industrytargets/internal/browsertest"
	"industrytargets/internal/model"
)

// fitWidths are the widths an official reads the dashboard at: a small and
// a common phone, a laptop, a desktop or projector.
var fitWidths = []int64{360, 390, 1280, 1920}

// chartFitJS checks every chart shown: its text whole inside its drawing
// and inside the window, no text smaller than 12 px as drawn, every target
// marker inside the visible area. It returns what is wrong, one line each.
const chartFitJS = `(() => {
	const out = [];
	for (const d of document.querySelectorAll("details")) d.open = true; // what a reader may open must fit too
	const vw = document.documentElement.clientWidth;
	const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
	for (const svg of document.querySelectorAll("svg.chart")) {
		if (!shown(svg)) continue;
		const box = svg.getBoundingClientRect();
		const name = (svg.querySelector("title") || {}).textContent || "chart";
		if (box.left < -0.5 || box.right > vw + 0.5) out.push(name + ": the chart is outside the window (" + box.left + "–" + box.right + " of " + vw + ")");
		const vb = svg.viewBox.baseVal;
		const scale = box.width / vb.width;
		for (const t of svg.querySelectorAll("text")) {
			if (!t.textContent.trim()) continue;
			const b = t.getBBox();
			if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > vb.width + 0.5 || b.y + b.height > vb.height + 0.5)
				out.push(name + ": text " + JSON.stringify(t.textContent) + " is clipped by the chart's edge");
			const px = parseFloat(getComputedStyle(t).fontSize) * scale;
			if (px < 11.95) out.push(name + ": text " + JSON.stringify(t.textContent) + " is drawn at " + px.toFixed(1) + " px");
		}
		for (const m of svg.querySelectorAll(".target-mark")) {
			const r = m.getBoundingClientRect();
			if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || r.right > vw)
				out.push(name + ": a target marker is outside the visible area");
		}
	}
	for (const tbl of document.querySelectorAll("main table")) {
		if (!shown(tbl)) continue;
		const card = tbl.closest("section.card, .card") || tbl.parentElement;
		if (tbl.getBoundingClientRect().right > card.getBoundingClientRect().right + 0.5)
			out.push("a table in " + JSON.stringify((card.querySelector("h2") || {}).textContent) + " is " +
				tbl.getBoundingClientRect().width + " px wide, its card " + card.getBoundingClientRect().width + " px: " +
				tbl.outerHTML.slice(0, 120));
	}
	return out;
})()`

// TestPagesFitEveryWidth opens the overview, the enterprise list and the
// report at a phone's width up to a projector's: the page never scrolls
// sideways, no chart's text is clipped or smaller than 12 px, every target
// marker is in view and no table is wider than its card.
func TestPagesFitEveryWidth(t *testing.T) {
	t.Parallel()
	ctx := browsertest.NewWithin(t, 3*time.Minute)
	srv := newBrowserServer(t)
	browserSignIn(t, ctx, srv.URL+"/")
	pages := []struct{ name, path string }{
		{"overview", "/?plan=HD-3164&year=2025"},
		{"enterprises", "/enterprises"},
		{"report", "/reports/HD-3164/2025"},
	}
	for _, w := range fitWidths {
		opts := []chromedp.EmulateViewportOption{}
		if w < 600 {
			opts = append(opts, chromedp.EmulateMobile)
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900, opts...)); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			browserOpen(t, ctx, srv.URL+p.path, http.StatusOK)
			if sw := browserEval[int64](t, ctx, `document.documentElement.scrollWidth`); sw > w {
				t.Errorf("%s at %d px: the page is %d px wide", p.name, w, sw)
			}
			for _, problem := range browserEval[[]string](t, ctx, chartFitJS) {
				t.Errorf("%s at %d px: %s", p.name, w, problem)
			}
			if p.name == "overview" {
				if n := browserEval[int](t, ctx, `document.querySelectorAll("svg.chart .target-mark").length`); n == 0 {
					t.Errorf("overview at %d px shows no target marker", w)
				}
			}
			if os.Getenv("SCREENSHOT_DIR") != "" {
				browsertest.Screenshot(t, ctx, fmt.Sprintf("%s-%d", p.name, w))
			}
		}
	}
}

// TestAccessibility runs axe-core on every kind of page an administrator
// opens, signed out and in, on a desktop and a phone: none may have a
// serious or critical violation. The register's and the administrator's
// pages are TestAccessibilityOfForms.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	ctx := browsertest.NewWithin(t, 4*time.Minute)
	srv := newBrowserServerAs(t, model.RoleAdmin)
	browserOpen(t, ctx, srv.URL+"/login", http.StatusOK)
	axeCheck(t, ctx, "/login")
	browserSignIn(t, ctx, srv.URL+"/")
	axeCheck(t, ctx, "/")
	axeCheckPages(t, ctx, srv.URL, "/?plan=HD-3164&year=2024", "/?plan=HD-3164&year=2025&basis=const2010",
		"/reports/HD-3164/2025", "/reports/HD-3164/2025?annex=1", "/account")
	browserOpen(t, ctx, srv.URL+"/khong-co", http.StatusNotFound)
	axeCheck(t, ctx, "/khong-co")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	axeCheckPages(t, ctx, srv.URL, "/", "/enterprises", "/reports/HD-3164/2025")
}

// TestAccessibilityOfForms is TestAccessibility for the register's pages,
// its forms and the administrator's pages.
func TestAccessibilityOfForms(t *testing.T) {
	t.Parallel()
	ctx := browsertest.NewWithin(t, 4*time.Minute)
	srv := newBrowserServerAs(t, model.RoleAdmin)
	browserSignIn(t, ctx, srv.URL+"/")
	id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch("/enterprises").then(r => r.text())
		.then(page => (page.match(/href="\/enterprises\/(\d+)"/) || [])[1] || "")`, chromedp.EvalAwaitPromise))
	if err != nil || id == "" {
		t.Fatalf("no enterprise to open (%v)", err)
	}
	axeCheckPages(t, ctx, srv.URL, "/enterprises", "/enterprises?q=co+khi", "/enterprises/"+id,
		"/enterprises/"+id+"/edit", "/enterprises/new", "/enterprises/"+id+"/figures/new",
		"/enterprises/"+id+"/classifications/new", "/figures", "/import",
		"/admin/plans", "/admin/plans/new", "/admin/plans/HD-3164/edit", "/admin/users", "/admin/areas", "/admin/zones",
		"/admin/product-groups")
}

// axeCheckPages opens each path under base and checks it with axeCheck.
func axeCheckPages(t *testing.T, ctx context.Context, base string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		browserOpen(t, ctx, base+p, http.StatusOK)
		axeCheck(t, ctx, p)
	}
}

// axeCheck fails the test for every serious or critical violation axe-core
// finds on the page the browser shows.
func axeCheck(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	for _, v := range browsertest.Axe(t, ctx) {
		t.Errorf("%s: %s", what, v)
	}
}
