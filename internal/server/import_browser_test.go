package server_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"industrytargets/internal/browsertest"
	"industrytargets/internal/importer/xlsxtest"
)

// TestImportInBrowser uploads a file with bad rows, reads the problems,
// uploads a good one, confirms it and sees the summary, in real Chromium.
func TestImportInBrowser(t *testing.T) {
	t.Parallel()
	ctx := browsertest.New(t)
	srv, st := newEditorBrowserServer(t)
	browserSignIn(t, ctx, srv.URL+"/import")
	checkStylesheetApplied(t, ctx)
	checkNoHorizontalScroll(t, ctx, browsertest.Width)
	browsertest.Screenshot(t, ctx, "import-page")

	dir := t.TempDir()
	bad := filepath.Join(dir, "so-lieu-2024.xlsx")
	os.WriteFile(bad, xlsxtest.Workbook("Số liệu",
		[]any{"Mã số thuế", "Năm", "Giá trị sản xuất (triệu đồng)", "Giá", "Tình trạng số liệu"},
		[]any{"0100233480", 2024, 1500.5, "current", "official"},
		[]any{"0801234560", 1989, "1.234", "hiện hành", "official"},
		[]any{"0314409058", 2024, -5, "current", "chính thức"},
	), 0o600)
	browserUpload(t, ctx, bad, http.StatusUnprocessableEntity)
	if got := browserText(t, ctx, ".error-summary h2"); got != "Tệp có 8 lỗi: chưa ghi gì vào sổ đăng ký" {
		t.Errorf("summary = %q", got)
	}
	if n := browserEval[int](t, ctx, `document.querySelectorAll("table.import-errors tbody tr").length`); n != 8 {
		t.Errorf("%d problems listed, want 8", n)
	}
	checkNoHorizontalScroll(t, ctx, browsertest.Width)
	browsertest.Screenshot(t, ctx, "import-preview-errors")

	confirmInBrowser(t, ctx, srv.URL, dir)
	if n, _ := st.CountEnterprises(context.Background()); n < 2 {
		t.Errorf("%d enterprises", n)
	}

	macro := filepath.Join(dir, "co-macro.xlsm")
	os.WriteFile(macro, xlsxtest.Workbook("Số liệu"), 0o600)
	browserUpload(t, ctx, macro, http.StatusUnprocessableEntity)
	if got := browserText(t, ctx, ".error-summary p"); !strings.HasPrefix(got, "Tệp có macro (.xlsm) không được nhận") {
		t.Errorf("refusal = %q", got)
	}
	browsertest.Screenshot(t, ctx, "import-refused")
}

// confirmInBrowser uploads a good workbook, sees what it would do and the
// note while it is written, confirms it and reads the summary.
func confirmInBrowser(t *testing.T, ctx context.Context, base, dir string) {
	t.Helper()
	good := filepath.Join(dir, "doanh-nghiep.xlsx")
	os.WriteFile(good, xlsxtest.Workbook("Doanh nghiệp",
		[]any{"Mã số thuế", "Tên doanh nghiệp", "Ngày hoạt động", "Loại hình"},
		[]any{"0801234560", "Công ty TNHH Cơ khí Ví Dụ", "15/03/2015", "fdi"},
		[]any{"0100233488", "=Công ty có dấu bằng", "2016", "private"},
	), 0o600)
	browserOpen(t, ctx, base+"/import", http.StatusOK)
	browserUpload(t, ctx, good, http.StatusOK)
	if got := strings.Join(strings.Fields(browserText(t, ctx, "table.import-counts tbody tr")), " "); got != "Doanh nghiệp 2 0 0" {
		t.Errorf("counts row = %q, want 2 added", got)
	}
	// While the confirmation is written the form says so.
	browserEval[bool](t, ctx, `(() => { const f = document.querySelector("form.busy-form");
		f.dispatchEvent(new Event("submit", {cancelable: true})); return true })()`)
	if got := browserText(t, ctx, "form.busy .busy-note"); !strings.HasPrefix(got, "Đang ghi vào sổ đăng ký") {
		t.Errorf("busy note = %q", got)
	}
	browsertest.Screenshot(t, ctx, "import-preview")
	browserEval[bool](t, ctx, `(() => { document.querySelector("form.busy-form button").disabled = false; return true })()`)
	browserClick(t, ctx, "form.busy-form button.primary", http.StatusOK)
	if got := browserText(t, ctx, ".flash"); got != "Đã nhập xong. Doanh nghiệp: thêm 2, sửa 0, giữ nguyên 0." {
		t.Errorf("flash = %q", got)
	}
	browsertest.Screenshot(t, ctx, "import-done")
}

// browserUpload chooses path in the upload form and sends it.
func browserUpload(t *testing.T, ctx context.Context, path string, wantStatus int64) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("file"), []string{path})); err != nil {
		t.Fatalf("choose %s: %v", path, err)
	}
	browserClick(t, ctx, `form.busy-form button.primary`, wantStatus)
}
