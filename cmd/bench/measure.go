package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"industrytargets/internal/bench"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// measureLoad runs each page under the same load, the trivial handler first.
func measureLoad(ctx context.Context, s *server, o options, r *report) error {
	pages := []struct{ name, path string }{
		{"trivial handler (/healthz)", "/healthz"},
		{"overview (/)", "/?plan=HD-3164"},
		{"enterprise list, search \"cong ty co khi\"", "/enterprises?q=cong+ty+co+khi"},
		{"progress API", "/api/v1/plans/HD-3164/progress"},
	}
	for _, p := range pages {
		bench.Load(ctx, s.client, s.base+p.path, o.workers, time.Second) // warm up
		res := bench.Load(ctx, s.client, s.base+p.path, o.workers, o.duration)
		if res.Errors > 0 {
			return fmt.Errorf("%s: %d of %d requests failed", p.path, res.Errors, res.Requests)
		}
		if res.Requests == 0 {
			// None finished: the latency is at least the whole run.
			res.P50, res.P95 = o.duration, o.duration
			fmt.Fprintf(r.log, "bench: %s: no request finished within %v\n", p.path, o.duration)
		}
		r.add(p.name, fmt.Sprintf("%8.0f req/s", res.RPS()),
			fmt.Sprintf("p50 %.1f ms, p95 %.1f ms, %d clients", ms(res.P50), ms(res.P95), o.workers))
		switch p.path {
		case "/healthz":
			r.trivial = res
		case "/?plan=HD-3164":
			r.overview = res
		}
	}
	return nil
}

// measureImport times a 100,000-row enterprises CSV through the import
// command against a raw COPY of as many rows into the same table.
func measureImport(ctx context.Context, bin, dbURL string, r *report) error {
	const n = 100_000
	dir, err := os.MkdirTemp("", "bench-import")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "enterprises.csv")
	if err := os.WriteFile(path, []byte(importCSV(n, 5_000_000)), 0o600); err != nil {
		return err
	}
	start := time.Now()
	cmd := exec.CommandContext(ctx, bin, "import", path)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+dbURL)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("import: %v\n%s", err, out)
	}
	imported := time.Since(start)
	st, err := store.Open(ctx, dbURL, store.Options{MaxConns: 2})
	if err != nil {
		return err
	}
	defer st.Close()
	ents := rawEnterprises(n, 6_000_000)
	start = time.Now()
	if err := st.CopyEnterprises(ctx, ents); err != nil {
		return err
	}
	copied := time.Since(start)
	r.importRatio = copied.Seconds() / imported.Seconds()
	r.add("import of 100,000 enterprises (command)", fmt.Sprintf("%8.0f rows/s", n/imported.Seconds()),
		fmt.Sprintf("%.2f s, process start and checks included", imported.Seconds()))
	r.add("raw COPY of 100,000 enterprises", fmt.Sprintf("%8.0f rows/s", n/copied.Seconds()), fmt.Sprintf("%.2f s", copied.Seconds()))
	return nil
}

func importCSV(n, first int) string {
	var b strings.Builder
	b.WriteString("tax_code,name,operating_since,province\n")
	for _, e := range rawEnterprises(n, first) {
		fmt.Fprintf(&b, "%s,%s,%s,HD\n", e.TaxCode, e.Name, e.OperatingSince.Format("02/01/2006"))
	}
	return b.String()
}

func rawEnterprises(n, first int) []model.Enterprise {
	out := make([]model.Enterprise, 0, n)
	for seq := first; len(out) < n; seq++ {
		tax, ok := bench.TaxCode(seq)
		if !ok {
			continue
		}
		out = append(out, model.Enterprise{TaxCode: tax, Name: fmt.Sprintf("Doanh nghiệp nhập thử %d", seq),
			ProvinceCode: "HD", OperatingSince: model.Date(2015, 1, 1)})
	}
	return out
}
