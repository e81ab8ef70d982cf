package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
	"industrytargets/internal/store/storetest"
)

// writeImportFiles writes name → body into a fresh directory and returns
// the paths in the order given.
func writeImportFiles(t *testing.T, files ...[2]string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f[0])
		if err := os.WriteFile(p, []byte(f[1]), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// registerCounts counts the rows of the register's four tables.
func registerCounts(t *testing.T, url string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var e, c, f, p int
	err = conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM enterprises), (SELECT count(*) FROM classifications),
		(SELECT count(*) FROM enterprise_figures), (SELECT count(*) FROM province_outputs)`).Scan(&e, &c, &f, &p)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("enterprises %d, classifications %d, figures %d, province outputs %d", e, c, f, p)
}

// goodImport is a small register in the four kinds of file, figures first:
// the command puts them in dependency order itself.
var goodImport = [][2]string{
	{"so-lieu.csv", "\ufeffMã số thuế;Năm;Giá trị sản xuất (triệu đồng);Giá;Tình trạng số liệu\n" +
		"0100233488;2020;100;current;official\n0100233488;2021;120,5;;\n0314409058;2021;40;;estimate\n"},
	{"tinh.csv", "province,year,production_value,source\nHD,2020,2000,Cục Thống kê\nHD,2021,\"2.200,0\",\n"},
	{"chung-nhan.csv", "tax_code,category,valid_from,valid_until,product_group\n" +
		"0100233488,supporting,01/03/2019,,co_khi\n0314409058,high_tech,2021,2026,\n"},
	{"doanh-nghiep.csv", "tax_code,name,operating_since,area,industrial_zone,employees\n" +
		"0100233488,Công ty A,2015,Huyện Cẩm Giàng,KCN Đại An,120\n0314409058,Công ty B,15/03/2021,,,\n"},
}

func TestImportCommand(t *testing.T) {
	t.Parallel()
	url := storetest.URL(t)
	env := map[string]string{"DATABASE_URL": url}
	mustRun(t, env, "seed")
	paths := writeImportFiles(t, goodImport...)

	out := mustRun(t, env, append([]string{"import", "--lang", "en"}, paths...)...)
	want := "enterprises: added 2, changed 0, unchanged 0\n" +
		"classifications: added 2, changed 0, unchanged 0\n" +
		"figures: added 3, changed 0, unchanged 0\n" +
		"province output: added 2, changed 0, unchanged 0\n"
	if out != want {
		t.Errorf("first import printed\n%s\nwant\n%s", out, want)
	}
	const stored = "enterprises 2, classifications 2, figures 3, province outputs 2"
	if got := registerCounts(t, url); got != stored {
		t.Errorf("after import: %s, want %s", got, stored)
	}

	out = mustRun(t, env, append([]string{"import"}, paths...)...)
	if !strings.Contains(out, "doanh nghiệp: thêm 0, sửa 0, giữ nguyên 2\n") ||
		!strings.Contains(out, "số liệu hằng năm: thêm 0, sửa 0, giữ nguyên 3\n") {
		t.Errorf("second import (in Vietnamese) printed\n%s\nwant everything unchanged", out)
	}

	changed := writeImportFiles(t, [2]string{"tinh.csv", "province,year,production_value\nHD,2021,2300\nHD,2022,2500\n"})
	out = mustRun(t, env, "import", "--lang", "en", "--dry-run", changed[0])
	if want := "province output: added 1, changed 1, unchanged 0\ndry run: nothing was written\n"; out != want {
		t.Errorf("dry run printed %q, want %q", out, want)
	}
	if got := registerCounts(t, url); got != stored {
		t.Errorf("after a dry run: %s, want %s", got, stored)
	}
}

func TestImportCommandRefusesBadRows(t *testing.T) {
	t.Parallel()
	url := storetest.URL(t)
	env := map[string]string{"DATABASE_URL": url}
	mustRun(t, env, "seed")
	var ents strings.Builder
	ents.WriteString("tax_code,name,operating_since\n")
	n, first := 0, ""
	for i := 1; n < 1000; i++ {
		first9 := fmt.Sprintf("08%07d", i)
		d, ok := model.TaxCheckDigit(first9)
		if !ok {
			continue
		}
		n++
		if n == 1 {
			first = fmt.Sprintf("%s%d", first9, d)
		}
		if n == 500 {
			d = (d + 1) % 10 // row 501 has a wrong check digit
		}
		fmt.Fprintf(&ents, "%s%d,Doanh nghiệp %d,2015\n", first9, d, n)
	}
	paths := writeImportFiles(t,
		[2]string{"figures.csv", "tax_code,year,production_value\n" + first + ",2020,1\n"},
		[2]string{"many.csv", ents.String()},
		[2]string{"book.xlsx", "PK"},
	)
	o := runCLI(t, env, append([]string{"import"}, paths...)...)
	if o.code != 1 {
		t.Fatalf("exit status %d, want 1\nstdout:\n%s\nstderr:\n%s", o.code, o.stdout, o.stderr)
	}
	lines := strings.Split(strings.TrimSpace(o.stderr), "\n")
	want := []string{
		paths[1] + `:501: tax_code "`,
		paths[2] + ": không đọc được tệp XLSX (tệp hỏng hoặc không đúng định dạng)",
		"industrytargets: 2 lỗi; chưa ghi gì vào cơ sở dữ liệu",
	}
	if len(lines) != len(want) {
		t.Fatalf("stderr has %d lines, want %d:\n%s", len(lines), len(want), o.stderr)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("stderr line %d = %q, want it to start with %q", i+1, lines[i], w)
		}
	}
	if !strings.Contains(lines[0], "sai chữ số kiểm tra") {
		t.Errorf("problem %q does not give the reason in Vietnamese", lines[0])
	}
	if got := registerCounts(t, url); got != "enterprises 0, classifications 0, figures 0, province outputs 0" {
		t.Errorf("after a refused import: %s, want nothing", got)
	}

	o = runCLI(t, env, "import", "--lang", "en", paths[2])
	if o.code != 1 || !strings.Contains(o.stderr, "cannot read the XLSX file (damaged or not in the expected format)") ||
		!strings.Contains(o.stderr, "1 problem; nothing was written") {
		t.Errorf("xlsx in English: exit %d, stderr:\n%s", o.code, o.stderr)
	}
}

func TestImportUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args    []string
		wantOut string
	}{
		{[]string{"import"}, "import needs at least one file"},
		{[]string{"import", "--bogus", "a.csv"}, "flag provided but not defined: -bogus"},
		{[]string{"import", "--lang", "fr", "a.csv"}, `--lang must be vi or en, not "fr"`},
		{[]string{"import", "a.csv"}, "DATABASE_URL"},
	}
	for _, tt := range tests {
		o := runCLI(t, map[string]string{}, tt.args...)
		if o.code != 2 || !strings.Contains(o.stdout+o.stderr, tt.wantOut) {
			t.Errorf("%v: exit status %d, output %q; want 2 and %q", tt.args, o.code, o.stdout+o.stderr, tt.wantOut)
		}
	}
	if o := runCLI(t, map[string]string{}, "import", "-h"); o.code != 0 || !strings.Contains(o.stderr, "Usage: industrytargets import") {
		t.Errorf("import -h: exit status %d, stderr %q", o.code, o.stderr)
	}
}
