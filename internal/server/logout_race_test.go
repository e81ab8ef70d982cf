package server

import (
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"

	"industrytargets/internal/model"
)

// TestLogoutHoldsWhileRequestsRun signs in, keeps three requests at a time
// running on the session, signs out in the middle of them, and then asks
// again with the same cookie: signed out, every one of a hundred times.
// (The session manager saves the session at the end of every request; a
// request that read it before the sign-out used to write it back.)
func TestLogoutHoldsWhileRequestsRun(t *testing.T) {
	t.Parallel()
	srv := accessServer(t, false)
	for round := range 100 {
		c := client(t, srv.URL, model.RoleViewer)
		var stop atomic.Bool
		var wg sync.WaitGroup
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for !stop.Load() {
					resp, err := c.Get(srv.URL + "/account")
					if err != nil {
						return
					}
					resp.Body.Close()
				}
			}()
		}
		resp, _ := send(t, c, http.MethodPost, srv.URL+"/logout", url.Values{}, nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("round %d: sign out = %d", round, resp.StatusCode)
		}
		stop.Store(true)
		wg.Wait()
		resp, _ = send(t, c, http.MethodGet, srv.URL+"/account", nil, nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("round %d: after signing out /account = %d, want 303 to the sign-in page: the session came back", round, resp.StatusCode)
		}
	}
}
