package server

import (
	"cmp"
	"context"
	"html"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// registerRig serves the demo register to an editor who chose English.
type registerRig struct {
	base string
	st   *store.Store
	c    *http.Client
	data []string // the names the register holds, longest first
}

func newRegisterRig(t *testing.T) registerRig {
	t.Helper()
	srv, st := entServer(t)
	if _, err := seed.EnsureDemo(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	c := client(t, srv.URL, model.RoleEditor)
	if status, _, _ := entDo(t, c, srv.URL+"/lang", url.Values{"lang": {"en"}}); status != http.StatusSeeOther {
		t.Fatalf("switching to English = %d, want 303", status)
	}
	return registerRig{base: srv.URL, st: st, c: c, data: registerData(t, st)}
}

// registerData is what the register's pages show as it is on an English
// page: the names registerNames lists, the investor countries typed, and
// the Vietnamese sheet names an import file uses. Longest first.
func registerData(t *testing.T, st *store.Store) []string {
	t.Helper()
	out := registerNames(t, st)
	rows, _, err := st.ListEnterprises(context.Background(), store.EnterpriseFilter{Today: vnToday()}, 100_000, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range rows {
		out = append(out, e.InvestorCountry)
	}
	for _, k := range importer.Kinds {
		out = append(out, k.SheetName())
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return out
}

func (g registerRig) get(t *testing.T, path string, want int) string {
	t.Helper()
	status, body, _ := entDo(t, g.c, g.base+path, nil)
	if status != want {
		t.Fatalf("GET %s = %d, want %d", path, status, want)
	}
	return body
}

// richEnterprise is an enterprise of the demo with classifications and
// an output of at least a thousand million VND, so its page shows a
// thousands separator.
func richEnterprise(t *testing.T, st *store.Store) (model.Enterprise, model.Figure) {
	t.Helper()
	ctx := context.Background()
	rows, _, err := st.ListEnterprises(ctx, store.EnterpriseFilter{Today: vnToday()}, 100_000, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range rows {
		classes, err := st.Classifications(ctx, e.ID)
		if err != nil || len(classes) == 0 || e.Employees == nil {
			continue
		}
		figures, err := st.Figures(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range figures {
			if f.ProductionValue.Float() >= 1000 {
				return e.Enterprise, f
			}
		}
	}
	t.Fatal("the demo has no enterprise with classifications and a large output")
	return model.Enterprise{}, model.Figure{}
}

func TestRegisterPagesInEnglish(t *testing.T) {
	t.Parallel()
	g := newRegisterRig(t)
	requireEnglish(t, "enterprise list", g.get(t, "/enterprises", http.StatusOK), g.data...)
	requireEnglish(t, "filtered list", g.get(t, "/enterprises?q=zzzz&status=ceased", http.StatusOK), g.data...)

	e, f := richEnterprise(t, g.st)
	ent := web.EnterpriseURL(e.ID)
	for _, path := range []string{ent + "/edit", ent + "/delete", ent + "/classifications/new", ent + "/figures/new",
		ent + "/figures/" + strconv.FormatInt(f.ID, 10) + "/edit", "/enterprises/new"} {
		requireEnglish(t, path, g.get(t, path, http.StatusOK), g.data...)
	}

	// An edit in English: the form reads its own ISO dates back, and the
	// history tells of it.
	ctx := i18n.WithLang(context.Background(), model.LangEN)
	ref, err := loadRefs(ctx, g.st)
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"version": {strconv.Itoa(int(e.Version))}}
	for k, v := range enterpriseFormValues(e, ref) {
		form.Set(k, v)
	}
	form.Set("employees", "12345")
	if status, body, _ := entDo(t, g.c, g.base+ent, form); status != http.StatusSeeOther {
		t.Fatalf("saving the English form = %d, want 303; %s", status, errorSummary(body))
	}

	page := html.UnescapeString(g.get(t, ent, http.StatusOK))
	requireEnglish(t, "enterprise page", page, g.data...)
	en, vi := format.For(model.LangEN), format.For(model.LangVI)
	for _, want := range []string{"Operating since", en.Date(e.OperatingSince), en.Money(f.ProductionValue),
		"Employees: <del>" + en.Int(*e.Employees) + "</del> → <ins>12,345</ins>", "Changes to " + e.Name + " saved."} {
		if !strings.Contains(page, want) {
			t.Errorf("the enterprise page lacks %q", want)
		}
	}
	if strings.Contains(page, vi.Date(e.OperatingSince)) {
		t.Errorf("the enterprise page writes %s the Vietnamese way", vi.Date(e.OperatingSince))
	}
}

func TestEnterpriseFormErrorsInEnglish(t *testing.T) {
	t.Parallel()
	g := newRegisterRig(t)
	status, body, _ := entDo(t, g.c, g.base+"/enterprises", url.Values{"tax_code": {"0100233489"}, "name": {""},
		"province": {"HD"}, "operating_since": {"31/02/2016"}, "employees": {"ten"}})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("a wrong form = %d, want 422", status)
	}
	requireEnglish(t, "the form with its errors", body, g.data...)
	for _, want := range []string{"Not saved", "Tax code: Wrong check digit", "Enterprise name: "} {
		if !strings.Contains(body, want) {
			t.Errorf("the form lacks %q: %s", want, errorSummary(body))
		}
	}
}

func TestImportPagesInEnglish(t *testing.T) {
	t.Parallel()
	g := newRegisterRig(t)
	requireEnglish(t, "import page", g.get(t, "/import", http.StatusOK), g.data...)

	csv := "tax_code,name,operating_since,employees\n" +
		"0100233488,Company A,2015-03-15,1200\n" +
		"0100233489,Company B,2016-02-31,\n" +
		"0314409058,,2016,ten\n"
	status, page := upload(t, g.c, g.base, "bad.csv", []byte(csv))
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("an upload with bad rows = %d, want 422", status)
	}
	requireEnglish(t, "import preview", page, g.data...)
	for _, want := range []string{"The file has 4 errors", "Rows with errors", "Enterprises"} {
		if !strings.Contains(page, want) {
			t.Errorf("the preview lacks %q", want)
		}
	}
	status, page = upload(t, g.c, g.base, "empty.csv", nil)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("an empty upload = %d, want 422", status)
	}
	requireEnglish(t, "import page refusing a file", page, g.data...)
}

func TestAccountPageInEnglish(t *testing.T) {
	t.Parallel()
	g := newRegisterRig(t)
	requireEnglish(t, "account page", g.get(t, "/account", http.StatusOK))
	status, body, _ := entDo(t, g.c, g.base+"/account/password", url.Values{"current_password": {"wrong"},
		"new_password": {"short"}, "confirm_password": {"other"}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "The current password is wrong.") {
		t.Fatalf("a wrong password change = %d, want 422 in English", status)
	}
	requireEnglish(t, "account page with errors", body)
}

// TestSharedLabelsHaveEnglish checks the labels helpers keep in Vietnamese
// for other pages too, which the English catalogue translates as data.
func TestSharedLabelsHaveEnglish(t *testing.T) {
	var labels []string
	for _, o := range model.Ownerships {
		labels = append(labels, ownershipLabel(o))
	}
	for _, b := range model.PriceBases {
		labels = append(labels, priceBasisLabel(b))
	}
	for _, s := range model.FigureStatuses {
		labels = append(labels, figureStatusLabel(s))
	}
	for _, k := range importer.Kinds {
		labels = append(labels, kindLabels[k])
		for _, c := range k.Columns() {
			labels = append(labels, c.Label)
		}
	}
	for _, l := range labels {
		if !i18n.Has(l) {
			t.Errorf("no English for %q", l)
		}
	}
}
