package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver the shutdown test locks a table with

	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
	"industrytargets/migrations"
)

// outcome is what one run of the program left behind.
type outcome struct {
	code           int // the exit status main would use
	stdout, stderr string
}

// runCLI runs the program in-process with env as its whole environment.
func runCLI(t *testing.T, env map[string]string, args ...string) outcome {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(t.Context(), append([]string{"industrytargets"}, args...), envFunc(env),
		strings.NewReader(""), &stdout, &stderr)
	code := exitCode(err, &stderr)
	return outcome{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// mustRun runs the program and fails the test unless it succeeds; it returns
// what the program printed to stdout.
func mustRun(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	o := runCLI(t, env, args...)
	if o.code != 0 {
		t.Fatalf("%s: exit status %d, want 0\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), o.code, o.stdout, o.stderr)
	}
	return o.stdout
}

func envFunc(env map[string]string) func(string) string {
	return func(key string) string { return env[key] }
}

func TestHelpAndUsageErrors(t *testing.T) {
	t.Parallel()
	noDB := map[string]string{}
	tests := []struct {
		args     []string
		wantCode int
		wantOut  string // in stdout or stderr
	}{
		{[]string{"-h"}, 0, "Usage:"},
		{[]string{"help"}, 0, "Usage:"},
		{[]string{"serve", "-h"}, 0, "Usage: industrytargets serve"},
		{[]string{"migrate", "-h"}, 0, "Usage: industrytargets migrate"},
		{[]string{"seed", "-h"}, 0, "Usage: industrytargets seed"},
		{nil, 2, "Usage:"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"serve", "--bogus"}, 2, "flag provided but not defined: -bogus"},
		{[]string{"migrate", "--bogus", "status"}, 2, "flag provided but not defined: -bogus"},
		{[]string{"seed", "--bogus"}, 2, "flag provided but not defined: -bogus"},
		{[]string{"seed", "--demo", "--remove-demo"}, 2, "choose one of"},
		{[]string{"migrate"}, 2, "migrate takes one of up, down, status"},
		// The database is checked first; this address is never dialled.
		{[]string{"migrate", "--database-url", "postgres://db.invalid/x", "sideways"}, 2, `unknown migrate action "sideways"`},
		{[]string{"serve"}, 2, "DATABASE_URL"},
		{[]string{"migrate", "status"}, 2, "DATABASE_URL"},
		{[]string{"seed"}, 2, "DATABASE_URL"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(append([]string{"args"}, tt.args...), " "), func(t *testing.T) {
			t.Parallel()
			o := runCLI(t, noDB, tt.args...)
			if o.code != tt.wantCode {
				t.Errorf("exit status = %d, want %d\nstderr:\n%s", o.code, tt.wantCode, o.stderr)
			}
			if all := o.stdout + o.stderr; !strings.Contains(all, tt.wantOut) {
				t.Errorf("output does not mention %q:\n%s", tt.wantOut, all)
			}
		})
	}
}

func TestMigrateRoundTrip(t *testing.T) {
	t.Parallel()
	env := map[string]string{"DATABASE_URL": storetest.EmptyURL(t)}
	n := latestMigration(t)
	at := func(v int) string { return fmt.Sprintf("schema version %d of %d\n", v, n) }
	steps := []struct {
		args     []string
		wantCode int
		wantOut  string
	}{
		{[]string{"migrate", "status"}, 0, at(0)},
		{[]string{"migrate", "up"}, 0, at(n)},
		{[]string{"migrate", "status"}, 0, at(n)},
		{[]string{"migrate", "down"}, 2, ""},
		{[]string{"migrate", "status"}, 0, at(n)},
		{[]string{"migrate", "down", "--yes"}, 0, at(0)},
		{[]string{"migrate", "status"}, 0, at(0)},
		{[]string{"migrate", "up"}, 0, at(n)},
		{[]string{"migrate", "--yes", "down"}, 0, at(0)},
		{[]string{"migrate", "up"}, 0, at(n)},
	}
	for _, s := range steps {
		o := runCLI(t, env, s.args...)
		if o.code != s.wantCode || o.stdout != s.wantOut {
			t.Fatalf("%s: exit status %d, stdout %q; want %d, %q\nstderr:\n%s",
				strings.Join(s.args, " "), o.code, o.stdout, s.wantCode, s.wantOut, o.stderr)
		}
	}
	out := mustRun(t, env, "seed")
	if rows, plans := seedCounts(t, out); rows == 0 || plans != 1 {
		t.Errorf("seed after the round trip added %d reference rows and %d plans, want some rows and 1 plan", rows, plans)
	}
}

// latestMigration is the version of the newest migration file, the N of
// "schema version N of N".
func latestMigration(t *testing.T) int {
	t.Helper()
	names, err := fs.Glob(migrations.FS, "*.up.sql")
	if err != nil || len(names) == 0 {
		t.Fatalf("no migrations found (%v)", err)
	}
	latest := 0
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
		if err != nil {
			t.Fatalf("migration %s has no version number: %v", name, err)
		}
		latest = max(latest, v)
	}
	return latest
}

var seedLine = regexp.MustCompile(`reference rows added: (\d+); plans added: (\d+)`)

// seedCounts reads what `seed` says it added.
func seedCounts(t *testing.T, out string) (rows, plans int) {
	t.Helper()
	m := seedLine.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("seed output %q does not match %s", out, seedLine)
	}
	rows, _ = strconv.Atoi(m[1])
	plans, _ = strconv.Atoi(m[2])
	return rows, plans
}

func TestSeedTwiceAddsNothing(t *testing.T) {
	t.Parallel()
	env := map[string]string{"DATABASE_URL": storetest.URL(t)}
	if rows, plans := seedCounts(t, mustRun(t, env, "seed")); rows == 0 || plans != 1 {
		t.Errorf("first seed added %d reference rows and %d plans, want some rows and 1 plan", rows, plans)
	}
	if rows, plans := seedCounts(t, mustRun(t, env, "seed")); rows != 0 || plans != 0 {
		t.Errorf("second seed added %d reference rows and %d plans, want 0 and 0", rows, plans)
	}
}

var demoLine = regexp.MustCompile(`enterprises: (\d+), classifications: (\d+), figures: (\d+), province totals: (\d+)`)

// parseDemoCounts checks the last line of out starts with prefix and returns the
// four counts it prints about sample data.
func parseDemoCounts(t *testing.T, out, prefix string) string {
	t.Helper()
	line := out[strings.LastIndex(strings.TrimSuffix(out, "\n"), "\n")+1:]
	if !strings.HasPrefix(line, prefix) || !demoLine.MatchString(line) {
		t.Fatalf("output ends with %q, want %q followed by the four counts", line, prefix)
	}
	return demoLine.FindString(line)
}

func TestSeedDemoRoundTrip(t *testing.T) {
	t.Parallel()
	env := map[string]string{"DATABASE_URL": storetest.URL(t)}
	added := parseDemoCounts(t, mustRun(t, env, "seed", "--demo"), "sample data added: ")
	if strings.HasPrefix(added, "enterprises: 0,") {
		t.Fatalf("seed --demo added %s, want some enterprises", added)
	}
	steps := []struct{ flag, prefix string }{
		{"--demo", "sample data already present: "},
		{"--remove-demo", "removed sample data: "},
		{"--demo-if-empty", "sample data added: "},
	}
	for _, s := range steps {
		if got := parseDemoCounts(t, mustRun(t, env, "seed", s.flag), s.prefix); got != added {
			t.Errorf("seed %s: %s%s, want %s%s", s.flag, s.prefix, got, s.prefix, added)
		}
	}
}

func TestSeedDemoLeavesRealRegisterAlone(t *testing.T) {
	t.Parallel()
	url := storetest.URL(t)
	env := map[string]string{"DATABASE_URL": url}
	mustRun(t, env, "seed", "--demo")
	st := openStore(t, url)
	e := model.Enterprise{TaxCode: "0100233488", Name: "Công ty thật", ProvinceCode: "HD",
		OperatingSince: model.Date(2019, time.March, 1)}
	if err := st.CreateEnterprise(t.Context(), &e, 0); err != nil {
		t.Fatalf("CreateEnterprise: %v", err)
	}
	mustRun(t, env, "seed", "--remove-demo")
	if n, err := st.CountEnterprises(t.Context()); err != nil || n != 1 {
		t.Errorf("after --remove-demo the register holds %d enterprises (%v), want the 1 real one", n, err)
	}
	out := mustRun(t, env, "seed", "--demo-if-empty")
	if want := "sample data not added: the register is not empty"; !strings.Contains(out, want) {
		t.Errorf("seed --demo-if-empty printed %q, want it to say %q", out, want)
	}
	if c, err := st.CountDemo(t.Context()); err != nil || c != (store.DemoCounts{}) {
		t.Errorf("after --demo-if-empty on a register with a real enterprise: sample counts %+v (%v), want none", c, err)
	}
}

func openStore(t *testing.T, url string) *store.Store {
	t.Helper()
	st, err := store.Open(t.Context(), url, store.Options{MaxConns: 2})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(st.Close)
	return st
}

func TestServe(t *testing.T) {
	t.Parallel()
	url := storetest.URL(t)
	env := map[string]string{"DATABASE_URL": url, "PUBLIC_DASHBOARD": "true", "SECURE_COOKIES": "false"}
	mustRun(t, env, "seed", "--demo")
	s := startServe(t, env)
	waitHealthy(t, s.url, 10*time.Second)

	t.Run("readyz", func(t *testing.T) {
		if resp, body := httpGet(t, s.url+"/readyz"); resp.StatusCode != http.StatusOK {
			t.Errorf("GET /readyz: %d %q, want 200", resp.StatusCode, body)
		}
	})
	t.Run("home", func(t *testing.T) { testHome(t, s.url) })
	t.Run("not found", func(t *testing.T) { testNotFound(t, s.url) })
	t.Run("stylesheet", func(t *testing.T) { testStylesheet(t, s.url) })
	t.Run("shutdown drains requests", func(t *testing.T) { testShutdownDrains(t, s, url) })
}

func testHome(t *testing.T, base string) {
	resp, body := httpGet(t, base+"/")
	checkResponse(t, resp, http.StatusOK, "text/html")
	for _, want := range []string{"HD-3164", "3164/QĐ-UBND", "340", "580", "35%", "45%", "dữ liệu mẫu"} {
		if !strings.Contains(body, want) {
			t.Errorf("GET / does not show %q", want)
		}
	}
}

func testNotFound(t *testing.T, base string) {
	resp, body := httpGet(t, base+"/no-such-page")
	checkResponse(t, resp, http.StatusNotFound, "text/html")
	for _, want := range []string{`<html lang="vi">`, "Không tìm thấy trang"} {
		if !strings.Contains(body, want) {
			t.Errorf("GET /no-such-page does not show %q:\n%s", want, body)
		}
	}
}

func testStylesheet(t *testing.T, base string) {
	resp, body := httpGet(t, base+"/static/app.css")
	checkResponse(t, resp, http.StatusOK, "text/css")
	if !strings.Contains(body, "header.site") {
		t.Errorf("GET /static/app.css does not look like the stylesheet:\n%.200s", body)
	}
}

// checkResponse checks the status, the media type and the security headers
// every response carries.
func checkResponse(t *testing.T, resp *http.Response, status int, mediaType string) {
	t.Helper()
	if resp.StatusCode != status {
		t.Errorf("%s: status %d, want %d", resp.Request.URL.Path, resp.StatusCode, status)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, mediaType) {
		t.Errorf("%s: Content-Type %q, want %s", resp.Request.URL.Path, ct, mediaType)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("%s: Content-Security-Policy %q, want one with default-src 'self'", resp.Request.URL.Path, csp)
	}
	if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("%s: X-Content-Type-Options %q, want nosniff", resp.Request.URL.Path, got)
	}
}

var httpClient = &http.Client{Timeout: 10 * time.Second}

// httpGet fetches url and returns the response with its body read.
func httpGet(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := httpClient.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: read body: %v", url, err)
	}
	return resp, string(body)
}

// servedProgram is `industrytargets serve` running in-process.
type servedProgram struct {
	url     string
	cancel  context.CancelFunc // what SIGTERM does to the real process
	stopped chan struct{}      // closed when run has returned
	err     error              // what run returned; read it only after stopped
	stderr  *syncBuffer
}

var listening = regexp.MustCompile(`listening on (http://\S+)\n`)

// startServe starts `serve --addr 127.0.0.1:0` and returns once it has said
// where it listens; it is stopped when the test ends.
func startServe(t *testing.T, env map[string]string) *servedProgram {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout := &syncBuffer{}
	s := &servedProgram{cancel: cancel, stopped: make(chan struct{}), stderr: &syncBuffer{}}
	go func() {
		defer close(s.stopped)
		s.err = run(ctx, []string{"industrytargets", "serve", "--addr", "127.0.0.1:0"}, envFunc(env),
			strings.NewReader(""), stdout, s.stderr)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-s.stopped:
		case <-time.After(30 * time.Second):
			t.Errorf("serve did not stop within 30 s of its context ending")
		}
	})
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		if m := listening.FindStringSubmatch(stdout.String()); m != nil {
			s.url = m[1]
			return s
		}
		select {
		case <-s.stopped:
			t.Fatalf("serve exited before listening: %v\nstderr:\n%s", s.err, s.stderr)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not print \"listening on http://…\" within 10 s; stdout %q\nstderr:\n%s", stdout, s.stderr)
	return nil
}

// waitHealthy waits until GET /healthz answers 200.
func waitHealthy(t *testing.T, base string, within time.Duration) {
	t.Helper()
	var last string
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		resp, err := httpClient.Get(base + "/healthz")
		if err != nil {
			last = err.Error()
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return
		}
		last = resp.Status
	}
	t.Fatalf("GET %s/healthz did not answer 200 within %s; last answer: %s", base, within, last)
}

// testShutdownDrains holds GET / inside its handler with a table lock, ends
// the program's context, and checks the program waits for that request,
// answers it, and only then returns nil.
func testShutdownDrains(t *testing.T, s *servedProgram, dbURL string) {
	db := openDB(t, dbURL)
	unlock := lockTable(t, db, "register_state")
	type result struct {
		status int
		err    error
	}
	answered := make(chan result, 1)
	go func() { // on a keep-alive connection left by the subtests before
		resp, err := httpClient.Get(s.url + "/")
		if err != nil {
			answered <- result{err: err}
			return
		}
		defer resp.Body.Close()
		_, err = io.ReadAll(resp.Body)
		answered <- result{status: resp.StatusCode, err: err}
	}()
	waitForLockWaiter(t, db, "register_state") // the request is now in its handler
	s.cancel()
	select {
	case <-s.stopped:
		t.Fatalf("run returned (%v) while GET / was still being answered", s.err)
	case <-time.After(300 * time.Millisecond):
	}
	unlock()
	if r := <-answered; r.err != nil || r.status != http.StatusOK {
		t.Errorf("GET / in flight at shutdown: status %d, error %v; want 200, no error", r.status, r.err)
	}
	select {
	case <-s.stopped:
		if s.err != nil {
			t.Errorf("run returned %v after shutdown, want nil", s.err)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("run did not return within 5 s of the last request")
	}
	if log := s.stderr.String(); !strings.Contains(log, "shutting down") || !strings.Contains(log, "stopped") {
		t.Errorf("the log does not show a graceful shutdown:\n%s", log)
	}
}

func openDB(t *testing.T, url string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// lockTable takes an exclusive lock on table, so any query of it waits until
// unlock (or the end of the test) releases it.
func lockTable(t *testing.T, db *sql.DB, table string) (unlock func()) {
	t.Helper()
	tx, err := db.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	var once sync.Once
	unlock = func() { once.Do(func() { tx.Rollback() }) }
	t.Cleanup(unlock)
	if _, err := tx.Exec("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE"); err != nil {
		t.Fatalf("lock %s: %v", table, err)
	}
	return unlock
}

// waitForLockWaiter waits until some session of this database waits for a
// lock on table.
func waitForLockWaiter(t *testing.T, db *sql.DB, table string) {
	t.Helper()
	const q = `SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
		WHERE d.datname = current_database() AND l.relation = to_regclass($1) AND NOT l.granted`
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var n int
		if err := db.QueryRow(q, table).Scan(&n); err != nil {
			t.Fatalf("look for lock waiters: %v", err)
		}
		if n > 0 {
			return
		}
	}
	t.Fatalf("no request waited for the lock on %s within 10 s", table)
}

// syncBuffer is a bytes.Buffer that the program's goroutines may write while
// the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
