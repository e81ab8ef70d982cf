package main

import (
	"context"
	"errors"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"sync"
	"testing"
	"time"

	"industrytargets/internal/auth"
	"industrytargets/internal/bench"
	"industrytargets/internal/model"
	"industrytargets/internal/store/storetest"
)

// TestShutdownUnderLoad stops the program while editors add enterprises and
// viewers read the overview as fast as they can. The program must return
// nil; every addition answered as saved must be in the register with its
// audit entry; nothing may be in the register that was not answered as
// saved (no write done and its answer lost); and no enterprise may lack
// its audit entry (nothing half-written).
func TestShutdownUnderLoad(t *testing.T) {
	t.Parallel()
	dbURL := storetest.URL(t)
	env := map[string]string{"DATABASE_URL": dbURL, "SECURE_COOKIES": "false"}
	mustRun(t, env, "seed")
	st := openStore(t, dbURL)
	hash, err := auth.NewHasher().Hash("mật khẩu thử tắt máy")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateUser(t.Context(), &model.User{Email: "editor@soct.example.vn", Role: model.RoleEditor, PasswordHash: hash}, 0); err != nil {
		t.Fatal(err)
	}
	s := startServe(t, env)
	waitHealthy(t, s.url, 10*time.Second)

	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.PostForm(s.url+"/login", url.Values{"email": {"editor@soct.example.vn"}, "password": {"mật khẩu thử tắt máy"}})
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in: %v %v", resp, err)
	}
	resp.Body.Close()

	var mu sync.Mutex
	saved := map[string]bool{} // tax codes answered 303
	var reads, failedAfterStop int
	var next int
	stopping := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 6 {
		wg.Go(func() {
			for {
				select {
				case <-stopping:
					return
				default:
				}
				if w%2 == 1 { // a reader
					resp, err := c.Get(s.url + "/")
					if err == nil {
						resp.Body.Close()
						mu.Lock()
						reads++
						mu.Unlock()
					}
					continue
				}
				mu.Lock()
				seq := next
				next++
				mu.Unlock()
				tax, ok := bench.TaxCode(7_000_000 + seq)
				if !ok {
					continue
				}
				resp, err := c.PostForm(s.url+"/enterprises", url.Values{"tax_code": {tax},
					"name": {"Doanh nghiệp thử tắt máy " + strconv.Itoa(seq)}, "province": {"HD"},
					"operating_since": {"01/01/2020"}, "ownership": {"private"}})
				if err != nil {
					mu.Lock()
					failedAfterStop++
					mu.Unlock()
					continue
				}
				resp.Body.Close()
				if resp.StatusCode == http.StatusSeeOther {
					mu.Lock()
					saved[tax] = true
					mu.Unlock()
				} else if resp.StatusCode != http.StatusServiceUnavailable {
					t.Errorf("add %s: status %d", tax, resp.StatusCode)
				}
			}
		})
	}
	time.Sleep(1500 * time.Millisecond)
	s.cancel() // as SIGTERM does
	select {
	case <-s.stopped:
	case <-time.After(20 * time.Second):
		t.Fatal("the program did not stop within 20 s")
	}
	close(stopping)
	wg.Wait()
	if s.err != nil {
		t.Errorf("run returned %v, want nil", s.err)
	}

	stored := map[string]bool{}
	rows, err := openDB(t, dbURL).QueryContext(context.Background(), `SELECT e.tax_code, EXISTS (SELECT 1 FROM audit_log a
		WHERE a.entity = 'enterprise' AND a.entity_id = e.id::text AND a.action = 'create') FROM enterprises e`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var tax string
		var audited bool
		if err := rows.Scan(&tax, &audited); err != nil {
			t.Fatal(err)
		}
		stored[tax] = true
		if !audited {
			t.Errorf("%s is stored without its audit entry", tax)
		}
		if !saved[tax] {
			t.Errorf("%s is stored but its editor was never told it was saved", tax)
		}
	}
	if err := errors.Join(rows.Err()); err != nil {
		t.Fatal(err)
	}
	for tax := range saved {
		if !stored[tax] {
			t.Errorf("%s was answered as saved but is not in the register", tax)
		}
	}
	if len(saved) < 5 || reads < 5 {
		t.Errorf("only %d additions and %d reads before the stop: the load did not run", len(saved), reads)
	}
	t.Logf("%d additions saved, %d overview reads, %d requests refused once the server stopped", len(saved), reads, failedAfterStop)
}
