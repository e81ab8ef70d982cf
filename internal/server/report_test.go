package server

import (
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"industrytargets/internal/format"
	"industrytargets/internal/model"
	"industrytargets/internal/seed"
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
	// The layout of Decree 30/2020/NĐ-CP: issuing body and number, motto,
	// place and date, title, body, recipients and signature; the
	// recipients are the seeded plan's.
	for _, want := range []string{"BÁO CÁO", "Quyết định số 3164/QĐ-UBND ngày 29/10/2021", "Kỳ báo cáo: năm 2024",
		"SỞ CÔNG THƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "dữ liệu mẫu",
		"Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-SCT", "Nơi nhận:", "- UBND thành phố (để báo cáo);", "- Lưu: VT, QLCN.",
		">GIÁM ĐỐC<", "IV. Nguồn số liệu", "Cách đánh giá:", "Tổng số doanh nghiệp", "% mục tiêu"} {
		if !strings.Contains(body, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(body, `<table class="enterprises">`) {
		t.Error("the report lists its enterprises without being asked for the annex")
	}
	annexed := mustGet(t, srv.URL+"/reports/HD-3164/2024?annex=1&no=125", http.StatusOK)
	for _, want := range []string{"Số: 125/BC-SCT", "Danh sách " + format.Int(int64(totals[0].Qualifying)) + " doanh nghiệp được tính năm 2024",
		"(Kèm theo Báo cáo số 125/BC-SCT"} {
		if !strings.Contains(annexed, want) {
			t.Errorf("report with its annex lacks %q", want)
		}
	}
	appendix := annexed[strings.Index(annexed, `<table class="enterprises">`):]
	if got, want := strings.Count(appendix, "<tr>")-1, totals[0].Qualifying; got != want {
		t.Errorf("the annex lists %d enterprises, the count is %d", got, want)
	}
	mustGet(t, srv.URL+"/reports/HD-3164/2019", http.StatusNotFound)
	mustGet(t, srv.URL+"/reports/NOPE/2024", http.StatusNotFound)
	for _, q := range []string{"basis=usd", "annex=yes", "no=12a", "no=1234567", "no=-1"} {
		mustGet(t, srv.URL+"/reports/HD-3164/2024?"+q, http.StatusBadRequest)
		mustGet(t, srv.URL+"/reports/HD-3164/2024.pdf?"+q, http.StatusBadRequest)
	}

	// What an administrator sets on the plan is what the report carries.
	plan, err := st.Plan(ctx, "HD-3164")
	if err != nil {
		t.Fatal(err)
	}
	plan.Report = model.ReportSettings{Symbol: "BC-SCT-QLCN", Recipients: []string{"UBND thành phố;", "- Lưu: VT."},
		SignerAuthority: "KT. Giám đốc", SignerTitle: "Phó Giám đốc", SignerName: "Nguyễn Văn An"}
	if err := st.UpdatePlan(ctx, &plan, 0); err != nil {
		t.Fatal(err)
	}
	body = mustGet(t, srv.URL+"/reports/HD-3164/2024?no=7", http.StatusOK)
	for _, want := range []string{"Số: 7/BC-SCT-QLCN", "- UBND thành phố;", "- Lưu: VT.", ">KT. GIÁM ĐỐC<", ">PHÓ GIÁM ĐỐC<", ">Nguyễn Văn An<"} {
		if !strings.Contains(body, want) {
			t.Errorf("report after the plan's settings changed lacks %q", want)
		}
	}
}

// TestReportSettingsRefused checks the plan's report settings are checked
// as they are saved.
func TestReportSettingsRefused(t *testing.T) {
	for _, s := range []model.ReportSettings{{Symbol: "BC SCT"}, {Symbol: "BC--SCT"}, {Symbol: strings.Repeat("A", 41)},
		{SignerName: strings.Repeat("x", 101)}, {Recipients: slices.Repeat([]string{"Nơi nhận;"}, 31)}} {
		p := seed.HD3164()
		p.Report = s
		if err := p.Validate(); err == nil {
			t.Errorf("settings %+v accepted", s)
		}
	}
	p := seed.HD3164()
	p.Report = model.ReportSettings{Recipients: []string{"  - UBND thành phố;  ", "", "Lưu: VT."}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if p.Report.Symbol != model.DefaultReportSymbol || p.Report.SignerTitle != model.DefaultSignerTitle ||
		!slices.Equal(p.Report.Recipients, []string{"UBND thành phố;", "Lưu: VT."}) {
		t.Errorf("settings read as %+v", p.Report)
	}
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
