package server

import (
	"bytes"
	"context"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/internal/seed"
)

// get fetches path and checks the status and the media type; it returns
// the response's headers and body.
func get(t *testing.T, c *http.Client, url string, contentType string) (http.Header, []byte) {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != contentType {
		t.Fatalf("GET %s = %d %s, want 200 %s", url, resp.StatusCode, resp.Header.Get("Content-Type"), contentType)
	}
	return resp.Header, body
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func TestImportTemplates(t *testing.T) {
	t.Parallel()
	srv, _ := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	h, body := get(t, c, srv.URL+"/import/template.xlsx", xlsxType)
	if h.Get("Content-Disposition") != `attachment; filename=mau-nhap-lieu.xlsx` {
		t.Errorf("disposition %q", h.Get("Content-Disposition"))
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != "Doanh nghiệp|Chứng nhận|Số liệu|Tổng toàn tỉnh" {
		t.Errorf("sheets %s", got)
	}
	for sheet, want := range map[string][]string{"Doanh nghiệp": {"E2:E10000 ownership"}, "Chứng nhận": {"B2:B10000 category"},
		"Số liệu": {"D2:D10000 price_basis", "H2:H10000 status"}, "Tổng toàn tỉnh": {"D2:D10000 price_basis", "E2:E10000 status"}} {
		dvs, err := f.GetDataValidations(sheet)
		if err != nil || len(dvs) != len(want) {
			t.Fatalf("%s: %d validations (%v), want %d", sheet, len(dvs), err, len(want))
		}
		for i, dv := range dvs {
			if !strings.HasPrefix(want[i], dv.Sqref+" ") || dv.Type != "list" {
				t.Errorf("%s validation %d on %s (%s), want %s", sheet, i, dv.Sqref, dv.Type, want[i])
			}
		}
	}
	if head, _ := f.GetCellValue("Số liệu", "C1"); head != "Giá trị sản xuất (triệu đồng)" {
		t.Errorf("figures C1 = %q", head)
	}
	_, csv := get(t, c, srv.URL+"/import/template/figures.csv", "text/csv; charset=utf-8")
	if !strings.HasPrefix(string(csv), "\ufeffMã số thuế,Năm,Giá trị sản xuất (triệu đồng),Giá,") {
		t.Errorf("figures.csv starts %q", csv[:min(len(csv), 80)])
	}
	if status, _, _ := entDo(t, c, srv.URL+"/import/template/bogus.csv", nil); status != http.StatusNotFound {
		t.Errorf("a template of no kind = %d, want 404", status)
	}
}

// TestExportedRegisterImportsBackUnchanged downloads the whole register and
// uploads it again: the preview says every row stays as it is.
func TestExportedRegisterImportsBackUnchanged(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	if _, err := seed.EnsureDemo(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	c := client(t, srv.URL, model.RoleEditor)
	_, page := upload(t, c, srv.URL, "a.xlsx", twoEnterprises()) // one name starts with "="
	entDo(t, c, srv.URL+"/import/"+confirmToken(page), map[string][]string{})
	h, book := get(t, client(t, srv.URL, model.RoleViewer), srv.URL+"/export.xlsx", xlsxType)
	if !strings.HasPrefix(h.Get("Content-Disposition"), "attachment; filename=so-dang-ky-") {
		t.Errorf("disposition %q", h.Get("Content-Disposition"))
	}
	status, page := upload(t, c, srv.URL, "so-dang-ky.xlsx", book)
	if status != http.StatusOK || confirmToken(page) == "" {
		t.Fatalf("re-import preview = %d; %s", status, errorSummary(page))
	}
	flat := strings.ReplaceAll(page, "\n", "")
	for _, k := range importer.Kinds {
		row := `<th scope="row">` + kindLabels[k] + `</th><td class="num">0</td><td class="num">0</td>`
		if !strings.Contains(flat, row) {
			t.Errorf("preview does not leave every %s unchanged", k)
		}
	}
}

func TestEnterpriseListDownloads(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	if _, err := seed.EnsureDemo(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	c := client(t, srv.URL, model.RoleViewer)
	_, list, _ := entDo(t, c, srv.URL+"/enterprises?ownership=fdi&sort=tax_code&page=3", nil)
	link := regexp.MustCompile(`href="(/enterprises\.csv\?[^"]+)"`).FindStringSubmatch(list)
	if link == nil || !strings.Contains(link[1], "ownership=fdi") || strings.Contains(link[1], "page=") {
		t.Fatalf("the list links to %q, want its CSV with the filter and without the page", link)
	}
	_, csv := get(t, c, srv.URL+html.UnescapeString(link[1]), "text/csv; charset=utf-8")
	lines := strings.Split(strings.TrimSpace(string(csv)), "\n")
	tables, err := importer.ReadFile(t.Context(), csv, "doanh-nghiep.csv")
	if err != nil || len(tables) != 1 {
		t.Fatalf("the download does not read back: %v", err)
	}
	fdi := 0
	for _, r := range tables[0].Rows {
		if r.Cells[4] == "fdi" {
			fdi++
		}
	}
	if len(lines) < 3 || fdi != len(tables[0].Rows) || tables[0].Rows[0].Cells[0] > tables[0].Rows[1].Cells[0] {
		t.Errorf("%d rows, %d of them FDI, first %q: want every FDI enterprise by tax code, not one page", len(tables[0].Rows), fdi, lines[1])
	}
	_, book := get(t, c, srv.URL+"/enterprises.xlsx?ownership=fdi", xlsxType)
	xt, err := importer.ReadFile(t.Context(), book, "doanh-nghiep.xlsx")
	if err != nil || len(xt[0].Rows) != len(tables[0].Rows) {
		t.Errorf("xlsx has %d rows (%v), csv %d", len(xt[0].Rows), err, len(tables[0].Rows))
	}
}
