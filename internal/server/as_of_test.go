package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestDecember2026 opens the demo as an official would on 04/12/2026
// (DESIGN.md rules 8–12): the overview's headline judges the 2025 count
// target on 2025's count as the API does and the 2025 share target waits
// for its province total; no year after 2026 is offered or accepted; the
// report is issued by the Hải Phòng authority for the former Hải Dương
// territory, and a report dated before the merger by Hải Dương's; the
// sample plan of the whole city is selectable.
func TestDecember2026(t *testing.T) {
	t.Parallel()
	srv, _ := chartsDemoServer(t)

	var doc struct {
		Targets []struct {
			Metric     string   `json:"metric"`
			Year       int      `json:"year"`
			Value      float64  `json:"value"`
			JudgedYear int      `json:"judged_year"`
			Actual     *float64 `json:"actual"`
			Status     string   `json:"status"`
		} `json:"targets"`
	}
	if err := json.Unmarshal([]byte(mustGet(t, srv.URL+"/api/v1/plans/HD-3164/progress?as_of=2026-12-04", http.StatusOK)), &doc); err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	count := 0.0
	for _, tg := range doc.Targets {
		status[fmt.Sprintf("%s %d", tg.Metric, tg.Year)] = tg.Status
		if tg.Metric == "enterprise_count" && tg.Year == 2025 && tg.Actual != nil {
			count = *tg.Actual
		}
	}
	if status["enterprise_count 2025"] != "missed" || status["output_share 2025"] != "awaiting_data" || count == 0 {
		t.Fatalf("API on 2026-12-04: %v, 2025 count %v; want the count missed and the share awaiting data", status, count)
	}

	overview := mustGet(t, srv.URL+"/?plan=HD-3164&as_of=2026-12-04", http.StatusOK)
	n := int(count)
	headline := fmt.Sprintf("Mục tiêu 2025: không đạt — %d/340 doanh nghiệp (%s%%), thiếu %d",
		n, strings.Replace(fmt.Sprintf("%.1f", float64(n)*100/340), ".", ",", 1), 340-n)
	wantAll(t, "the overview on 2026-12-04", overview, headline, "chờ số liệu", "địa bàn tỉnh Hải Dương (cũ)",
		"Sở Công Thương — UBND thành phố Hải Phòng", `<option value="2025" selected>`, `<option value="2026">`,
		"Hướng tới 2030", "Cách đánh giá: ý nghĩa các mức", "Chưa đến hạn; tốc độ hiện nay đạt từ 60% đến dưới 95% tốc độ cần có.")
	if years := regexp.MustCompile(`<option value="(20[3-9][0-9]|202[7-9])"`).FindAllString(overview, -1); len(years) > 0 {
		t.Errorf("the year selector offers years after 2026: %v", years)
	}
	// At constant prices the demo holds an estimated 2025 total: the share
	// is labelled as resting on an estimate, and under incomplete coverage
	// the due target is not determined.
	constant := mustGet(t, srv.URL+"/?plan=HD-3164&basis=const2010&as_of=2026-12-04", http.StatusOK)
	wantAll(t, "the overview at constant prices", constant, "Tính trên GTSX toàn ngành năm 2025 là số ước tính",
		"chưa xác định được", "Năm 2025 đạt ít nhất")
	current := mustGet(t, srv.URL+"/?plan=HD-3164&year=2026&as_of=2026-12-04", http.StatusOK)
	wantAll(t, "the overview of 2026", current, "Năm 2026 chưa kết thúc: số liệu tính đến ngày 04/12/2026")
	mustGet(t, srv.URL+"/?plan=HD-3164&year=2027&as_of=2026-12-04", http.StatusBadRequest)
	mustGet(t, srv.URL+"/api/v1/plans/HD-3164/progress?year=2028&as_of=2026-12-04", http.StatusBadRequest)
	wantAll(t, "the report of 2027", mustGet(t, srv.URL+"/reports/HD-3164/2027?as_of=2026-12-04", http.StatusNotFound),
		"Năm 2027 chưa đến: ngày báo cáo là 04/12/2026")

	// The count chart's data: whole enterprises, and no actual value for a
	// year that has not closed.
	counts := mustGet(t, srv.URL+"/charts/HD-3164/2025/count.csv?as_of=2026-12-04", http.StatusOK)
	if strings.Contains(counts, `"`) || regexp.MustCompile(`(?m)^(2026|2027|2028|2029|2030),\d`).MatchString(counts) {
		t.Errorf("count.csv has a fraction of an enterprise or an actual value after 2025:\n%s", counts)
	}

	report := mustGet(t, srv.URL+"/reports/HD-3164/2025?as_of=2026-12-04", http.StatusOK)
	wantAll(t, "the report on 2026-12-04", report, "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "Hải Phòng, ngày 04 tháng 12 năm 2026",
		"trên địa bàn tỉnh Hải Dương (cũ)", "Quyết định số 3164/QĐ-UBND ngày 29/10/2021 của UBND tỉnh Hải Dương;", "không đạt")
	if strings.Contains(report, "TỈNH HẢI DƯƠNG</") || strings.Contains(report, "Hải Dương, ngày") {
		t.Error("the report of 2026 is issued by Hải Dương, which no longer exists")
	}
	before := mustGet(t, srv.URL+"/reports/HD-3164/2024?as_of=2025-06-30", http.StatusOK)
	wantAll(t, "the report on 2025-06-30", before, "ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG", "Hải Dương, ngày 30 tháng 6 năm 2025",
		"trên địa bàn tỉnh Hải Dương")
	if strings.Contains(before, "(cũ)") || strings.Contains(before, "THÀNH PHỐ HẢI PHÒNG") {
		t.Error("the report dated before the merger speaks of it")
	}

	sample := mustGet(t, srv.URL+"/?plan=HP-MAU&as_of=2026-12-04", http.StatusOK)
	wantAll(t, "the sample plan", sample, "Kế hoạch MẪU", `<option value="HP-MAU" selected`)
}
