package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"

	"industrytargets/internal/importer/xlsxtest"
	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
)

// fuzzServer serves the demo register to an editor's client.
func fuzzServer(f *testing.F) (*httptest.Server, *store.Store, *http.Client) {
	f.Helper()
	ctx := context.Background()
	st := storetest.New(f)
	if _, err := seed.Ensure(ctx, st); err != nil {
		f.Fatal(err)
	}
	if _, err := seed.EnsureDemo(ctx, st); err != nil {
		f.Fatal(err)
	}
	hash, err := roleHash()
	if err != nil {
		f.Fatal(err)
	}
	if err := st.CreateUser(ctx, &model.User{Email: roleEmail(model.RoleEditor), Role: model.RoleEditor, PasswordHash: hash}, 0); err != nil {
		f.Fatal(err)
	}
	srv := httptest.NewServer(New(slog.New(slog.DiscardHandler), st, Options{AddrPerMinute: 1 << 20, AddrBurst: 1 << 20}))
	f.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.PostForm(srv.URL+"/login", url.Values{"email": {roleEmail(model.RoleEditor)}, "password": {rolePassword}})
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		f.Fatalf("sign in: %v %v", resp, err)
	}
	resp.Body.Close()
	return srv, st, c
}

// pagesWithQueries are the pages whose query parameters are outside input.
var pagesWithQueries = []string{"/", "/enterprises", "/figures", "/figures.csv", "/enterprises.csv",
	"/api/v1/plans/HD-3164/progress", "/reports/HD-3164/2024", "/charts/HD-3164/2024/count.csv"}

// FuzzQueryParameters sends any query string to every page that reads
// one: the answer is never a server error, and a page is a whole page.
func FuzzQueryParameters(f *testing.F) {
	for _, q := range []string{"plan=HD-3164&year=2024&basis=const2010", "year=-1", "year=99999999999999999999",
		"basis=%00", "q=c%C3%B4ng+ty&sort=name&desc=1&page=2", "page=-5&area=abc", "q=%25_%5C", "drill=count&year=2024",
		"quality=unclassified&plan=HD-3164", "plan=NOPE", "lang=en", "year=2024&year=2025", "q=" + strings.Repeat("a ", 300),
		"category=supporting&zone=9999999999&status=ceased", "province=HD&basis=current&year=2023"} {
		f.Add(uint8(len(q)), q) // each query to some page; the fuzzer tries the rest
	}
	for i := range pagesWithQueries {
		f.Add(uint8(i), "")
	}
	srv, _, c := fuzzServer(f)
	f.Fuzz(func(t *testing.T, page uint8, query string) {
		path := pagesWithQueries[int(page)%len(pagesWithQueries)]
		req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		if err != nil {
			t.Skip()
		}
		req.URL.RawQuery = query
		resp, err := c.Do(req)
		if err != nil {
			return // a request the client itself refuses to send
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatalf("%s?%s: reading the answer: %v", path, query, err)
		}
		if resp.StatusCode >= 500 {
			t.Fatalf("%s?%s: status %d\n%.500s", path, query, resp.StatusCode, body)
		}
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") && !strings.Contains(string(body), "</html>") {
			t.Fatalf("%s?%s: status %d, a page cut short", path, query, resp.StatusCode)
		}
	})
}

// FuzzEnterpriseForm posts any values in the new-enterprise form: the
// answer is never a server error, and a form refused adds nothing.
func FuzzEnterpriseForm(f *testing.F) {
	f.Add("0100233488", "Công ty TNHH Cơ khí", "HD", "fdi", "15/03/2015", "", "1.250", "2599", "cam_giang")
	f.Add("0100233489", "", "XX", "nope", "31/02/2015", "01/01/2010", "-3", "99999", "")
	f.Add("", "=cmd|' /C calc'!A0", "HD", "state", "2015", "2014", "1.234", "25", "kcn")
	f.Add("0100233488-001", strings.Repeat("Đ", 600), "hd", "private", "2015-03-15", "", "1e9", "2599", "\x00")
	srv, st, c := fuzzServer(f)
	f.Fuzz(func(t *testing.T, tax, name, province, ownership, since, ceased, employees, vsic, area string) {
		before, err := st.CountEnterprises(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		resp, err := c.PostForm(srv.URL+"/enterprises", url.Values{"tax_code": {tax}, "name": {name}, "province": {province},
			"ownership": {ownership}, "operating_since": {since}, "ceased_on": {ceased}, "employees": {employees},
			"vsic": {vsic}, "area": {area}})
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode >= 500 {
			t.Fatalf("status %d for %q %q %q %q %q %q %q %q %q", resp.StatusCode, tax, name, province, ownership, since, ceased, employees, vsic, area)
		}
		after, err := st.CountEnterprises(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case resp.StatusCode == http.StatusSeeOther && after != before+1:
			t.Fatalf("answered as saved, but %d enterprises became %d", before, after)
		case resp.StatusCode != http.StatusSeeOther && after != before:
			t.Fatalf("refused with %d, but %d enterprises became %d", resp.StatusCode, before, after)
		}
	})
}

// FuzzUpload sends any file to the import through HTTP, as a CSV or as a
// workbook: the answer is never a server error, and the memory it takes
// is bounded by the file's size, whatever its shape (the seeds are shapes
// that once took hundreds of megabytes: a row of two million cells, a
// sheet listed twice, a table of two million empty strings).
func FuzzUpload(f *testing.F) {
	good := xlsxtest.Workbook("figures", []any{"tax_code", "year", "production_value"}, []any{"0100233488", 2024, 1})
	f.Add([]byte("tax_code,name,operating_since\n0100233488,Công ty,2015\n"), false)
	f.Add([]byte("tax_code,name,operating_since\n0100233488,"+strings.Repeat(",", 2_000_000)+"\n"), false)
	f.Add([]byte("DANH SÁCH\ntax_code;year;production_value\n0100233488;2024;\"1.234\"\n"), false)
	f.Add(good, true)
	f.Add(xlsxtest.SheetListedTwice(good), true)
	f.Add(xlsxtest.ManyStrings(good, 2_100_000), true)
	srv, _, c := fuzzServer(f)
	f.Fuzz(func(t *testing.T, data []byte, workbook bool) {
		name := "tep.csv"
		if workbook {
			name = "tep.xlsx"
		}
		var status int
		var page string
		peak := peakHeap(func() { status, page = upload(t, c, srv.URL, name, data) })
		if status >= 500 {
			t.Fatalf("%d bytes as %s: status %d: %.300s", len(data), name, status, errorSummary(page))
		}
		// The heap one upload may take: an allowance for the pages and
		// the reference lists (twice that for a workbook, which unpacks
		// to at most 64 MiB), and some tens of times the file, as its
		// cells become strings. Garbage counts until it is collected.
		budget := uint64(64<<20) + 32*uint64(len(data))
		if workbook {
			budget += 64 << 20
		}
		if peak > budget {
			t.Errorf("%d bytes as %s took %d MiB of heap, more than %d MiB", len(data), name, peak>>20, budget>>20)
		}
	})
}

// peakHeap runs work and returns how far the heap in use rose above where
// it was before, sampled every millisecond.
func peakHeap(work func()) uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	base, peak := m.HeapInuse, m.HeapInuse
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	work()
	close(done)
	<-sampled
	return peak - base
}
