// Package pdf prints HTML documents to PDF through headless Chromium: the
// engine that lays out the page staff print from their browsers, so that a
// downloaded PDF is that very printout, its @page rules, page numbers and
// repeated table headings included. A Go PDF library would need the
// document laid out a second time, by hand.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// ErrNoBrowser is returned when no Chromium is installed where the server
// runs.
var ErrNoBrowser = errors.New("pdf: Chromium not found (install Debian's chromium package, or set CHROMIUM to its path)")

// printTimeout bounds one print, the browser's start included.
const printTimeout = 60 * time.Second

// Printer prints documents one at a time, each in a browser of its own
// that is gone when the print is: no browser lingers between downloads.
type Printer struct {
	path string
	turn chan struct{}
}

// New finds Chromium: the CHROMIUM environment variable, else chromium,
// chromium-browser or google-chrome on PATH. Without one, Print returns
// ErrNoBrowser.
func New() *Printer {
	p := &Printer{turn: make(chan struct{}, 1)}
	if path := os.Getenv("CHROMIUM"); path != "" {
		p.path = path
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			p.path = path
			break
		}
	}
	return p
}

// Available reports whether p has a browser to print with.
func (p *Printer) Available() bool { return p.path != "" }

// Print lays out html, a whole document whose styles are inline (it is
// shown at about:blank, so it loads nothing), for print and returns it as
// a PDF, on the page size and margins its @page rule gives.
func (p *Printer) Print(ctx context.Context, html string) ([]byte, error) {
	if p.path == "" {
		return nil, ErrNoBrowser
	}
	select {
	case p.turn <- struct{}{}:
		defer func() { <-p.turn }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(p.path), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.WithoutCancel(ctx), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx); err != nil {
		return nil, fmt.Errorf("pdf: start Chromium %s: %w", p.path, err)
	}
	stop := context.AfterFunc(ctx, cancelBrowser) // a client gone stops the print
	defer stop()
	tctx, cancel := context.WithTimeout(bctx, printTimeout)
	defer cancel()
	tree, err := chromedp.Call(tctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	if _, err := chromedp.Call(tctx, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: html}); err != nil {
		return nil, fmt.Errorf("pdf: load the document: %w", err)
	}
	yes := true
	res, err := chromedp.Call(tctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes, GenerateTaggedPDF: &yes,
		GenerateDocumentOutline: &yes})
	if err != nil {
		return nil, fmt.Errorf("pdf: print: %w", err)
	}
	return res.Data, nil
}

// rePage finds a page object, as Chromium writes each one in plain text.
var rePage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// Pages is how many pages a PDF that Print made has.
func Pages(file []byte) int { return len(rePage.FindAll(file, -1)) }
