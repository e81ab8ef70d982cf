package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"industrytargets/internal/auth"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
)

// rig is one application server over a fresh database holding one user of
// each role, signed in with rolePassword as <role>@soct.example.vn.
type rig struct {
	dbURL string
	st    *store.Store
	srv   *httptest.Server
	ids   map[model.Role]int64
}

// roleHash is rolePassword hashed once for every rig: argon2id is slow.
var roleHash = sync.OnceValues(func() (string, error) { return auth.NewHasher().Hash(rolePassword) })

// newRig starts a server with opt; a zero address limit becomes a generous
// one, so tests of other things are not throttled by it.
func newRig(t *testing.T, opt Options) *rig {
	t.Helper()
	u := storetest.URL(t)
	st := openStore(t, u)
	hash, err := roleHash()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[model.Role]int64{}
	for _, role := range model.Roles {
		usr := model.User{Email: string(role) + "@soct.example.vn", Role: role, PasswordHash: hash}
		if err := st.CreateUser(context.Background(), &usr, 0); err != nil {
			t.Fatal(err)
		}
		ids[role] = usr.ID
	}
	if opt.AddrPerMinute == 0 {
		opt.AddrPerMinute, opt.AddrBurst = 1000, 1000
	}
	return &rig{dbURL: u, st: st, srv: serve(t, st, opt), ids: ids}
}

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

// serve runs an application server over st until the test ends.
func serve(t *testing.T, st *store.Store, opt Options) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(New(slog.New(slog.NewTextHandler(io.Discard, nil)), st, opt))
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

// send posts form to path with the extra headers and returns the status,
// the headers and the body.
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

// newUserForm is a complete, valid add-a-user form.
func newUserForm(email string) url.Values {
	return url.Values{"email": {email}, "name": {"Người Mới"}, "role": {string(model.RoleAdmin)}}
}

func TestCrossSitePostRefused(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	adminC := client(t, r.srv.URL, model.RoleAdmin)
	forged := map[string]map[string]string{
		"Sec-Fetch-Site cross-site": {"Sec-Fetch-Site": "cross-site"},
		"Sec-Fetch-Site same-site":  {"Sec-Fetch-Site": "same-site"},
		"foreign Origin":            {"Origin": "https://evil.example"},
	}
	for name, hdr := range forged {
		before := r.countUsers(t)
		resp, _ := send(t, adminC, http.MethodPost, r.srv.URL+"/admin/users", newUserForm("moi@soct.example.vn"), hdr)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: POST /admin/users status %d, want 403", name, resp.StatusCode)
		}
		if after := r.countUsers(t); after != before {
			t.Errorf("%s: users %d → %d, want unchanged", name, before, after)
		}
	}
}
