package importer_test

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"industrytargets/internal/importer"
	"industrytargets/internal/importer/xlsxtest"
)

// figuresCSV is a figures file whose text Windows-1258 can encode as is.
const figuresCSV = "tax_code,year,production_value,note\r\n0100233488,2024,\"1.234,5\",Công ty Đông Dương\r\n"

// hostileFiles are files an import must refuse as a whole, each with the
// problem it must name.
func hostileFiles(t testing.TB) []struct {
	name string
	data []byte
	code string
} {
	good := xlsxtest.Workbook("figures", []any{"tax_code", "year", "production_value"}, []any{"0100233488", 2024, 1})
	win1258, err := charmap.Windows1258.NewEncoder().String(figuresCSV)
	if err != nil {
		t.Fatal(err)
	}
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(figuresCSV)
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().String(figuresCSV)
	return []struct {
		name string
		data []byte
		code string
	}{
		{"picture.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "import_not_spreadsheet"},
		{"report.docx", zipOf("word/document.xml", "<w:document/>"), "import_not_xlsx"},
		{"broken.xlsx", []byte("PK\x03\x04 this is not really a zip"), "import_xlsx_broken"},
		{"old.xls", xlsxtest.OldXLS(), "import_xls_old"},
		{"secret.xlsx", xlsxtest.Encrypted(), "import_encrypted"},
		{"macro.xlsx", xlsxtest.WithPart(good, "xl/vbaProject.bin", []byte("VBA")), "import_macro"},
		{"macro.xlsm", good, "import_macro"},
		{"parts.xlsx", xlsxtest.ManyParts(good, 400), "import_zip_entries"},
		{"bomb.xlsx", xlsxtest.Bomb(2<<30, true), "import_unzip_too_large"},
		{"sly-bomb.xlsx", xlsxtest.Bomb(2<<30, false), "import_xlsx_broken"},
		{"million.xlsx", xlsxtest.MillionRows(1_000_000), "import_too_many_rows"},
		{"windows-1258.csv", []byte(win1258), "import_not_utf8"},
		{"utf16.csv", []byte(utf16le), "import_utf16"},
		{"utf16be.csv", []byte(utf16be), "import_utf16"},
		{"empty.csv", []byte("\xEF\xBB\xBF \r\n"), "import_empty_file"},
		{"formula.xlsx", formulaBook(t), "import_formula"},
		{"listed-twice.xlsx", xlsxtest.SheetListedTwice(good), "import_xlsx_broken"},
		{"strings.xlsx", xlsxtest.ManyStrings(good, importer.MaxSharedStrings+1000), "import_too_many_strings"},
		{"wide.csv", []byte("tax_code,name,operating_since\n0100233488," + strings.Repeat(",", 2_000_000) + "\n"), "import_too_many_columns"},
	}
}

func TestHostileFilesAreRefused(t *testing.T) {
	t.Parallel()
	for _, f := range hostileFiles(t) {
		start := time.Now()
		tables, err := importer.ReadFile(t.Context(), f.data, f.name)
		took := time.Since(start)
		if err == nil {
			t.Errorf("%s: read %d tables, want %s", f.name, len(tables), f.code)
			continue
		}
		if code := fileProblem(t, err); code != f.code {
			t.Errorf("%s: %s (%v), want %s", f.name, code, err, f.code)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, f.name) {
			t.Errorf("%s: message %q does not name the file", f.name, msg)
		}
		t.Logf("%-18s %7d bytes refused in %v: %v", f.name, len(f.data), took.Round(time.Millisecond), err)
	}
}

// TestZipBombRefusedQuicklyInLittleMemory measures the refusal of a 2 GiB
// bomb, honest or lying about its size: under a second, and far less memory
// than it would unpack to.
func TestZipBombRefusedQuicklyInLittleMemory(t *testing.T) {
	for _, honest := range []bool{true, false} {
		bomb := xlsxtest.Bomb(2<<30, honest)
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		_, err := importer.ReadFile(t.Context(), bomb, "bomb.xlsx")
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		alloc := (after.TotalAlloc - before.TotalAlloc) >> 20
		t.Logf("bomb (%d kB, honest %v) refused in %v, %d MiB allocated: %v", len(bomb)>>10, honest, took, alloc, err)
		if err == nil || took > time.Second || alloc > 128 {
			t.Errorf("honest %v: err %v after %v with %d MiB allocated; want a refusal under 1 s and 128 MiB", honest, err, took, alloc)
		}
	}
}

func TestDuplicatedColumnsAreReported(t *testing.T) {
	t.Parallel()
	data := xlsxtest.Workbook("Số liệu", []any{"Mã số thuế", "Năm", "Giá trị sản xuất", "tax_code"},
		[]any{"0100233488", 2024, 1, "0100233488"})
	tables, err := importer.ReadFile(t.Context(), data, "dup.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	_, errs := importer.Parse(t.Context(), tables, testRef(), nil)
	if len(errs) != 1 || errs[0].Problem.Code != "import_duplicate_column" || errs[0].Row != 1 {
		t.Fatalf("problems %v, want one duplicate column on row 1", errs)
	}
	if msg := errs[0].Error(); !strings.Contains(msg, `cột "tax_code" lặp lại cột thứ 1`) {
		t.Errorf("message %q", msg)
	}
}

func formulaBook(t testing.TB) []byte {
	return workbook(t, func(f *excelizeFile) {
		setRows(t, f, "Sheet1", []any{"tax_code", "year", "production_value"}, []any{"0100233488", 2024, 1})
		f.SetCellFormula("Sheet1", "C2", "1+1")
	})
}

func zipOf(name, body string) []byte {
	return xlsxtest.WithPart(emptyZip(), name, []byte(body))
}

func emptyZip() []byte {
	var b bytes.Buffer
	zw := newZipWriter(&b)
	zw.Close()
	return b.Bytes()
}
