package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"industrytargets/internal/config"
)

const usage = `industrytargets: the Industry Targets Dashboard.

Usage:
  industrytargets <command> [flags]

Commands:
  serve     serve the web application (applies migrations first)
  migrate   apply, revert or show database migrations: migrate up|down|status
  seed      load reference lists and plans; --demo adds sample data, --remove-demo removes it
  import    check CSV or XLSX files of enterprises, classifications, figures and province output, then write them all or nothing
  export    the whole register as import files: export [--format xlsx|csv] [--out FILE.xlsx|DIR]; importing them back changes nothing
  progress  a plan's progress toward its targets: progress --plan HD-3164 [--as-of D] [--year Y] [--basis B] [--format json|table]
  user      accounts: user add EMAIL --role R, user passwd EMAIL, user disable EMAIL, user list, user init-admin

Every command takes -h. Settings come from the environment (DATABASE_URL,
ADDR, LOG_FORMAT, LOG_LEVEL, SHUTDOWN_TIMEOUT, DB_MAX_CONNS, SECURE_COOKIES,
SESSION_IDLE_TIMEOUT, SESSION_LIFETIME, PUBLIC_DASHBOARD, TRUSTED_PROXIES) with
flags on top.
`

// env is what every command gets from the process.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// run is the whole program: it reads the command line and the environment,
// does the work and returns; main only turns the error into an exit status.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) < 2 {
		fmt.Fprint(stderr, usage)
		return usageError{errors.New("no command given")}
	}
	cfg, err := config.Load(getenv)
	if err != nil {
		return usageError{fmt.Errorf("configuration: %w", err)}
	}
	cmd, rest := args[1], args[2:]
	switch cmd {
	case "serve":
		return runServe(ctx, e, cfg, rest)
	case "migrate":
		return runMigrate(ctx, e, cfg, rest)
	case "seed":
		return runSeed(ctx, e, cfg, rest)
	case "import":
		return runImport(ctx, e, cfg, rest)
	case "export":
		return runExport(ctx, e, cfg, rest)
	case "progress":
		return runProgress(ctx, e, cfg, rest)
	case "user":
		return runUser(ctx, e, cfg, rest)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError{fmt.Errorf("unknown command %q", cmd)}
}

// usageError is a mistake on the command line: exit status 2.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

// exitCode prints err and returns the exit status: 0 on success or -h, 2 for
// a usage mistake, 1 for any other failure.
func exitCode(err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintln(stderr, "industrytargets:", err)
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

// newFlags returns a flag set for a subcommand that reports its own errors
// and prints its usage to stderr.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: industrytargets %s\n\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseWords parses flags given anywhere among args and returns the other
// words in order: `migrate down --yes` and `migrate --yes down` alike.
func parseWords(fs *flag.FlagSet, args []string) ([]string, error) {
	var words []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return words, nil
		}
		words = append(words, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// parseFlags parses args into fs; a bad flag is a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	return nil
}
