package main

import (
	"context"
	"fmt"

	"industrytargets/internal/config"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
)

func runSeed(ctx context.Context, e env, cfg config.Config, args []string) error {
	fs := newFlags("seed", "seed [--demo | --demo-if-empty | --remove-demo] [--database-url URL]", e.stderr)
	cfg.DatabaseFlag(fs)
	demo := fs.Bool("demo", false, "also add the labelled sample enterprises (once)")
	ifEmpty := fs.Bool("demo-if-empty", false, "add the sample enterprises only when the register is empty")
	remove := fs.Bool("remove-demo", false, "remove exactly the sample records, and nothing else")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if n := count(*demo, *ifEmpty, *remove); n > 1 {
		return usageError{fmt.Errorf("choose one of --demo, --demo-if-empty and --remove-demo")}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("seed takes no arguments, got %q", fs.Args())}
	}
	if err := cfg.RequireDatabase(); err != nil {
		return usageError{err}
	}
	if err := store.MigrateUp(cfg.DatabaseURL); err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	if *remove {
		c, err := st.RemoveDemo(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "removed sample data: %s\n", demoCounts(c))
		return nil
	}
	return seedAll(ctx, e, st, *demo, *ifEmpty)
}

func seedAll(ctx context.Context, e env, st *store.Store, demo, ifEmpty bool) error {
	r, err := seed.Ensure(ctx, st)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "reference rows added: %d; plans added: %d\n", r.ReferenceRows, r.PlansAdded)
	if ifEmpty {
		n, err := st.CountEnterprises(ctx)
		if err != nil {
			return err
		}
		if n > 0 {
			fmt.Fprintf(e.stdout, "sample data not added: the register is not empty (enterprises: %d)\n", n)
			return nil
		}
		demo = true
	}
	if !demo {
		return nil
	}
	added, err := seed.EnsureDemo(ctx, st)
	if err != nil {
		return err
	}
	c, err := st.CountDemo(ctx)
	if err != nil {
		return err
	}
	verb := "already present"
	if added {
		verb = "added"
	}
	fmt.Fprintf(e.stdout, "sample data %s: %s\n", verb, demoCounts(c))
	return nil
}

func demoCounts(c store.DemoCounts) string {
	return fmt.Sprintf("enterprises: %d, classifications: %d, figures: %d, province totals: %d",
		c.Enterprises, c.Classifications, c.Figures, c.ProvinceOutputs)
}

func count(flags ...bool) int {
	n := 0
	for _, f := range flags {
		if f {
			n++
		}
	}
	return n
}
