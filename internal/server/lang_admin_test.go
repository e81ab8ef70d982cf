package server

import (
	"cmp"
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
)

// adminData is what the administrator's pages show as the database holds
// it: the register's names, product groups, plans and users, and whatever
// the test typed, longest first so a name inside another is taken out
// after it.
func adminData(t *testing.T, st *store.Store, typed ...string) []string {
	t.Helper()
	ctx := context.Background()
	data := append(registerNames(t, st), typed...)
	for _, g := range seed.Reference().ProductGroups {
		data = append(data, g.Name)
	}
	plans, err := st.Plans(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plans {
		data = append(data, p.Name, p.DecisionNo)
	}
	users, err := st.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		data = append(data, u.Name)
	}
	slices.SortFunc(data, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return data
}

// englishAdmin is a server over the demo data and an administrator signed
// in who reads English.
func englishAdmin(t *testing.T) (string, *http.Client, *store.Store) {
	t.Helper()
	srv, st := entServer(t)
	if _, err := seed.EnsureDemo(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	admin := client(t, srv.URL, model.RoleAdmin)
	if resp, _ := send(t, admin, http.MethodPost, srv.URL+"/lang", url.Values{"lang": {"en"}}, nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("switch to English: status %d", resp.StatusCode)
	}
	return srv.URL, admin, st
}

// getEnglish fetches an administrator's page and requires it in English.
func getEnglish(t *testing.T, c *http.Client, base, path string, data []string) string {
	t.Helper()
	status, body, _ := entDo(t, c, base+path, nil)
	if status != http.StatusOK {
		t.Fatalf("GET %s = %d, want 200", path, status)
	}
	requireEnglish(t, path, body, data...)
	return body
}

var (
	reISODateTime = regexp.MustCompile(`\d{4}-\d{2}-\d{2} \d{2}:\d{2}`)
	reVNDate      = regexp.MustCompile(`\d{2}/\d{2}/\d{4}`)
)

func TestAdminUsersInEnglish(t *testing.T) {
	t.Parallel()
	base, admin, st := englishAdmin(t)
	body := getEnglish(t, admin, base, "/admin/users", adminData(t, st))
	wantAll(t, "the users", body, "Sign-in accounts", "Last sign-in", "Administrator", "(your account)", "Add a user")
	if !reISODateTime.MatchString(body) || reVNDate.MatchString(body) {
		t.Errorf("the users page does not write the last sign-in as yyyy-mm-dd hh:mm:\n%s", body)
	}

	bad := url.Values{"email": {"khong-phai-thu"}, "name": {"Nguyễn Văn An"}, "role": {"viewer"}}
	status, body, _ := entDo(t, admin, base+"/admin/users", bad)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("a bad email = %d, want 422", status)
	}
	requireEnglish(t, "the rejected user", body, adminData(t, st, "Nguyễn Văn An")...)
	wantAll(t, "the rejected user", body, `email address "khong-phai-thu" is not valid`, `value="Nguyễn Văn An"`)

	good := url.Values{"email": {"an@soct.example.vn"}, "name": {"Nguyễn Văn An"}, "role": {"editor"}}
	status, body, _ = entDo(t, admin, base+"/admin/users", good)
	if status != http.StatusOK {
		t.Fatalf("a good user = %d, want 200", status)
	}
	requireEnglish(t, "the new user", body, adminData(t, st)...)
	wantAll(t, "the new user", body, "User added", "an@soct.example.vn", "shown only once")
}

func TestAdminPlansInEnglish(t *testing.T) {
	t.Parallel()
	base, admin, st := englishAdmin(t)
	if status, _, _ := entDo(t, admin, base+"/admin/plans", goodPlan()); status != http.StatusSeeOther {
		t.Fatalf("a good plan = %d, want 303", status)
	}
	data := adminData(t, st)
	body := getEnglish(t, admin, base, "/admin/plans", data)
	wantAll(t, "the plans", body, "Plans and targets", "3164/QĐ-UBND of 2021-10-29",
		"Number of enterprises in 2030: 1,200", "Share of output in 2030: 35.5%", "Supporting industry")

	// The report the plan's settings make is a Vietnamese document: the
	// form's examples and its default signer quote it as it prints.
	reportWords := []string{"NĐ-CP", "Số:", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "UBND thành phố (để báo cáo);", "Lưu: VT, QLCN."}
	body = getEnglish(t, admin, base, "/admin/plans/HP-2030/edit", append(data, reportWords...))
	wantAll(t, "the plan's form", body, "Edit plan HP-2030", `value="2025-08-15"`, `value="1200"`, `value="35.5"`)

	p, err := st.Plan(context.Background(), "HP-2030")
	if err != nil {
		t.Fatal(err)
	}
	wrong := goodPlan()
	wrong.Set("version", strconv.Itoa(int(p.Version)))
	wrong["target_year"] = []string{"2020", "2030", ""}
	wrong["target_value"] = []string{"1200", "150", ""}
	status, body, _ := entDo(t, admin, base+"/admin/plans/HP-2030", wrong)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("a wrong target = %d, want 422", status)
	}
	requireEnglish(t, "the rejected plan", body, append(data, reportWords...)...)
	wantAll(t, "the rejected plan", body, "Row 1: ", "Row 2: ", "Not saved")
}

func TestAdminReferenceListsInEnglish(t *testing.T) {
	t.Parallel()
	base, admin, st := englishAdmin(t)
	data := adminData(t, st)
	areas := getEnglish(t, admin, base, "/admin/areas", data)
	wantAll(t, "the areas", areas, "Reference list: Area", "District", "until 2025-06-30")
	if strings.Contains(areas, "30/06/2025") {
		t.Error("the areas write a date dd/mm/yyyy in English")
	}
	zones := getEnglish(t, admin, base, "/admin/zones", data)
	wantAll(t, "the zones", zones, "Industrial zone", "(until 2025-06-30)")
	groups := getEnglish(t, admin, base, "/admin/product-groups", data)
	wantAll(t, "the product groups", groups, "Priority supporting-industry sector", "Supporting industry")

	for _, list := range []string{areas, zones} {
		m := regexp.MustCompile(`/admin/(?:areas|zones)/\d+/edit`).FindString(list)
		if m == "" {
			t.Fatal("a list links to no entry to edit")
		}
		getEnglish(t, admin, base, m, data)
	}
	body := getEnglish(t, admin, base, "/admin/product-groups/co_khi/edit", data)
	wantAll(t, "the product group's form", body, "Edit product group", "Save changes", "Mechanical engineering")
}
