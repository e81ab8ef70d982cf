package server_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"

	"industrytargets/internal/browsertest"
)

// browserSwitchLanguage presses the header's language button named label
// and checks the browser comes back to the same page.
func browserSwitchLanguage(t *testing.T, ctx context.Context, label string) {
	t.Helper()
	before, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if got := browserText(t, ctx, "form.lang-switch button"); got != label {
		t.Fatalf("the language switch reads %q, want %q", got, label)
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("form.lang-switch button")))
	if err != nil {
		t.Fatalf("press %q: %v", label, err)
	}
	if resp.Status != http.StatusOK {
		t.Fatalf("after pressing %q: status %d, want 200", label, resp.Status)
	}
	if after, err := chromedp.Run(ctx, chromedp.Location()); err != nil || after != before {
		t.Fatalf("after pressing %q the browser is at %q (%v), want %q", label, after, err, before)
	}
}

func TestLanguageSwitchInBrowser(t *testing.T) {
	t.Parallel()
	ctx := browsertest.New(t)
	srv := newBrowserServer(t)
	browserSignIn(t, ctx, srv.URL+"/")

	browserSwitchLanguage(t, ctx, "English")
	check := func(when, lang, h1, series string) {
		t.Helper()
		if got := browserEval[string](t, ctx, `document.documentElement.lang`); got != lang {
			t.Errorf("%s: <html lang> = %q, want %q", when, got, lang)
		}
		if got := browserText(t, ctx, "h1"); got != h1 {
			t.Errorf("%s: h1 = %q, want %q", when, got, h1)
		}
		if got := browserText(t, ctx, "#series-title"); got != series {
			t.Errorf("%s: the series table is headed %q, want %q", when, got, series)
		}
	}
	check("after switching", "en", "Plan progress", "Figures by year")
	browsertest.Screenshot(t, ctx, "home-english")

	if resp, err := chromedp.RunResponse(ctx, chromedp.Reload()); err != nil || resp.Status != http.StatusOK {
		t.Fatalf("reload: %v", err)
	}
	check("after reloading", "en", "Plan progress", "Figures by year")

	// The other pages a viewer reads, as they look in English.
	browserOpen(t, ctx, srv.URL+"/enterprises", http.StatusOK)
	detail := browserEval[string](t, ctx, `document.querySelector('main table a[href^="/enterprises/"]').getAttribute("href")`)
	for _, p := range []struct{ path, name, h1 string }{
		{"/enterprises", "enterprises-english", "Enterprises"},
		{detail, "enterprise-detail-english", ""},
		{"/account", "account-english", ""},
	} {
		browserOpen(t, ctx, srv.URL+p.path, http.StatusOK)
		if got := browserEval[string](t, ctx, `document.documentElement.lang`); got != "en" {
			t.Errorf("%s: <html lang> = %q, want en", p.path, got)
		}
		if p.h1 != "" {
			if got := browserText(t, ctx, "h1"); got != p.h1 {
				t.Errorf("%s: h1 = %q, want %q", p.path, got, p.h1)
			}
		}
		browsertest.Screenshot(t, ctx, p.name)
	}
	browserOpen(t, ctx, srv.URL+"/", http.StatusOK)

	browserSwitchLanguage(t, ctx, "Tiếng Việt")
	check("after switching back", "vi", "Tiến độ thực hiện đề án", "Số liệu theo năm")
}
