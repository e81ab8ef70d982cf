package server

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"industrytargets/internal/model"
)

// TestImportTenThousandEnterprises imports, through the browser's route, a
// workbook of 10,000 enterprises with a classification each and five years
// of figures, then downloads the register and uploads it again: nothing
// changes. It logs how long each step takes.
func TestImportTenThousandEnterprises(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 70,000 rows")
	}
	t.Parallel()
	srv, st := entServer(t)
	c := client(t, srv.URL, model.RoleEditor)
	book := bigWorkbook(t, 10_000, 5)

	start := time.Now()
	status, page := upload(t, c, srv.URL, "so-dang-ky-10000.xlsx", book)
	preview := time.Since(start)
	if status != http.StatusOK || confirmToken(page) == "" {
		t.Fatalf("preview = %d; %s", status, errorSummary(page))
	}
	start = time.Now()
	status, _, _ = entDo(t, c, srv.URL+"/import/"+confirmToken(page), map[string][]string{})
	confirm := time.Since(start)
	if n := countEnterprises(t, st); status != http.StatusSeeOther || n != 10_000 {
		t.Fatalf("confirm = %d with %d enterprises", status, n)
	}

	start = time.Now()
	_, export := get(t, c, srv.URL+"/export.xlsx", xlsxType)
	exported := time.Since(start)
	start = time.Now()
	status, page = upload(t, c, srv.URL, "so-dang-ky.xlsx", export)
	again := time.Since(start)
	flat := strings.ReplaceAll(page, "\n", "")
	for _, k := range []string{"Doanh nghiệp", "Chứng nhận (lĩnh vực)", "Số liệu hằng năm"} {
		if !strings.Contains(flat, `<th scope="row">`+k+`</th><td class="num">0</td><td class="num">0</td>`) {
			t.Errorf("re-import of the export changes %s", k)
		}
	}
	t.Logf("workbook %d kB: preview %v, confirm %v; export %d kB in %v, its preview %v (status %d)",
		len(book)>>10, preview.Round(time.Millisecond), confirm.Round(time.Millisecond),
		len(export)>>10, exported.Round(time.Millisecond), again.Round(time.Millisecond), status)
}

// bigWorkbook is a workbook of n enterprises, a classification each and
// years of figures each, written with excelize's stream writer.
func bigWorkbook(t testing.TB, n, years int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	codes := taxCodes(n)
	sheets := map[string][][]any{
		"Doanh nghiệp": {{"Mã số thuế", "Tên doanh nghiệp", "Ngày hoạt động", "Loại hình", "Số lao động"}},
		"Chứng nhận":   {{"Mã số thuế", "Lĩnh vực", "Hiệu lực từ"}},
		"Số liệu":      {{"Mã số thuế", "Năm", "Giá trị sản xuất", "Doanh thu"}},
	}
	for i, tc := range codes {
		sheets["Doanh nghiệp"] = append(sheets["Doanh nghiệp"],
			[]any{tc, fmt.Sprintf("Công ty TNHH Số %d", i+1), model.Date(2000+i%20, time.Month(1+i%12), 1+i%28), "private", 10 + i%500})
		sheets["Chứng nhận"] = append(sheets["Chứng nhận"], []any{tc, "supporting", 2015 + i%8})
		for y := range years {
			sheets["Số liệu"] = append(sheets["Số liệu"], []any{tc, 2020 + y, float64(i%9000) + 0.125*float64(y), 1000 + i})
		}
	}
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	for i, name := range []string{"Doanh nghiệp", "Chứng nhận", "Số liệu"} {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else {
			f.NewSheet(name)
		}
		sw, _ := f.NewStreamWriter(name)
		for r, row := range sheets[name] {
			for j, v := range row {
				if d, ok := v.(time.Time); ok {
					row[j] = excelize.Cell{StyleID: date, Value: d}
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw.SetRow(cell, row); err != nil {
				t.Fatal(err)
			}
		}
		sw.Flush()
	}
	var buf bytes.Buffer
	f.WriteTo(&buf)
	return buf.Bytes()
}

// taxCodes are n valid tax codes.
func taxCodes(n int) []string {
	var out []string
	for i := 1; len(out) < n; i++ {
		first9 := fmt.Sprintf("08%07d", i)
		if d, ok := model.TaxCheckDigit(first9); ok {
			out = append(out, fmt.Sprintf("%s%d", first9, d))
		}
	}
	return out
}
