package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
)

// importDB is a seeded store and a plain connection to look underneath it.
type importDB struct {
	st   *store.Store
	conn *pgx.Conn
}

func newImportDB(t testing.TB) importDB {
	t.Helper()
	ctx := context.Background()
	url := storetest.URL(t)
	st, err := store.Open(ctx, url, store.Options{MaxConns: 4})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	if _, err := seed.Ensure(ctx, st); err != nil {
		t.Fatalf("seed: %v", err)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(ctx) })
	return importDB{st, conn}
}

// batch reads CSV bodies (name → body) and parses them against the store's
// reference lists and register, failing the test on any problem.
func (db importDB) batch(t testing.TB, files ...[2]string) importer.Batch {
	t.Helper()
	b, errs := db.parse(t, files...)
	for _, e := range errs {
		t.Errorf("problem: %s", e.Format(model.LangEN))
	}
	if len(errs) > 0 {
		t.FailNow()
	}
	return b
}

func (db importDB) parse(t testing.TB, files ...[2]string) (importer.Batch, []importer.RowError) {
	t.Helper()
	ctx := context.Background()
	var tables []importer.Table
	for _, f := range files {
		tb, err := importer.ReadCSV(strings.NewReader(f[1]), f[0])
		if err != nil {
			t.Fatalf("read %s: %v", f[0], err)
		}
		tables = append(tables, tb)
	}
	var ref importer.Reference
	var err error
	ref.Provinces, err = db.st.Provinces(ctx)
	if err == nil {
		ref.Areas, err = db.st.Areas(ctx, "HD")
	}
	if err == nil {
		ref.Zones, err = db.st.Zones(ctx, "HD")
	}
	if err == nil {
		ref.ProductGroups, err = db.st.ProductGroups(ctx)
	}
	known, err2 := db.st.TaxCodes(ctx)
	if err = errors.Join(err, err2); err != nil {
		t.Fatalf("reference: %v", err)
	}
	b, errs := importer.Parse(t.Context(), tables, ref, func(tc string) bool { return known[tc] })
	return b, errs
}

func (db importDB) apply(t testing.TB, b importer.Batch, dryRun bool) store.ImportResult {
	t.Helper()
	res, err := db.st.ApplyImport(context.Background(), b, 0, dryRun)
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	return res
}

var importTables = []string{"enterprises", "classifications", "enterprise_figures", "province_outputs"}

// fingerprint digests every row of the register with its row version
// (xmin), so a rewrite that leaves the values equal still shows.
func (db importDB) fingerprint(t testing.TB) string {
	t.Helper()
	var out []string
	for _, tbl := range importTables {
		var s string
		err := db.conn.QueryRow(context.Background(), `SELECT coalesce(md5(string_agg(t::text || t.xmin::text,
			'|' ORDER BY t.id)), '') FROM `+tbl+` t`).Scan(&s)
		if err != nil {
			t.Fatalf("fingerprint %s: %v", tbl, err)
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func (db importDB) count(t testing.TB, sql string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := db.conn.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

func importCounts(a, c, u int64) store.ImportCounts {
	return store.ImportCounts{Added: a, Changed: c, Unchanged: u}
}

// Tax codes with valid check digits.
const (
	importTaxA = "0100233488"
	importTaxB = "0314409058"
	importTaxC = "0100112437"
)

var importFiles = [][2]string{
	{"figures.csv", "tax_code,year,production_value,price_basis,revenue,status\n" +
		importTaxA + ",2020,100,,120,\n" + importTaxA + ",2021,\"120,5\",,,preliminary\n" +
		importTaxB + ",2021,40,const2010,,\n" + importTaxB + ",2022,80,,,\n"},
	{"enterprises.csv", "Mã số thuế,Tên doanh nghiệp,Ngày hoạt động,Ngày ngừng hoạt động,Địa bàn,Khu/cụm công nghiệp,Số lao động\n" +
		importTaxA + ",Công ty A,2015,,Huyện Cẩm Giàng,KCN Đại An,120\n" +
		importTaxB + ",Công ty B,15/03/2021,,cam_giang,,\n" +
		importTaxC + ",Công ty C,2010-01-01,2022,,,40\n"},
	{"classifications.csv", "tax_code,category,valid_from,valid_until,product_group,certificate_no\n" +
		importTaxA + ",supporting,01/03/2019,,Cơ khí chế tạo,CN-1\n" +
		importTaxB + ",high_tech,01/06/2021,31/05/2026,,\n" +
		importTaxC + ",supporting,2018,,,\n"},
	{"province.csv", "province,year,production_value,source\nHD,2020,2000,Cục Thống kê\nHD,2021,2200,\n"},
}

func TestApplyImportTwiceChangesNothing(t *testing.T) {
	t.Parallel()
	db := newImportDB(t)
	first := db.apply(t, db.batch(t, importFiles...), false)
	want := store.ImportResult{Enterprises: importCounts(3, 0, 0), Classifications: importCounts(3, 0, 0),
		Figures: importCounts(4, 0, 0), ProvinceOutputs: importCounts(2, 0, 0)}
	if first != want {
		t.Fatalf("first import = %+v, want %+v", first, want)
	}
	before := db.fingerprint(t)
	second := db.apply(t, db.batch(t, importFiles...), false)
	want = store.ImportResult{Enterprises: importCounts(0, 0, 3), Classifications: importCounts(0, 0, 3),
		Figures: importCounts(0, 0, 4), ProvinceOutputs: importCounts(0, 0, 2)}
	if second != want {
		t.Errorf("second import = %+v, want %+v", second, want)
	}
	if after := db.fingerprint(t); after != before {
		t.Errorf("the second import rewrote rows:\nbefore %s\nafter  %s", before, after)
	}
	if n := db.count(t, `SELECT count(*) FROM enterprise_figures WHERE version <> 1`); n != 0 {
		t.Errorf("%d figures have a version other than 1", n)
	}
	var details map[string]any
	err := db.conn.QueryRow(context.Background(), `SELECT details FROM audit_log
		WHERE action = 'import' AND entity = 'register' ORDER BY id LIMIT 1`).Scan(&details)
	if err != nil {
		t.Fatalf("audit: %v", err)
	}
	if n := db.count(t, `SELECT count(*) FROM audit_log WHERE action = 'import'`); n != 2 {
		t.Errorf("%d import audit entries, want one per import (2)", n)
	}
	got := fmt.Sprint(details["figures"], " ", len(details["files"].([]any)))
	if want := "map[added:4 changed:0 unchanged:0] 4"; got != want {
		t.Errorf("audit details = %s, want %s", got, want)
	}
}

func TestApplyImportStoresWhatTheFileSays(t *testing.T) {
	t.Parallel()
	db := newImportDB(t)
	db.apply(t, db.batch(t, importFiles...), false)
	ctx := context.Background()
	e, err := db.st.EnterpriseByTaxCode(ctx, importTaxA)
	if err != nil {
		t.Fatal(err)
	}
	if e.Name != "Công ty A" || e.ProvinceCode != "HD" || e.AreaID == nil || e.ZoneID == nil ||
		*e.Employees != 120 || !e.OperatingSince.Equal(model.Date(2015, 1, 1)) || e.Version != 1 {
		t.Errorf("enterprise A = %+v", e)
	}
	c, err := db.st.EnterpriseByTaxCode(ctx, importTaxC)
	if err != nil || c.CeasedOn == nil || !c.CeasedOn.Equal(model.Date(2022, 12, 31)) {
		t.Errorf("enterprise C ceased on %v (%v), want 31/12/2022", c.CeasedOn, err)
	}
	figs, err := db.st.Figures(ctx, e.ID)
	if err != nil || len(figs) != 2 {
		t.Fatalf("figures of A = %v, %v", figs, err)
	}
	// Newest first: 2021 preliminary 120.5, then 2020 official 100 with revenue 120.
	if f := figs[0]; f.ProductionValue != 120500 || f.Status != model.StatusPreliminary || f.Revenue != nil {
		t.Errorf("2021 figure = %+v", f)
	}
	if f := figs[1]; f.ProductionValue != 100000 || f.Status != model.StatusOfficial || *f.Revenue != 120000 {
		t.Errorf("2020 figure = %+v", f)
	}
	cls, err := db.st.Classifications(ctx, e.ID)
	if err != nil || len(cls) != 1 || cls[0].ProductGroup != "co_khi" || cls[0].CertificateNo != "CN-1" {
		t.Errorf("classifications of A = %+v, %v", cls, err)
	}
}

func TestApplyImportOneChangedCell(t *testing.T) {
	t.Parallel()
	db := newImportDB(t)
	db.apply(t, db.batch(t, importFiles...), false)
	changed := append([][2]string(nil), importFiles...)
	changed[0][1] = strings.Replace(changed[0][1], importTaxB+",2022,80,", importTaxB+",2022,\"80,001\",", 1)
	res := db.apply(t, db.batch(t, changed...), false)
	want := store.ImportResult{Enterprises: importCounts(0, 0, 3), Classifications: importCounts(0, 0, 3),
		Figures: importCounts(0, 1, 3), ProvinceOutputs: importCounts(0, 0, 2)}
	if res != want {
		t.Errorf("import with one changed cell = %+v, want %+v", res, want)
	}
	var version int32
	var value string
	err := db.conn.QueryRow(context.Background(), `SELECT f.version, f.production_value::text
		FROM enterprise_figures f JOIN enterprises e ON e.id = f.enterprise_id
		WHERE e.tax_code = $1 AND f.year = 2022`, importTaxB).Scan(&version, &value)
	if err != nil || version != 2 || value != "80.001" {
		t.Errorf("changed figure: version %d, value %s (%v); want version 2, 80.001", version, value, err)
	}
	if n := db.count(t, `SELECT count(*) FROM enterprise_figures WHERE version > 1`); n != 1 {
		t.Errorf("%d figures bumped, want 1", n)
	}
}

func TestApplyImportAbsentColumnsKeepStoredValues(t *testing.T) {
	t.Parallel()
	db := newImportDB(t)
	db.apply(t, db.batch(t,
		[2]string{"full.csv", "tax_code,name,name_en,area,vsic,operating_since,employees\n" +
			importTaxA + ",Công ty A,Company A,cam_giang,2599,2015,120\n"},
		[2]string{"f.csv", "tax_code,year,production_value,revenue,status\n" + importTaxA + ",2020,100,90,estimate\n"},
	), false)
	res := db.apply(t, db.batch(t,
		[2]string{"names.csv", "tax_code,name,operating_since\n" + importTaxA + ",Công ty A mới,2015\n" + importTaxB + ",Công ty B,2016\n"},
		[2]string{"cleared.csv", "tax_code,year,production_value,revenue\n" + importTaxA + ",2020,100,\n"},
	), false)
	want := store.ImportResult{Enterprises: importCounts(1, 1, 0), Figures: importCounts(0, 1, 0)}
	if res != want {
		t.Errorf("second import = %+v, want %+v", res, want)
	}
	ctx := context.Background()
	a, _ := db.st.EnterpriseByTaxCode(ctx, importTaxA)
	if a.Name != "Công ty A mới" || a.NameEN != "Company A" || a.AreaID == nil || a.VSIC != "2599" ||
		a.Employees == nil || *a.Employees != 120 || a.Version != 2 {
		t.Errorf("A after a file without its other columns = %+v, want them kept and the name changed", a)
	}
	b, _ := db.st.EnterpriseByTaxCode(ctx, importTaxB)
	if b.NameEN != "" || b.AreaID != nil || b.VSIC != "" || b.Employees != nil || b.ProvinceCode != "HD" {
		t.Errorf("new B = %+v, want defaults", b)
	}
	figs, _ := db.st.Figures(ctx, a.ID)
	if len(figs) != 1 || figs[0].Revenue != nil || figs[0].Status != model.StatusEstimate {
		t.Errorf("figure = %+v, want revenue cleared (column there, cell empty) and status kept (column absent)", figs)
	}
}

func TestApplyImportDryRunWritesNothing(t *testing.T) {
	t.Parallel()
	db := newImportDB(t)
	before := db.fingerprint(t)
	res := db.apply(t, db.batch(t, importFiles...), true)
	if res.Enterprises != importCounts(3, 0, 0) || res.Figures != importCounts(4, 0, 0) {
		t.Errorf("dry run counts = %+v, want what a real import would do", res)
	}
	if after := db.fingerprint(t); after != before {
		t.Errorf("dry run wrote rows")
	}
	if n := db.count(t, `SELECT count(*) FROM audit_log WHERE action = 'import'`); n != 0 {
		t.Errorf("dry run logged %d imports, want 0", n)
	}
	db.apply(t, db.batch(t, importFiles...), false)
	changed := append([][2]string(nil), importFiles...)
	changed[3][1] = strings.Replace(changed[3][1], "HD,2021,2200", "HD,2021,2300", 1)
	before = db.fingerprint(t)
	if res := db.apply(t, db.batch(t, changed...), true); res.ProvinceOutputs != importCounts(0, 1, 1) {
		t.Errorf("dry run over stored data = %+v, want province outputs changed 1, unchanged 1", res.ProvinceOutputs)
	}
	if after := db.fingerprint(t); after != before {
		t.Errorf("dry run over stored data wrote rows")
	}
}

func TestImportOneBadRowInAThousand(t *testing.T) {
	t.Parallel()
	db := newImportDB(t)
	var b strings.Builder
	b.WriteString("tax_code,name,operating_since\n")
	codes := importTaxCodes(1000)
	for i, tc := range codes {
		if i == 637 {
			tc = tc[:9] + string('0'+(tc[9]-'0'+1)%10) // a wrong check digit on row 639
		}
		fmt.Fprintf(&b, "%s,Doanh nghiệp %d,2015\n", tc, i)
	}
	_, errs := db.parse(t, [2]string{"many.csv", b.String()})
	if len(errs) != 1 || errs[0].Row != 639 || errs[0].Column != "tax_code" || errs[0].Problem.Code != "tax_code_check_digit" {
		t.Fatalf("problems = %v, want one wrong check digit on row 639", errs)
	}
	if n := db.count(t, `SELECT count(*) FROM enterprises`); n != 0 {
		t.Errorf("%d enterprises stored, want none", n)
	}
}

func TestApplyImportIsAllOrNothing(t *testing.T) {
	t.Parallel()
	db := newImportDB(t)
	b := db.batch(t, importFiles...)
	// An enterprise deleted between the check and the write: the figure
	// cannot be stored, so nothing is.
	b.Figures[0].TaxCode = "0312687878"
	_, err := db.st.ApplyImport(context.Background(), b, 0, false)
	if !errors.Is(err, model.ErrNotFound) || !strings.Contains(err.Error(), "0312687878") {
		t.Errorf("apply = %v, want ErrNotFound naming 0312687878", err)
	}
	if n := db.count(t, `SELECT count(*) FROM enterprises`); n != 0 {
		t.Errorf("%d enterprises stored, want none", n)
	}
}

// importTaxCodes returns n distinct valid tax codes.
func importTaxCodes(n int) []string {
	out := make([]string, 0, n)
	for i := 1; len(out) < n; i++ {
		first9 := fmt.Sprintf("08%07d", i)
		if d, ok := model.TaxCheckDigit(first9); ok {
			out = append(out, fmt.Sprintf("%s%d", first9, d))
		}
	}
	return out
}

// largeImportFiles writes 10,000 enterprises and five years of figures each as CSV.
func largeImportFiles() [][2]string {
	var ents, figs strings.Builder
	ents.WriteString("tax_code,name,area,vsic,operating_since,employees\n")
	figs.WriteString("tax_code,year,production_value,revenue,status\n")
	for i, tc := range importTaxCodes(10_000) {
		fmt.Fprintf(&ents, "%s,Doanh nghiệp thử %d,cam_giang,25%02d,%d,%d\n", tc, i, i%100, 2000+i%20, 10+i%500)
		for y := 2020; y < 2025; y++ {
			fmt.Fprintf(&figs, "%s,%d,\"%d,%03d\",%d,official\n", tc, y, 100+i%1000, i%1000, 200+i%1000)
		}
	}
	return [][2]string{{"enterprises.csv", ents.String()}, {"figures.csv", figs.String()}}
}

// TestImportTiming imports 10,000 enterprises with 50,000 figures and logs
// how long reading, checking and writing took (go test -v -run Timing).
func TestImportTiming(t *testing.T) {
	if testing.Short() {
		t.Skip("a timing, not a check")
	}
	t.Parallel()
	db := newImportDB(t)
	files := largeImportFiles()
	start := time.Now()
	b := db.batch(t, files...)
	parsed := time.Now()
	res := db.apply(t, b, false)
	applied := time.Now()
	again := db.apply(t, db.batch(t, files...), false)
	t.Logf("10,000 enterprises + 50,000 figures: read and checked in %v, written in %v (total %v); unchanged re-import %v",
		parsed.Sub(start).Round(time.Millisecond), applied.Sub(parsed).Round(time.Millisecond),
		applied.Sub(start).Round(time.Millisecond), time.Since(applied).Round(time.Millisecond))
	if res.Enterprises.Added != 10_000 || res.Figures.Added != 50_000 {
		t.Errorf("import = %+v, want 10,000 and 50,000 added", res)
	}
	if again.Enterprises.Unchanged != 10_000 || again.Figures.Unchanged != 50_000 {
		t.Errorf("re-import = %+v, want everything unchanged", again)
	}
}

// BenchmarkImport measures a whole import of 10,000 enterprises with 50,000
// figures into an empty register: read, check, write.
func BenchmarkImport(b *testing.B) {
	files := largeImportFiles()
	for b.Loop() {
		b.StopTimer()
		db := newImportDB(b)
		b.StartTimer()
		db.apply(b, db.batch(b, files...), false)
	}
}
