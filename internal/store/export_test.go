package store_test

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
)

// awkwardFiles are records an export must carry back exactly: text a
// spreadsheet would take for a formula, empty and absent values, an amount
// that reads as ambiguous when written plainly (1.234), one beyond a
// double's 15 digits, places by code.
var awkwardFiles = [][2]string{
	{"enterprises.csv", "tax_code,name,name_en,ownership,area,industrial_zone,vsic,operating_since,ceased_on,employees\n" +
		importTaxA + `,"=HYPERLINK(""http://x"",""y"")",+84 Co,,cam_giang,kcn_dai_an,0510,15/03/2015,,` + "\n" +
		importTaxB + ",-Trừ @ đầu,'quoted,fdi,,,2599,2016,31/12/2030,1250\n" +
		importTaxC + ",\"'=đã có dấu nháy\",,state,,,,2000-01-01,,0\n"},
	{"classifications.csv", "tax_code,category,product_group,valid_from,valid_until,certificate_no\n" +
		importTaxA + ",supporting,co_khi,2021,,=1+1\n" + importTaxB + ",high_tech,,01/06/2020,31/05/2025,\n"},
	{"figures.csv", "tax_code,year,production_value,revenue,export_value,employees,status\n" +
		importTaxA + ",2024,\"1,234\",\"1234567890123,456\",,,official\n" +
		importTaxB + ",2023,0,\"999999999999999,999\",\"0,001\",7,estimate\n"},
	{"province.csv", "province,year,production_value,price_basis,status,source\nHD,2024,\"250000000,5\",const2010,preliminary,=SUM(A1)\n"},
}

// exportDB is a store holding the sample register and the awkward records.
func exportDB(t *testing.T) importDB {
	t.Helper()
	db := newImportDB(t)
	if _, err := seed.EnsureDemo(context.Background(), db.st); err != nil {
		t.Fatal(err)
	}
	db.apply(t, db.batch(t, awkwardFiles...), false)
	return db
}

// reimport parses tables against the whole reference and writes them, and
// checks that nothing at all changed.
func reimport(t *testing.T, db importDB, tables []importer.Table) {
	t.Helper()
	ctx := context.Background()
	ref, err := db.st.ReferenceLists(ctx)
	if err != nil {
		t.Fatal(err)
	}
	known, err := db.st.TaxCodes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, errs := importer.Parse(t.Context(), tables, ref, func(tc string) bool { return known[tc] })
	for i, e := range errs {
		if i < 10 {
			t.Errorf("problem: %s", e.Format(model.LangEN))
		}
	}
	if len(errs) > 0 {
		t.FailNow()
	}
	before := db.fingerprint(t)
	res := db.apply(t, b, false)
	for k, c := range map[string]store.ImportCounts{"enterprises": res.Enterprises,
		"classifications": res.Classifications, "figures": res.Figures, "province outputs": res.ProvinceOutputs} {
		if c.Added != 0 || c.Changed != 0 || c.Unchanged == 0 {
			t.Errorf("%s: %+v, want every row unchanged", k, c)
		}
	}
	want := map[string]int64{"enterprises": int64(len(b.Enterprises)), "figures": int64(len(b.Figures))}
	if res.Enterprises.Unchanged != want["enterprises"] || res.Figures.Unchanged != want["figures"] {
		t.Errorf("unchanged %+v, want all of %v", res, want)
	}
	if db.fingerprint(t) != before {
		t.Error("the register changed")
	}
}

func TestExportXLSXImportsBackUnchanged(t *testing.T) {
	t.Parallel()
	db := exportDB(t)
	var buf bytes.Buffer
	w, err := importer.NewXLSXWriter(&buf, importer.Kinds...)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.st.ExportRegister(context.Background(), w.Row); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	tables, err := importer.ReadXLSX(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "register.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if n := db.count(t, `SELECT count(*) FROM enterprises`); int64(len(tables[0].Rows)) != n || n < 100 {
		t.Fatalf("exported %d enterprises of %d", len(tables[0].Rows), n)
	}
	checkNeutralised(t, buf.Bytes())
	reimport(t, db, tables)
}

// checkNeutralised looks at the cells as a spreadsheet shows them: text
// that would be a formula is a text cell in the Text style, as written (no
// visible quote) and never a formula; numbers and dates are numbers.
func checkNeutralised(t *testing.T, data []byte) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Doanh nghiệp", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for i, r := range rows {
		if r[0] == importTaxA {
			found++
			if r[1] != `=HYPERLINK("http://x","y")` || r[2] != "+84 Co" {
				t.Errorf("row %q: formula-like text not as written", r)
			}
			cell := "B" + strconv.Itoa(i+1)
			formula, _ := f.GetCellFormula("Doanh nghiệp", cell)
			typ, _ := f.GetCellType("Doanh nghiệp", cell)
			style, _ := f.GetCellStyle("Doanh nghiệp", cell)
			st, _ := f.GetStyle(style)
			if formula != "" || (typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString) || st == nil || st.NumFmt != 49 {
				t.Errorf("%s: formula %q, type %v, style %+v; want a text cell in the Text style", cell, formula, typ, st)
			}
		}
	}
	if found != 1 {
		t.Errorf("enterprise %s found %d times", importTaxA, found)
	}
	raw, _ := f.GetCellValue("Doanh nghiệp", "K2", excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue("Doanh nghiệp", "K2")
	if _, err := strconv.Atoi(raw); err != nil || !regexp.MustCompile(`^\d\d/\d\d/\d{4}$`).MatchString(shown) {
		t.Errorf("operating_since K2 = %q shown as %q, want a date serial shown dd/mm/yyyy", raw, shown)
	}
	if got, _ := f.GetCellType("Số liệu", "C2"); got != excelize.CellTypeUnset { // a plain number
		t.Errorf("production_value C2 has type %v, want a number", got)
	}
}

// memFile is a file of a CSV set kept in memory.
type memFile struct {
	bytes.Buffer
	name string
}

func (m *memFile) Close() error { return nil }

func TestExportCSVImportsBackUnchanged(t *testing.T) {
	t.Parallel()
	db := exportDB(t)
	var files []*memFile
	w := importer.NewCSVSet(func(name string) (io.WriteCloser, error) {
		files = append(files, &memFile{name: name})
		return files[len(files)-1], nil
	})
	if err := db.st.ExportRegister(context.Background(), w.Row); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var tables []importer.Table
	var names []string
	for _, f := range files {
		if !bytes.HasPrefix(f.Bytes(), []byte("\xEF\xBB\xBF")) {
			t.Errorf("%s has no byte-order mark", f.name)
		}
		tb, err := importer.ReadCSV(bytes.NewReader(f.Bytes()), f.name)
		if err != nil {
			t.Fatal(err)
		}
		tables, names = append(tables, tb), append(names, f.name)
	}
	if got := strings.Join(names, " "); got != "enterprises.csv classifications.csv figures.csv province_output.csv" {
		t.Errorf("files %s", got)
	}
	reimport(t, db, tables)
}

func TestExportEnterprisesFollowsTheFilter(t *testing.T) {
	t.Parallel()
	db := exportDB(t)
	var got []string
	f := store.EnterpriseFilter{Query: importTaxB[:6], Sort: store.SortTaxCode}
	err := db.st.ExportEnterprises(context.Background(), f, func(cells []any) error {
		got = append(got, cells[0].(string)+" "+cells[1].(string))
		return nil
	})
	if err != nil || len(got) != 1 || got[0] != importTaxB+" -Trừ @ đầu" {
		t.Fatalf("export = %q, %v; want the one enterprise the search finds", got, err)
	}
}
