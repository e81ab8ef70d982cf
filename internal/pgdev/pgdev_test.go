package pgdev

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// clusterDir returns a fresh folder for a private cluster, reachable by the
// postgres OS user when the tests run as root, and skips the test when no
// PostgreSQL programs are installed.
func clusterDir(t *testing.T) string {
	t.Helper()
	if _, ok := findBinDir(defaultBinDirs()); !ok {
		if os.Getenv("CI") != "" {
			t.Fatal("initdb/pg_ctl not installed: CI must test the private cluster (apt-get install postgresql)")
		}
		t.Skip("initdb/pg_ctl not installed")
	}
	parent := t.TempDir()
	if os.Geteuid() == 0 {
		// t.TempDir's per-test folder is 0700 and root's; postgres must
		// pass through it.
		for _, d := range []string{filepath.Dir(parent), parent} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	dir := filepath.Join(parent, "pgdata")
	t.Cleanup(func() {
		if err := Stop(dir); err != nil {
			t.Errorf("Stop: %v", err)
		}
	})
	return dir
}

func TestPrivateClusterLifecycle(t *testing.T) {
	ctx := context.Background()
	dir := clusterDir(t)
	url := findConcurrently(t, dir)
	if !strings.HasPrefix(url, "postgres://postgres@127.0.0.1:") || !strings.HasSuffix(url, "/postgres?sslmode=disable") {
		t.Errorf("url = %q, want postgres://postgres@127.0.0.1:PORT/postgres?sslmode=disable", url)
	}

	t.Run("running cluster is reused", func(t *testing.T) {
		got, log := find(t, Options{Dir: dir, NoShared: true})
		if got != url {
			t.Errorf("url = %q, want %q", got, url)
		}
		if !strings.Contains(log, "already running") || strings.Contains(log, "creating") || strings.Contains(log, "starting") {
			t.Errorf("log = %q, want only a reuse message", log)
		}
	})

	t.Run("EnvURL is used as is", func(t *testing.T) {
		env := url + "&application_name=pgdev_test"
		got, _ := find(t, Options{EnvURL: env, Dir: "/nonexistent"})
		if got != env {
			t.Errorf("url = %q, want %q", got, env)
		}
	})

	t.Run("EnsureDatabase", func(t *testing.T) {
		for range 2 { // the second call finds it
			got, err := EnsureDatabase(ctx, url, "pgdev test-db")
			if err != nil {
				t.Fatal(err)
			}
			want := strings.Replace(url, "/postgres?", "/pgdev%20test-db?", 1)
			if got != want {
				t.Errorf("url = %q, want %q", got, want)
			}
			if err := ping(ctx, got, connTimeout); err != nil {
				t.Errorf("connect to new database: %v", err)
			}
		}
	})

	t.Run("stopped cluster restarts on the same port", func(t *testing.T) {
		if err := Stop(dir); err != nil {
			t.Fatal(err)
		}
		if err := ping(ctx, url, time.Second); err == nil {
			t.Fatal("server still answers after Stop")
		}
		start := time.Now()
		got, log := find(t, Options{Dir: dir, NoShared: true})
		t.Logf("restart: %v", time.Since(start))
		if got != url {
			t.Errorf("url = %q, want %q", got, url)
		}
		if !strings.Contains(log, "starting") || strings.Contains(log, "creating") {
			t.Errorf("log = %q, want a start without initdb", log)
		}
	})
}

// findConcurrently runs two Finds on a new folder at once, as two `go run`
// processes might: one initialises and starts the cluster, the other waits
// on the lock and reuses it. It returns their common URL.
func findConcurrently(t *testing.T, dir string) string {
	t.Helper()
	var logs [2]bytes.Buffer
	var urls [2]string
	var errs [2]error
	var wg sync.WaitGroup
	start := time.Now()
	for i := range 2 {
		wg.Go(func() {
			urls[i], errs[i] = Find(context.Background(), Options{Dir: dir, NoShared: true, Log: &logs[i]})
		})
	}
	wg.Wait()
	t.Logf("first Find (initdb + start): %v", time.Since(start))
	for i := range 2 {
		if errs[i] != nil {
			t.Fatalf("Find #%d: %v\nlog:\n%s", i, errs[i], &logs[i])
		}
	}
	if urls[0] != urls[1] {
		t.Fatalf("concurrent Finds got %q and %q, want the same URL", urls[0], urls[1])
	}
	allLogs := logs[0].String() + logs[1].String()
	if n := strings.Count(allLogs, "creating a private PostgreSQL cluster"); n != 1 {
		t.Errorf("initdb ran %d times, want 1; logs:\n%s", n, allLogs)
	}
	return urls[0]
}

// find calls Find, failing the test on error, and returns the URL and log.
func find(t *testing.T, opt Options) (url, log string) {
	t.Helper()
	var buf bytes.Buffer
	opt.Log = &buf
	url, err := Find(context.Background(), opt)
	if err != nil {
		t.Fatalf("Find: %v\nlog:\n%s", err, &buf)
	}
	return url, buf.String()
}

func TestFindEnvURLNotConnecting(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // now nothing listens there

	_, err = Find(context.Background(), Options{
		EnvURL:  "postgres://postgres@" + addr + "/postgres?sslmode=disable",
		EnvName: "TEST_DATABASE_URL",
		Dir:     t.TempDir(),
	})
	if err == nil || !strings.Contains(err.Error(), "TEST_DATABASE_URL is set but does not connect") {
		t.Errorf("err = %v, want TEST_DATABASE_URL does not connect", err)
	}
}

func TestFindNoPostgres(t *testing.T) {
	empty := t.TempDir()
	_, err := Find(context.Background(), Options{Dir: ".pgdata", NoShared: true, BinDirs: []string{empty}})
	if !errors.Is(err, ErrNoPostgres) {
		t.Fatalf("err = %v, want ErrNoPostgres", err)
	}
	for _, want := range []string{"DATABASE_URL is not set", "not in " + empty, "apt-get install postgresql", "docker compose up", ".pgdata"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestNewestFirst(t *testing.T) {
	got := newestFirst([]string{"/usr/lib/postgresql/9.6/bin", "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/odd/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/9.4/bin"})
	want := []string{"/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/9.6/bin", "/usr/lib/postgresql/9.4/bin", "/usr/lib/postgresql/odd/bin"}
	if !slices.Equal(got, want) {
		t.Errorf("newestFirst = %q, want %q", got, want)
	}
}

func TestWithDatabase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "postgres://postgres@127.0.0.1:5432/industrytargets?sslmode=disable"},
		{"postgresql://u:p%40ss@db:5432", "postgresql://u:p%40ss@db:5432/industrytargets"},
	}
	for _, tt := range tests {
		got, err := withDatabase(tt.in, "industrytargets")
		if err != nil || got != tt.want {
			t.Errorf("withDatabase(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if _, err := withDatabase("host=db dbname=x", "y"); err == nil {
		t.Error("withDatabase accepted a keyword/value string")
	}
}
