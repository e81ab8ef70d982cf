package server_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"industrytargets/internal/auth"
	"industrytargets/internal/browsertest"
	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/server"
	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
)

// newEditorBrowserServer serves the reference lists and the sample
// register, with browserEmail signing in as an editor.
func newEditorBrowserServer(t *testing.T) (*httptest.Server, *store.Store) {
	t.Helper()
	st := storetest.New(t)
	ctx := t.Context()
	if _, err := seed.Ensure(ctx, st); err != nil {
		t.Fatalf("seed.Ensure: %v", err)
	}
	if _, err := seed.EnsureDemo(ctx, st); err != nil {
		t.Fatalf("seed.EnsureDemo: %v", err)
	}
	hash, err := auth.NewHasher().Hash(browserPassword)
	if err != nil {
		t.Fatal(err)
	}
	u := model.User{Email: browserEmail, Role: model.RoleEditor, PasswordHash: hash}
	if err := st.CreateUser(ctx, &u, 0); err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	srv := httptest.NewServer(server.New(slog.New(slog.DiscardHandler), st, server.Options{}))
	t.Cleanup(srv.Close)
	return srv, st
}

// browserClick clicks the element css selects (a link, or a form's button)
// and checks the status of the page it leads to.
func browserClick(t *testing.T, ctx context.Context, css string, wantStatus int64) {
	t.Helper()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("click %s: %v", css, err)
	}
	if resp.Status != wantStatus {
		t.Fatalf("after clicking %s: status %d, want %d", css, resp.Status, wantStatus)
	}
}

// browserType types text into the field with id, after emptying it.
func browserType(t *testing.T, ctx context.Context, id, text string) {
	t.Helper()
	browserEval[bool](t, ctx, `(() => { document.getElementById("`+id+`").value = ""; return true })()`)
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID(id), text)); err != nil {
		t.Fatalf("type into #%s: %v", id, err)
	}
}

func TestEnterpriseFormInBrowser(t *testing.T) {
	t.Parallel()
	ctx := browsertest.New(t)
	srv, st := newEditorBrowserServer(t)
	browserSignIn(t, ctx, srv.URL+"/enterprises")

	if got := browserEval[int](t, ctx, `document.querySelectorAll("table.enterprises tbody tr").length`); got != 50 {
		t.Errorf("rows on the first page = %d, want 50", got)
	}
	checkStylesheetApplied(t, ctx)
	checkNoHorizontalScroll(t, ctx, browsertest.Width)
	browsertest.Screenshot(t, ctx, "enterprises-list")

	// A sample enterprise has classifications, figures and a history.
	browserClick(t, ctx, "table.enterprises tbody th a", http.StatusOK)
	if got := browserEval[int](t, ctx, `document.querySelectorAll("main table tbody tr").length`); got < 2 {
		t.Errorf("a sample enterprise's page shows %d rows of classifications and figures", got)
	}
	checkNoHorizontalScroll(t, ctx, browsertest.Width)
	browsertest.Screenshot(t, ctx, "enterprise-detail-sample")

	loc := createInBrowser(t, ctx, srv.URL)
	if got := browserText(t, ctx, "h1"); got != "Công ty TNHH Cơ khí Chính xác Hải Dương" {
		t.Errorf("h1 = %q", got)
	}
	if got := browserText(t, ctx, ".flash"); !strings.Contains(got, "Đã thêm doanh nghiệp") {
		t.Errorf("flash = %q", got)
	}
	checkNoHorizontalScroll(t, ctx, browsertest.Width)
	browsertest.Screenshot(t, ctx, "enterprise-detail")

	e := conflictInBrowser(t, ctx, st, loc)
	checkNoHorizontalScroll(t, ctx, browsertest.Width)
	browsertest.Screenshot(t, ctx, "enterprise-conflict")

	phoneViews(t, ctx, srv.URL, e.ID)
}

// createInBrowser fills the new-enterprise form with a wrong check digit,
// sees the message and everything typed kept, fixes the tax code and
// saves; it returns the address of the enterprise's page.
func createInBrowser(t *testing.T, ctx context.Context, base string) string {
	t.Helper()
	browserOpen(t, ctx, base+"/enterprises/new", http.StatusOK)
	checkAreaChoices(t, ctx)
	browserType(t, ctx, "tax_code", "0100233480") // the check digit is wrong: 8, not 0
	browserType(t, ctx, "name", "Công ty TNHH Cơ khí Chính xác Hải Dương")
	browserType(t, ctx, "operating_since", "15/03/2015")
	browserType(t, ctx, "employees", "1.250")
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("area"), "10903"), // Xã Cẩm Giàng
		chromedp.SetValue(chromedp.ID("ownership"), "fdi")); err != nil {
		t.Fatal(err)
	}
	browserType(t, ctx, "vsic", "2599")
	browserClick(t, ctx, `form.entity-form button.primary`, http.StatusUnprocessableEntity)
	if got := browserText(t, ctx, "#tax_code-error"); !strings.Contains(got, "Sai chữ số kiểm tra: chữ số thứ 10 phải là 8, không phải 0") {
		t.Errorf("message at the tax code = %q", got)
	}
	if got := browserEval[string](t, ctx, `document.getElementById("name").value`); got != "Công ty TNHH Cơ khí Chính xác Hải Dương" {
		t.Errorf("the typed name came back as %q", got)
	}
	if got := browserEval[string](t, ctx, `document.getElementById("area").value`); got != "10903" {
		t.Errorf("the chosen area came back as %q", got)
	}
	if !browserEval[bool](t, ctx, browserVisibleJS(".error-summary")) {
		t.Error("no visible summary of the problems")
	}
	checkNoHorizontalScroll(t, ctx, browsertest.Width)
	browsertest.Screenshot(t, ctx, "enterprise-form-errors")

	browserType(t, ctx, "tax_code", "0100233488")
	browserClick(t, ctx, `form.entity-form button.primary`, http.StatusOK)
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.HasPrefix(loc, base+"/enterprises/") {
		t.Fatalf("after saving the browser is at %q (%v), want the enterprise's page", loc, err)
	}
	return loc
}

// checkAreaChoices checks what the new-enterprise form offers as areas:
// in December 2026 it defaults to Hải Phòng and its communes; choosing
// Hải Dương offers its districts only; a date when the enterprise ceased
// before 01/07/2025 leaves no commune. Choosing a unit sets its province.
func checkAreaChoices(t *testing.T, ctx context.Context) {
	t.Helper()
	offered := func() []string {
		return browserEval[[]string](t, ctx, `Array.from(document.querySelectorAll("#area option")).map(o => o.value).filter(v => v)`)
	}
	province := func() string { return browserEval[string](t, ctx, `document.getElementById("province").value`) }
	change := func(id, value string) {
		browserEval[bool](t, ctx, `(() => { const el = document.getElementById("`+id+`"); el.value = "`+value+`";
			el.dispatchEvent(new Event("change")); return true })()`)
	}
	if got := province(); got != "HP" {
		t.Errorf("a new enterprise's province = %q, want HP", got)
	}
	if got := offered(); len(got) != 114 || slices.Contains(got, "295") || !slices.Contains(got, "10903") {
		t.Errorf("Hải Phòng's form offers %d areas (%v…), want its 114 units and no old district", len(got), got[:min(3, len(got))])
	}
	change("province", "HD")
	if got := offered(); len(got) != 12 || !slices.Contains(got, "295") {
		t.Errorf("Hải Dương's form offers %v, want its 12 districts", got)
	}
	change("province", "HP")
	change("ceased_on", "31/12/2024")
	if got := offered(); len(got) != 0 {
		t.Errorf("Hải Phòng for an enterprise that ceased in 2024 offers %v, want no unit", got)
	}
	change("ceased_on", "")
	change("area", "10903")
	change("province", "HP")
	if got := province(); got != "HP" {
		t.Errorf("after choosing Xã Cẩm Giàng the province is %q, want HP", got)
	}
	change("area", "")
}

// conflictInBrowser opens the edit form at url twice while someone else
// saves the enterprise meanwhile. The first time the two edits touch
// different fields: both survive and the save goes through. The second
// time both change the name: the 409 page sets the three values side by
// side and marks that one field.
func conflictInBrowser(t *testing.T, ctx context.Context, st *store.Store, url string) model.Enterprise {
	t.Helper()
	other := func(name string) {
		t.Helper()
		e, err := st.EnterpriseByTaxCode(t.Context(), "0100233488")
		if err != nil {
			t.Fatal(err)
		}
		e.Name = name
		if err := st.UpdateEnterprise(t.Context(), &e, 0); err != nil {
			t.Fatal(err)
		}
	}
	browserOpen(t, ctx, url+"/edit", http.StatusOK)
	other("Công ty Cổ phần Cơ khí Chính xác Hải Dương")
	browserType(t, ctx, "employees", "1.400")
	browserClick(t, ctx, `form.entity-form button.primary`, http.StatusOK)
	e, err := st.EnterpriseByTaxCode(t.Context(), "0100233488")
	if err != nil {
		t.Fatal(err)
	}
	if e.Name != "Công ty Cổ phần Cơ khí Chính xác Hải Dương" || e.Employees == nil || *e.Employees != 1400 {
		t.Errorf("after edits of different fields the record holds %q and %v employees, want both edits", e.Name, e.Employees)
	}
	if got := browserText(t, ctx, ".flash"); !strings.Contains(got, "được giữ nguyên") {
		t.Errorf("the notice after a merged save = %q, want it to say the other change was kept", got)
	}

	browserOpen(t, ctx, url+"/edit", http.StatusOK)
	other("Công ty TNHH MTV Cơ khí Chính xác Hải Dương")
	browserType(t, ctx, "name", "Công ty Cơ khí Chính xác Cẩm Giàng")
	browserClick(t, ctx, `form.entity-form button.primary`, http.StatusConflict)
	if got := browserEval[int](t, ctx, `document.querySelectorAll("table.three-way tr.differs").length`); got != 1 {
		t.Errorf("rows marked as changed by both = %d, want 1 (the name)", got)
	}
	cells := browserEval[[]string](t, ctx, `Array.from(document.querySelectorAll("table.three-way tr.differs td")).map(c => c.textContent.trim())`)
	want := []string{"Công ty Cổ phần Cơ khí Chính xác Hải Dương", "Công ty TNHH MTV Cơ khí Chính xác Hải Dương", "Công ty Cơ khí Chính xác Cẩm Giàng"}
	if len(cells) < 3 || !slices.Equal(cells[:3], want) {
		t.Errorf("the name's row = %q, want the value when opened, the stored one and the typed one %q", cells, want)
	}
	if got := browserText(t, ctx, "#name-error"); !strings.Contains(got, "Cả hai người cùng sửa") {
		t.Errorf("message at the name = %q", got)
	}
	if got := browserEval[string](t, ctx, `document.querySelector("input[name=version]").value`); got != "4" {
		t.Errorf("the form carries version %q, want the current 4", got)
	}
	e, err = st.EnterpriseByTaxCode(t.Context(), "0100233488")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// phoneViews checks the list, a rejected form and an enterprise's page fit
// a 390 px wide phone.
func phoneViews(t *testing.T, ctx context.Context, base string, id int64) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatalf("emulate a 390 px wide phone: %v", err)
	}
	browserOpen(t, ctx, base+"/enterprises?q=co+khi", http.StatusOK)
	checkNoHorizontalScroll(t, ctx, 390)
	browsertest.Screenshot(t, ctx, "enterprises-list-mobile")

	browserOpen(t, ctx, base+"/enterprises/new", http.StatusOK)
	browserType(t, ctx, "tax_code", "12345")
	browserType(t, ctx, "operating_since", "31/02/2020")
	browserClick(t, ctx, `form.entity-form button.primary`, http.StatusUnprocessableEntity)
	checkNoHorizontalScroll(t, ctx, 390)
	browsertest.Screenshot(t, ctx, "enterprise-form-errors-mobile")

	browserOpen(t, ctx, base+"/enterprises/"+strconv.FormatInt(id, 10), http.StatusOK)
	checkNoHorizontalScroll(t, ctx, 390)
	browsertest.Screenshot(t, ctx, "enterprise-detail-mobile")

	browserOpen(t, ctx, base+"/enterprises?q=co+khi", http.StatusOK)
	browserClick(t, ctx, "table.enterprises tbody th a", http.StatusOK)
	checkNoHorizontalScroll(t, ctx, 390)
	browsertest.Screenshot(t, ctx, "enterprise-detail-sample-mobile")
}
