package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"industrytargets/internal/store/storetest"
)

// TestExportImportsBackUnchanged exports the sample register both ways and
// imports each export back: every row unchanged.
func TestExportImportsBackUnchanged(t *testing.T) {
	t.Parallel()
	url := storetest.URL(t)
	env := map[string]string{"DATABASE_URL": url}
	mustRun(t, env, "seed", "--demo")
	dir := t.TempDir()
	book := filepath.Join(dir, "so-dang-ky.xlsx")
	o := runCLI(t, env, "export", "--out", book)
	if o.code != 0 || !strings.HasPrefix(o.stderr, "đã xuất ") {
		t.Fatalf("export xlsx: exit %d, stderr %q", o.code, o.stderr)
	}
	before := registerCounts(t, url)
	out := mustRun(t, env, "import", book)
	checkAllUnchanged(t, "xlsx", out)

	csvDir := filepath.Join(dir, "csv")
	mustRun(t, env, "export", "--format", "csv", "--out", csvDir)
	names, _ := filepath.Glob(filepath.Join(csvDir, "*.csv"))
	if len(names) != 4 {
		t.Fatalf("csv files %q, want four", names)
	}
	out = mustRun(t, env, append([]string{"import"}, names...)...)
	checkAllUnchanged(t, "csv", out)
	if after := registerCounts(t, url); after != before {
		t.Errorf("register %s, was %s", after, before)
	}
}

func checkAllUnchanged(t *testing.T, what, out string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("%s import printed %q, want four kinds", what, out)
	}
	for _, l := range lines {
		if !strings.Contains(l, ": thêm 0, sửa 0, giữ nguyên ") || strings.HasSuffix(l, " giữ nguyên 0") {
			t.Errorf("%s import: %q, want every row unchanged", what, l)
		}
	}
}

func TestExportUsage(t *testing.T) {
	t.Parallel()
	for args, want := range map[string]string{
		"export --format pdf":               `unknown format "pdf"`,
		"export --format csv":               "give the directory with --out DIR",
		"export extra":                      "export takes no arguments",
		"export --out " + os.DevNull + "/x": "DATABASE_URL",
	} {
		o := runCLI(t, map[string]string{}, strings.Fields(args)...)
		if o.code != 2 || !strings.Contains(o.stderr, want) {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q", args, o.code, o.stderr, want)
		}
	}
	if o := runCLI(t, map[string]string{}, "export", "-h"); o.code != 0 || !strings.Contains(o.stderr, "--format") {
		t.Errorf("export -h: exit %d, stderr %q", o.code, o.stderr)
	}
}
