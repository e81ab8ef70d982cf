package server

import (
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"industrytargets/internal/pdf"
)

// TestReportPDF downloads the report as a PDF, laid out by headless
// Chromium from the page itself: at most five A4 pages without its annex,
// more with it, the same file asked again.
func TestReportPDF(t *testing.T) {
	t.Parallel()
	if os.Getenv("SKIP_BROWSER") == "1" {
		t.Skip("PDF test skipped because SKIP_BROWSER=1; `make test` and CI run it")
	}
	srv, _ := chartsDemoServer(t)
	get := func(query string) []byte {
		t.Helper()
		resp, err := http.Get(srv.URL + "/reports/HD-3164/2025.pdf?as_of=2026-12-04" + query)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("PDF%s: status %d: %.300s", query, resp.StatusCode, b)
		}
		if ct, cd := resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"); ct != "application/pdf" ||
			cd != `attachment; filename="bao-cao-HD-3164-2025.pdf"` {
			t.Errorf("PDF%s: Content-Type %q, Content-Disposition %q", query, ct, cd)
		}
		if !strings.HasPrefix(string(b), "%PDF-") {
			t.Fatalf("PDF%s does not start as a PDF: %.20q", query, b)
		}
		return b
	}
	body := get("&no=125")
	if n := pdf.Pages(body); n < 2 || n > 5 {
		t.Errorf("the report without its annex prints on %d A4 pages, want 2 to 5", n)
	}
	if again := get("&no=125"); string(again) != string(body) {
		t.Error("asked again with no write, the PDF is another file")
	}
	annexed := get("&annex=1")
	if n, body := pdf.Pages(annexed), pdf.Pages(body); n <= body {
		t.Errorf("with its annex the report prints on %d pages, without it %d", n, body)
	}
	css := mustGet(t, srv.URL+"/static/report.css", http.StatusOK)
	for _, want := range []string{"size: A4", "@top-center", "content: counter(page)", "@page :first", "thead { display: table-header-group; }"} {
		if !strings.Contains(css, want) {
			t.Errorf("report.css lacks %q: page size, page numbers from the second page, table headings repeated", want)
		}
	}
}
