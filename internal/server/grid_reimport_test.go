package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// figuresFingerprint is every stored yearly figure by id, with its version
// and time of change, so that a write which changes no value still shows.
func figuresFingerprint(t *testing.T, st *store.Store) map[int64]string {
	t.Helper()
	ctx := context.Background()
	codes, err := st.TaxCodes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	money := func(m *model.Money) string {
		if m == nil {
			return "-"
		}
		return m.String()
	}
	out := map[int64]string{}
	for tc := range codes {
		e, err := st.EnterpriseByTaxCode(ctx, tc)
		if err != nil {
			t.Fatal(err)
		}
		figs, err := st.Figures(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range figs {
			out[f.ID] = fmt.Sprintf("%s %d %s pv=%s rev=%s exp=%s emp=%s %s v%d %s", tc, f.Year, f.Basis,
				f.ProductionValue, money(f.Revenue), money(f.ExportValue), inputInt(f.Employees), f.Status,
				f.Version, f.UpdatedAt.Format(time.RFC3339Nano))
		}
	}
	return out
}

var reFigureCounts = regexp.MustCompile(`<th scope="row">Số liệu hằng năm</th>\s*` +
	`<td class="num">([\d.]+)</td>\s*<td class="num">([\d.]+)</td>\s*<td class="num">([\d.]+)</td>`)

// reimport uploads data as name and returns the preview's counts of yearly
// figures, added, changed and left alone, and its confirmation token.
func reimport(t *testing.T, c *http.Client, base, name string, data []byte) ([3]int, string) {
	t.Helper()
	status, page := upload(t, c, base, name, data)
	token := confirmToken(page)
	m := reFigureCounts.FindStringSubmatch(page)
	if status != http.StatusOK || token == "" || m == nil {
		t.Fatalf("upload %s = %d, token %q, counts %q; page %.2000s", name, status, token, m, page)
	}
	var counts [3]int
	for i := range counts {
		counts[i], _ = strconv.Atoi(strings.ReplaceAll(m[i+1], ".", ""))
	}
	return counts, token
}

// confirmReimport confirms the upload token names and checks it is written.
func confirmReimport(t *testing.T, c *http.Client, base, token string) {
	t.Helper()
	if status, _, loc := entDo(t, c, base+"/import/"+token, map[string][]string{}); status != http.StatusSeeOther || loc != "/import" {
		t.Fatalf("confirm = %d to %q, want 303 to /import", status, loc)
	}
}

// gridFigureRows counts the rows of a downloaded grid (header first) with
// a production value and those without any figure.
func gridFigureRows(t *testing.T, recs [][]string) (filled, empty int) {
	t.Helper()
	if len(recs) < 2 || len(recs[0]) != len(gridDownloadKeys) {
		t.Fatalf("downloaded grid = %d rows, header %q", len(recs), recs[0])
	}
	for _, rec := range recs[1:] {
		if rec[5] != "" {
			filled++
		} else if rec[6]+rec[7]+rec[8] == "" {
			empty++
		}
	}
	return filled, empty
}

func TestGridDownloadImportsBackUnchanged(t *testing.T) {
	t.Parallel()
	srv, st := chartsDemoServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	before := figuresFingerprint(t, st)

	// 2025 is the demo's last year: some enterprises have no figure yet,
	// and their rows come with the year, basis and (empty) cells.
	for _, f := range []struct{ path, name, contentType string }{
		{"/figures.csv?year=2025&basis=current", "so-lieu.csv", "text/csv; charset=utf-8"},
		{"/figures.xlsx?year=2025&basis=const2010", "so-lieu.xlsx", xlsxType},
	} {
		_, data := get(t, c, srv.URL+f.path, f.contentType)
		counts, token := reimport(t, c, srv.URL, f.name, data)
		if f.contentType != xlsxType {
			filled, empty := gridFigureRows(t, readCSVFile(t, data))
			if empty == 0 {
				t.Errorf("%s: no enterprise without a figure, so none is skipped", f.path)
			}
			if counts[2] != filled {
				t.Errorf("%s: %d figures left alone, want the %d rows with one", f.path, counts[2], filled)
			}
		}
		if counts[0] != 0 || counts[1] != 0 || counts[2] == 0 {
			t.Errorf("%s back: figures added %d, changed %d, left alone %d; want none added or changed",
				f.path, counts[0], counts[1], counts[2])
		}
		confirmReimport(t, c, srv.URL, token)
		after := figuresFingerprint(t, st)
		if len(after) != len(before) {
			t.Fatalf("%s back: %d figures stored, want %d", f.path, len(after), len(before))
		}
		for id, was := range before {
			if after[id] != was {
				t.Errorf("%s back: figure %d = %s, want %s", f.path, id, after[id], was)
			}
		}
	}

	// One production value edited: one figure changes, and only its value.
	_, data := get(t, c, srv.URL+"/figures.csv?year=2024&basis=current", "text/csv; charset=utf-8")
	recs := readCSVFile(t, data)
	row := 0
	for i, rec := range recs[1:] {
		if rec[5] != "" {
			row = i + 1
			break
		}
	}
	if row == 0 {
		t.Fatal("the 2024 grid has no figure to edit")
	}
	pv, err := model.ParseMoney(recs[row][5])
	if err != nil {
		t.Fatal(err)
	}
	edited := pv + model.MoneyFromMillions(1)
	recs[row][5] = edited.String()
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	counts, token := reimport(t, c, srv.URL, "so-lieu-sua.csv", buf.Bytes())
	if counts[0] != 0 || counts[1] != 1 {
		t.Errorf("edited grid: figures added %d, changed %d; want 0 and 1", counts[0], counts[1])
	}
	confirmReimport(t, c, srv.URL, token)
	after := figuresFingerprint(t, st)
	var changed []string
	for id, was := range before {
		if after[id] != was {
			changed = append(changed, after[id])
		}
	}
	want := fmt.Sprintf("%s 2024 current pv=%s ", recs[row][0], edited)
	if len(after) != len(before) || len(changed) != 1 || !strings.HasPrefix(changed[0], want) {
		t.Errorf("after the edited grid: %d figures (want %d), changed %q; want one, beginning %q",
			len(after), len(before), changed, want)
	}
}

// TestEnglishGridCSVRoundTrip: the grid downloaded in English writes
// amounts with a decimal point, as an English spreadsheet reads them (a
// decimal comma, 1234567,891, it would take for 1234567891); imported
// back, nothing changes, "1.234" included, since the file's other amounts
// show its decimals are points.
func TestEnglishGridCSVRoundTrip(t *testing.T) {
	t.Parallel()
	srv, st := chartsDemoServer(t)
	ctx := context.Background()
	rows, _, err := st.GridRows(ctx, store.GridFilter{Scope: todayScope(t, st, "HD-3164"), Year: 2024, Basis: model.BasisCurrent}, 50, 0)
	if err != nil {
		t.Fatal(err)
	}
	var figs []*model.Figure
	for _, r := range rows {
		if r.Figure != nil {
			figs = append(figs, r.Figure)
		}
	}
	values := []model.Money{1234567891, 1, 1234} // 1234567,891 · 0,001 · 1,234 million
	if len(figs) < len(values) {
		t.Fatalf("%d 2024 figures in the grid's first rows", len(figs))
	}
	for i, v := range values {
		f := figs[i]
		f.ProductionValue = v
		if err := st.UpdateFigure(ctx, f, 0); err != nil {
			t.Fatal(err)
		}
	}
	before := figuresFingerprint(t, st)
	english := client(t, srv.URL, model.RoleAdmin)
	if resp, _ := send(t, english, http.MethodPost, srv.URL+"/lang", url.Values{"lang": {"en"}, "back": {"/"}}, nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("switch to English: %d", resp.StatusCode)
	}
	_, data := get(t, english, srv.URL+"/figures.csv?plan=HD-3164&year=2024&basis=current", "text/csv; charset=utf-8")
	for _, want := range []string{",1234567.891,", ",0.001,", ",1.234,"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the English grid lacks %s", want)
		}
	}
	if bytes.Contains(data, []byte(`"1234567,891"`)) {
		t.Error("the English grid writes a decimal comma")
	}
	editor := client(t, srv.URL, model.RoleEditor)
	counts, token := reimport(t, editor, srv.URL, "grid-en.csv", data)
	if counts[0] != 0 || counts[1] != 0 || counts[2] == 0 {
		t.Fatalf("the English grid back: added %d, changed %d, left alone %d; want nothing added or changed", counts[0], counts[1], counts[2])
	}
	confirmReimport(t, editor, srv.URL, token)
	after := figuresFingerprint(t, st)
	for id, was := range before {
		if after[id] != was {
			t.Errorf("figure %d = %s, want %s", id, after[id], was)
		}
	}
}
