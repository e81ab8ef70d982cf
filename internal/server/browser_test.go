package server_test

import (
	"context"
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

// Credentials of the user the browser tests sign in as.
const (
	browserEmail    = "can.bo@soct.example.vn"
	browserPassword = "một câu mật khẩu đủ dài"
)

// newBrowserServer serves the application over a fresh database holding the
// reference lists, the HD-3164 plan, the sample register and one viewer.
func newBrowserServer(t *testing.T) *httptest.Server {
	t.Helper()
	return newBrowserServerAs(t, model.RoleViewer)
}

// newBrowserServerAs is newBrowserServer with the user in role.
func newBrowserServerAs(t *testing.T, role model.Role) *httptest.Server {
	t.Helper()
	st := storetest.New(t)
	ctx := t.Context()
	if _, err := seed.Ensure(ctx, st); err != nil {
		t.Fatalf("seed.Ensure: %v", err)
	}
	if _, err := seed.EnsureDemo(ctx, st); err != nil {
		t.Fatalf("seed.EnsureDemo: %v", err)
	}
	hash, err := auth.NewHasher().Hash(browserPassword)
	if err != nil {
		t.Fatal(err)
	}
	u := model.User{Email: browserEmail, Role: role, PasswordHash: hash}
	if err := st.CreateUser(ctx, &u, 0); err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	srv := httptest.NewServer(server.New(slog.New(slog.DiscardHandler), st, server.Options{}))
	t.Cleanup(srv.Close)
	return srv
}

// browserSignIn opens url, which sends a visitor to the sign-in page, signs
// in there and checks the browser comes back to url.
func browserSignIn(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	browserOpen(t, ctx, url, http.StatusOK)
	if got, want := browserText(t, ctx, "h1"), "Đăng nhập"; got != want {
		t.Fatalf("a visitor at %s sees %q, want the sign-in page", url, got)
	}
	err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("email"), browserEmail),
		chromedp.SendKeys(chromedp.ID("password"), browserPassword))
	if err != nil {
		t.Fatalf("type credentials: %v", err)
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`button[type="submit"].primary`)))
	if err != nil {
		t.Fatalf("submit the sign-in form: %v", err)
	}
	if resp.Status != http.StatusOK {
		t.Fatalf("after signing in: status %d, want 200", resp.Status)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || loc != url {
		t.Fatalf("after signing in the browser is at %q (%v), want %q", loc, err, url)
	}
}

func TestHomeInBrowser(t *testing.T) {
	t.Parallel()
	ctx := browsertest.New(t)
	srv := newBrowserServer(t)
	browserSignIn(t, ctx, srv.URL+"/")

	if got, want := browserText(t, ctx, "h1"), "Tiến độ thực hiện đề án"; got != want {
		t.Errorf("h1 = %q, want %q", got, want)
	}
	if got, want := browserEval[int](t, ctx, `document.querySelectorAll("table.targets tbody tr").length`), 4; got != want {
		t.Errorf("rows in the targets table = %d, want %d", got, want)
	}
	if !browserEval[bool](t, ctx, browserVisibleJS(".demo-notice")) {
		t.Errorf("the sample-data notice (.demo-notice) is not visible")
	}
	checkStylesheetApplied(t, ctx)
	checkNoHorizontalScroll(t, ctx, browsertest.Width)
	browsertest.Screenshot(t, ctx, "home")

	// A phone: the layout browserViewport follows <meta name="browserViewport">.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatalf("emulate a 390 px wide phone: %v", err)
	}
	browserOpen(t, ctx, srv.URL+"/", http.StatusOK)
	checkNoHorizontalScroll(t, ctx, 390)
	if !browserEval[bool](t, ctx, browserVisibleJS(".demo-notice")) {
		t.Errorf("on a phone, the sample-data notice (.demo-notice) is not visible")
	}
	browsertest.Screenshot(t, ctx, "home-mobile")
}

func TestNotFoundInBrowser(t *testing.T) {
	t.Parallel()
	ctx := browsertest.New(t)
	srv := newBrowserServer(t)
	browserOpen(t, ctx, srv.URL+"/khong-co", http.StatusNotFound)

	if got, want := browserText(t, ctx, "h1"), "Không tìm thấy trang"; got != want {
		t.Errorf("h1 = %q, want %q", got, want)
	}
	if got, want := browserText(t, ctx, "section.error a"), "Về trang tổng quan"; got != want {
		t.Errorf("link back = %q, want %q", got, want)
	}
	checkStylesheetApplied(t, ctx)
}

// browserOpen navigates to url and checks the status of the document's response.
func browserOpen(t *testing.T, ctx context.Context, url string, wantStatus int64) {
	t.Helper()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	if resp.Status != wantStatus {
		t.Fatalf("open %s: status %d, want %d", url, resp.Status, wantStatus)
	}
}

// browserText returns the visible text of the first element matching the CSS
// selector, waiting for it to be visible.
func browserText(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css), chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("text of %s: %v", css, err)
	}
	return s
}

// browserEval evaluates a JavaScript expression in the page.
func browserEval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// browserVisibleJS is an expression that is true when the element matching css
// takes up room on the page and is not hidden.
func browserVisibleJS(css string) string {
	return `(() => {
		const el = document.querySelector(` + "`" + css + "`" + `);
		if (!el) return false;
		const s = getComputedStyle(el), r = el.getBoundingClientRect();
		return s.display !== "none" && s.visibility !== "hidden" && r.width > 0 && r.height > 0;
	})()`
}

// checkStylesheetApplied checks /static/app.css was applied: without it the header
// has no background.
func checkStylesheetApplied(t *testing.T, ctx context.Context) {
	t.Helper()
	bg := browserEval[string](t, ctx, `getComputedStyle(document.querySelector("header.site")).backgroundColor`)
	if bg == "" || bg == "transparent" || bg == "rgba(0, 0, 0, 0)" {
		t.Errorf("header background = %q, want a colour from /static/app.css", bg)
	}
}

// browserViewport is what the page reports about its width.
type browserViewport struct {
	Inner  int `json:"inner"`
	Client int `json:"client"`
	Scroll int `json:"scroll"`
}

// checkNoHorizontalScroll checks the page is width CSS pixels wide and that
// nothing sticks out sideways.
func checkNoHorizontalScroll(t *testing.T, ctx context.Context, width int) {
	t.Helper()
	v := browserEval[browserViewport](t, ctx, `({inner: window.innerWidth,
		client: document.documentElement.clientWidth,
		scroll: document.documentElement.scrollWidth})`)
	if v.Inner != width {
		t.Errorf("window.innerWidth = %d, want %d", v.Inner, width)
	}
	if v.Scroll > v.Client {
		t.Errorf("at %d px the page scrolls sideways: scrollWidth %d > clientWidth %d", width, v.Scroll, v.Client)
	}
}
