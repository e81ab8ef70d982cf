// Package pgdev finds or starts a PostgreSQL server for development and
// tests (`make run`, `make test`).
//
// It tries, in order: a URL from the environment, a server on
// 127.0.0.1:5432 that trusts user postgres, and a private cluster kept in a
// directory of the repository (initialised on first use). It is a developer
// tool; the application itself talks to PostgreSQL only through the store.
package pgdev

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// SharedURL is the server Find tries before starting a private cluster: the
// default local install, reached over TCP as user postgres with no password.
const SharedURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

const (
	sharedTimeout = 2 * time.Second  // a local server answers at once or not at all
	connTimeout   = 10 * time.Second // a URL from the environment may be remote
)

// ErrNoPostgres is returned (wrapped, with install instructions) when no
// server was found and none can be started.
var ErrNoPostgres = errors.New("no PostgreSQL server found and none can be started")

// Options tells Find where to look for PostgreSQL.
type Options struct {
	// EnvURL is the URL from the environment; if non-empty it is returned
	// unchanged once it connects, and nothing else is tried.
	EnvURL string
	// EnvName names the variable EnvURL came from, for messages
	// (default DATABASE_URL).
	EnvName string
	// Dir is the folder for a private cluster, such as ".pgdata".
	Dir string
	// Log receives progress messages; nil discards them.
	Log io.Writer
	// NoShared skips the server on 127.0.0.1:5432, so that a private
	// cluster is used even when one runs there.
	NoShared bool
	// Port, when set, is the port a private cluster starts on when it is
	// free, before the one it used last; a test that restarts its cluster
	// keeps its port this way while other tests start clusters of their own.
	Port int
	// BinDirs are the folders searched for initdb and pg_ctl, in order; nil
	// means the folder of initdb on PATH, then /usr/lib/postgresql/*/bin
	// from the newest version down.
	BinDirs []string
}

// Find returns the URL of the maintenance database ("postgres") of a
// server that accepts user postgres, starting a private cluster in
// opt.Dir if needed.
func Find(ctx context.Context, opt Options) (string, error) {
	opt = opt.withDefaults()
	if opt.EnvURL != "" {
		if err := ping(ctx, opt.EnvURL, connTimeout); err != nil {
			return "", fmt.Errorf("%s is set but does not connect: %w", opt.EnvName, err)
		}
		logf(opt.Log, "using %s", opt.EnvName)
		return opt.EnvURL, nil
	}
	if !opt.NoShared {
		err := ping(ctx, SharedURL, sharedTimeout)
		if err == nil {
			logf(opt.Log, "using the server on 127.0.0.1:5432")
			return SharedURL, nil
		}
		logf(opt.Log, "no usable server on 127.0.0.1:5432 (%v)", lastLine(err))
	}
	binDir, ok := findBinDir(opt.BinDirs)
	if !ok {
		return "", noPostgresError(opt)
	}
	if opt.Dir == "" {
		return "", errors.New("no folder given for a private PostgreSQL cluster")
	}
	return startPrivate(ctx, opt, binDir)
}

// withDefaults fills in the optional fields.
func (opt Options) withDefaults() Options {
	if opt.EnvName == "" {
		opt.EnvName = "DATABASE_URL"
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.BinDirs == nil {
		opt.BinDirs = defaultBinDirs()
	}
	return opt
}

// noPostgresError explains what was tried and how to get a server.
func noPostgresError(opt Options) error {
	tried := "initdb and pg_ctl are not in " + strings.Join(opt.BinDirs, ", ")
	if len(opt.BinDirs) == 0 {
		tried = "initdb is not on PATH and /usr/lib/postgresql/*/bin does not exist"
	}
	return fmt.Errorf(`%w: %s is not set, nothing on 127.0.0.1:5432 accepts user postgres without a password, and %s.
To fix, do one of:
  - install PostgreSQL; on Debian/Ubuntu: sudo apt-get install postgresql
    (a private cluster is then created in %s on the next run);
  - start the project's database with: docker compose up -d
  - set %s to the URL of a server you can use`,
		ErrNoPostgres, opt.EnvName, tried, opt.Dir, opt.EnvName)
}

// logf writes one progress line.
func logf(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "pgdev: "+format+"\n", args...)
}

// lastLine shortens a multi-line error for a progress message; pgx puts
// the cause ("connection refused", ...) on the last line.
func lastLine(err error) string {
	s := strings.TrimSpace(err.Error())
	return strings.TrimSpace(s[strings.LastIndex(s, "\n")+1:])
}
