package server

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"industrytargets/internal/bench"
	"industrytargets/internal/model"
	"industrytargets/internal/pgdev"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
)

// outageRig is the application over a PostgreSQL cluster of its own, which
// the test may stop and start.
type outageRig struct {
	dir  string // the cluster's folder
	port int    // the cluster's port, kept across the restart
	url  string
	st   *store.Store
	srv  *httptest.Server
}

func newOutageRig(t *testing.T) *outageRig {
	t.Helper()
	ctx := context.Background()
	parent := t.TempDir()
	if os.Geteuid() == 0 { // the postgres OS user must pass through the folders
		for _, d := range []string{filepath.Dir(parent), parent} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	r := &outageRig{dir: filepath.Join(parent, "pg")}
	t.Cleanup(func() { pgdev.Stop(r.dir) })
	// A port of its own, far from the ones other tests' clusters take, so
	// the restarted cluster comes back where the application looks for it.
	r.port = 56000 + os.Getpid()%3000
	admin, err := pgdev.Find(ctx, pgdev.Options{Dir: r.dir, NoShared: true, Port: r.port})
	if err != nil {
		t.Fatalf("a PostgreSQL cluster of the test's own (its programs must be installed): %v", err)
	}
	if r.url, err = pgdev.FreshDatabase(ctx, admin, "outage"); err != nil {
		t.Fatal(err)
	}
	if err := store.MigrateUp(r.url); err != nil {
		t.Fatal(err)
	}
	r.st = openStore(t, r.url)
	if _, err := seed.Ensure(ctx, r.st); err != nil {
		t.Fatal(err)
	}
	hash, err := roleHash()
	if err != nil {
		t.Fatal(err)
	}
	if err := r.st.CreateUser(ctx, &model.User{Email: roleEmail(model.RoleEditor), Role: model.RoleEditor, PasswordHash: hash}, 0); err != nil {
		t.Fatal(err)
	}
	r.srv = httptest.NewServer(New(slog.New(slog.NewTextHandler(io.Discard, nil)), r.st,
		Options{PublicDashboard: true, AddrPerMinute: 1000, AddrBurst: 1000}))
	t.Cleanup(r.srv.Close)
	return r
}

// writes creates enterprises one after another until stop closes, and
// returns the tax codes the server said it saved.
func (r *outageRig) writes(t *testing.T, c *http.Client, first int, stop <-chan struct{}) []string {
	var saved []string
	for seq := first; ; seq++ {
		select {
		case <-stop:
			return saved
		default:
		}
		tax, ok := bench.TaxCode(seq)
		if !ok {
			continue
		}
		form := url.Values{"tax_code": {tax}, "name": {"Doanh nghiệp " + tax}, "province": {"HD"}, "operating_since": {"2015"}}
		resp, err := c.PostForm(r.srv.URL+"/enterprises", form)
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusSeeOther {
			saved = append(saved, tax)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestDatabaseRestart stops PostgreSQL under reads and writes and starts it
// again: the server stays up, /readyz and the pages say 503 in time, service
// comes back within 5 s of the database, and every write answered with
// success is in the database.
func TestDatabaseRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("restarts a PostgreSQL cluster")
	}
	r := newOutageRig(t)
	c := client(t, r.srv.URL, model.RoleEditor)
	c.Timeout = 20 * time.Second
	stop := make(chan struct{})
	var wg sync.WaitGroup
	savedBy := make([][]string, 3)
	for i := range savedBy {
		wg.Go(func() { savedBy[i] = r.writes(t, c, 1_000_000*(i+1), stop) })
	}
	var slowest atomic.Int64
	wg.Go(func() { readLoop(r.srv.URL, stop, &slowest) })
	time.Sleep(time.Second)

	if err := pgdev.Stop(r.dir); err != nil {
		t.Fatal(err)
	}
	waitStatus(t, r.srv.URL+"/readyz", http.StatusServiceUnavailable, 5*time.Second)
	resp, body := plainGet(t, r.srv.URL+"/")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "không kết nối được cơ sở dữ liệu") {
		t.Errorf("the overview during the outage: %d, want 503 with a Vietnamese message", resp.StatusCode)
	}
	time.Sleep(time.Second)

	again, err := pgdev.Find(context.Background(), pgdev.Options{Dir: r.dir, NoShared: true, Port: r.port})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("restarted at %s; the app uses %s", again, r.url)
	back := time.Now()
	waitStatus(t, r.srv.URL+"/readyz", http.StatusOK, 5*time.Second)
	waitStatus(t, r.srv.URL+"/", http.StatusOK, 5*time.Second-time.Since(back))
	t.Logf("service back %v after the database", time.Since(back).Round(time.Millisecond))
	time.Sleep(time.Second)
	close(stop)
	wg.Wait()
	checkSaved(t, r, savedBy)
	if s := time.Duration(slowest.Load()); s > 15*time.Second {
		t.Errorf("the slowest read took %v: pages hang instead of answering 503", s)
	}
}

func checkSaved(t *testing.T, r *outageRig, savedBy [][]string) {
	t.Helper()
	n := 0
	for _, saved := range savedBy {
		for _, tax := range saved {
			n++
			if _, err := r.st.EnterpriseByTaxCode(context.Background(), tax); err != nil {
				t.Errorf("%s was answered as saved but is not in the database: %v", tax, err)
			}
		}
	}
	t.Logf("%d writes answered as saved, all found", n)
	if n == 0 {
		t.Error("no write succeeded at all")
	}
}

// readLoop reads the overview and /readyz until stop, keeping the slowest
// answer's time.
func readLoop(base string, stop <-chan struct{}, slowest *atomic.Int64) {
	cl := &http.Client{Timeout: 30 * time.Second}
	for {
		select {
		case <-stop:
			return
		default:
		}
		for _, p := range []string{"/", "/readyz"} {
			start := time.Now()
			if resp, err := cl.Get(base + p); err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			if d := int64(time.Since(start)); d > slowest.Load() {
				slowest.Store(d)
			}
		}
	}
}

func waitStatus(t *testing.T, u string, status int, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	last := 0
	for time.Now().Before(deadline) {
		if resp, _ := plainGet(t, u); resp != nil {
			if last = resp.StatusCode; last == status {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s answered %d, not %d, within %v", u, last, status, within)
}

func plainGet(t *testing.T, u string) (*http.Response, string) {
	t.Helper()
	resp, err := (&http.Client{Timeout: 15 * time.Second}).Get(u)
	if err != nil {
		return nil, fmt.Sprint(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}
