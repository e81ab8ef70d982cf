package server

import (
	"context"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"industrytargets/internal/model"
)

func goodPlan() url.Values {
	return url.Values{"code": {"HP-2030"}, "province": {"HP"}, "name": {"Đề án công nghiệp Hải Phòng"},
		"decision_no": {"12/QĐ-UBND"}, "decision_date": {"15/08/2025"}, "baseline_year": {"2024"},
		"categories":    {"supporting", "high_tech"},
		"target_metric": {"enterprise_count", "output_share", ""},
		"target_year":   {"2030", "2030", ""},
		"target_value":  {"1.200", "35,5%", ""}}
}

func TestPlanFormRejectsEachBadField(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	admin := client(t, srv.URL, model.RoleAdmin)
	status, body, _ := entDo(t, admin, srv.URL+"/admin/plans", nil)
	if status != http.StatusOK {
		t.Fatalf("plans = %d", status)
	}
	wantAll(t, "the plans", body, "HD-3164", "Tỷ trọng giá trị sản xuất năm 2025: 35%", "Số doanh nghiệp năm 2030: 580")

	bad := goodPlan()
	bad.Set("code", "mã có dấu")
	bad.Set("name", " ")
	bad.Del("categories")
	bad["target_value"] = []string{"1.200", "150", ""}
	bad["target_year"] = []string{"2020", "2030", ""}
	status, body, _ = entDo(t, admin, srv.URL+"/admin/plans", bad)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("bad plan = %d, want 422", status)
	}
	wantAll(t, "the rejected plan", body, `Mã "mã có dấu" chỉ gồm chữ cái`, "Bắt buộc phải nhập",
		"Chọn ít nhất một lĩnh vực", "Dòng 1: năm mục tiêu phải sau năm gốc 2024",
		"Dòng 2: tỷ lệ phần trăm phải từ 0 đến 100", `value="mã có dấu"`, `value="150"`, `value="12/QĐ-UBND"`,
		// Each problem marks its own cell: the year of row 1, the value of row 2.
		`value="2020" aria-label="Năm, dòng 1" aria-invalid="true"`, `value="150" aria-label="Giá trị, dòng 2" aria-invalid="true"`)
	if strings.Contains(body, `value="1.200" aria-label="Giá trị, dòng 1" aria-invalid`) {
		t.Error("row 1's value is marked, though its year is what is wrong")
	}
	// A new plan and an edited one offer the same table: at least five rows.
	_, page, _ := entDo(t, admin, srv.URL+"/admin/plans/new", nil)
	_, edit, _ := entDo(t, admin, srv.URL+"/admin/plans/HD-3164/edit", nil)
	if n, m := strings.Count(page, `name="target_year"`), strings.Count(edit, `name="target_year"`); n != 5 || m != 5 {
		t.Errorf("target rows: %d on a new plan, %d on HD-3164 (4 targets); want 5 and 5", n, m)
	}
}

func TestPlanCreateAndStaleEdit(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	admin := client(t, srv.URL, model.RoleAdmin)
	if status, _, loc := entDo(t, admin, srv.URL+"/admin/plans", goodPlan()); status != http.StatusSeeOther || loc != "/admin/plans" {
		t.Fatalf("good plan = %d to %q", status, loc)
	}
	p, err := st.Plan(context.Background(), "HP-2030")
	if err != nil || len(p.Categories) != 2 || len(p.Targets) != 2 {
		t.Fatalf("stored plan = %+v, %v", p, err)
	}
	for _, tg := range p.Targets {
		if want := map[model.Metric]float64{model.MetricEnterpriseCount: 1200, model.MetricOutputShare: 0.355}[tg.Metric]; math.Abs(tg.Value-want) > 1e-9 {
			t.Errorf("target %s = %v, want %v", tg.Metric, tg.Value, want)
		}
	}
	if status, body, _ := entDo(t, admin, srv.URL+"/admin/plans", goodPlan()); status != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "Đã có đề án mã HP-2030") {
		t.Errorf("the same code again = %d, want 422 naming it", status)
	}

	_, body, _ := entDo(t, admin, srv.URL+"/admin/plans/HP-2030/edit", nil)
	wantAll(t, "the edit form", body, `name="version" value="1"`, `value="35,5"`, `value="1.200"`, `readonly`)
	edit := goodPlan()
	edit.Set("version", "1")
	edit.Set("name", "Tên mới")
	if status, _, _ := entDo(t, admin, srv.URL+"/admin/plans/HP-2030", edit); status != http.StatusSeeOther {
		t.Fatalf("edit = %d, want 303", status)
	}
	edit.Set("name", "Tên khác")
	status, body, _ := entDo(t, admin, srv.URL+"/admin/plans/HP-2030", edit)
	if status != http.StatusConflict {
		t.Fatalf("edit at version 1 again = %d, want 409", status)
	}
	wantAll(t, "the conflict", body, "Tên mới", "Tên khác", `name="version" value="2"`, "admin@soct.example.vn")
	if status, _, _ := entDo(t, admin, srv.URL+"/admin/plans/KHONG-CO/edit", nil); status != http.StatusNotFound {
		t.Errorf("a missing plan = %d, want 404", status)
	}
}

func TestReferenceListsAddAndEdit(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	admin := client(t, srv.URL, model.RoleAdmin)
	status, body, _ := entDo(t, admin, srv.URL+"/admin/areas", nil)
	if status != http.StatusOK || !strings.Contains(body, "Huyện Cẩm Giàng") {
		t.Fatalf("areas = %d", status)
	}
	bad := url.Values{"province": {"HP"}, "code": {"Xã Mới"}, "name": {""}, "kind": {"xa"}, "valid_from": {"01/07/2025"}, "valid_until": {"2024"}}
	status, body, _ = entDo(t, admin, srv.URL+"/admin/areas", bad)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("bad area = %d, want 422", status)
	}
	wantAll(t, "the rejected area", body, `Mã "xã mới" chỉ gồm các ký tự`, "Bắt buộc phải nhập",
		"Ngày hết hiệu lực phải từ ngày có hiệu lực (01/07/2025) trở đi", `value="Xã Mới"`, "<details class=\"add-ref\" open")
	good := url.Values{"province": {"HP"}, "code": {"xa_moi"}, "name": {"Xã Mới"}, "kind": {"xa"}, "valid_from": {"01/07/2025"}}
	if status, _, loc := entDo(t, admin, srv.URL+"/admin/areas", good); status != http.StatusSeeOther || loc != "/admin/areas" {
		t.Fatalf("good area = %d to %q", status, loc)
	}
	if status, body, _ := entDo(t, admin, srv.URL+"/admin/areas", good); status != http.StatusUnprocessableEntity || !strings.Contains(body, "Mã xa_moi đã có") {
		t.Errorf("the same code again = %d, want 422 naming it", status)
	}
	status, body, _ = entDo(t, admin, srv.URL+"/admin/product-groups/co_khi/edit", nil)
	if status != http.StatusOK || !strings.Contains(body, `name="version" value="1"`) {
		t.Fatalf("group edit = %d", status)
	}
	g := url.Values{"version": {"1"}, "name": {"Cơ khí chế tạo (sửa)"}, "kind": {"psip_sector"}, "category": {"supporting"}}
	if status, _, _ := entDo(t, admin, srv.URL+"/admin/product-groups/co_khi", g); status != http.StatusSeeOther {
		t.Fatalf("group edit = %d, want 303", status)
	}
	g.Set("name", "Tên khác")
	if status, body, _ := entDo(t, admin, srv.URL+"/admin/product-groups/co_khi", g); status != http.StatusConflict ||
		!strings.Contains(body, "Cơ khí chế tạo (sửa)") || !strings.Contains(body, `name="version" value="2"`) {
		t.Errorf("group edit at version 1 again = %d, want 409 with the stored name", status)
	}
	z := url.Values{"province": {"HD"}, "code": {"ccn_moi"}, "name": {"CCN Mới"}, "kind": {"ccn"}, "area": {"999999"}}
	if status, body, _ := entDo(t, admin, srv.URL+"/admin/zones", z); status != http.StatusUnprocessableEntity || !strings.Contains(body, "Không có địa bàn") {
		t.Errorf("zone in an unknown area = %d, want 422", status)
	}
	editor := client(t, srv.URL, model.RoleEditor)
	for _, u := range []string{"/admin/plans", "/admin/areas", "/admin/zones", "/admin/product-groups", "/admin/plans/HD-3164/edit"} {
		if status, _, _ := entDo(t, editor, srv.URL+u, nil); status != http.StatusForbidden {
			t.Errorf("editor GET %s = %d, want 403", u, status)
		}
	}
	if status, _, _ := entDo(t, editor, srv.URL+"/admin/areas", good); status != http.StatusForbidden {
		t.Errorf("editor POST /admin/areas = %d, want 403", status)
	}
}

// TestPlanTerritoryEdit: the plan form shows the territory ticked by
// group, saving it unchanged keeps all 76 units (the form once dropped
// them), an administrator can narrow or widen it, and a unit not in the
// reference lists is refused with nothing changed.
func TestPlanTerritoryEdit(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	ctx := context.Background()
	admin := client(t, srv.URL, model.RoleAdmin)
	_, body, _ := entDo(t, admin, srv.URL+"/admin/plans/HD-3164/edit", nil)
	wantAll(t, "the edit form", body, "Địa bàn của đề án",
		"Hải Dương — đơn vị cấp huyện, đến 30/06/2025", "đã chọn 12/12 đơn vị",
		"Hải Phòng — đơn vị cấp xã, từ 01/07/2025, hình thành từ Hải Dương", "đã chọn 64/64 đơn vị",
		"Hải Phòng — đơn vị cấp xã, từ 01/07/2025, các đơn vị còn lại", "đã chọn 0/50 đơn vị",
		"Xã Cẩm Giàng (10903)", `src="/static/plan_form.js"`)
	if i, j := strings.Index(body, "hình thành từ Hải Dương"), strings.Index(body, "các đơn vị còn lại"); i > j {
		t.Error("the units formed from Hải Dương should come before the rest of Hải Phòng")
	}
	ticked := regexp.MustCompile(`name="territory" value="(\d+)" checked`).FindAllStringSubmatch(body, -1)
	if len(ticked) != 76 {
		t.Fatalf("%d units ticked on the form, want 76", len(ticked))
	}
	stored, err := st.Plan(ctx, "HD-3164")
	if err != nil {
		t.Fatal(err)
	}
	form := planValues(stored)
	for _, m := range ticked {
		form.Add("territory", m[1])
	}
	form.Set("name", stored.Name+" (sửa)")
	if status, _, _ := entDo(t, admin, srv.URL+"/admin/plans/HD-3164", form); status != http.StatusSeeOther {
		t.Fatalf("saving the form = %d, want 303", status)
	}
	saved, err := st.Plan(ctx, "HD-3164")
	if err != nil || !slices.Equal(saved.Territory, stored.Territory) {
		t.Fatalf("territory after saving the form unchanged = %d units (%v), want the same %d", len(saved.Territory), err, len(stored.Territory))
	}

	// Only the 12 old districts; then a unit that does not exist.
	ref, err := st.ReferenceLists(ctx)
	if err != nil {
		t.Fatal(err)
	}
	narrow := planValues(saved)
	for _, a := range ref.Areas {
		if a.ProvinceCode == "HD" {
			narrow.Add("territory", strconv.FormatInt(a.ID, 10))
		}
	}
	if status, _, _ := entDo(t, admin, srv.URL+"/admin/plans/HD-3164", narrow); status != http.StatusSeeOther {
		t.Fatalf("narrowing = %d, want 303", status)
	}
	narrowed, _ := st.Plan(ctx, "HD-3164")
	if len(narrowed.Territory) != 12 {
		t.Fatalf("narrowed territory = %d units, want 12", len(narrowed.Territory))
	}
	_, body, _ = entDo(t, admin, srv.URL+"/admin/plans", nil)
	wantAll(t, "the plans", body, "12 đơn vị hành chính, 0 đơn vị hiện nay")

	bad := planValues(narrowed)
	for _, id := range narrowed.Territory {
		bad.Add("territory", strconv.FormatInt(id, 10))
	}
	bad.Add("territory", "999999999")
	status, body, _ := entDo(t, admin, srv.URL+"/admin/plans/HD-3164", bad)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("an unknown unit = %d, want 422", status)
	}
	wantAll(t, "the refusal", body, "Đơn vị hành chính số 999999999 không có trong danh mục", "đã chọn 12/12 đơn vị")
	if after, _ := st.Plan(ctx, "HD-3164"); after.Version != narrowed.Version || len(after.Territory) != 12 {
		t.Errorf("a refused save changed the plan: version %d → %d, %d units", narrowed.Version, after.Version, len(after.Territory))
	}
}

// planValues is the plan form filled with p's stored fields, at its
// version, without any territory.
func planValues(p model.Plan) url.Values {
	v := url.Values{"version": {strconv.Itoa(int(p.Version))}, "province": {p.ProvinceCode}, "name": {p.Name},
		"name_en": {p.NameEN}, "decision_no": {p.DecisionNo}, "baseline_year": {strconv.Itoa(p.BaselineYear)}}
	if p.DecisionDate != nil {
		v.Set("decision_date", p.DecisionDate.Format("02/01/2006"))
	}
	for _, c := range p.Categories {
		v.Add("categories", string(c))
	}
	for _, tg := range p.Targets {
		value := strconv.Itoa(int(tg.Value))
		if tg.Metric == model.MetricOutputShare {
			value = strconv.FormatFloat(tg.Value*100, 'f', -1, 64)
		}
		v.Add("target_metric", string(tg.Metric))
		v.Add("target_year", strconv.Itoa(tg.Year))
		v.Add("target_value", value)
	}
	return v
}
