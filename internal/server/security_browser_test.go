package server

import (
	"context"
	"database/sql"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"industrytargets/internal/browsertest"
	"industrytargets/internal/model"
)

// Sessions as a browser holds them, markup typed into forms, and forged
// forms in real Chromium.

// token is the session token c holds for base.
func token(t *testing.T, c *http.Client, base string) string {
	t.Helper()
	u, _ := url.Parse(base)
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == "session" {
			return ck.Value
		}
	}
	t.Fatalf("no session cookie for %s", base)
	return ""
}

// signedIn reports whether the session token tok is signed in to base as
// email, by opening /account with it.
func signedIn(t *testing.T, base, tok, email string) bool {
	t.Helper()
	resp, body := send(t, client(t, base, ""), http.MethodGet, base+"/account", nil, map[string]string{"Cookie": "session=" + tok})
	switch {
	case resp.StatusCode == http.StatusOK && strings.Contains(body, email):
		return true
	case resp.StatusCode == http.StatusSeeOther && resp.Header.Get("Location") == "/login?next=%2Faccount":
		return false
	}
	t.Fatalf("GET %s/account: status %d, want 200 showing %s or 303 to sign in", base, resp.StatusCode, email)
	return false
}

// queryInt runs a query returning one number on the rig's database.
func (r *rig) queryInt(t *testing.T, query string, args ...any) int {
	t.Helper()
	db, err := sql.Open("pgx", r.dbURL) // registered by storetest
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// twoInstances serves the application twice over one database, each with
// its own connection pool, as behind a load balancer. Cookies ignore ports,
// so a client signed in to one is signed in to both.
func twoInstances(t *testing.T) (*rig, *httptest.Server) {
	t.Helper()
	r := newRig(t, Options{})
	return r, serve(t, openStore(t, r.dbURL), Options{})
}

func TestSessionSharedBetweenInstances(t *testing.T) {
	t.Parallel()
	r, b := twoInstances(t)
	email := roleEmail(model.RoleViewer)
	tok := token(t, client(t, r.srv.URL, model.RoleViewer), r.srv.URL)
	if !signedIn(t, b.URL, tok, email) {
		t.Fatalf("a session started on A is not accepted by B")
	}
	if n := r.queryInt(t, `SELECT count(*) FROM sessions WHERE token = $1`, tok); n != 0 {
		t.Errorf("the sessions table holds the token itself (%d rows), want only its hash", n)
	}
	resp, _ := send(t, client(t, b.URL, ""), http.MethodPost, b.URL+"/logout", url.Values{}, map[string]string{"Cookie": "session=" + tok})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login" {
		t.Errorf("POST /logout on B: %d to %q, want 303 to /login", resp.StatusCode, resp.Header.Get("Location"))
	}
	if signedIn(t, r.srv.URL, tok, email) {
		t.Errorf("after signing out on B, A still accepts the session")
	}
}

func TestSessionsEndEverywhere(t *testing.T) {
	t.Parallel()
	r, b := twoInstances(t)
	ctx := context.Background()
	adminC := client(t, r.srv.URL, model.RoleAdmin)
	id, email := r.ids[model.RoleEditor], roleEmail(model.RoleEditor)
	endBy := map[string]func() error{
		"store.SetDisabled": func() error { return r.st.SetDisabled(ctx, id, true, 0) },
		"disable on A's admin page": func() error {
			return postOK(t, adminC, fmt.Sprintf("%s/admin/users/%d/disable", r.srv.URL, id))
		},
		"end sessions on B's admin page": func() error {
			return postOK(t, adminC, fmt.Sprintf("%s/admin/users/%d/end-sessions", b.URL, id))
		},
	}
	for how, end := range endBy {
		tok := token(t, client(t, r.srv.URL, model.RoleEditor), r.srv.URL)
		if !signedIn(t, b.URL, tok, email) {
			t.Fatalf("%s: the editor is not signed in on B to begin with", how)
		}
		if err := end(); err != nil {
			t.Fatalf("%s: %v", how, err)
		}
		if signedIn(t, r.srv.URL, tok, email) || signedIn(t, b.URL, tok, email) {
			t.Errorf("%s: the editor's session goes on", how)
		}
		if err := r.st.SetDisabled(ctx, id, false, 0); err != nil {
			t.Fatal(err)
		}
	}
}

// postOK posts an empty form and expects the redirect back to the list.
func postOK(t *testing.T, c *http.Client, u string) error {
	t.Helper()
	resp, _ := send(t, c, http.MethodPost, u, url.Values{}, nil)
	if resp.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("POST %s: status %d, want 303", u, resp.StatusCode)
	}
	return nil
}

func TestRoleChangeTakesEffectAtOnce(t *testing.T) {
	t.Parallel()
	r, b := twoInstances(t)
	c := client(t, r.srv.URL, model.RoleViewer)
	old := token(t, c, r.srv.URL)
	if resp, _ := send(t, c, http.MethodGet, r.srv.URL+"/admin/users", nil, nil); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("viewer GET /admin/users: status %d, want 403", resp.StatusCode)
	}
	adminC := client(t, r.srv.URL, model.RoleAdmin)
	resp, _ := send(t, adminC, http.MethodPost, fmt.Sprintf("%s/admin/users/%d/role", b.URL, r.ids[model.RoleViewer]),
		url.Values{"role": {"admin"}}, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("promote the viewer on B: status %d, want 303", resp.StatusCode)
	}
	resp, _ = send(t, c, http.MethodGet, r.srv.URL+"/admin/users", nil, nil)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("promoted viewer GET /admin/users: status %d, want 200", resp.StatusCode)
	}
	if tok := token(t, c, r.srv.URL); tok == old {
		t.Errorf("the session token did not change with the role")
	}
	if signedIn(t, b.URL, old, roleEmail(model.RoleViewer)) {
		t.Errorf("the token from before the role change still works")
	}
	if err := r.st.SetRole(context.Background(), r.ids[model.RoleViewer], model.RoleViewer, 0); err != nil {
		t.Fatal(err)
	}
	if resp, _ := send(t, c, http.MethodGet, r.srv.URL+"/admin/users", nil, nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("demoted admin GET /admin/users: status %d, want 403", resp.StatusCode)
	}
}

func TestPasswordChange(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	email, fresh := roleEmail(model.RoleViewer), "một mật khẩu mới cũng đủ dài"
	here, other := client(t, r.srv.URL, model.RoleViewer), client(t, r.srv.URL, model.RoleViewer)
	change := func(current, next string) (*http.Response, string) {
		return send(t, here, http.MethodPost, r.srv.URL+"/account/password", url.Values{"current_password": {current},
			"new_password": {next}, "confirm_password": {next}, "end_other_sessions": {"1"}}, nil)
	}
	refused := []struct{ current, next, field, msg string }{
		{"không phải mật khẩu", fresh, "current_password", "Mật khẩu hiện tại không đúng."},
		{rolePassword, "ngắn quá", "new_password", "mật khẩu phải có ít nhất 12 ký tự"},
		{rolePassword, "Password1234", "new_password", "mật khẩu này quá phổ biến"},
	}
	for _, tt := range refused {
		resp, body := change(tt.current, tt.next)
		field := regexp.MustCompile(`aria-describedby="` + tt.field + `-error"/?>\s*<p class="field-error" id="` + tt.field + `-error">([^<]*)`)
		m := field.FindStringSubmatch(body)
		if resp.StatusCode != http.StatusUnprocessableEntity || m == nil || !strings.Contains(m[1], tt.msg) {
			t.Errorf("new password %q: status %d, message at %s %q; want 422 and %q", tt.next, resp.StatusCode, tt.field, m, tt.msg)
		}
	}
	resp, _ := change(rolePassword, fresh)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/account" {
		t.Fatalf("change the password: %d to %q, want 303 to /account", resp.StatusCode, resp.Header.Get("Location"))
	}
	if !signedIn(t, r.srv.URL, token(t, here, r.srv.URL), email) {
		t.Errorf("the session that changed the password was signed out")
	}
	if signedIn(t, r.srv.URL, token(t, other, r.srv.URL), email) {
		t.Errorf("with \"end other sessions\", another session of the user goes on")
	}
	if resp, _ := login(t, r.srv.URL, email, rolePassword, nil); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("sign in with the old password: status %d, want 401", resp.StatusCode)
	}
	if resp, _ := login(t, r.srv.URL, email, fresh, nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("sign in with the new password: status %d, want 303", resp.StatusCode)
	}
}

func TestSignInReplacesAPlantedToken(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	planted := token(t, client(t, r.srv.URL, model.RoleViewer), r.srv.URL) // the attacker's own session
	form := url.Values{"email": {roleEmail(model.RoleAdmin)}, "password": {rolePassword}}
	resp, _ := send(t, client(t, r.srv.URL, ""), http.MethodPost, r.srv.URL+"/login", form, map[string]string{"Cookie": "session=" + planted})
	if cks := resp.Cookies(); resp.StatusCode != http.StatusSeeOther || len(cks) != 1 || cks[0].Value == planted {
		t.Errorf("sign in over a planted token: status %d, cookies %v; want 303 and a new token", resp.StatusCode, cks)
	}
	resp, _ = send(t, client(t, r.srv.URL, ""), http.MethodGet, r.srv.URL+"/admin/users", nil, map[string]string{"Cookie": "session=" + planted})
	if resp.StatusCode == http.StatusOK {
		t.Errorf("the planted token became the administrator's session")
	}
}

func TestSessionsExpire(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	for name, opt := range map[string]Options{
		"idle":     {SessionIdle: time.Second},
		"lifetime": {SessionIdle: time.Hour, SessionLifetime: time.Second},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := serve(t, r.st, opt)
			tok := token(t, client(t, srv.URL, model.RoleViewer), srv.URL)
			if !signedIn(t, srv.URL, tok, roleEmail(model.RoleViewer)) {
				t.Fatalf("not signed in right after signing in")
			}
			time.Sleep(1500 * time.Millisecond)
			if signedIn(t, srv.URL, tok, roleEmail(model.RoleViewer)) {
				t.Errorf("%+v: still signed in after 1.5 s", opt)
			}
		})
	}
}

// Markup typed into forms: a name, an email that is refused, and one that
// is valid although it looks like markup.
const (
	markupName     = `<script>alert("x")</script><b>đậm</b>`
	markupBadEmail = `"><img src=x onerror=alert(1)>@x.vn`
	markupEmail    = `"><svg/onload=alert(1)>@x.vn`
)

// escapedValue checks body holds value only as an escaped attribute value.
func escapedValue(t *testing.T, what, body, value string) {
	t.Helper()
	if !strings.Contains(body, `value="`+html.EscapeString(value)+`"`) {
		t.Errorf("%s: the typed value %q is not echoed, escaped, in an input", what, value)
	}
	if strings.Contains(body, value) {
		t.Errorf("%s: the page holds %q unescaped", what, value)
	}
}

func TestMarkupEchoedAsText(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	adminC := client(t, r.srv.URL, model.RoleAdmin)
	form := url.Values{"email": {markupBadEmail}, "name": {markupName}, "role": {"viewer"}}
	resp, body := send(t, adminC, http.MethodPost, r.srv.URL+"/admin/users", form, nil)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="email-error"`) {
		t.Errorf("add a user with email %q: status %d, want 422 with a message at the email", markupBadEmail, resp.StatusCode)
	}
	escapedValue(t, "refused user, email", body, markupBadEmail)
	escapedValue(t, "refused user, name", body, markupName)

	form = url.Values{"email": {"markup@soct.example.vn"}, "name": {markupName}, "role": {"viewer"}}
	if resp, _ := send(t, adminC, http.MethodPost, r.srv.URL+"/admin/users", form, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("add a user named %q: status %d, want 200", markupName, resp.StatusCode)
	}
	_, body = send(t, adminC, http.MethodGet, r.srv.URL+"/admin/users", nil, nil)
	if !strings.Contains(body, "<td>"+html.EscapeString(markupName)+"</td>") || strings.Contains(body, markupName) {
		t.Errorf("the list of users does not show the name %q as escaped text", markupName)
	}

	form = url.Values{"email": {`"><script>alert(1)</script>`}, "password": {"sai"}}
	resp, body = send(t, client(t, r.srv.URL, ""), http.MethodPost, r.srv.URL+"/login", form, nil)
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("sign in as %q: status %d, want 401", form.Get("email"), resp.StatusCode)
	}
	escapedValue(t, "sign-in page, email", body, form.Get("email"))
	next := `/"><script>alert(1)</script>`
	_, body = send(t, client(t, r.srv.URL, ""), http.MethodGet, r.srv.URL+"/login?next="+url.QueryEscape(next), nil, nil)
	escapedValue(t, "sign-in page, next", body, next)
}

// chromeSignIn signs the browser in to base as an administrator, on the
// sign-in page, which then leads to the list of users.
func chromeSignIn(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	email := roleEmail(model.RoleAdmin)
	chromeOpen(t, ctx, base+"/login?next="+url.QueryEscape("/admin/users"))
	err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("email"), email), chromedp.SendKeys(chromedp.ID("password"), rolePassword))
	if err != nil {
		t.Fatalf("type credentials: %v", err)
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`form[action="/login"] button`)))
	if err != nil || resp.Status != http.StatusOK || !strings.HasSuffix(resp.URL, "/admin/users") {
		t.Fatalf("sign in as %s: %v %v, want status 200 at /admin/users", email, err, resp)
	}
}

// chromeOpen opens u in the browser and expects 200.
func chromeOpen(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(u))
	if err != nil || resp.Status != http.StatusOK {
		t.Fatalf("open %s: %v %v, want status 200", u, err, resp)
	}
}

// attackerPage is another site's page whose button posts a new
// administrator to the application.
func attackerPage(app string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html><body><form method="post" action="%s/admin/users">
<input name="email" value="mallory@evil.example"><input name="name" value="Mallory">
<input name="role" value="admin"><button id="go" type="submit">Nhận quà</button></form></body></html>`, app)
	})
}

func TestForgedFormInBrowser(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	ctx := browsertest.New(t)
	chromeSignIn(t, ctx, r.srv.URL)
	evil := httptest.NewServer(attackerPage(r.srv.URL))
	t.Cleanup(evil.Close)
	sites := map[string]string{
		"same site, another port": evil.URL,
		"another site":            strings.Replace(evil.URL, "127.0.0.1", "localhost", 1),
	}
	for name, site := range sites {
		before := r.countUsers(t)
		chromeOpen(t, ctx, site+"/")
		resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.ID("go")))
		if err != nil || resp.Status != http.StatusForbidden {
			t.Errorf("%s: the forged POST got %v %v, want status 403", name, err, resp)
		}
		if after := r.countUsers(t); after != before {
			t.Errorf("%s: users %d → %d, want unchanged", name, before, after)
		}
	}
	chromeOpen(t, ctx, r.srv.URL+"/admin/users") // still signed in
}

// tableView is what the browser sees in the users table.
type tableView struct {
	Elements int    `json:"elements"` // script, b, img and svg elements
	Name     string `json:"name"`     // the name of markup@soct.example.vn
	Email    string `json:"email"`    // the email that looks like markup
}

func TestMarkupShownAsTextInBrowser(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	u := model.User{Email: markupEmail, Role: model.RoleViewer, PasswordHash: "x"}
	if err := r.st.CreateUser(context.Background(), &u, 0); err != nil {
		t.Fatalf("CreateUser(%q): %v", markupEmail, err)
	}
	ctx := browsertest.New(t)
	chromeSignIn(t, ctx, r.srv.URL)
	err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("email"), "markup@soct.example.vn"),
		chromedp.SendKeys(chromedp.ID("name"), markupName))
	if err != nil {
		t.Fatalf("fill in the add-a-user form: %v", err)
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`form[action="/admin/users"] button`)))
	if err != nil || resp.Status != http.StatusOK {
		t.Fatalf("add a user: %v %v, want status 200", err, resp)
	}
	chromeOpen(t, ctx, r.srv.URL+"/admin/users")
	got, err := chromedp.Run(ctx, chromedp.Evaluate[tableView](`(() => {
		const body = document.querySelector("table.users tbody"), rows = [...body.rows];
		const named = rows.find(r => r.cells[0].textContent === "markup@soct.example.vn");
		const odd = rows.find(r => r.cells[0].textContent.includes("onload"));
		return {elements: body.querySelectorAll("script, b, img, svg").length,
			name: named ? named.cells[1].textContent : "", email: odd ? odd.cells[0].textContent : ""};
	})()`))
	want := tableView{Elements: 0, Name: markupName, Email: markupEmail}
	if err != nil || got != want {
		t.Errorf("users table = %+v (%v), want %+v", got, err, want)
	}
}
