package store_test

import (
	"context"
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
	if err := ss.CommitCtx(ctx, "tok", []byte("b"), t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if data, _ := stored(); data != "b" {
		t.Errorf("a session saved again after delete was not written: %q", data)
	}
}
