package pgdev

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	firstPort    = 55432 // private clusters stay clear of the usual 5432
	lastPort     = firstPort + 100
	startTimeout = 60 // seconds, for pg_ctl -w -t
	stopTimeout  = 2 * time.Minute
	// maxSocketPath is the longest Unix socket path Linux accepts (sun_path
	// holds 108 bytes with the terminating NUL).
	maxSocketPath = 107
)

// cluster is a private PostgreSQL cluster kept in one folder: data/ holds
// the database files, pg.log the server log, port the port last used, and
// the Unix socket sits in the folder itself.
type cluster struct {
	dir  string // absolute
	run  runner
	log  io.Writer
	port int // preferred port, 0 for none
}

func (c cluster) dataDir() string  { return filepath.Join(c.dir, "data") }
func (c cluster) logFile() string  { return filepath.Join(c.dir, "pg.log") }
func (c cluster) portFile() string { return filepath.Join(c.dir, "port") }

// startPrivate initialises and starts the cluster in opt.Dir as needed,
// holding the folder's lock, and returns its URL once it accepts logins.
func startPrivate(ctx context.Context, opt Options, binDir string) (string, error) {
	dir, err := filepath.Abs(opt.Dir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	unlock, err := lockDir(ctx, dir)
	if err != nil {
		return "", err
	}
	defer unlock()
	r, err := newRunner(ctx, dir, binDir)
	if err != nil {
		return "", err
	}
	c := cluster{dir: dir, run: r, log: opt.Log, port: opt.Port}
	port, err := c.ensureRunning(ctx)
	if err != nil {
		return "", err
	}
	url := privateURL(port)
	if err := ping(ctx, url, connTimeout); err != nil {
		return "", fmt.Errorf("private PostgreSQL in %s runs but does not accept logins: %w", dir, err)
	}
	return url, nil
}

// ensureRunning initialises the cluster if it has no data yet, starts it
// unless it runs already, and returns its port.
func (c cluster) ensureRunning(ctx context.Context) (int, error) {
	if _, err := os.Stat(filepath.Join(c.dataDir(), "PG_VERSION")); errors.Is(err, os.ErrNotExist) {
		if err := c.initdb(ctx); err != nil {
			return 0, err
		}
	}
	running, err := c.running(ctx)
	if err != nil {
		return 0, err
	}
	if running {
		port, err := c.runningPort()
		if err == nil {
			logf(c.log, "using the private PostgreSQL already running on 127.0.0.1:%d (%s)", port, c.dir)
		}
		return port, err
	}
	return c.start(ctx)
}

// initdb creates the data directory: superuser postgres, trusted locally.
func (c cluster) initdb(ctx context.Context) error {
	logf(c.log, "creating a private PostgreSQL cluster in %s (first run only)", c.dataDir())
	err := c.run.run(ctx, "initdb", "-D", c.dataDir(), "-U", "postgres",
		"--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
	if err != nil {
		return fmt.Errorf("initialise PostgreSQL in %s (if the folder is left over from a failed attempt, delete it): %w", c.dataDir(), err)
	}
	return nil
}

// running asks pg_ctl whether the cluster's server is up.
func (c cluster) running(ctx context.Context) (bool, error) {
	out, err := c.run.command(ctx, "pg_ctl", "status", "-D", c.dataDir()).CombinedOutput()
	switch exitCode(err) {
	case 0:
		return true, nil
	case 3: // "no server running"
		return false, nil
	}
	return false, fmt.Errorf("pg_ctl status -D %s: %w\n%s", c.dataDir(), err, strings.TrimSpace(string(out)))
}

// start starts the server on its remembered port if free, else on the
// first free port from 55432, and remembers the port it used.
func (c cluster) start(ctx context.Context) (int, error) {
	port, err := c.choosePort()
	if err != nil {
		return 0, err
	}
	if err := os.WriteFile(c.portFile(), []byte(strconv.Itoa(port)+"\n"), 0o644); err != nil {
		return 0, err
	}
	logf(c.log, "starting private PostgreSQL on 127.0.0.1:%d (log: %s)", port, c.logFile())
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -k %s", port, shellQuote(c.socketDir(port)))
	cmd := c.run.command(ctx, "pg_ctl", "start", "-w", "-t", strconv.Itoa(startTimeout),
		"-D", c.dataDir(), "-l", c.logFile(), "-o", opts)
	// A session of its own keeps the server alive when the terminal's
	// Ctrl-C stops `make run`.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if out, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("pg_ctl start: %w\n%s\n--- end of %s ---\n%s",
			err, strings.TrimSpace(string(out)), c.logFile(), tail(c.logFile(), 15))
	}
	return port, nil
}

// socketDir is where the server puts its Unix socket: the cluster folder,
// or nowhere ("") when that path would be too long for a socket.
func (c cluster) socketDir(port int) string {
	if len(filepath.Join(c.dir, ".s.PGSQL."+strconv.Itoa(port))) > maxSocketPath {
		return ""
	}
	return c.dir
}

// choosePort returns the remembered port if it is free, else the first
// free port from firstPort.
func (c cluster) choosePort() (int, error) {
	if c.port > 0 && portFree(c.port) {
		return c.port, nil
	}
	if b, err := os.ReadFile(c.portFile()); err == nil {
		if p, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && portFree(p) {
			return p, nil
		}
	}
	for p := firstPort; p <= lastPort; p++ {
		if portFree(p) {
			return p, nil
		}
	}
	return 0, fmt.Errorf("no free TCP port on 127.0.0.1 between %d and %d", firstPort, lastPort)
}

// runningPort reads the port of the running server from postmaster.pid,
// whose fourth line is the port.
func (c cluster) runningPort() (int, error) {
	b, err := os.ReadFile(filepath.Join(c.dataDir(), "postmaster.pid"))
	if err != nil {
		return 0, err
	}
	lines := strings.Split(string(b), "\n")
	if len(lines) < 4 {
		return 0, fmt.Errorf("unexpected postmaster.pid in %s", c.dataDir())
	}
	return strconv.Atoi(strings.TrimSpace(lines[3]))
}

// portFree reports whether nothing listens on 127.0.0.1:port.
func portFree(port int) bool {
	l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return false
	}
	l.Close()
	return true
}

// Stop stops the private cluster in dir if it runs; a folder without a
// cluster is not an error.
func Stop(dir string) error {
	ctx, cancel := context.WithTimeout(context.Background(), stopTimeout)
	defer cancel()
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "PG_VERSION")); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	binDir, ok := findBinDir(defaultBinDirs())
	if !ok {
		return fmt.Errorf("stop PostgreSQL in %s: initdb and pg_ctl not found", dir)
	}
	unlock, err := lockDir(ctx, dir)
	if err != nil {
		return err
	}
	defer unlock()
	r, err := newRunner(ctx, dir, binDir)
	if err != nil {
		return err
	}
	c := cluster{dir: dir, run: r, log: io.Discard}
	if running, err := c.running(ctx); err != nil || !running {
		return err
	}
	return r.run(ctx, "pg_ctl", "stop", "-D", c.dataDir(), "-m", "fast", "-w")
}

// shellQuote quotes s for the shell that pg_ctl starts postgres with.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// tail returns the last n lines of a file, or a note why it can't.
func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
