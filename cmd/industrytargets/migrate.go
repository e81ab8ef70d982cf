package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"industrytargets/internal/config"
	"industrytargets/internal/store"
)

func runMigrate(_ context.Context, e env, cfg config.Config, args []string) error {
	fs := newFlags("migrate", "migrate up|down|status [--database-url URL] [--yes]", e.stderr)
	cfg.DatabaseFlag(fs)
	yes := fs.Bool("yes", false, "confirm migrate down, which removes every table and all data")
	action, err := parseAction(fs, args)
	if err != nil {
		return err
	}
	if action != "up" && action != "down" && action != "status" {
		fs.Usage()
		return usageError{fmt.Errorf("unknown migrate action %q: use up, down or status", action)}
	}
	if err := cfg.RequireDatabase(); err != nil {
		return usageError{err}
	}
	switch action {
	case "up":
		if err := store.MigrateUp(cfg.DatabaseURL); err != nil {
			return err
		}
	case "down":
		if !*yes {
			return usageError{errors.New("migrate down removes every table and all data; run it again with --yes to confirm")}
		}
		if err := store.MigrateDown(cfg.DatabaseURL); err != nil {
			return err
		}
	}
	st, err := store.MigrateStatus(cfg.DatabaseURL)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "schema version %d of %d", st.Version, st.Latest)
	if st.Dirty {
		fmt.Fprint(e.stdout, " (dirty: a migration failed half-way; fix it by hand, then force the version)")
	}
	fmt.Fprintln(e.stdout)
	return nil
}

// parseAction parses flags given before or after the one action word.
func parseAction(fs *flag.FlagSet, args []string) (string, error) {
	words, err := parseWords(fs, args)
	if err != nil {
		return "", err
	}
	if len(words) != 1 {
		fs.Usage()
		return "", usageError{errors.New("migrate takes one of up, down, status")}
	}
	return words[0], nil
}
