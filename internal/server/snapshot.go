package server

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// snapshots keeps what the dashboard computes from the register (the
// overview of a plan, the plans, whether the register holds sample data)
// for the register's version it was computed at. Every write raises the
// version in its own transaction (store.RegisterVersion), so a request that
// reads version N and finds something kept for N, or for a later version,
// shows numbers that count every write committed before it began: never
// stale ones. What is asked for at once by many is computed once.
type snapshots struct {
	mu      sync.Mutex
	version int64          // the newest version seen; entries are for it
	entries map[string]any // by what was asked
	bytes   int            // the size of the drawn pages among entries
	flight  singleflight.Group
}

// What is kept for one version is bounded, in entries and in the bytes of
// drawn pages (an overview is some 100 to 300 kB): past either bound, what
// is asked for is computed for each request until the next version.
const (
	maxSnapshots     = 512
	maxSnapshotBytes = 32 << 20
)

// buildTimeout bounds one computation, which runs on when the request that
// started it goes away, for the others waiting on it.
const buildTimeout = 2 * time.Minute

// get returns what is kept under key for version or a later one, or builds
// it with build, keeps it and returns it.
func (c *snapshots) get(ctx context.Context, version int64, key string, build func(context.Context) (any, error)) (any, error) {
	c.mu.Lock()
	if version > c.version {
		c.version, c.entries, c.bytes = version, map[string]any{}, 0
	}
	v, ok := c.entries[key]
	c.mu.Unlock()
	if ok {
		return v, nil
	}
	// Requests of the same version share one computation; a request of a
	// newer version never joins one begun before its version was read.
	v, err, _ := c.flight.Do(strconv.FormatInt(version, 10)+"\x00"+key, func() (any, error) {
		// A computation that ended between the look above and this one
		// has kept its result: use it rather than compute again.
		c.mu.Lock()
		v, ok := c.entries[key]
		c.mu.Unlock()
		if ok {
			return v, nil
		}
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), buildTimeout)
		defer cancel()
		v, err := build(ctx)
		if err != nil {
			return nil, err
		}
		size := 0
		if page, ok := v.(string); ok {
			size = len(page)
		}
		c.mu.Lock()
		if c.version == version && len(c.entries) < maxSnapshots && c.bytes+size <= maxSnapshotBytes {
			c.entries[key], c.bytes = v, c.bytes+size
		}
		c.mu.Unlock()
		return v, nil
	})
	return v, err
}

type versionKey struct{}

// registerVersion is the register's version as this request first read it;
// one read serves the whole request.
func (d *deps) registerVersion(r *http.Request) (int64, *http.Request, error) {
	if v, ok := r.Context().Value(versionKey{}).(int64); ok {
		return v, r, nil
	}
	v, err := d.st.RegisterVersion(r.Context())
	if err != nil {
		return 0, r, err
	}
	return v, r.WithContext(context.WithValue(r.Context(), versionKey{}, v)), nil
}

// kept is what get keeps for the request's register version under key.
// What it returns is shared by every request of that version: read it,
// never change it in place.
func kept[T any](d *deps, r *http.Request, key string, build func(context.Context) (T, error)) (T, *http.Request, error) {
	var zero T
	version, r, err := d.registerVersion(r)
	if err != nil {
		return zero, r, err
	}
	v, err := d.snap.get(r.Context(), version, key, func(ctx context.Context) (any, error) { return build(ctx) })
	if err != nil {
		return zero, r, err
	}
	return v.(T), r, nil
}

// hasDemo reports whether the register holds sample data, as kept for the
// request's version.
func (d *deps) hasDemo(r *http.Request) (bool, error) {
	demo, _, err := kept(d, r, "demo", d.st.HasDemo)
	return demo, err
}
