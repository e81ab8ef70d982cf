package server

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// gridEnterprises stores enterprises named A, B, … in Hải Dương, each with
// the 2024 production value of values (0: none), and returns their ids.
func gridEnterprises(t *testing.T, st *store.Store, values ...int64) []int64 {
	t.Helper()
	ctx := context.Background()
	var ids []int64
	for i := 1; len(ids) < len(values); i++ {
		first9 := fmt.Sprintf("03%07d", i)
		d, ok := model.TaxCheckDigit(first9)
		if !ok {
			continue
		}
		n := len(ids)
		e := model.Enterprise{TaxCode: first9 + fmt.Sprint(d), Name: "Công ty " + string(rune('A'+n)),
			ProvinceCode: "HD", OperatingSince: model.Date(2015, 1, 1)}
		if err := st.CreateEnterprise(ctx, &e, 0); err != nil {
			t.Fatal(err)
		}
		if values[n] > 0 {
			f := model.Figure{EnterpriseID: e.ID, Year: 2024, Basis: model.BasisCurrent,
				ProductionValue: model.MoneyFromMillions(values[n]), Status: model.StatusOfficial}
			if err := st.AddFigure(ctx, &f, 0); err != nil {
				t.Fatal(err)
			}
		}
		ids = append(ids, e.ID)
	}
	return ids
}

var reGridInput = regexp.MustCompile(`<input[^>]*name="([a-z_]+-\d+|po-[a-z]+)"[^>]*value="([^"]*)"`)

// gridForm is the grid page's save form as the browser would post it
// untouched: every row's hidden original and cells, and the settings.
func gridForm(t *testing.T, body string) url.Values {
	t.Helper()
	form := url.Values{"year": {"2024"}, "basis": {"current"}, "plan": {"HD-3164"}, "page": {"1"}}
	for _, m := range reGridInput.FindAllStringSubmatch(body, -1) {
		form.Set(m[1], html.UnescapeString(m[2]))
	}
	for key := range form {
		if id, ok := strings.CutPrefix(key, "orig-"); ok {
			parts := strings.Split(form.Get(key), "|")
			form.Set("status-"+id, parts[len(parts)-1])
		}
	}
	form.Set("po-status", "official")
	return form
}

func TestGridSavesChangedRowsAndReportsTheRest(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	ctx := context.Background()
	ids := gridEnterprises(t, st, 0, 20, 30, 40, 50)
	c := client(t, srv.URL, model.RoleEditor)
	status, body, _ := entDo(t, c, srv.URL+"/figures?year=2024&basis=current", nil)
	if status != http.StatusOK {
		t.Fatalf("grid = %d", status)
	}
	wantAll(t, "the grid", body, "Số liệu năm 2024, giá hiện hành", "Công ty A", "Công ty E",
		"Giá trị sản xuất toàn ngành công nghiệp của địa bàn tỉnh Hải Dương (cũ) năm 2024", `src="/static/grid.js"`)
	form := gridForm(t, body)
	row := func(i int, key string) string { return key + "-" + entItoa(ids[i]) }

	// Someone else changes C after the page was drawn.
	other, err := st.FigureByKey(ctx, ids[2], 2024, model.BasisCurrent)
	if err != nil {
		t.Fatal(err)
	}
	other.ProductionValue = model.MoneyFromMillions(33)
	if err := st.UpdateFigure(ctx, &other, 0); err != nil {
		t.Fatal(err)
	}
	form.Set(row(0, "production_value"), "1.234,5") // A: new, Vietnamese number
	form.Set(row(1, "production_value"), "21")      // B: changed
	form.Set(row(2, "production_value"), "31")      // C: conflict
	form.Set(row(3, "revenue"), "abc")              // D: bad cell
	form.Set("po-value", "508.020.000")             // the province total, new
	status, body, _ = entDo(t, c, srv.URL+"/figures", form)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("save = %d, want 422 (a bad cell)", status)
	}
	wantAll(t, "the answer", body, "Đã lưu 3 dòng", "1 dòng có ô nhập sai", "1 dòng vừa được người khác sửa",
		`"abc" không phải là số`, `value="abc"`, `value="31"`, "Chưa lưu:", "Giá trị sản xuất <strong>33</strong>", "Đã lưu")
	checkGridStored(t, st, ids, "1234.5", "21", "33", "40", "50")
	if o, err := st.ProvinceOutputFor(ctx, "HD", 2024, model.BasisCurrent); err != nil || o.ProductionValue != model.MoneyFromMillions(508_020_000) {
		t.Errorf("province total = %v, %v; want 508020000", o.ProductionValue, err)
	}

	saveGridAgain(t, c, srv.URL, st, ids, body)
}

// saveGridAgain saves the page as it came back: C is overwritten at its
// current version, D's revenue is fixed, and E cleared removes its figure.
func saveGridAgain(t *testing.T, c *http.Client, base string, st *store.Store, ids []int64, body string) {
	t.Helper()
	ctx := context.Background()
	row := func(i int, key string) string { return key + "-" + entItoa(ids[i]) }
	form := gridForm(t, body)
	form.Set(row(3, "revenue"), "45,5")
	form.Set(row(4, "production_value"), "")
	status, _, loc := entDo(t, c, base+"/figures", form)
	if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/figures?") {
		t.Fatalf("second save = %d to %q, want 303 back to the grid", status, loc)
	}
	checkGridStored(t, st, ids, "1234.5", "21", "31", "40", "")
	if f, _ := st.FigureByKey(ctx, ids[3], 2024, model.BasisCurrent); f.Revenue == nil || f.Revenue.String() != "45.5" {
		t.Errorf("D's revenue = %v, want 45.5", f.Revenue)
	}
	_, body, _ = entDo(t, c, base+loc, nil)
	wantAll(t, "the grid after saving", body, "Đã lưu 3 dòng số liệu năm 2024")
}

// checkGridStored checks each enterprise's 2024 production value ("" for
// none).
func checkGridStored(t *testing.T, st *store.Store, ids []int64, want ...string) {
	t.Helper()
	for i, id := range ids {
		got := ""
		if f, err := st.FigureByKey(context.Background(), id, 2024, model.BasisCurrent); err == nil {
			got = f.ProductionValue.String()
		}
		if got != want[i] {
			t.Errorf("enterprise %c: production value %q, want %q", 'A'+i, got, want[i])
		}
	}
}

func TestGridConflictOnlyIs409AndViewersAreRefused(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	ids := gridEnterprises(t, st, 10)
	c := client(t, srv.URL, model.RoleEditor)
	_, body, _ := entDo(t, c, srv.URL+"/figures?year=2024&basis=current&q=cong+ty+a", nil)
	form := gridForm(t, body)
	f, _ := st.FigureByKey(context.Background(), ids[0], 2024, model.BasisCurrent)
	if err := st.DeleteFigure(context.Background(), f.ID, f.Version, 0); err != nil {
		t.Fatal(err)
	}
	form.Set("production_value-"+entItoa(ids[0]), "12")
	status, body, _ := entDo(t, c, srv.URL+"/figures", form)
	if status != http.StatusConflict || !strings.Contains(body, "vừa bị người khác xoá") {
		t.Errorf("saving a figure removed meanwhile = %d, want 409 saying so", status)
	}
	for _, bad := range []url.Values{{"year": {"abc"}, "basis": {"current"}, "plan": {"HD-3164"}},
		{"year": {"2024"}, "basis": {"current"}, "plan": {"XX"}},
		{"year": {"2026"}, "basis": {"current"}, "plan": {"HD-3164"}}} {
		if status, _, _ := entDo(t, c, srv.URL+"/figures", bad); status != http.StatusBadRequest {
			t.Errorf("save with settings %v = %d, want 400", bad, status)
		}
	}
	viewer := client(t, srv.URL, model.RoleViewer)
	if status, _, _ := entDo(t, viewer, srv.URL+"/figures", nil); status != http.StatusForbidden {
		t.Errorf("viewer GET /figures = %d, want 403", status)
	}
	if status, _, _ := entDo(t, viewer, srv.URL+"/figures", form); status != http.StatusForbidden {
		t.Errorf("viewer POST /figures = %d, want 403", status)
	}
}
