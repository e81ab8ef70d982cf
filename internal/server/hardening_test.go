package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"industrytargets/internal/auth"
	"industrytargets/internal/model"
)

// TestParallelGuessesStillThrottled sends twenty wrong passwords at once:
// each attempt is counted before its password is checked, so no more than
// the free five can be judged.
func TestParallelGuessesStillThrottled(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	statuses := map[int]int{}
	for range 20 {
		wg.Go(func() {
			resp, _ := login(t, r.srv.URL, roleEmail(model.RoleViewer), "không phải mật khẩu này", nil)
			mu.Lock()
			statuses[resp.StatusCode]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if statuses[http.StatusUnauthorized] > 5 || statuses[http.StatusUnauthorized]+statuses[http.StatusTooManyRequests] != 20 {
		t.Errorf("answers to 20 parallel wrong passwords: %v; want at most 5 judged (401), the rest 429", statuses)
	}
}

// TestThrottleIsPerAddress shows an attacker's failures from one address do
// not stop the real user signing in from another.
func TestThrottleIsPerAddress(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	email := roleEmail(model.RoleEditor)
	for range 8 {
		r.st.ReserveLoginAttempt(context.Background(), email, "198.51.100.9", func(int, time.Time, int) time.Duration { return 0 })
	}
	if resp, _ := login(t, r.srv.URL, email, rolePassword, nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the real user from another address after 8 failures elsewhere: %d, want 303", resp.StatusCode)
	}
}

func TestLastAdminCannotBeRemoved(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	ctx := context.Background()
	admin := r.ids[model.RoleAdmin]
	if err := r.st.SetRole(ctx, admin, model.RoleViewer, admin); !errors.Is(err, model.ErrLastAdmin) {
		t.Errorf("demoting the only admin: err = %v, want ErrLastAdmin", err)
	}
	if err := r.st.SetDisabled(ctx, admin, true, 0); !errors.Is(err, model.ErrLastAdmin) {
		t.Errorf("disabling the only admin: err = %v, want ErrLastAdmin", err)
	}
	if u, _ := r.st.User(ctx, admin); u.Role != model.RoleAdmin || u.DisabledAt != nil {
		t.Errorf("after refused changes the admin is %+v", u)
	}
	c := client(t, r.srv.URL, model.RoleAdmin)
	resp, _ := send(t, c, http.MethodPost, r.srv.URL+"/admin/users/"+itoa(int(admin))+"/role", url.Values{"role": {"viewer"}}, nil)
	if resp.StatusCode != http.StatusConflict {
		t.Errorf("demoting oneself, the only admin, on the page: %d, want 409", resp.StatusCode)
	}
	if err := r.st.SetRole(ctx, r.ids[model.RoleEditor], model.RoleAdmin, admin); err != nil {
		t.Fatal(err)
	}
	if err := r.st.SetRole(ctx, admin, model.RoleViewer, admin); err != nil {
		t.Errorf("demoting an admin while another remains: %v", err)
	}
}

// TestFirstPasswordMustBeChanged: a user whose password an administrator
// chose reaches only the account page until they change it.
func TestFirstPasswordMustBeChanged(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	ctx := context.Background()
	hash, err := auth.NewHasher().Hash("mật khẩu ban đầu do quản trị đặt")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.st.SetPassword(ctx, r.ids[model.RoleViewer], hash, true, true, 0); err != nil {
		t.Fatal(err)
	}
	c := client(t, r.srv.URL, "")
	send(t, c, http.MethodPost, r.srv.URL+"/login", url.Values{"email": {roleEmail(model.RoleViewer)},
		"password": {"mật khẩu ban đầu do quản trị đặt"}}, nil)
	for _, path := range []string{"/", "/api/v1/plans", "/enterprises"} {
		resp, _ := send(t, c, http.MethodGet, r.srv.URL+path, nil, nil)
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/account" {
			t.Errorf("GET %s before changing the first password: %d to %q, want 303 to /account", path, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	// The account page says why, as a warning, not as a success.
	if _, body := send(t, c, http.MethodGet, r.srv.URL+"/account", nil, nil); !strings.Contains(body,
		`<p class="notice" role="alert">Mật khẩu của bạn do người khác đặt: hãy đổi mật khẩu trước khi tiếp tục.</p>`) ||
		strings.Contains(body, `class="flash"`) {
		t.Error("the account page does not warn that the password must be changed")
	}
	resp, _ := send(t, c, http.MethodPost, r.srv.URL+"/account/password", url.Values{
		"current_password": {"mật khẩu ban đầu do quản trị đặt"}, "new_password": {"một mật khẩu mới của riêng tôi"},
		"confirm_password": {"một mật khẩu mới của riêng tôi"}}, nil)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Fatalf("changing the first password: %d to %q, want 303 on to the overview", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, _ := send(t, c, http.MethodGet, r.srv.URL+"/account", nil, nil); resp.StatusCode != http.StatusOK {
		t.Errorf("after the change /account = %d, want 200", resp.StatusCode)
	}
	if u, _ := r.st.User(ctx, r.ids[model.RoleViewer]); u.MustChangePassword {
		t.Error("the flag is still set after the change")
	}
}

func TestMalformedFormIsBadRequest(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	req, _ := http.NewRequest(http.MethodPost, r.srv.URL+"/login", strings.NewReader("email=%zz&password=x"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("malformed form: %d, want 400", resp.StatusCode)
	}
}
