package browsertest

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The axe-core release the accessibility checks run, from the npm registry,
// with the integrity the registry publishes for it (its SHA-512).
const (
	axeVersion   = "4.14.1"
	axeTarball   = "https://registry.npmjs.org/axe-core/-/axe-core-" + axeVersion + ".tgz"
	axeIntegrity = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
)

var (
	axeOnce   sync.Once
	axeScript string
	axeErr    error
)

// Violation is one rule axe-core finds broken on a page, with the elements
// that break it.
type Violation struct {
	ID, Impact, Help string
	Nodes            []string // the elements' selectors
}

func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
}

// Axe runs axe-core's WCAG 2.1 A and AA rules on the page ctx shows and
// returns the serious and critical violations. axe-core is fetched once
// from the npm registry into the user's cache directory and checked
// against its published SHA-512; a missing or altered copy fails the test.
func Axe(t testing.TB, ctx context.Context) []Violation {
	t.Helper()
	axeOnce.Do(func() { axeScript, axeErr = loadAxe() })
	if axeErr != nil {
		t.Fatalf("axe-core %s: %v", axeVersion, axeErr)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axeScript+";true")); err != nil {
		t.Fatalf("load axe-core: %v", err)
	}
	const run = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
		.then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
		.map(v => ({ID: v.id, Impact: v.impact, Help: v.help, Nodes: v.nodes.map(n => n.target.join(" "))})))`
	found, err := chromedp.Run(ctx, chromedp.Evaluate[[]Violation](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe-core: %v", err)
	}
	return found
}

// loadAxe returns axe.min.js from the cache, fetching it first when absent.
func loadAxe() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	path := filepath.Join(dir, "industrytargets", "axe-core-"+axeVersion+".tgz")
	tgz, err := os.ReadFile(path)
	if err != nil || checkIntegrity(tgz) != nil {
		if tgz, err = fetch(axeTarball); err != nil {
			return "", fmt.Errorf("fetch %s: %w (the tests need the npm registry once, then keep it in %s)", axeTarball, err, path)
		}
		if err := checkIntegrity(tgz); err != nil {
			return "", err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err == nil {
			_ = os.WriteFile(path, tgz, 0o644)
		}
	}
	return fileInTarball(tgz, "package/axe.min.js")
}

func fetch(url string) ([]byte, error) {
	c := http.Client{Timeout: 2 * time.Minute}
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s", resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 32<<20))
}

func checkIntegrity(b []byte) error {
	sum := sha512.Sum512(b)
	if "sha512-"+base64.StdEncoding.EncodeToString(sum[:]) != axeIntegrity {
		return errors.New("the tarball's SHA-512 is not the one the npm registry publishes")
	}
	return nil
}

func fileInTarball(tgz []byte, name string) (string, error) {
	zr, err := gzip.NewReader(strings.NewReader(string(tgz)))
	if err != nil {
		return "", err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err != nil {
			return "", fmt.Errorf("%s not in the tarball: %w", name, err)
		}
		if h.Name == name {
			b, err := io.ReadAll(tr)
			return string(b), err
		}
	}
}
