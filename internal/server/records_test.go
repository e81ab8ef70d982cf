package server

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"industrytargets/internal/model"
)

// wantAll reports each of wants (as plain text) missing from an HTML body.
func wantAll(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, html.EscapeString(w)) && !strings.Contains(body, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

var reRecordLink = regexp.MustCompile(`/enterprises/\d+/(?:classifications|figures)/(\d+)/edit`)

// recordID is the id of the first record the enterprise's page links to
// in section (classifications or figures).
func recordID(t *testing.T, body, section string) string {
	t.Helper()
	for _, m := range reRecordLink.FindAllStringSubmatch(body, -1) {
		if strings.Contains(m[0], "/"+section+"/") {
			return m[1]
		}
	}
	t.Fatalf("the enterprise's page links to no %s", section)
	return ""
}

func goodClassification() url.Values {
	return url.Values{"category": {"supporting"}, "product_group": {"co_khi"}, "valid_from": {"01/03/2019"},
		"valid_until": {""}, "certificate_no": {"12/GCN-SCT"}}
}

func TestClassificationAddRejectEditDelete(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	ent := srv.URL + "/enterprises/" + entItoa(entCreate(t, c, srv.URL, goodForm()))

	if status, body, _ := entDo(t, c, ent+"/classifications/new", nil); status != http.StatusOK || !strings.Contains(body, `name="valid_from"`) {
		t.Fatalf("new form = %d", status)
	}
	bad := url.Values{"category": {"biotech"}, "valid_from": {"31/02/2020"}, "valid_until": {"2019"}, "certificate_no": {"GCN <1>"}}
	status, body, _ := entDo(t, c, ent+"/classifications", bad)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("bad classification = %d, want 422", status)
	}
	wantAll(t, "the rejected form", body, `Lĩnh vực "biotech" không có`, `Ngày "31/02/2020" không có thật`,
		`value="31/02/2020"`, `value="2019"`, `value="GCN &lt;1&gt;"`, `id="valid_from-error"`)

	status, _, loc := entDo(t, c, ent+"/classifications", goodClassification())
	if status != http.StatusSeeOther || srv.URL+loc != ent {
		t.Fatalf("good classification = %d to %q, want 303 to the enterprise", status, loc)
	}
	_, body, _ = entDo(t, c, ent, nil)
	wantAll(t, "the enterprise's page", body, "Đã thêm phân loại", "12/GCN-SCT", "Thêm phân loại “Công nghiệp hỗ trợ” hiệu lực từ 01/03/2019")
	id := recordID(t, body, "classifications")

	dup := goodClassification()
	dup.Set("certificate_no", "khác")
	status, body, _ = entDo(t, c, ent+"/classifications", dup)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("duplicate classification = %d, want 422", status)
	}
	wantAll(t, "the duplicate's answer", body, "Doanh nghiệp đã có phân loại “Công nghiệp hỗ trợ” hiệu lực từ 01/03/2019",
		"giấy chứng nhận số 12/GCN-SCT", "/classifications/"+id+"/edit", `value="khác"`)

	staleEdit(t, srv.URL, ent+"/classifications/"+id, goodClassification(), "certificate_no", "99/GCN-SCT")
	staleDelete(t, c, ent, ent+"/classifications/"+id, "Xoá phân loại “Công nghiệp hỗ trợ”")
}

func goodFigure() url.Values {
	return url.Values{"year": {"2023"}, "price_basis": {"current"}, "production_value": {"1.234,5"},
		"revenue": {"2000"}, "export_value": {""}, "employees": {"1.250"}, "status": {"preliminary"}}
}

func TestFigureAddRejectEditDelete(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	ent := srv.URL + "/enterprises/" + entItoa(entCreate(t, c, srv.URL, goodForm()))

	bad := url.Values{"year": {"1800"}, "price_basis": {"current"}, "production_value": {"1.234"},
		"revenue": {"-5"}, "employees": {"nhiều"}, "status": {"official"}}
	status, body, _ := entDo(t, c, ent+"/figures", bad)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("bad figure = %d, want 422", status)
	}
	wantAll(t, "the rejected form", body, "Năm phải trong khoảng 1990–2100", `"1.234" không rõ nghĩa`,
		"Không được âm", `"nhiều" không phải là số nguyên`, `value="1.234"`, `value="-5"`, `value="nhiều"`)

	if status, _, loc := entDo(t, c, ent+"/figures", goodFigure()); status != http.StatusSeeOther || srv.URL+loc != ent {
		t.Fatalf("good figure = %d to %q, want 303 to the enterprise", status, loc)
	}
	_, body, _ = entDo(t, c, ent, nil)
	wantAll(t, "the enterprise's page", body, "Đã thêm số liệu năm", "1.234,5", "Sơ bộ",
		"Thêm số liệu năm 2023 (Giá hiện hành): giá trị sản xuất 1.234,5 triệu đồng")
	id := recordID(t, body, "figures")
	if _, body, _ := entDo(t, c, ent+"/figures/"+id+"/edit", nil); !strings.Contains(body, `value="1234,5"`) {
		t.Error("the edit form does not show the amount as 1234,5")
	}

	status, body, _ = entDo(t, c, ent+"/figures", goodFigure())
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("duplicate figure = %d, want 422", status)
	}
	wantAll(t, "the duplicate's answer", body, "Doanh nghiệp đã có số liệu năm 2023 theo giá hiện hành",
		"giá trị sản xuất 1.234,5 triệu đồng", "/figures/"+id+"/edit")

	staleEdit(t, srv.URL, ent+"/figures/"+id, goodFigure(), "production_value", "1500")
	staleDelete(t, c, ent, ent+"/figures/"+id, "Xoá số liệu năm 2023")
}

// staleEdit has an administrator save the record at rec first, then an
// editor save version 1 with key set to value: 409 with both values side by
// side and the current version; saving again overwrites.
func staleEdit(t *testing.T, base, rec string, form url.Values, key, value string) {
	t.Helper()
	admin, editor := client(t, base, model.RoleAdmin), client(t, base, model.RoleEditor)
	if _, body, _ := entDo(t, editor, rec+"/edit", nil); !strings.Contains(body, `name="version" value="1"`) {
		t.Fatal("the edit form does not carry version 1")
	}
	form.Set("version", "1")
	if status, _, _ := entDo(t, admin, rec, form); status != http.StatusSeeOther {
		t.Fatalf("first save = %d, want 303", status)
	}
	mine := url.Values{}
	for k, v := range form {
		mine[k] = v
	}
	mine.Set(key, value)
	status, body, _ := entDo(t, editor, rec, mine)
	if status != http.StatusConflict {
		t.Fatalf("second save at version 1 = %d, want 409", status)
	}
	wantAll(t, "the conflict page", body, "Bạn vừa nhập", "Đang lưu", "admin@soct.example.vn", `name="version" value="2"`,
		`value="`+value+`"`, `class="differs"`, "Lưu đè")
	mine.Set("version", "2")
	if status, _, _ := entDo(t, editor, rec, mine); status != http.StatusSeeOther {
		t.Errorf("saving again at the current version = %d, want 303", status)
	}
}

// staleDelete asks to remove rec at a stale version (409, nothing removed),
// then at the current one (303), and finds the removal in the history.
func staleDelete(t *testing.T, c *http.Client, ent, rec, history string) {
	t.Helper()
	status, body, _ := entDo(t, c, rec+"/delete", nil)
	if status != http.StatusOK || !strings.Contains(body, `name="version" value="3"`) {
		t.Fatalf("delete page = %d, or it does not carry version 3", status)
	}
	if status, body, _ := entDo(t, c, rec+"/delete", url.Values{"version": {"2"}}); status != http.StatusConflict ||
		!strings.Contains(body, "vừa được người khác sửa") {
		t.Errorf("delete at version 2 = %d, want 409 with the reason", status)
	}
	if status, _, loc := entDo(t, c, rec+"/delete", url.Values{"version": {"3"}}); status != http.StatusSeeOther || !strings.HasSuffix(ent, loc) {
		t.Fatalf("delete at version 3 = %d to %q, want 303 to the enterprise", status, loc)
	}
	_, body, _ = entDo(t, c, ent, nil)
	wantAll(t, "the enterprise's page after the removal", body, history)
	if status, _, _ := entDo(t, c, rec+"/edit", nil); status != http.StatusNotFound {
		t.Errorf("the removed record's edit page = %d, want 404", status)
	}
}

func TestRecordsRefuseViewersAndOtherEnterprises(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	editor := client(t, srv.URL, model.RoleEditor)
	ent := srv.URL + "/enterprises/" + entItoa(entCreate(t, editor, srv.URL, goodForm()))
	if status, _, _ := entDo(t, editor, ent+"/figures", goodFigure()); status != http.StatusSeeOther {
		t.Fatalf("add figure = %d", status)
	}
	_, body, _ := entDo(t, editor, ent, nil)
	rec := ent + "/figures/" + recordID(t, body, "figures")
	viewer := client(t, srv.URL, model.RoleViewer)
	for _, u := range []string{ent + "/figures/new", rec + "/edit", rec + "/delete", ent + "/classifications/new"} {
		if status, _, _ := entDo(t, viewer, u, nil); status != http.StatusForbidden {
			t.Errorf("viewer GET %s = %d, want 403", u, status)
		}
	}
	form := goodFigure()
	form.Set("version", "1")
	for _, u := range []string{ent + "/figures", rec, rec + "/delete", ent + "/classifications"} {
		if status, _, _ := entDo(t, viewer, u, form); status != http.StatusForbidden {
			t.Errorf("viewer POST %s = %d, want 403", u, status)
		}
	}
	other := goodForm()
	other.Set("tax_code", "0100112437")
	otherEnt := srv.URL + "/enterprises/" + entItoa(entCreate(t, editor, srv.URL, other))
	id := strings.TrimPrefix(rec, ent+"/figures/")
	if status, _, _ := entDo(t, editor, otherEnt+"/figures/"+id, form); status != http.StatusNotFound {
		t.Errorf("editing a figure through another enterprise = %d, want 404", status)
	}
}
