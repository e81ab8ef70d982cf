//go:build interop

package main

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"industrytargets/internal/auth"
	"industrytargets/internal/model"
	"industrytargets/internal/server"
	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
)

// TestLibreOfficeRoundTrip opens the register's exports as staff do, in
// LibreOffice Calc with a Vietnamese and with an English (US) locale,
// saves them again and imports them back: nothing may change. LibreOffice
// rewrites what it recognises, as staff see in Excel: it drops the leading
// zero of a tax code or industry code, writes dates as dd/mm/yy (mm/dd/yy
// in English), drops the byte-order mark. It runs with `make interop`
// (build tag interop), on a machine with Debian's libreoffice-calc-nogui.
func TestLibreOfficeRoundTrip(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice not found: install LibreOffice Calc (apt-get install libreoffice-calc-nogui)")
	}
	url := storetest.URL(t)
	env := map[string]string{"DATABASE_URL": url}
	mustRun(t, env, "seed", "--demo")
	setDecimals(t, openStore(t, url))
	dir := t.TempDir()
	mustRun(t, env, "export", "--format", "csv", "--out", filepath.Join(dir, "csv"))
	mustRun(t, env, "export", "--out", filepath.Join(dir, "so-dang-ky.xlsx"))
	csvs, _ := filepath.Glob(filepath.Join(dir, "csv", "*.csv"))
	if len(csvs) != 4 {
		t.Fatalf("export wrote %v", csvs)
	}
	unchanged := regexp.MustCompile(`: thêm 0, sửa 0, giữ nguyên [1-9]\d*\n`)
	for _, locale := range []struct{ env, lang string }{{"vi_VN.UTF-8", "1066"}, {"en_US.UTF-8", "1033"}} {
		out := filepath.Join(dir, locale.env)
		for _, f := range csvs {
			// Numbers and dates recognised ("detect special numbers"), as
			// Calc opens a CSV file by default.
			convert(t, soffice, locale.env, out, f, "CSV:44,34,76,1,,"+locale.lang+",false,true",
				"csv:Text - txt - csv (StarCalc):44,34,76,1,,"+locale.lang)
		}
		convert(t, soffice, locale.env, out, filepath.Join(dir, "so-dang-ky.xlsx"), "", "xlsx")
		// The yearly grid downloaded in the locale's language, opened and
		// saved the same way.
		grid := downloadGrid(t, url, model.Lang(map[string]string{"vi_VN.UTF-8": "vi", "en_US.UTF-8": "en"}[locale.env]),
			filepath.Join(dir, "grid-"+locale.env))
		convert(t, soffice, locale.env, filepath.Join(out, "grid"), grid, "CSV:44,34,76,1,,"+locale.lang+",false,true",
			"csv:Text - txt - csv (StarCalc):44,34,76,1,,"+locale.lang)
		back := filepath.Join(out, "grid", filepath.Base(grid))
		if b, _ := os.ReadFile(back); !strings.Contains(string(b), "1234567") {
			t.Errorf("%s: the grid back lacks the amount 1234567.891:\n%.600s", locale.env, b)
		}
		got := mustRun(t, env, "import", "--dry-run", back)
		if !regexp.MustCompile(`số liệu hằng năm: thêm 0, sửa 0, giữ nguyên [1-9]`).MatchString(got) {
			t.Errorf("%s: the grid back: %s", locale.env, got)
		}
		saved, _ := filepath.Glob(filepath.Join(out, "*.csv"))
		files := [][]string{{filepath.Join(out, "so-dang-ky.xlsx")}}
		if locale.lang == "1066" {
			// The CSV export is a Vietnamese document: its decimal commas
			// are what a Vietnamese spreadsheet reads (an English one
			// would take 1234567,891 for 1234567891; there the workbook
			// is the file to use).
			files = append(files, saved)
		}
		// The round trip is only a test if Calc rewrote the files.
		ents, err := os.ReadFile(filepath.Join(out, "enterprises.csv"))
		if err != nil || !regexp.MustCompile(`(?m)^\d{9},.*,\d{2}/\d{2}/\d{2},`).Match(ents) {
			t.Fatalf("%s: Calc kept the tax codes and dates as written (%v); the round trip tests nothing", locale.env, err)
		}
		for _, files := range files {
			got := mustRun(t, env, append([]string{"import", "--dry-run"}, files...)...)
			if n := len(unchanged.FindAllString(got, -1)); n != 4 {
				t.Errorf("%s, %v back: %d of 4 kinds unchanged:\n%s", locale.env, names(files), n, got)
			}
		}
	}
}

// convert has LibreOffice open in (with the import filter infilter, "" for
// its default) and save it as to into dir, under locale.
func convert(t *testing.T, soffice, locale, dir, in, infilter, to string) {
	t.Helper()
	args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile")}
	if infilter != "" {
		args = append(args, "--infilter="+infilter)
	}
	args = append(args, "--convert-to", to, "--outdir", dir, in)
	cmd := exec.CommandContext(t.Context(), soffice, args...)
	cmd.Env = append(os.Environ(), "LC_ALL="+locale, "LANG="+locale)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func names(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

// downloadGrid saves the 2024 grid of HD-3164 at current prices into dir
// as an editor reading in lang downloads it, and returns the file's path.
func downloadGrid(t *testing.T, dbURL string, lang model.Lang, dir string) string {
	t.Helper()
	ctx := t.Context()
	st := openStore(t, dbURL)
	const pw = "mật khẩu thử nghiệm đủ dài"
	hash, err := auth.NewHasher().Hash(pw)
	if err != nil {
		t.Fatal(err)
	}
	email := "grid-" + string(lang) + "@soct.example.vn"
	if err := st.CreateUser(ctx, &model.User{Email: email, Role: model.RoleEditor, PasswordHash: hash}, 0); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(slog.New(slog.DiscardHandler), st, server.Options{AddrPerMinute: 1000, AddrBurst: 1000}))
	defer srv.Close()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	if resp, err := c.PostForm(srv.URL+"/login", url.Values{"email": {email}, "password": {pw}}); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("sign in: %v %v", resp, err)
	}
	if resp, err := c.PostForm(srv.URL+"/lang", url.Values{"lang": {string(lang)}, "back": {"/"}}); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("switch to %s: %v %v", lang, resp, err)
	}
	resp, err := c.Get(srv.URL + "/figures.csv?plan=HD-3164&year=2024&basis=current")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("grid download: %v %v", resp, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "so-lieu-2024.csv")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// setDecimals gives the first 2024 figure at current prices of HD-3164's
// grid an amount with three decimals, once.
func setDecimals(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := t.Context()
	p, err := st.Plan(ctx, "HD-3164")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := st.Scope(ctx, p, model.Date(2026, 12, 4))
	if err != nil {
		t.Fatal(err)
	}
	rows, _, err := st.GridRows(ctx, store.GridFilter{Scope: sc, Year: 2024, Basis: model.BasisCurrent}, 50, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if f := r.Figure; f != nil {
			if f.ProductionValue != 1234567891 {
				f.ProductionValue = 1234567891
				if err := st.UpdateFigure(ctx, f, 0); err != nil {
					t.Fatal(err)
				}
			}
			return
		}
	}
	t.Fatal("no 2024 figure in the grid")
}
