package server

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"industrytargets/internal/model"
)

func TestOfficialDate(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Date(2021, 2, 5, 9, 0, 0, 0, vietnam), "ngày 05 tháng 02 năm 2021"},
		{time.Date(2026, 11, 27, 9, 0, 0, 0, vietnam), "ngày 27 tháng 11 năm 2026"},
		{time.Date(2025, 3, 1, 9, 0, 0, 0, vietnam), "ngày 01 tháng 3 năm 2025"},
	}
	for _, tt := range tests {
		if got := officialDate(tt.in); got != tt.want {
			t.Errorf("officialDate(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReport(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	srv, st := chartsDemoServer(t)
	totals, err := st.YearTotals(ctx, todayScope(t, st, "HD-3164"), model.BasisCurrent, 2024, 2024)
	if err != nil {
		t.Fatal(err)
	}
	body := mustGet(t, srv.URL+"/reports/HD-3164/2024", http.StatusOK)
	for _, want := range []string{"BÁO CÁO", "Quyết định số 3164/QĐ-UBND ngày 29/10/2021", "Kỳ báo cáo: năm 2024",
		"SỞ CÔNG THƯƠNG", "Độc lập – Tự do – Hạnh phúc", "dữ liệu mẫu", "Phụ lục. Danh sách doanh nghiệp được tính năm 2024"} {
		if !strings.Contains(body, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	appendix := body[strings.Index(body, `<table class="enterprises">`):]
	if got, want := strings.Count(appendix, "<tr>")-1, totals[0].Qualifying; got != want {
		t.Errorf("the appendix lists %d enterprises, the count is %d", got, want)
	}
	mustGet(t, srv.URL+"/reports/HD-3164/2019", http.StatusNotFound)
	mustGet(t, srv.URL+"/reports/NOPE/2024", http.StatusNotFound)
	mustGet(t, srv.URL+"/reports/HD-3164/2024?basis=usd", http.StatusBadRequest)
}

func mustGet(t *testing.T, url string, status int) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		t.Fatalf("GET %s = %d, want %d", url, resp.StatusCode, status)
	}
	return string(b)
}
