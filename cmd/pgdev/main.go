// Command pgdev finds or starts PostgreSQL for `make run` and `make test`
// and prints its URL.
//
// Usage:
//
//	pgdev [-dir .pgdata] [-db NAME] [-env-var DATABASE_URL] [-private] [url|stop]
//
// "url" (the default) prints the URL of a usable server on stdout and
// nothing else; progress goes to stderr. A URL in the variable named by
// -env-var is printed unchanged; otherwise the server on 127.0.0.1:5432
// (unless -private) or a private cluster in -dir is used, and -db NAME creates that database if
// needed and prints its URL instead of the maintenance database's.
// "stop" stops the private cluster in -dir.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"industrytargets/internal/pgdev"
)

func main() {
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgdev:", err)
		os.Exit(1)
	}
}

// run parses args and carries out the url or stop command.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("pgdev", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", ".pgdata", "folder of the private cluster")
	db := fs.String("db", "", "create this database if missing and print its URL")
	envVar := fs.String("env-var", "DATABASE_URL", "environment variable whose URL, if set, is used as is")
	private := fs.Bool("private", false, "use the private cluster even if a server runs on 127.0.0.1:5432")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: pgdev [-dir .pgdata] [-db NAME] [-env-var NAME] [-private] [url|stop]")
		fs.PrintDefaults()
	}
	command, err := parseArgs(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	switch command {
	case "url":
		opt := pgdev.Options{EnvURL: getenv(*envVar), EnvName: *envVar, Dir: *dir, NoShared: *private, Log: stderr}
		return printURL(ctx, stdout, opt, *db)
	case "stop":
		if err := pgdev.Stop(*dir); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "pgdev: PostgreSQL in %s is stopped\n", *dir)
		return nil
	}
	fs.Usage()
	return fmt.Errorf("unknown command %q", command)
}

// parseArgs parses flags before and after the command word and returns
// the command ("url" if none).
func parseArgs(fs *flag.FlagSet, args []string) (string, error) {
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	if fs.NArg() == 0 {
		return "url", nil
	}
	command := fs.Arg(0)
	if err := fs.Parse(fs.Args()[1:]); err != nil {
		return "", err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return "", errors.New("too many arguments")
	}
	return command, nil
}

// printURL finds PostgreSQL and prints the URL to use on one line.
func printURL(ctx context.Context, stdout io.Writer, opt pgdev.Options, db string) error {
	url, err := pgdev.Find(ctx, opt)
	if err != nil {
		return err
	}
	// A URL chosen by the user names its own database; keep it.
	if db != "" && opt.EnvURL == "" {
		if url, err = pgdev.EnsureDatabase(ctx, url, db); err != nil {
			return err
		}
	}
	_, err = fmt.Fprintln(stdout, url)
	return err
}
