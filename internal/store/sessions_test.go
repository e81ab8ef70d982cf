package store_test

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/jackc/pgx/v5"

	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
)

// TestSessionTouchesSkipped saves a session, then saves it again as the
// session manager does on every request with an idle timeout: a save that
// only moves the expiry by less than a minute writes nothing; a larger move,
// new data, or a session read afresh after another instance changed it, is
// written.
func TestSessionTouchesSkipped(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := storetest.URL(t)
	st, err := store.Open(ctx, url, store.Options{MaxConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	stored := func() (string, time.Time) {
		t.Helper()
		var data []byte
		var expiry time.Time
		if err := conn.QueryRow(ctx, `SELECT data, expiry FROM sessions WHERE token = 'tok'`).Scan(&data, &expiry); err != nil {
			t.Fatal(err)
		}
		return string(data), expiry
	}
	ss := st.SessionStore(0).(scs.CtxStore)
	t0 := time.Now().Add(30 * time.Minute).UTC().Truncate(time.Microsecond)

	if err := ss.CommitCtx(ctx, "tok", []byte("a"), t0); err != nil {
		t.Fatal(err)
	}
	if err := ss.CommitCtx(ctx, "tok", []byte("a"), t0.Add(30*time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, exp := stored(); !exp.Equal(t0) {
		t.Errorf("a touch of 30 s was written: expiry %v, want %v", exp, t0)
	}
	if err := ss.CommitCtx(ctx, "tok", []byte("a"), t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, exp := stored(); !exp.Equal(t0.Add(2 * time.Minute)) {
		t.Errorf("a touch of 2 min was not written: expiry %v", exp)
	}
	if err := ss.CommitCtx(ctx, "tok", []byte("b"), t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if data, _ := stored(); data != "b" {
		t.Errorf("new data not written: %q", data)
	}

	// Another instance writes "c"; this one reads it, then saves "b" again:
	// written, as it differs from what is stored.
	other := st.SessionStore(0).(scs.CtxStore)
	if err := other.CommitCtx(ctx, "tok", []byte("c"), t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if b, ok, err := ss.FindCtx(ctx, "tok"); err != nil || !ok || string(b) != "c" {
		t.Fatalf("find = %q, %v, %v; want the other instance's data", b, ok, err)
	}
	if err := ss.CommitCtx(ctx, "tok", []byte("b"), t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if data, _ := stored(); data != "b" {
		t.Errorf("a save differing from what was read was skipped: %q", data)
	}

	if err := ss.DeleteCtx(ctx, "tok"); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := ss.FindCtx(ctx, "tok"); err != nil || ok {
		t.Errorf("after delete: found %v, err %v", ok, err)
	}
	// A save after the delete (a request that read it before) writes
	// nothing: an ended session stays ended.
	if err := ss.CommitCtx(ctx, "tok", []byte("b"), t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM sessions WHERE token = 'tok'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("a session saved again after delete is back (%d rows, %v)", n, err)
	}
}

// TestSessionEndedStaysEnded: a request that read a session before it was
// ended (signing out, on this instance or another) saves it afterwards, as
// the session manager does when the answer starts; the session stays
// ended. A hundred times over, with the save racing the deletion.
func TestSessionEndedStaysEnded(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := storetest.URL(t)
	st, err := store.Open(ctx, url, store.Options{MaxConns: 8})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	here, there := st.SessionStore(0).(scs.CtxStore), st.SessionStore(0).(scs.CtxStore)
	expiry := time.Now().Add(30 * time.Minute)
	for i := range 100 {
		token := "tok-" + strconv.Itoa(i)
		if err := here.CommitCtx(ctx, token, []byte("signed in"), expiry); err != nil {
			t.Fatal(err)
		}
		// Requests in flight on both instances have read the session.
		for _, s := range []scs.CtxStore{here, there} {
			if _, ok, err := s.FindCtx(ctx, token); err != nil || !ok {
				t.Fatalf("find %s = %v, %v", token, ok, err)
			}
		}
		var wg sync.WaitGroup
		ended := here
		if i%2 == 1 {
			ended = there
		}
		wg.Add(3)
		go func() { defer wg.Done(); _ = ended.DeleteCtx(ctx, token) }()
		for _, s := range []scs.CtxStore{here, there} {
			go func() {
				defer wg.Done()
				_ = s.CommitCtx(ctx, token, []byte("signed in, flash"), expiry.Add(time.Minute))
			}()
		}
		wg.Wait()
		// Saves that come after the deletion, as a slow request's would.
		for _, s := range []scs.CtxStore{here, there} {
			if err := s.CommitCtx(ctx, token, []byte("signed in, later"), expiry.Add(2*time.Minute)); err != nil {
				t.Fatal(err)
			}
		}
		for _, s := range []scs.CtxStore{here, there} {
			if _, ok, err := s.FindCtx(ctx, token); err != nil || ok {
				t.Fatalf("round %d: the ended session %s is alive again (%v)", i, token, err)
			}
		}
	}
	// A new session is still saved.
	if err := here.CommitCtx(ctx, "new", []byte("x"), expiry); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := there.FindCtx(ctx, "new"); !ok {
		t.Error("a new session was not saved")
	}
}
