package server

import (
	"bytes"
	"context"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"industrytargets/internal/importer/xlsxtest"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// upload posts data as the file of the import form and returns the status
// and the page.
func upload(t testing.TB, c *http.Client, base, name string, data []byte) (int, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	resp, err := c.Post(base+"/import", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatalf("upload %s: %v", name, err)
	}
	defer resp.Body.Close()
	page, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, html.UnescapeString(string(page))
}

var reConfirm = regexp.MustCompile(`action="/import/([A-Za-z0-9_-]{32,64})"`)

// confirmToken is the token of the preview's confirmation form, "" if none.
func confirmToken(page string) string {
	if m := reConfirm.FindStringSubmatch(page); m != nil {
		return m[1]
	}
	return ""
}

// twoEnterprises is a workbook of two enterprises, one classification and
// three yearly figures.
func twoEnterprises() []byte {
	return xlsxtest.Workbook("Doanh nghiệp",
		[]any{"Mã số thuế", "Tên doanh nghiệp", "Ngày hoạt động"},
		[]any{"0100233488", "Công ty A", "15/03/2015"},
		[]any{"0314409058", "=Công ty B", "2016"},
	)
}

func countEnterprises(t testing.TB, st *store.Store) int64 {
	t.Helper()
	n, err := st.CountEnterprises(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// lastAudit is the newest audit entry about the register with action.
func lastAudit(t testing.TB, st *store.Store, action string) model.AuditEntry {
	t.Helper()
	entries, err := st.AuditFor(context.Background(), "register", "", 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Action == action {
			return e
		}
	}
	t.Fatalf("no %s entry in the audit log", action)
	return model.AuditEntry{}
}

func TestImportPreviewThenConfirm(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	status, page := upload(t, c, srv.URL, "danh-sach.xlsx", twoEnterprises())
	token := confirmToken(page)
	if status != http.StatusOK || token == "" {
		t.Fatalf("upload = %d, token %q; page %.600s", status, token, page)
	}
	for _, want := range []string{"Xem trước: danh-sach.xlsx", "danh-sach.xlsx › Doanh nghiệp", "Thêm mới", "Xác nhận nhập"} {
		if !strings.Contains(page, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	if n := countEnterprises(t, st); n != 0 {
		t.Fatalf("the preview wrote %d enterprises", n)
	}
	preview := lastAudit(t, st, "import_preview")
	if preview.Details["sha256"] == "" || preview.UserID == nil || preview.Details["file_name"] != "danh-sach.xlsx" {
		t.Errorf("preview audit = %+v", preview)
	}

	other := client(t, srv.URL, model.RoleAdmin)
	if status, _, _ := entDo(t, other, srv.URL+"/import/"+token, map[string][]string{}); status != http.StatusNotFound {
		t.Errorf("someone else's confirmation = %d, want 404", status)
	}
	status, _, loc := entDo(t, c, srv.URL+"/import/"+token, map[string][]string{})
	if status != http.StatusSeeOther || loc != "/import" {
		t.Fatalf("confirm = %d to %q, want 303 to /import", status, loc)
	}
	if n := countEnterprises(t, st); n != 2 {
		t.Fatalf("after confirming: %d enterprises, want 2", n)
	}
	_, body, _ := entDo(t, c, srv.URL+"/import", nil)
	if !strings.Contains(html.UnescapeString(body), "Đã nhập xong. Doanh nghiệp: thêm 2, sửa 0, giữ nguyên 0.") {
		t.Errorf("no summary after the import: %.400s", body)
	}
	done := lastAudit(t, st, "import")
	if done.Details["sha256"] != preview.Details["sha256"] || done.UserID == nil || *done.UserID != *preview.UserID {
		t.Errorf("import audit %+v does not carry the upload's digest and user", done.Details)
	}
	if status, _, _ := entDo(t, c, srv.URL+"/import/"+token, map[string][]string{}); status != http.StatusNotFound {
		t.Errorf("confirming twice = %d, want 404", status)
	}
}

func TestImportPreviewShowsEveryBadRow(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	csv := "\ufeffMã số thuế,Tên doanh nghiệp,Ngày hoạt động,Số lao động\n" +
		"0100233488,Công ty A,15/03/2015,12\n" +
		"0100233489,Công ty B,31/02/2016,\n" +
		"0314409058,,2016,mười\n"
	status, page := upload(t, c, srv.URL, "doanh-nghiep.csv", []byte(csv))
	if status != http.StatusUnprocessableEntity || confirmToken(page) != "" {
		t.Fatalf("upload = %d with token %q, want 422 and no confirmation", status, confirmToken(page))
	}
	for _, want := range []string{
		"Tệp có 4 lỗi: chưa ghi gì vào sổ đăng ký",
		"<td class=\"num\">3</td><td>Mã số thuế</td><td class=\"value\">0100233489</td><td>sai chữ số kiểm tra",
		"<td>Ngày hoạt động</td><td class=\"value\">31/02/2016</td><td>ngày \"31/02/2016\" không có thật",
		"<td class=\"num\">4</td><td>Tên doanh nghiệp</td><td class=\"value\"></td><td>bắt buộc phải nhập",
		"<td>Số lao động</td><td class=\"value\">mười</td><td>\"mười\" không phải là số nguyên",
	} {
		if !strings.Contains(strings.ReplaceAll(page, "\n", ""), want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	if n := countEnterprises(t, st); n != 0 {
		t.Errorf("%d enterprises written", n)
	}
}

func TestImportConfirmAfterTheRegisterChanged(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	_, page := upload(t, c, srv.URL, "a.xlsx", twoEnterprises())
	token := confirmToken(page)
	// Meanwhile someone adds one of the two enterprises by hand.
	entCreate(t, c, srv.URL, map[string][]string{"tax_code": {"0100233488"}, "name": {"Công ty A (tay)"},
		"province": {"HD"}, "operating_since": {"01/01/2015"}})
	status, body, _ := entDo(t, c, srv.URL+"/import/"+token, map[string][]string{})
	body = html.UnescapeString(body)
	if status != http.StatusConflict || !strings.Contains(body, "Sổ đăng ký đã thay đổi kể từ lần xem trước") {
		t.Fatalf("confirm after a change = %d, want 409 with a new preview; %.500s", status, body)
	}
	if n := countEnterprises(t, st); n != 1 {
		t.Fatalf("%d enterprises, want the 1 added by hand: nothing imported", n)
	}
	if !strings.Contains(strings.ReplaceAll(body, "\n", ""), `<td class="num">1</td><td class="num">1</td><td class="num">0</td>`) {
		t.Errorf("new preview does not count 1 added and 1 changed: %.1500s", body)
	}
	if status, _, _ := entDo(t, c, srv.URL+"/import/"+confirmToken(body), map[string][]string{}); status != http.StatusSeeOther {
		t.Fatalf("confirming the new preview = %d, want 303", status)
	}
	if n := countEnterprises(t, st); n != 2 {
		t.Errorf("%d enterprises after the import, want 2", n)
	}
}

func TestImportCancel(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	_, page := upload(t, c, srv.URL, "a.xlsx", twoEnterprises())
	token := confirmToken(page)
	if status, _, loc := entDo(t, c, srv.URL+"/import/"+token+"/cancel", map[string][]string{}); status != http.StatusSeeOther || loc != "/import" {
		t.Fatalf("cancel = %d to %q", status, loc)
	}
	if status, _, _ := entDo(t, c, srv.URL+"/import/"+token, map[string][]string{}); status != http.StatusNotFound {
		t.Errorf("confirming a cancelled import = %d, want 404", status)
	}
	if n := countEnterprises(t, st); n != 0 {
		t.Errorf("%d enterprises written", n)
	}
}
