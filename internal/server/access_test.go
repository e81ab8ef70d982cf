package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"industrytargets/internal/auth"
	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store/storetest"
)

// access says who may use a route.
type access int

const (
	anyone    access = iota // anyone
	dashboard               // viewers, or anyone with PUBLIC_DASHBOARD
	viewer
	editor
	admin
)

// rules is the access table every registered route must appear in: a new
// route without a rule fails TestEveryRouteHasARule.
var rules = map[string]access{
	"GET /healthz":                        anyone,
	"GET /readyz":                         anyone,
	"GET /static/*":                       anyone,
	"GET /login":                          anyone,
	"POST /login":                         anyone,
	"GET /":                               dashboard,
	"GET /reports/{plan}/{year}":          dashboard,
	"GET /api/v1/plans":                   dashboard,
	"GET /api/v1/plans/{code}/progress":   dashboard,
	"POST /logout":                        anyone,
	"POST /lang":                          anyone,
	"GET /account":                        viewer,
	"POST /account/password":              viewer,
	"GET /enterprises":                    viewer,
	"GET /enterprises/{id}":               viewer,
	"GET /enterprises.csv":                viewer,
	"GET /enterprises.xlsx":               viewer,
	"GET /export.xlsx":                    viewer,
	"GET /enterprises/new":                editor,
	"POST /enterprises":                   editor,
	"GET /enterprises/{id}/edit":          editor,
	"POST /enterprises/{id}":              editor,
	"GET /enterprises/{id}/delete":        editor,
	"POST /enterprises/{id}/delete":       editor,
	"GET /import":                         editor,
	"POST /import":                        editor,
	"POST /import/{token}":                editor,
	"POST /import/{token}/cancel":         editor,
	"GET /import/template.xlsx":           editor,
	"GET /import/template/{kind}.csv":     editor,
	"GET /admin/users":                    admin,
	"POST /admin/users":                   admin,
	"POST /admin/users/{id}/role":         admin,
	"POST /admin/users/{id}/disable":      admin,
	"POST /admin/users/{id}/enable":       admin,
	"POST /admin/users/{id}/end-sessions": admin,

	// Each chart's data, downloaded.
	"GET /charts/{plan}/{year}/{chart}.csv":  dashboard,
	"GET /charts/{plan}/{year}/{chart}.xlsx": dashboard,

	// The report's tables, downloaded.
	"GET /reports/{plan}/{year}.xlsx":        dashboard,
	"GET /reports/{plan}/{year}.pdf":         dashboard,
	"GET /reports/{plan}/{year}/{table}.csv": dashboard,

	// An enterprise's classifications and yearly figures, and the yearly grid.
	"GET /enterprises/{id}/locations/{since}/edit":        editor,
	"POST /enterprises/{id}/locations/{since}":            editor,
	"GET /enterprises/{id}/locations/{since}/delete":      editor,
	"POST /enterprises/{id}/locations/{since}/delete":     editor,
	"GET /enterprises/{id}/classifications/new":           editor,
	"POST /enterprises/{id}/classifications":              editor,
	"GET /enterprises/{id}/classifications/{rid}/edit":    editor,
	"POST /enterprises/{id}/classifications/{rid}":        editor,
	"GET /enterprises/{id}/classifications/{rid}/delete":  editor,
	"POST /enterprises/{id}/classifications/{rid}/delete": editor,
	"GET /enterprises/{id}/figures/new":                   editor,
	"POST /enterprises/{id}/figures":                      editor,
	"GET /enterprises/{id}/figures/{rid}/edit":            editor,
	"POST /enterprises/{id}/figures/{rid}":                editor,
	"GET /enterprises/{id}/figures/{rid}/delete":          editor,
	"POST /enterprises/{id}/figures/{rid}/delete":         editor,
	"GET /figures":  editor,
	"POST /figures": editor,

	// The yearly grid, downloaded.
	"GET /figures.csv":  editor,
	"GET /figures.xlsx": editor,

	// Plans and targets, and the reference lists.
	"GET /admin/plans":                      admin,
	"GET /admin/plans/new":                  admin,
	"POST /admin/plans":                     admin,
	"GET /admin/plans/{code}/edit":          admin,
	"POST /admin/plans/{code}":              admin,
	"GET /admin/areas":                      admin,
	"POST /admin/areas":                     admin,
	"GET /admin/areas/{id}/edit":            admin,
	"POST /admin/areas/{id}":                admin,
	"GET /admin/zones":                      admin,
	"POST /admin/zones":                     admin,
	"GET /admin/zones/{id}/edit":            admin,
	"POST /admin/zones/{id}":                admin,
	"GET /admin/product-groups":             admin,
	"POST /admin/product-groups":            admin,
	"GET /admin/product-groups/{code}/edit": admin,
	"POST /admin/product-groups/{code}":     admin,
}

// registered lists every route of the application as "METHOD pattern".
func registered(t *testing.T) []string {
	t.Helper()
	r := chi.NewRouter()
	addRoutes(r, &deps{opt: Options{}})
	var out []string
	err := chi.Walk(r, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		out = append(out, method+" "+route)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func TestEveryRouteHasARule(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, rt := range registered(t) {
		seen[rt] = true
		if _, ok := rules[rt]; !ok {
			t.Errorf("route %s has no access rule in the table", rt)
		}
	}
	for rt := range rules {
		if !seen[rt] {
			t.Errorf("rule for %s, which is not a route", rt)
		}
	}
}

const rolePassword = "mật khẩu thử nghiệm đủ dài"

// accessServer serves the application with one user of each role.
func accessServer(t *testing.T, public bool) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	st := storetest.New(t)
	if _, err := seed.Ensure(ctx, st); err != nil {
		t.Fatal(err)
	}
	hash, err := auth.NewHasher().Hash(rolePassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range model.Roles {
		u := model.User{Email: string(role) + "@soct.example.vn", Role: role, PasswordHash: hash}
		if err := st.CreateUser(ctx, &u, 0); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(New(slog.New(slog.NewTextHandler(io.Discard, nil)), st,
		Options{PublicDashboard: public, AddrPerMinute: 1000, AddrBurst: 1000}))
	t.Cleanup(srv.Close)
	return srv
}

// client returns an HTTP client that does not follow redirects, signed in as
// role ("" for a visitor).
func client(t *testing.T, base string, role model.Role) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if role == "" {
		return c
	}
	resp, err := c.PostForm(base+"/login", url.Values{"email": {string(role) + "@soct.example.vn"}, "password": {rolePassword}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in as %s: status %d, want 303", role, resp.StatusCode)
	}
	return c
}

// allowed reports whether a user of role may use a route with rule a.
func allowed(a access, role model.Role, public bool) bool {
	switch a {
	case anyone:
		return true
	case dashboard:
		return public || role != ""
	}
	u := model.User{Role: role}
	return role != "" && u.Can(map[access]model.Role{viewer: model.RoleViewer, editor: model.RoleEditor, admin: model.RoleAdmin}[a])
}

// TestAccessRules walks every route as a visitor and as each role, with and
// without PUBLIC_DASHBOARD, and checks who is let through.
func TestAccessRules(t *testing.T) {
	t.Parallel()
	for _, public := range []bool{false, true} {
		srv := accessServer(t, public)
		for _, role := range []model.Role{"", model.RoleViewer, model.RoleEditor, model.RoleAdmin} {
			c := client(t, srv.URL, role)
			routes := registered(t)
			// Signing out last, so the rest run signed in.
			sort.SliceStable(routes, func(i, j int) bool { return routes[j] == "POST /logout" })
			for _, rt := range routes {
				method, pattern, _ := strings.Cut(rt, " ")
				got := denied(t, c, method, srv.URL+concrete(pattern))
				if want := !allowed(rules[rt], role, public); got != want {
					t.Errorf("public=%v role=%q %s: denied=%v, want %v", public, role, rt, got, want)
				}
			}
		}
	}
}

// concrete fills a route pattern's parameters with values that exist or
// harmlessly do not.
func concrete(pattern string) string {
	r := strings.NewReplacer("{code}", "HD-3164", "{plan}", "HD-3164", "{year}", "2024", "{chart}", "count", "{id}", "999999", "*", "app.css")
	return r.Replace(pattern)
}

// denied sends one request and reports whether access was refused: a
// redirect to the sign-in page that will lead back, or 401 or 403.
func denied(t *testing.T, c *http.Client, method, u string) bool {
	t.Helper()
	var body io.Reader
	if method == http.MethodPost {
		body = strings.NewReader("")
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if strings.HasSuffix(u, "/login") && method == http.MethodPost {
		// An empty sign-in is refused as wrong credentials, not as access.
		return resp.StatusCode != http.StatusUnauthorized
	}
	loc := resp.Header.Get("Location")
	return resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden ||
		(resp.StatusCode == http.StatusSeeOther && strings.HasPrefix(loc, "/login?next="))
}
