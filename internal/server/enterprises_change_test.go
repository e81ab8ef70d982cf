package server

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"industrytargets/internal/model"
	"industrytargets/web"
)

func TestEnterpriseViewerReadsButCannotChange(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	id := entItoa(entCreate(t, client(t, srv.URL, model.RoleEditor), srv.URL, goodForm()))
	c := client(t, srv.URL, model.RoleViewer)
	for _, u := range []string{"/enterprises", "/enterprises/" + id} {
		status, body, _ := entDo(t, c, srv.URL+u, nil)
		if status != http.StatusOK || strings.Contains(body, "/edit\"") || strings.Contains(body, `href="/enterprises/new"`) {
			t.Errorf("viewer GET %s = %d, or it offers changes", u, status)
		}
	}
	form := goodForm()
	form.Set("version", "1")
	for _, u := range []string{"/enterprises", "/enterprises/" + id, "/enterprises/" + id + "/delete"} {
		if status, _, _ := entDo(t, c, srv.URL+u, form); status != http.StatusForbidden {
			t.Errorf("viewer POST %s = %d, want 403", u, status)
		}
	}
	if status, _, _ := entDo(t, c, srv.URL+"/enterprises/new", nil); status != http.StatusForbidden {
		t.Errorf("viewer GET /enterprises/new = %d, want 403", status)
	}
}

func TestEnterpriseUnknownIDIsNotFound(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	for _, u := range []string{"/enterprises/999999", "/enterprises/abc", "/enterprises/0", "/enterprises/999999/edit", "/enterprises/999999/delete"} {
		if status, body, _ := entDo(t, c, srv.URL+u, nil); status != http.StatusNotFound || !strings.Contains(body, "Không có doanh nghiệp này") {
			t.Errorf("GET %s = %d, want 404 with a message", u, status)
		}
	}
	form := goodForm()
	form.Set("version", "1")
	if status, _, _ := entDo(t, c, srv.URL+"/enterprises/999999", form); status != http.StatusNotFound {
		t.Errorf("POST to a missing enterprise = %d, want 404", status)
	}
}

func TestEnterpriseStaleEditIsConflict(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	alice := client(t, srv.URL, model.RoleEditor)
	bob := client(t, srv.URL, model.RoleAdmin)
	id := entItoa(entCreate(t, alice, srv.URL, goodForm()))

	// Both open the edit form at version 1; the admin saves first.
	for _, c := range []*http.Client{alice, bob} {
		if _, body, _ := entDo(t, c, srv.URL+"/enterprises/"+id+"/edit", nil); !strings.Contains(body, `name="version" value="1"`) {
			t.Fatal("the edit form does not carry version 1")
		}
	}
	theirs := goodForm()
	theirs.Set("version", "1")
	theirs.Set("name", "Tên do quản trị viên sửa")
	if status, _, loc := entDo(t, bob, srv.URL+"/enterprises/"+id, theirs); status != http.StatusSeeOther || loc != "/enterprises/"+id {
		t.Fatalf("first save = %d to %q, want 303 to the enterprise", status, loc)
	}
	mine := goodForm()
	mine.Set("version", "1")
	mine.Set("employees", "2000")
	status, body, _ := entDo(t, alice, srv.URL+"/enterprises/"+id, mine)
	if status != http.StatusConflict {
		t.Fatalf("second save at version 1 = %d, want 409", status)
	}
	for _, want := range []string{"Bạn vừa nhập", "Đang lưu", "Tên do quản trị viên sửa", "Công ty TNHH Cơ khí Hải Dương",
		"2.000", "1.250", "admin@soct.example.vn", `name="version" value="2"`, `value="2000"`, `class="differs"`} {
		if !strings.Contains(body, want) {
			t.Errorf("conflict page lacks %q", want)
		}
	}
	if n := strings.Count(body, `class="differs"`); n != 2 {
		t.Errorf("%d rows marked as differing, want 2 (name and employees)", n)
	}
	// Saving again from the conflict page overwrites, deliberately.
	mine.Set("version", "2")
	if status, _, _ := entDo(t, alice, srv.URL+"/enterprises/"+id, mine); status != http.StatusSeeOther {
		t.Fatalf("save at the current version = %d, want 303", status)
	}
	_, body, _ = entDo(t, alice, srv.URL+"/enterprises/"+id, nil)
	for _, want := range []string{"Đã lưu thay đổi", "2.000", "Số lao động", "Tên doanh nghiệp", "Tên do quản trị viên sửa"} {
		if !strings.Contains(body, want) {
			t.Errorf("after the overwrite the page lacks %q", want)
		}
	}
}

func TestEnterpriseDelete(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	ctx := context.Background()
	c := client(t, srv.URL, model.RoleEditor)
	id := entCreate(t, c, srv.URL, goodForm())
	for _, year := range []int{2022, 2023} {
		f := model.Figure{EnterpriseID: id, Year: year, Basis: model.BasisCurrent, ProductionValue: model.MoneyFromMillions(10), Status: model.StatusOfficial}
		if err := st.AddFigure(ctx, &f, 0); err != nil {
			t.Fatal(err)
		}
	}
	u := srv.URL + "/enterprises/" + entItoa(id) + "/delete"
	status, body, _ := entDo(t, c, u, url.Values{"version": {"1"}})
	if status != http.StatusConflict || !strings.Contains(body, "Không thể xoá") || !strings.Contains(body, "2 số liệu hằng năm") ||
		!strings.Contains(body, "Ngày ngừng hoạt động") || !strings.Contains(body, "/edit#ceased_on") {
		t.Errorf("delete with figures = %d; want 409 saying why, how many figures, and to set the day it ceased", status)
	}
	if _, err := st.Enterprise(ctx, id); err != nil {
		t.Fatalf("the refused delete removed the enterprise: %v", err)
	}

	other := goodForm()
	other.Set("tax_code", "0100112437")
	id2 := entCreate(t, c, srv.URL, other)
	u2 := srv.URL + "/enterprises/" + entItoa(id2) + "/delete"
	if status, body, _ := entDo(t, c, u2, nil); status != http.StatusOK || !strings.Contains(body, `name="version" value="1"`) {
		t.Errorf("confirmation page = %d, or it lacks the version", status)
	}
	if status, body, _ := entDo(t, c, u2, url.Values{"version": {"7"}}); status != http.StatusConflict || !strings.Contains(body, "vừa được người khác sửa") {
		t.Errorf("delete at a stale version = %d, want 409 saying so", status)
	}
	status, _, loc := entDo(t, c, u2, url.Values{"version": {"1"}})
	if status != http.StatusSeeOther || loc != "/enterprises" {
		t.Fatalf("delete = %d to %q, want 303 to the list", status, loc)
	}
	if _, body, _ := entDo(t, c, srv.URL+"/enterprises", nil); !strings.Contains(body, "Đã xoá doanh nghiệp") {
		t.Error("the list after a delete lacks the flash")
	}
	if status, _, _ := entDo(t, c, srv.URL+"/enterprises/"+entItoa(id2), nil); status != http.StatusNotFound {
		t.Errorf("deleted enterprise = %d, want 404", status)
	}
}

func TestEnterpriseMarkupShownAsText(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	form := goodForm()
	form.Set("name", `<script>alert("x")</script> & <b>Co</b>`)
	id := entCreate(t, c, srv.URL, form)
	for _, u := range []string{"/enterprises", "/enterprises/" + entItoa(id), "/enterprises/" + entItoa(id) + "/edit"} {
		_, body, _ := entDo(t, c, srv.URL+u, nil)
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>Co</b>") {
			t.Errorf("%s shows the name as markup", u)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;") {
			t.Errorf("%s lacks the name as escaped text", u)
		}
	}
}

func TestEnterpriseListPagesKeepTheFilter(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	ctx := context.Background()
	c := client(t, srv.URL, model.RoleViewer)
	n := 0
	for i := 1; n < 60; i++ {
		first9 := "03" + strings.Repeat("0", 7-len(entItoa(int64(i)))) + entItoa(int64(i))
		d, ok := model.TaxCheckDigit(first9)
		if !ok {
			continue
		}
		e := model.Enterprise{TaxCode: first9 + entItoa(int64(d)), Name: "Công ty Cơ khí số " + entItoa(int64(i)),
			ProvinceCode: "HD", Ownership: model.OwnershipPrivate, OperatingSince: model.Date(2015, 1, 1)}
		if err := st.CreateEnterprise(ctx, &e, 0); err != nil {
			t.Fatal(err)
		}
		n++
	}
	status, body, _ := entDo(t, c, srv.URL+"/enterprises?q=co+khi&ownership=private&sort=tax_code&dir=desc", nil)
	if status != http.StatusOK || strings.Count(body, `<tr>`) != 51 || !strings.Contains(body, "60 doanh nghiệp · trang 1/2") {
		t.Fatalf("first page = %d with %d rows; want 50 rows of 60", status, strings.Count(body, `<tr>`)-1)
	}
	next := regexp.MustCompile(`<a href="([^"]*)" rel="next">`).FindStringSubmatch(body)
	if next == nil || next[1] != "/enterprises?dir=desc&amp;ownership=private&amp;page=2&amp;q=co+khi&amp;sort=tax_code" {
		t.Fatalf("next link = %q; want the same search, filter and order on page 2", next)
	}
	for _, want := range []string{`id="q" name="q" type="search" value="co khi"`, `<option value="private" selected>`, `<option value="tax_code" selected>`, `<option value="desc" selected>`} {
		if !strings.Contains(body, want) {
			t.Errorf("the form does not keep %q", want)
		}
	}
	status, body, _ = entDo(t, c, srv.URL+"/enterprises?dir=desc&ownership=private&page=2&q=co+khi&sort=tax_code", nil)
	if status != http.StatusOK || strings.Count(body, `<tr>`) != 11 || !strings.Contains(body, `aria-current="page">2<`) {
		t.Errorf("page 2 = %d with %d rows; want 10", status, strings.Count(body, `<tr>`)-1)
	}
	status, body, _ = entDo(t, c, srv.URL+"/enterprises?q=khong+co+dau&status=ceased", nil)
	if status != http.StatusOK || !strings.Contains(body, "Không tìm thấy doanh nghiệp nào") || !strings.Contains(body, "khong co dau") ||
		!strings.Contains(body, `href="/enterprises"`) {
		t.Errorf("empty result = %d, without a helpful message and a way back", status)
	}
	if status, _, _ := entDo(t, c, srv.URL+"/enterprises?page=abc&area=x&category=nope&sort=evil", nil); status != http.StatusOK {
		t.Errorf("nonsense query = %d, want 200 (ignored)", status)
	}
}

// TestEnterpriseStaleEditMergesThreeWays posts late edits that say what
// they started from: edits of different fields are merged and saved, and
// the same field changed by both is a 409 setting the three values side by
// side, with the form holding the merge at the current version.
func TestEnterpriseStaleEditMergesThreeWays(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	alice := client(t, srv.URL, model.RoleEditor)
	bob := client(t, srv.URL, model.RoleAdmin)
	id := entCreate(t, alice, srv.URL, goodForm())
	edit := func(version string, change map[string]string) url.Values {
		form := goodForm()
		for k, v := range goodForm() {
			form.Set(web.BasePrefix+k, v[0])
		}
		for k, v := range change {
			form.Set(k, v)
		}
		form.Set("version", version)
		return form
	}
	if _, body, _ := entDo(t, alice, srv.URL+"/enterprises/"+entItoa(id)+"/edit", nil); !strings.Contains(body, `name="base.name" value="Công ty TNHH Cơ khí Hải Dương"`) {
		t.Fatal("the edit form does not say what the edit starts from")
	}
	if status, _, _ := entDo(t, bob, srv.URL+"/enterprises/"+entItoa(id), edit("1", map[string]string{"name": "Tên do quản trị viên sửa"})); status != http.StatusSeeOther {
		t.Fatalf("first save = %d, want 303", status)
	}
	status, _, loc := entDo(t, alice, srv.URL+"/enterprises/"+entItoa(id), edit("1", map[string]string{"employees": "2.000"}))
	if status != http.StatusSeeOther || loc != "/enterprises/"+entItoa(id) {
		t.Fatalf("a late edit of another field = %d to %q, want 303 to the enterprise", status, loc)
	}
	e, err := st.Enterprise(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if e.Name != "Tên do quản trị viên sửa" || e.Employees == nil || *e.Employees != 2000 || e.Version != 3 {
		t.Errorf("after the merge the record is %q, %v employees, version %d; want both edits at version 3", e.Name, e.Employees, e.Version)
	}
	if _, body, _ := entDo(t, alice, srv.URL+"/enterprises/"+entItoa(id), nil); !strings.Contains(body, "(Tên doanh nghiệp) được giữ nguyên") {
		t.Error("the notice after the merge does not name the field kept from the other edit")
	}

	// Both change the name, from version 3; the admin saves first.
	base := map[string]string{"name": "Tên do quản trị viên sửa", "employees": "2.000"}
	late := func(change map[string]string) url.Values {
		form := edit("3", change)
		for k, v := range base {
			form.Set(web.BasePrefix+k, v)
			if _, ok := change[k]; !ok {
				form.Set(k, v)
			}
		}
		return form
	}
	if status, _, _ := entDo(t, bob, srv.URL+"/enterprises/"+entItoa(id), late(map[string]string{"name": "Tên mới của quản trị viên", "vsic": "2592"})); status != http.StatusSeeOther {
		t.Fatalf("the admin's save = %d, want 303", status)
	}
	status, body, _ := entDo(t, alice, srv.URL+"/enterprises/"+entItoa(id), late(map[string]string{"name": "Tên mới của biên tập viên", "employees": "2.100"}))
	if status != http.StatusConflict {
		t.Fatalf("a late edit of the same field = %d, want 409", status)
	}
	for _, want := range []string{"Lúc bạn mở trang sửa", "Tên do quản trị viên sửa", "Tên mới của quản trị viên", "Tên mới của biên tập viên",
		"Cả hai người cùng sửa ô này", "Giữ giá trị đang lưu", "Dùng giá trị của bạn", `name="version" value="4"`,
		`name="vsic" type="text" value="2592"`, `name="employees" type="text" value="2.100"`, `name="base.name" value="Tên mới của quản trị viên"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the conflict page lacks %q", want)
		}
	}
	if n := strings.Count(body, `class="differs"`); n != 1 {
		t.Errorf("%d rows marked as changed by both, want 1 (the name)", n)
	}
	if e, _ := st.Enterprise(t.Context(), id); e.Name != "Tên mới của quản trị viên" || *e.Employees != 2000 || e.Version != 4 {
		t.Errorf("a refused edit changed the record: %q, %v employees, version %d", e.Name, *e.Employees, e.Version)
	}
}
