package server

import (
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"

	"industrytargets/internal/model"
)

// TestNoServerErrorFromBadBytes sends a NUL byte and bytes that are not
// UTF-8 to every route, as an administrator of an open dashboard: in a
// path parameter (404), in the query (400) and in a posted form (422).
// None may reach PostgreSQL, which answers them with an error (22021),
// once a 500 seen by anonymous visitors too.
func TestNoServerErrorFromBadBytes(t *testing.T) {
	t.Parallel()
	srv := accessServer(t, true)
	admin := client(t, srv.URL, model.RoleAdmin)
	visitor := client(t, srv.URL, "")
	param := regexp.MustCompile(`\{[a-z]+\}|\*`)
	routes := registered(t)
	sort.SliceStable(routes, func(i, j int) bool { return routes[j] == "POST /logout" })
	status := func(c *http.Client, method, u string, form url.Values) int {
		t.Helper()
		if method == http.MethodPost && form == nil {
			form = url.Values{}
		}
		resp, _ := send(t, c, method, u, form, nil)
		return resp.StatusCode
	}
	for _, rt := range routes {
		method, pattern, _ := strings.Cut(rt, " ")
		for _, bad := range []string{"\x00", "\xff", "a\xc3", "\uffff"} {
			if param.MatchString(pattern) {
				u := srv.URL + param.ReplaceAllString(pattern, url.PathEscape(bad))
				for _, c := range []*http.Client{admin, visitor} {
					if got := status(c, method, u, nil); got != http.StatusNotFound {
						t.Errorf("%s %s = %d, want 404", method, u, got)
					}
				}
			}
			query := url.Values{}
			for _, k := range []string{"plan", "year", "basis", "q", "key", "dim", "area", "as_of", "next"} {
				query.Set(k, "x")
			}
			query.Set("key", bad)
			u := srv.URL + concrete(pattern) + "?" + query.Encode()
			if got := status(admin, method, u, nil); got != http.StatusBadRequest {
				t.Errorf("%s %s = %d, want 400", method, u, got)
			}
			if method == http.MethodPost {
				form := url.Values{"version": {"1"}, "name": {"Công ty"}, "email": {"a" + bad}, "certificate_no": {bad}}
				if got := status(admin, method, srv.URL+concrete(pattern), form); got != http.StatusUnprocessableEntity {
					t.Errorf("%s %s with %q in its form = %d, want 422", method, pattern, bad, got)
				}
			}
		}
	}
	// The page says which field to type again.
	_, body, _ := entDo(t, admin, srv.URL+"/admin/users", url.Values{"email": {"a@b.vn"}, "name": {"Lê\x00Văn"}})
	if !strings.Contains(body, "ô “name” có ký tự không hợp lệ") {
		t.Errorf("the refusal does not name the field:\n%s", body)
	}
}

// TestStaticFilesCarryNoSession: a static file, cached publicly, is sent
// without the session cookie even to someone signed in (a shared cache
// would hand that cookie to the next visitor), as are the probes; a
// missing static file answers 404, not a panic.
func TestStaticFilesCarryNoSession(t *testing.T) {
	t.Parallel()
	srv := accessServer(t, false)
	c := client(t, srv.URL, model.RoleViewer)
	for _, path := range []string{"/static/app.css", "/static/khong-co.css", "/healthz", "/readyz"} {
		resp, err := c.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Values("Set-Cookie"); len(got) > 0 {
			t.Errorf("%s sets cookies %v", path, got)
		}
		if want := map[string]int{"/static/khong-co.css": http.StatusNotFound}[path]; want != 0 && resp.StatusCode != want {
			t.Errorf("%s = %d, want %d", path, resp.StatusCode, want)
		}
	}
	if status, _, _ := entDo(t, c, srv.URL+"/", nil); status != http.StatusOK {
		t.Errorf("the overview after static files = %d: the session should still work", status)
	}
}
