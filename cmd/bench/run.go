package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"industrytargets/internal/bench"
	"industrytargets/internal/pgdev"
)

// options are the benchmark's settings.
type options struct {
	bin      string
	workers  int
	duration time.Duration
	scale    bench.Scale
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := options{scale: bench.National}
	fs.StringVar(&o.bin, "bin", "bin/industrytargets", "the server binary to measure")
	fs.IntVar(&o.workers, "workers", 8, "concurrent clients")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "how long each load runs")
	fs.IntVar(&o.scale.Enterprises, "enterprises", o.scale.Enterprises, "enterprises in all")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	admin, err := pgdev.Find(ctx, pgdev.Options{EnvURL: getenv("BENCH_DATABASE_URL"), EnvName: "BENCH_DATABASE_URL",
		Dir: ".pgdata", Log: stderr})
	if err != nil {
		return err
	}
	url, err := pgdev.FreshDatabase(ctx, admin, "industrytargets_bench")
	if err != nil {
		return err
	}
	r := &report{out: stdout, log: stderr}
	if err := loadDataset(ctx, url, o.scale, r); err != nil {
		return err
	}
	srv, err := startServer(ctx, o.bin, url, r)
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := measureLoad(ctx, srv, o, r); err != nil {
		return err
	}
	r.rssMB = srv.peakRSSMB()
	if err := measureImport(ctx, o.bin, url, r); err != nil {
		return err
	}
	r.print()
	return nil
}

// report collects the measurements and prints them.
type report struct {
	out, log    io.Writer
	rows        [][3]string
	readyMS     float64
	trivial     bench.Result
	overview    bench.Result
	importRatio float64
	rssMB       float64
}

func (r *report) add(what, value, note string) {
	r.rows = append(r.rows, [3]string{what, value, note})
	fmt.Fprintf(r.log, "bench: %-44s %s %s\n", what, value, note)
}

func (r *report) print() {
	fmt.Fprintln(r.out, "\nmeasurement                                   value")
	fmt.Fprintln(r.out, "-------------------------------------------   ------------------------------")
	for _, row := range r.rows {
		fmt.Fprintf(r.out, "%-45s %s %s\n", row[0], row[1], row[2])
	}
	ratio := 0.0
	if r.trivial.RPS() > 0 {
		ratio = r.overview.RPS() / r.trivial.RPS()
	}
	fmt.Fprintf(r.out, "\nSUMMARY overview_ratio=%.2f overview_p95_ms=%.1f import_ratio=%.2f rss_mb=%.0f ready_ms=%.0f\n",
		ratio, ms(r.overview.P95), r.importRatio, r.rssMB, r.readyMS)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
