package server_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"industrytargets/internal/auth"
	"industrytargets/internal/browsertest"
	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/server"
	"industrytargets/internal/store/storetest"
)

// newAdminBrowserServer serves the reference lists, the HD-3164 plan and
// the sample register, with browserEmail signing in as an administrator.
func newAdminBrowserServer(t *testing.T) *httptest.Server {
	t.Helper()
	st := storetest.New(t)
	ctx := t.Context()
	if _, err := seed.Ensure(ctx, st); err != nil {
		t.Fatal(err)
	}
	if _, err := seed.EnsureDemo(ctx, st); err != nil {
		t.Fatal(err)
	}
	hash, err := auth.NewHasher().Hash(browserPassword)
	if err != nil {
		t.Fatal(err)
	}
	u := model.User{Email: browserEmail, Role: model.RoleAdmin, PasswordHash: hash}
	if err := st.CreateUser(ctx, &u, 0); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(slog.New(slog.DiscardHandler), st, server.Options{}))
	t.Cleanup(srv.Close)
	return srv
}

// TestRecordPagesInBrowser opens the forms of an enterprise's records and
// the administrator's plans and reference lists on a desktop and a phone:
// each fits its width, and a rejected form shows its summary.
func TestRecordPagesInBrowser(t *testing.T) {
	t.Parallel()
	ctx := browsertest.New(t)
	srv := newAdminBrowserServer(t)
	browserSignIn(t, ctx, srv.URL+"/enterprises?q=co+khi")
	browserClick(t, ctx, "table.enterprises tbody th a", http.StatusOK)
	ent, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	pages := []struct{ name, url string }{
		{"enterprise-detail-edit", ent},
		{"classification-new", ent + "/classifications/new"},
		{"figure-new", ent + "/figures/new"},
		{"plans", srv.URL + "/admin/plans"},
		{"plan-edit", srv.URL + "/admin/plans/HD-3164/edit"},
		{"areas", srv.URL + "/admin/areas"},
	}
	for _, width := range []int{browsertest.Width, 390} {
		if width == 390 {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
				t.Fatal(err)
			}
		}
		for _, p := range pages {
			browserOpen(t, ctx, p.url, http.StatusOK)
			checkNoHorizontalScroll(t, ctx, width)
			browsertest.Screenshot(t, ctx, p.name+"-"+itoaWidth(width))
		}
		browserOpen(t, ctx, ent+"/figures/new", http.StatusOK)
		browserType(t, ctx, "production_value", "1.234")
		browserClick(t, ctx, "form.record-form button.primary", http.StatusUnprocessableEntity)
		if !browserEval[bool](t, ctx, browserVisibleJS(".error-summary")) {
			t.Error("no visible summary of the problems")
		}
		checkNoHorizontalScroll(t, ctx, width)
		browsertest.Screenshot(t, ctx, "figure-rejected-"+itoaWidth(width))
	}
}

func itoaWidth(w int) string {
	if w == 390 {
		return "mobile"
	}
	return "desktop"
}
