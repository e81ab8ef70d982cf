package server

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"industrytargets/internal/auth"
	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
)

// entHash is rolePassword hashed once for every test here: argon2id is slow.
var entHash = sync.OnceValues(func() (string, error) { return auth.NewHasher().Hash(rolePassword) })

// entServer serves the application over a fresh database holding the
// reference lists and one user of each role (see client).
func entServer(t *testing.T) (*httptest.Server, *store.Store) {
	t.Helper()
	ctx := context.Background()
	st := storetest.New(t)
	if _, err := seed.Ensure(ctx, st); err != nil {
		t.Fatal(err)
	}
	hash, err := entHash()
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range model.Roles {
		u := model.User{Email: string(role) + "@soct.example.vn", Role: role, PasswordHash: hash}
		if err := st.CreateUser(ctx, &u, 0); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(New(slog.New(slog.DiscardHandler), st, Options{AddrPerMinute: 1000, AddrBurst: 1000}))
	t.Cleanup(srv.Close)
	return srv, st
}

// entDo sends a GET (form nil) or a POST of form, and returns the status,
// the body and where a redirect points.
func entDo(t *testing.T, c *http.Client, u string, form url.Values) (int, string, string) {
	t.Helper()
	var resp *http.Response
	var err error
	if form == nil {
		resp, err = c.Get(u)
	} else {
		resp, err = c.PostForm(u, form)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b), resp.Header.Get("Location")
}

// goodForm is a valid enterprise form.
func goodForm() url.Values {
	return url.Values{
		"tax_code": {"0100233488"}, "name": {"Công ty TNHH Cơ khí Hải Dương"}, "name_en": {"Hai Duong Mechanical"},
		"province": {"HD"}, "ownership": {"fdi"}, "investor_country": {"Nhật Bản"}, "area": {"cam_giang"},
		"industrial_zone": {"kcn_dai_an"}, "vsic": {"2599"}, "operating_since": {"15/03/2015"},
		"ceased_on": {""}, "employees": {"1.250"},
	}
}

// entCreate posts form as an editor and returns the new enterprise's id.
func entCreate(t *testing.T, c *http.Client, base string, form url.Values) int64 {
	t.Helper()
	status, body, loc := entDo(t, c, base+"/enterprises", form)
	if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/enterprises/") {
		t.Fatalf("create = %d to %q, want 303 to the enterprise; body %.300s", status, loc, body)
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(loc, "/enterprises/"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestEnterpriseCreateShowsTheNewEnterprise(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	id := entCreate(t, c, srv.URL, goodForm())
	status, body, _ := entDo(t, c, srv.URL+"/enterprises/"+entItoa(id), nil)
	if status != http.StatusOK {
		t.Fatalf("detail = %d", status)
	}
	for _, want := range []string{
		"Đã thêm doanh nghiệp Công ty TNHH Cơ khí Hải Dương", // the flash
		"Mã số thuế", "0100233488", "Huyện Cẩm Giàng", "KCN Đại An", "Hải Dương",
		"Có vốn đầu tư nước ngoài (FDI)", "Nhật Bản",
		"2599 (ngành 25: Sản xuất sản phẩm từ kim loại đúc sẵn", "15/03/2015", "1.250",
		"Lịch sử thay đổi", "editor@soct.example.vn", "Thêm doanh nghiệp",
	} {
		if !strings.Contains(body, html.EscapeString(want)) {
			t.Errorf("detail page lacks %q", want)
		}
	}
	if !regexp.MustCompile(`<time>\d\d/\d\d/\d{4} \d\d:\d\d</time>`).MatchString(body) {
		t.Errorf("history lacks a dd/mm/yyyy HH:mm time")
	}
	status, body, _ = entDo(t, c, srv.URL+"/enterprises?q=hai+duong", nil)
	if status != http.StatusOK || !strings.Contains(body, `href="/enterprises/`+entItoa(id)+`"`) {
		t.Errorf("search for hai duong = %d, without a link to the enterprise", status)
	}
}

func TestEnterpriseFormRejectsEachBadField(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	tests := []struct {
		field, value, message string
	}{
		{"tax_code", "0100233480", "Sai chữ số kiểm tra: chữ số thứ 10 phải là 8, không phải 0"},
		{"tax_code", "01002334", "Mã số thuế phải có 10 chữ số (hoặc 13 với chi nhánh), đang có 8"},
		{"tax_code", "01OO233488", "Mã số thuế chỉ gồm chữ số"},
		{"name", "", "Bắt buộc phải nhập"},
		{"name", "   ", "Bắt buộc phải nhập"},
		{"province", "XX", "Không có tỉnh"},
		{"area", "khong_co", "Không có địa bàn"},
		{"industrial_zone", "kcn_khong_co", "Không có khu/cụm công nghiệp"},
		{"ownership", "mixed", "chọn state, private hoặc fdi"},
		{"vsic", "4610", "phải gồm 2 đến 5 chữ số thuộc ngành B, C, D hoặc E"},
		{"operating_since", "", "Bắt buộc phải nhập"},
		{"operating_since", "31/02/2020", "không có thật"},
		{"operating_since", "2020/01/15", "không đúng dạng dd/mm/yyyy, dd/mm/yy, yyyy-mm-dd hoặc năm"},
		{"ceased_on", "2010", "Ngày ngừng hoạt động phải sau ngày bắt đầu hoạt động (15/03/2015)"},
		{"employees", "-3", "Không được âm"},
		{"employees", "mười", "không phải là số nguyên"},
		{"name_en", strings.Repeat("x", 501), "Dài quá 500 ký tự"},
	}
	for _, tt := range tests {
		form := goodForm()
		form.Set(tt.field, tt.value)
		form.Set("investor_country", `Hàn "Quốc" <b>`) // typed values come back, escaped
		status, body, _ := entDo(t, c, srv.URL+"/enterprises", form)
		if status != http.StatusUnprocessableEntity {
			t.Errorf("%s=%q: status %d, want 422", tt.field, tt.value, status)
			continue
		}
		for _, want := range []string{html.EscapeString(tt.message), `value="` + html.EscapeString(tt.value) + `"`,
			`value="Hàn &#34;Quốc&#34; &lt;b&gt;"`, `value="Công ty TNHH Cơ khí Hải Dương"`} {
			if !strings.Contains(body, want) && !(tt.field == "name" && strings.Contains(want, "TNHH")) {
				t.Errorf("%s=%q: the page lacks %q", tt.field, tt.value, want)
			}
		}
		input := regexp.MustCompile(`<(input|select) id="` + tt.field + `"[^>]*>`).FindString(body)
		if !strings.Contains(input, `aria-invalid="true"`) || !strings.Contains(input, tt.field+`-error`) {
			t.Errorf("%s=%q: field %s lacks aria-invalid and aria-describedby: %s", tt.field, tt.value, tt.field, input)
		}
		if !strings.Contains(body, `class="error-summary"`) || !strings.Contains(body, `href="#`+tt.field+`"`) {
			t.Errorf("%s=%q: no summary linking to the field", tt.field, tt.value)
		}
	}
	if n, _ := st.CountEnterprises(context.Background()); n != 0 {
		t.Errorf("%d enterprises stored after rejected forms, want 0", n)
	}
}

func TestEnterpriseFormReadsTheBodyOnly(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	form := goodForm()
	form.Del("name")
	status, body, _ := entDo(t, c, srv.URL+"/enterprises?name=T%E1%BB%AB+URL", form)
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "Bắt buộc phải nhập") {
		t.Errorf("a name only in the query string = %d; want 422, the name required", status)
	}
}

func TestEnterpriseDuplicateTaxCodeLinksToTheOther(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	id := entCreate(t, c, srv.URL, goodForm())
	form := goodForm()
	form.Set("tax_code", "0100 233 488")
	form.Set("name", "Một doanh nghiệp khác")
	status, body, _ := entDo(t, c, srv.URL+"/enterprises", form)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("duplicate tax code = %d, want 422", status)
	}
	for _, want := range []string{"đã có trong sổ đăng ký", `href="/enterprises/` + entItoa(id) + `"`, "Một doanh nghiệp khác"} {
		if !strings.Contains(body, want) {
			t.Errorf("duplicate page lacks %q", want)
		}
	}
}

func entItoa(n int64) string { return strconv.FormatInt(n, 10) }
