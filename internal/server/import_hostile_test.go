package server

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"industrytargets/internal/importer/xlsxtest"
	"industrytargets/internal/model"
)

// TestImportRefusesHostileFiles uploads every kind of hostile or broken
// file through the real server: each is refused with its message in
// Vietnamese, and nothing is written or kept.
func TestImportRefusesHostileFiles(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	csv := "tax_code,name,operating_since\r\n0100233488,Công ty Đông Dương,2015\r\n"
	win1258, _ := charmap.Windows1258.NewEncoder().String(csv)
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(csv)
	good := xlsxtest.Workbook("figures", []any{"tax_code", "year", "production_value"}, []any{"0100233488", 2024, 1})
	formula := formulaWorkbook(t)
	big := bytes.Repeat([]byte("0100233488,Công ty,2015\n"), 50<<20/24)
	for _, f := range []struct {
		name   string
		data   []byte
		status int
		want   string
	}{
		{"anh.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 422, "Tệp không phải bảng tính"},
		{"macro.xlsm", good, 422, "Tệp có macro (.xlsm) không được nhận"},
		{"macro.xlsx", xlsxtest.WithPart(good, "xl/vbaProject.bin", []byte("VBA")), 422, "Tệp có macro"},
		{"mat-khau.xlsx", xlsxtest.Encrypted(), 422, "Sổ làm việc được đặt mật khẩu"},
		{"cu.xls", xlsxtest.OldXLS(), 422, "Excel 97–2003 (.xls) không được hỗ trợ"},
		{"bom.xlsx", xlsxtest.Bomb(2<<30, true), 422, "Tệp XLSX khi giải nén lớn hơn 64 MB"},
		{"bom-gia.xlsx", xlsxtest.Bomb(2<<30, false), 422, "không đọc được tệp XLSX"},
		{"lon.csv", big, 413, "Tệp lớn hơn 20 MB"},
		{"windows-1258.csv", []byte(win1258), 422, "Tệp không phải văn bản UTF-8 (byte lỗi đầu tiên ở dòng 2): trong Excel chọn Lưu thành → \"CSV UTF-8 (Comma delimited)\""},
		{"utf16.csv", []byte(utf16), 422, "văn bản Unicode UTF-16"},
		{"trieu-dong.xlsx", xlsxtest.MillionRows(1_000_000), 422, "Trang “figures”: tệp có hơn 200000 dòng dữ liệu"},
		{"cong-thuc.xlsx", formula, 422, "Trang “Số liệu”, dòng 2, “=SUM(A1:A3)”: ô C2 chứa công thức"},
		// Small files that once cost hundreds of megabytes.
		{"hai-trieu-cot.csv", []byte(csv + "0100233488," + strings.Repeat(",", 2_000_000) + "\r\n"), 422, "Dòng 3: ô GS3 nằm ngoài 200 cột đầu tiên"},
		{"hai-lan.xlsx", xlsxtest.SheetListedTwice(good), 422, "Không đọc được tệp XLSX (tệp hỏng"},
		{"chuoi.xlsx", xlsxtest.ManyStrings(good, 12_000_000), 422, "đoạn văn bản khác nhau"},
	} {
		start := time.Now()
		status, page := upload(t, c, srv.URL, f.name, f.data)
		if status != f.status || !strings.Contains(page, f.want) {
			t.Errorf("%s: %d, want %d with %q; page %.300s", f.name, status, f.status, f.want, errorSummary(page))
		}
		if confirmToken(page) != "" {
			t.Errorf("%s: the page offers to confirm", f.name)
		}
		t.Logf("%-17s %9d bytes: %d in %v: %s", f.name, len(f.data), status, time.Since(start).Round(time.Millisecond), errorSummary(page))
	}
	if n := countEnterprises(t, st); n != 0 {
		t.Errorf("%d enterprises written", n)
	}
	refused := lastAudit(t, st, "import_refused")
	if refused.Details["sha256"] == "" || refused.Details["problem"] == "" {
		t.Errorf("refusal audit %+v", refused.Details)
	}
}

// TestImportDuplicatedColumns shows the repeated column as a problem of the
// header row.
func TestImportDuplicatedColumns(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	book := xlsxtest.Workbook("Số liệu", []any{"Mã số thuế", "Năm", "Giá trị sản xuất", "Năm"}, []any{"0100233488", 2024, 1, 2024})
	status, page := upload(t, c, srv.URL, "trung-cot.xlsx", book)
	if status != http.StatusUnprocessableEntity || !strings.Contains(page, `cột "Năm" lặp lại cột thứ 2`) {
		t.Errorf("duplicated column: %d; %.300s", status, errorSummary(page))
	}
}

func TestImportWithoutAFile(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	status, page := upload(t, c, srv.URL, "", nil)
	if status != http.StatusUnprocessableEntity || !strings.Contains(page, "Chưa chọn tệp nào") {
		t.Errorf("no file: %d; %.300s", status, errorSummary(page))
	}
	viewer := client(t, srv.URL, model.RoleViewer)
	if status, _ := upload(t, viewer, srv.URL, "a.csv", []byte("x")); status != http.StatusForbidden {
		t.Errorf("a viewer's upload = %d, want 403", status)
	}
}

func formulaWorkbook(t *testing.T) []byte {
	t.Helper()
	f := xlsxtest.Workbook("Số liệu", []any{"Mã số thuế", "Năm", "Giá trị sản xuất"}, []any{"0100233488", 2024, 1})
	return xlsxtest.WithFormula(f, "C2", "SUM(A1:A3)")
}

// errorSummary is the text of a page's error box, or of its start.
func errorSummary(page string) string {
	if i := strings.Index(page, `role="alert">`); i >= 0 {
		page = page[i+len(`role="alert">`):]
	}
	if i := strings.Index(page, "</div>"); i >= 0 {
		page = page[:i]
	}
	return strings.Join(strings.Fields(stripTags(page)), " ")
}

func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}
