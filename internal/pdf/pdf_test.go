package pdf

import (
	"errors"
	"strings"
	"testing"
)

func TestPrintWithoutBrowser(t *testing.T) {
	var p Printer
	if p.Available() {
		t.Fatal("a printer without a path says it can print")
	}
	if _, err := p.Print(t.Context(), "<p>x</p>"); !errors.Is(err, ErrNoBrowser) {
		t.Fatalf("Print without a browser: %v, want ErrNoBrowser", err)
	}
}

func TestPrint(t *testing.T) {
	p := New()
	if !p.Available() {
		t.Fatal("Chromium not found: install Debian's chromium package; `make test` and CI require it")
	}
	b, err := p.Print(t.Context(), `<!DOCTYPE html><html lang="vi"><head><style>@page { size: A4; margin: 20mm }</style></head>
		<body><h1>Báo cáo</h1><p style="break-after: page">Trang một</p><p>Trang hai</p></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("not a PDF: %.20q", b)
	}
	if n := Pages(b); n != 2 {
		t.Errorf("a document of two pages prints on %d", n)
	}
}
