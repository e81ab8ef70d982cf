package server

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"industrytargets/internal/model"
	"industrytargets/internal/seed"
)

var unclassifiedCount = regexp.MustCompile(`unclassified[^"]*"><span class="count">([0-9.]+)</span>`)

// unclassified is the overview's count of the province's enterprises
// without any classification, as the page shows it.
func unclassified(t *testing.T, c *http.Client, base string) int {
	t.Helper()
	resp, body := send(t, c, http.MethodGet, base+"/?plan=HD-3164", nil, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("overview: status %d", resp.StatusCode)
	}
	m := unclassifiedCount.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("overview: no count of unclassified enterprises in\n%.2000s", body)
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestOverviewNeverStale keeps the overview for the register's version and
// requires every kind of write, each seen by the very next overview: a form
// saved in the browser, a write through the store, and SQL run behind the
// application's back; and on a second instance over the same database, an
// edit made on the first.
func TestOverviewNeverStale(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	if _, err := seed.Ensure(context.Background(), r.st); err != nil {
		t.Fatal(err)
	}
	other := serve(t, r.st, Options{})
	c := client(t, r.srv.URL, model.RoleEditor)
	c2 := client(t, other.URL, model.RoleViewer)
	base := unclassified(t, c, r.srv.URL)
	if n := unclassified(t, c2, other.URL); n != base {
		t.Fatalf("the instances disagree: %d and %d", base, n)
	}
	for range 3 { // kept: asked again, the same
		if n := unclassified(t, c, r.srv.URL); n != base {
			t.Fatalf("asked again with no write: %d, want %d", n, base)
		}
	}

	// A form saved on the first instance.
	entCreate(t, c, r.srv.URL, goodForm())
	if n := unclassified(t, c, r.srv.URL); n != base+1 {
		t.Errorf("after an enterprise was added: %d unclassified, want %d", n, base+1)
	}
	if n := unclassified(t, c2, other.URL); n != base+1 {
		t.Errorf("the other instance after the add: %d unclassified, want %d", n, base+1)
	}

	// Through the store, as the import and the command line write.
	e := model.Enterprise{TaxCode: "0101248141", Name: "Công ty Thử Hai", ProvinceCode: "HD",
		OperatingSince: model.Date(2016, 1, 1)}
	if err := r.st.CreateEnterprise(context.Background(), &e, 0); err != nil {
		t.Fatal(err)
	}
	if n := unclassified(t, c2, other.URL); n != base+2 {
		t.Errorf("after a write through the store: %d unclassified, want %d", n, base+2)
	}

	// Behind the application's back: the database's trigger raises the
	// version too.
	r.exec(t, `DELETE FROM enterprises WHERE tax_code = '0101248141'`)
	if n := unclassified(t, c, r.srv.URL); n != base+1 {
		t.Errorf("after SQL outside the application: %d unclassified, want %d", n, base+1)
	}
}

// TestSnapshotsComputeOnce asks for one thing from many requests at once and
// requires one computation; a newer version computes again, and an older
// reader is served the newer result rather than a second computation.
func TestSnapshotsComputeOnce(t *testing.T) {
	var c snapshots
	var mu sync.Mutex
	builds := 0
	gate := make(chan struct{})
	build := func(context.Context) (any, error) {
		<-gate
		mu.Lock()
		builds++
		mu.Unlock()
		return builds, nil
	}
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			if _, err := c.get(context.Background(), 7, "k", build); err != nil {
				t.Error(err)
			}
		})
	}
	close(gate)
	wg.Wait()
	if builds != 1 {
		t.Fatalf("%d computations for 50 requests at once, want 1", builds)
	}
	v, _ := c.get(context.Background(), 8, "k", build)
	if builds != 2 || v != 2 {
		t.Fatalf("a new version: %d computations, value %v; want 2 and the new value", builds, v)
	}
	v, _ = c.get(context.Background(), 7, "k", build)
	if builds != 2 || v != 2 {
		t.Errorf("an older reader: %d computations, value %v; want the newer value kept", builds, v)
	}
}

// TestPublicOverviewLinksOnlyWhatVisitorsMayOpen serves the public
// dashboard: a visitor gets the numbers and the charts' downloads but no
// links to the register's lists, which would only ask them to sign in; a
// signed-in viewer of the same overview gets the links.
func TestPublicOverviewLinksOnlyWhatVisitorsMayOpen(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{PublicDashboard: true})
	if _, err := seed.Ensure(context.Background(), r.st); err != nil {
		t.Fatal(err)
	}
	if _, err := seed.EnsureDemo(context.Background(), r.st); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		role  model.Role
		lists bool
	}{{"", false}, {model.RoleViewer, true}, {"", false}} {
		_, body := send(t, client(t, r.srv.URL, tt.role), http.MethodGet, r.srv.URL+"/?plan=HD-3164", nil, nil)
		if got := strings.Contains(body, `href="/enterprises?`); got != tt.lists {
			t.Errorf("role %q: links to the lists %v, want %v", tt.role, got, tt.lists)
		}
		if !strings.Contains(body, `href="/charts/HD-3164/`) {
			t.Errorf("role %q: no download of the charts' data", tt.role)
		}
	}
}

// TestSnapshotsBoundedInBytes keeps drawn pages only up to the byte bound:
// past it each request computes its own.
func TestSnapshotsBoundedInBytes(t *testing.T) {
	var c snapshots
	builds := 0
	big := func(context.Context) (any, error) {
		builds++
		return strings.Repeat("x", maxSnapshotBytes/2+1), nil
	}
	for _, key := range []string{"a", "a", "b", "b"} {
		if _, err := c.get(context.Background(), 1, key, big); err != nil {
			t.Fatal(err)
		}
	}
	if builds != 3 {
		t.Errorf("%d computations, want 3: a once, then b twice as it no longer fits", builds)
	}
}

// TestEnglishNamesComeFromTheReferenceLists renames a category's English
// name in its list, as an administrator may: the English overview shows the
// new name at once (the list is part of the register's version).
func TestEnglishNamesComeFromTheReferenceLists(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	if _, err := seed.Ensure(context.Background(), r.st); err != nil {
		t.Fatal(err)
	}
	if _, err := seed.EnsureDemo(context.Background(), r.st); err != nil {
		t.Fatal(err)
	}
	c := client(t, r.srv.URL, model.RoleViewer)
	send(t, c, http.MethodPost, r.srv.URL+"/lang", url.Values{"lang": {"en"}}, nil)
	if _, body := send(t, c, http.MethodGet, r.srv.URL+"/?plan=HD-3164", nil, nil); !strings.Contains(body, "Supporting industry:") {
		t.Fatal("the English overview does not name the supporting industry")
	}
	r.exec(t, `UPDATE categories SET name_en = 'Ancillary industry' WHERE code = 'supporting'`)
	_, body := send(t, c, http.MethodGet, r.srv.URL+"/?plan=HD-3164", nil, nil)
	// "Supporting industry: 4 enterprises" is how the breakdown chart's
	// description names the category.
	if !strings.Contains(body, "Ancillary industry") || strings.Contains(body, "Supporting industry:") {
		t.Error("the English overview does not show the category's new English name")
	}
}

// TestReportNeverStale: the printed report and its workbook are kept for
// the register's version, so asked again they are the same bytes, and the
// very next request after a write shows it: one more enterprise in the
// report's list.
func TestReportNeverStale(t *testing.T) {
	t.Parallel()
	srv, st := chartsDemoServer(t)
	ctx := context.Background()
	c := client(t, srv.URL, model.RoleViewer)
	const page = "/reports/HD-3164/2025?as_of=2026-12-04&annex=1"
	listed := func() (int, string) {
		t.Helper()
		_, body, _ := entDo(t, c, srv.URL+page, nil)
		i := strings.Index(body, `<table class="enterprises">`)
		if i < 0 {
			t.Fatal("the report lists no enterprises")
		}
		_, book, _ := entDo(t, c, srv.URL+"/reports/HD-3164/2025.xlsx?as_of=2026-12-04", nil)
		return strings.Count(body[i:], "<tr>") - 1, book
	}
	n, book := listed()
	if again, book2 := listed(); again != n || book2 != book {
		t.Fatalf("asked again with no write: %d listed (was %d), workbook same: %v", again, n, book2 == book)
	}
	e := model.Enterprise{TaxCode: "0101248141", Name: "Công ty Thử Báo Cáo", ProvinceCode: "HD",
		OperatingSince: model.Date(2016, 1, 1)}
	if err := st.CreateEnterprise(ctx, &e, 0); err != nil {
		t.Fatal(err)
	}
	cl := model.Classification{EnterpriseID: e.ID, Category: model.CategorySupporting, ValidFrom: model.Date(2020, 1, 1)}
	if err := st.AddClassification(ctx, &cl, 0); err != nil {
		t.Fatal(err)
	}
	if after, book2 := listed(); after != n+1 || book2 == book {
		t.Errorf("after a write: %d listed, want %d; workbook changed: %v", after, n+1, book2 != book)
	}
}
