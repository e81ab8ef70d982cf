package server

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"industrytargets/internal/auth"
	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
)

// rig is one application server over a fresh database holding one user of
// each role, who sign in as <role>@soct.example.vn with rolePassword.
type rig struct {
	dbURL string
	st    *store.Store
	srv   *httptest.Server
	ids   map[model.Role]int64
}

// roleHash is rolePassword hashed once for all rigs, as argon2id is slow.
var roleHash = sync.OnceValues(func() (string, error) { return auth.NewHasher().Hash(rolePassword) })

// newRig serves the application with opt; a zero address limit becomes a
// generous one, so that tests of other things are not throttled by it.
func newRig(t *testing.T, opt Options) *rig {
	t.Helper()
	r := &rig{dbURL: storetest.URL(t), ids: map[model.Role]int64{}}
	r.st = openStore(t, r.dbURL)
	hash, err := roleHash()
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range model.Roles {
		u := model.User{Email: roleEmail(role), Role: role, PasswordHash: hash}
		if err := r.st.CreateUser(context.Background(), &u, 0); err != nil {
			t.Fatal(err)
		}
		r.ids[role] = u.ID
	}
	r.srv = serve(t, r.st, opt)
	return r
}

func roleEmail(role model.Role) string { return string(role) + "@soct.example.vn" }

// openStore opens a store of its own on the database at dbURL.
func openStore(t *testing.T, dbURL string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dbURL, store.Options{MaxConns: 4})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	return st
}

// serve runs one more application server over st until the test ends.
func serve(t *testing.T, st *store.Store, opt Options) *httptest.Server {
	t.Helper()
	if opt.AddrPerMinute == 0 {
		opt.AddrPerMinute, opt.AddrBurst = 1000, 1000
	}
	srv := httptest.NewServer(New(slog.New(slog.DiscardHandler), st, opt))
	t.Cleanup(srv.Close)
	return srv
}

// countUsers is how many users the database holds.
func (r *rig) countUsers(t *testing.T) int64 {
	t.Helper()
	n, err := r.st.CountUsers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// exec runs SQL on the rig's database behind the application's back.
func (r *rig) exec(t *testing.T, query string, args ...any) {
	t.Helper()
	db, err := sql.Open("pgx", r.dbURL) // registered by storetest
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// send sends a request with form (nil for none) and the extra headers, and
// returns the response and its body.
func send(t *testing.T, c *http.Client, method, u string, form url.Values, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// login posts the sign-in form with a client that follows no redirects.
func login(t *testing.T, base, email, password string, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	return send(t, client(t, base, ""), http.MethodPost, base+"/login",
		url.Values{"email": {email}, "password": {password}}, hdr)
}

// newUserForm is a complete, valid add-a-user form.
func newUserForm(email string) url.Values {
	return url.Values{"email": {email}, "name": {"Người Mới"}, "role": {string(model.RoleAdmin)}}
}

func TestAnonymousSignsInAndComesBack(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	if _, err := seed.Ensure(context.Background(), r.st); err != nil { // the plan the dashboard shows
		t.Fatal(err)
	}
	resp, _ := send(t, client(t, r.srv.URL, ""), http.MethodGet, r.srv.URL+"/", nil, nil)
	if got, want := resp.Header.Get("Location"), "/login?next=%2F"; resp.StatusCode != http.StatusSeeOther || got != want {
		t.Fatalf("anonymous GET /: %d to %q, want 303 to %q", resp.StatusCode, got, want)
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar} // follows redirects, as a browser does
	resp, body := send(t, c, http.MethodGet, r.srv.URL+"/", nil, nil)
	m := regexp.MustCompile(`name="next" value="([^"]*)"`).FindStringSubmatch(body)
	if resp.Request.URL.Path != "/login" || m == nil || m[1] != "/" {
		t.Fatalf("anonymous GET / ends at %s with next %q, want /login with next \"/\"", resp.Request.URL, m)
	}
	form := url.Values{"email": {roleEmail(model.RoleViewer)}, "password": {rolePassword}, "next": {m[1]}}
	resp, _ = send(t, c, http.MethodPost, r.srv.URL+"/login", form, nil)
	if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/" {
		t.Errorf("after signing in: %d at %s, want 200 at /", resp.StatusCode, resp.Request.URL)
	}
}

func TestLesserRolesCannotChangeUsers(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	for _, role := range []model.Role{model.RoleViewer, model.RoleEditor} {
		c := client(t, r.srv.URL, role)
		before := r.countUsers(t)
		resp, _ := send(t, c, http.MethodPost, r.srv.URL+"/admin/users", newUserForm("moi@soct.example.vn"), nil)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s POST /admin/users: status %d, want 403", role, resp.StatusCode)
		}
		if after := r.countUsers(t); after != before {
			t.Errorf("%s POST /admin/users: users %d → %d, want unchanged", role, before, after)
		}
		self := fmt.Sprintf("%s/admin/users/%d/role", r.srv.URL, r.ids[role])
		resp, _ = send(t, c, http.MethodPost, self, url.Values{"role": {"admin"}}, nil)
		u, err := r.st.User(context.Background(), r.ids[role])
		if resp.StatusCode != http.StatusForbidden || err != nil || u.Role != role {
			t.Errorf("%s promoting itself: status %d, role now %q (%v), want 403 and %q", role, resp.StatusCode, u.Role, err, role)
		}
	}
}

// forgeries are headers a browser sends with a form posted from another site.
var forgeries = []map[string]string{
	{"Sec-Fetch-Site": "cross-site"},
	{"Sec-Fetch-Site": "same-site"},
	{"Origin": "https://evil.example"},
	{"Origin": "null"},
}

func TestCrossSitePostRefused(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	adminC := client(t, r.srv.URL, model.RoleAdmin)
	for _, hdr := range forgeries {
		resp, _ := login(t, r.srv.URL, roleEmail(model.RoleEditor), rolePassword, hdr)
		if resp.StatusCode != http.StatusForbidden || len(resp.Cookies()) > 0 {
			t.Errorf("%v POST /login: status %d, cookies %v; want 403 and none", hdr, resp.StatusCode, resp.Cookies())
		}
		before := r.countUsers(t)
		resp, _ = send(t, adminC, http.MethodPost, r.srv.URL+"/admin/users", newUserForm("moi@soct.example.vn"), hdr)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%v POST /admin/users: status %d, want 403", hdr, resp.StatusCode)
		}
		if after := r.countUsers(t); after != before {
			t.Errorf("%v POST /admin/users: users %d → %d, want unchanged", hdr, before, after)
		}
	}
	if u, err := r.st.User(context.Background(), r.ids[model.RoleEditor]); err != nil || u.LastLoginAt != nil {
		t.Errorf("editor's last sign-in = %v (%v), want none: a forged sign-in got through", u.LastLoginAt, err)
	}
	// The same request from the app's own page goes through.
	resp, _ := send(t, adminC, http.MethodPost, r.srv.URL+"/admin/users", newUserForm("moi@soct.example.vn"),
		map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": r.srv.URL})
	if resp.StatusCode != http.StatusOK {
		t.Errorf("same-origin POST /admin/users: status %d, want 200", resp.StatusCode)
	}
}

// throttled checks resp is a 429 asking to wait, in Vietnamese.
func throttled(t *testing.T, what string, resp *http.Response, body string, maxWait int) {
	t.Helper()
	wait, err := strconv.Atoi(resp.Header.Get("Retry-After"))
	if resp.StatusCode != http.StatusTooManyRequests || err != nil || wait < 1 || wait > maxWait {
		t.Errorf("%s: status %d, Retry-After %q; want 429 and 1–%d s", what, resp.StatusCode, resp.Header.Get("Retry-After"), maxWait)
	}
	if !strings.Contains(body, "Đã nhập sai quá nhiều lần. Vui lòng chờ") {
		t.Errorf("%s: the page does not say, in Vietnamese, to wait", what)
	}
}

// wrongPasswords signs in to email with 30 wrong passwords in a row and
// checks the first 5 are refused as wrong and the rest must wait; then the
// right password, if given, must wait too. It returns the first page.
func wrongPasswords(t *testing.T, base, email, right string) string {
	t.Helper()
	var first string
	var fifth time.Time
	for i := 1; i <= 30; i++ {
		resp, body := login(t, base, email, "sai mật khẩu "+strconv.Itoa(i), nil)
		switch {
		case i <= 5 && resp.StatusCode != http.StatusUnauthorized:
			t.Fatalf("%s attempt %d: status %d, want 401", email, i, resp.StatusCode)
		case i == 1:
			first = strings.ReplaceAll(body, email, "EMAIL")
		case i == 5:
			fifth = time.Now()
		case i > 5:
			throttled(t, fmt.Sprintf("%s attempt %d", email, i), resp, body, 2)
		}
	}
	if right != "" {
		resp, body := login(t, base, email, right, nil)
		throttled(t, email+", right password while waiting", resp, body, 2)
	}
	// The first wait is 2 s: on a machine so loaded that the 25 throttled
	// attempts took longer, a failure above says nothing about the program.
	t.Logf("%s: 25 throttled attempts in %v", email, time.Since(fifth).Round(time.Millisecond))
	return first
}

func TestRepeatedWrongPasswordsThrottled(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	email, nobody := roleEmail(model.RoleEditor), "khong.co@soct.example.vn"
	if wrongPasswords(t, r.srv.URL, email, rolePassword) != wrongPasswords(t, r.srv.URL, nobody, "") {
		t.Errorf("a wrong password shows a different page for an account that exists than for one that does not")
	}
	for _, e := range []string{email, nobody} {
		n, last, err := r.st.LoginFailures(context.Background(), e, "127.0.0.1")
		if err != nil || n != 5 || time.Since(last) > time.Minute {
			t.Errorf("%s: login_failures = %d, last %v (%v); want 5, just now", e, n, last, err)
		}
	}
	r.exec(t, `UPDATE login_failures SET last_failed_at = now() - interval '1 hour'`)
	if resp, _ := login(t, r.srv.URL, email, rolePassword, nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("right password after the wait: status %d, want 303", resp.StatusCode)
	}
	if n, _, err := r.st.LoginFailures(context.Background(), email, "127.0.0.1"); err != nil || n != 0 {
		t.Errorf("after signing in, login_failures = %d (%v), want 0", n, err)
	}
}

func TestSignInAttemptsLimitedPerAddress(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	local := []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	other := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	tests := []struct {
		name    string
		proxies []netip.Prefix
		xff     string // %d is the attempt
		limited bool
	}{
		{"no proxies, forged X-Forwarded-For", nil, "203.0.113.%d", true},
		{"peer is not a trusted proxy", other, "203.0.113.%d", true},
		{"trusted proxy, forged entries left of the client", local, "198.51.100.%d, 203.0.113.9", true},
		{"trusted proxy, a different client each time", local, "203.0.113.%d", false},
	}
	for _, tt := range tests {
		srv := serve(t, r.st, Options{AddrPerMinute: 3, AddrBurst: 3, TrustedProxies: tt.proxies})
		for i := 1; i <= 4; i++ {
			email := fmt.Sprintf("nguoi%d@soct.example.vn", i)
			resp, body := login(t, srv.URL, email, "sai", map[string]string{"X-Forwarded-For": fmt.Sprintf(tt.xff, i)})
			if i == 4 && tt.limited {
				throttled(t, tt.name+": 4th attempt", resp, body, 20)
			} else if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s: attempt %d status %d, want 401", tt.name, i, resp.StatusCode)
			}
		}
	}
}

func TestSessionCookieAndHSTS(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	for _, secure := range []bool{true, false} {
		srv := serve(t, r.st, Options{SecureCookies: secure})
		resp, _ := login(t, srv.URL, roleEmail(model.RoleViewer), rolePassword, nil)
		var got *http.Cookie
		for _, c := range resp.Cookies() {
			got = c
		}
		want := map[bool]string{true: "__Host-session", false: "session"}[secure]
		if resp.StatusCode != http.StatusSeeOther || got == nil || len(resp.Cookies()) != 1 {
			t.Fatalf("secure=%v sign-in: status %d, cookies %v; want 303 and one cookie", secure, resp.StatusCode, resp.Cookies())
		}
		if got.Name != want || got.Secure != secure || !got.HttpOnly || got.SameSite != http.SameSiteLaxMode ||
			got.Path != "/" || got.Domain != "" || got.MaxAge != 0 || !got.Expires.IsZero() {
			t.Errorf("secure=%v: Set-Cookie %q; want %s, Secure=%v, HttpOnly, SameSite=Lax, Path=/, no Domain, no expiry",
				secure, resp.Header.Get("Set-Cookie"), want, secure)
		}
		resp, _ = send(t, http.DefaultClient, http.MethodGet, srv.URL+"/login", nil, nil)
		hsts := resp.Header.Get("Strict-Transport-Security")
		if wantHSTS := map[bool]string{true: "max-age=31536000; includeSubDomains"}[secure]; hsts != wantHSTS {
			t.Errorf("secure=%v: Strict-Transport-Security %q, want %q", secure, hsts, wantHSTS)
		}
	}
}

// unsized hides a body's length, so it is sent chunked.
type unsized struct{ io.Reader }

func TestLargeBodyRefused(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	form := "email=" + url.QueryEscape(roleEmail(model.RoleViewer)) + "&password=" + strings.Repeat("x", 1<<20)
	for _, chunked := range []bool{false, true} {
		var body io.Reader = strings.NewReader(form)
		if chunked {
			body = unsized{body}
		}
		req, err := http.NewRequest(http.MethodPost, r.srv.URL+"/login", body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("chunked=%v: %v", chunked, err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("chunked=%v: %d bytes to POST /login: status %d, want 413", chunked, len(form), resp.StatusCode)
		}
	}
}

func TestSignInGoesOnlyToLocalPaths(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	tests := map[string]string{
		"//evil.example":        "/",
		"https://evil.example/": "/",
		"/\\evil.example":       "/",
		"javascript:alert(1)":   "/",
		"/account?tab=1":        "/account?tab=1",
	}
	for next, want := range tests {
		form := url.Values{"email": {roleEmail(model.RoleViewer)}, "password": {rolePassword}, "next": {next}}
		resp, _ := send(t, client(t, r.srv.URL, ""), http.MethodPost, r.srv.URL+"/login", form, nil)
		if got := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || got != want {
			t.Errorf("next=%q: %d to %q, want 303 to %q", next, resp.StatusCode, got, want)
		}
	}
}
