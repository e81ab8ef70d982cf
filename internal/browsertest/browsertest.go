// Package browsertest drives a real headless Chromium in tests, through
// chromedp's generic action API.
package browsertest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Width and Height are the size of the browser window New opens.
const (
	Width  = 1280
	Height = 900
)

// stepTimeout bounds every action run on the context New returns, so a query
// for an element that never appears fails the test instead of hanging it.
const stepTimeout = 60 * time.Second

// debianChromium is where Debian's chromium package puts the browser.
const debianChromium = "/usr/bin/chromium"

const notFound = "Chromium not found: install Debian's chromium package (apt-get install chromium); `make test` and CI require it"

// New starts a headless Chromium for t and returns the context to run
// chromedp actions on; the browser is closed when t ends. A missing browser
// fails the test: only SKIP_BROWSER=1, a developer's explicit opt-out, skips
// it.
func New(t testing.TB) context.Context {
	t.Helper()
	return NewWithin(t, stepTimeout)
}

// NewWithin is New for a test whose steps together may take up to budget,
// as one that checks many pages does.
func NewWithin(t testing.TB, budget time.Duration) context.Context {
	t.Helper()
	if os.Getenv("SKIP_BROWSER") == "1" {
		t.Skip("browser test skipped because SKIP_BROWSER=1; `make test` and CI run it")
	}
	path, err := chromiumPath()
	if err != nil {
		t.Fatalf("%s (%v)", notFound, err)
	}
	out := &lockedBuffer{}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), options(path, out)...)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	// The browser lives as long as the context of its first action, so it
	// starts on one without a deadline; the steps get theirs below.
	if err := chromedp.Do(browserCtx); err != nil {
		cancelBrowser()
		cancelAlloc()
		t.Fatalf("start Chromium %s: %v\nbrowser output:\n%s", path, err, out)
	}
	ctx, cancelSteps := context.WithTimeout(browserCtx, budget)
	t.Cleanup(func() {
		cancelSteps()
		cancelBrowser()
		cancelAlloc() // waits until the process has exited
	})
	return ctx
}

// options are the allocator options New starts Chromium with. chromedp gives
// each browser a fresh temporary --user-data-dir and removes it, with any
// child process that outlived the browser, once the browser exits.
func options(path string, out *lockedBuffer) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		// Needed as non-root in a container without user namespaces.
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.WindowSize(Width, Height),
		chromedp.NoFirstRun,
		// Tests must not reach the network or depend on a profile.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.CombinedOutput(out),
	)
}

// chromiumPath finds Debian's chromium on PATH, else at its usual place.
func chromiumPath() (string, error) {
	path, err := exec.LookPath("chromium")
	if err == nil {
		return path, nil
	}
	if _, statErr := os.Stat(debianChromium); statErr != nil {
		return "", errors.Join(err, statErr)
	}
	return debianChromium, nil
}

// Screenshot takes a PNG of the whole page and returns it. When SCREENSHOT_DIR
// is set it also writes it there as name.png, so people can look at pages.
func Screenshot(t testing.TB, ctx context.Context, name string) []byte {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100 means PNG
	if err != nil {
		t.Fatalf("screenshot %q: %v", name, err)
	}
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir == "" {
		return png
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("screenshot %q: %v", name, err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("screenshot %q: %v", name, err)
	}
	t.Logf("screenshot %s", path)
	return png
}

// lockedBuffer collects the browser's output, which chromedp writes from its
// own goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
