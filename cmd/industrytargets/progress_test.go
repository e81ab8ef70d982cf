package main

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"industrytargets/internal/server"
	"industrytargets/internal/store/storetest"
)

// TestProgressCLIMatchesAPI checks the command and the API give the same
// document, for every price basis and a few years.
func TestProgressCLIMatchesAPI(t *testing.T) {
	t.Parallel()
	url := storetest.URL(t)
	env := map[string]string{"DATABASE_URL": url}
	mustRun(t, env, "seed", "--demo")
	st := openStore(t, url)
	api := httptest.NewServer(server.New(slog.New(slog.NewTextHandler(io.Discard, nil)), st, server.Options{PublicDashboard: true}))
	defer api.Close()
	for _, q := range []struct{ args, query string }{
		{"", ""},
		{"--year 2022", "?year=2022"},
		{"--basis const2010", "?basis=const2010"},
		{"--year 2026 --basis current", "?year=2026&basis=current"},
		{"--as-of 2025-12-31", "?as_of=2025-12-31"},
		{"--as-of 2026-01-01 --year 2025 --basis const2010", "?as_of=2026-01-01&year=2025&basis=const2010"},
	} {
		args := append([]string{"progress", "--plan", "HD-3164", "--format", "json"}, strings.Fields(q.args)...)
		var fromCLI, fromAPI any
		if err := json.Unmarshal([]byte(mustRun(t, env, args...)), &fromCLI); err != nil {
			t.Fatalf("%s: %v", q.args, err)
		}
		_, body := httpGet(t, api.URL+"/api/v1/plans/HD-3164/progress"+q.query)
		if err := json.Unmarshal([]byte(body), &fromAPI); err != nil {
			t.Fatalf("%s: %v", q.query, err)
		}
		if !reflect.DeepEqual(fromCLI, fromAPI) {
			t.Errorf("progress %s and the API%s differ:\nCLI: %v\nAPI: %v", q.args, q.query, fromCLI, fromAPI)
		}
	}
	// The table an official reads in December 2026: 2025's count judged,
	// its share awaiting the province total, growth of a share in points.
	table := mustRun(t, env, "progress", "--plan", "HD-3164", "--format", "table", "--as-of", "2026-12-04")
	for _, want := range []string{"địa bàn tỉnh Hải Dương (cũ)", "Báo cáo ngày 04/12/2026 của Sở Công Thương — UBND thành phố Hải Phòng",
		"không đạt", "chờ số liệu", " điểm %", "cần tăng tốc"} {
		if !strings.Contains(table, want) {
			t.Errorf("progress table lacks %q:\n%s", want, table)
		}
	}
	if strings.Contains(table, "2027") {
		t.Errorf("progress table shows a year after 2026:\n%s", table)
	}
}

func TestProgressCLIErrors(t *testing.T) {
	t.Parallel()
	env := map[string]string{"DATABASE_URL": storetest.URL(t)}
	mustRun(t, env, "seed")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"progress", "--plan", "NOPE"}, `unknown plan "NOPE"; plans: HD-3164`},
		{[]string{"progress", "--plan", "HD-3164", "--basis", "const2015"}, `unknown price basis "const2015"`},
		{[]string{"progress", "--plan", "HD-3164", "--year", "2019"}, "year 2019 is before the baseline year 2020"},
		{[]string{"progress", "--plan", "HD-3164", "--year", "2100"}, "--year 2100 has not come yet"},
		{[]string{"progress", "--plan", "HD-3164", "--as-of", "2025-06-30", "--year", "2026"}, "--year 2026 has not come yet on 2025-06-30"},
		{[]string{"progress", "--plan", "HD-3164", "--as-of", "2099-01-01"}, "is after today"},
		{[]string{"progress", "--plan", "HD-3164", "--as-of", "04/12/2026"}, "is not a day written YYYY-MM-DD"},
		{[]string{"progress", "--plan", "HD-3164", "--format", "xml"}, `unknown format "xml"`},
		{[]string{"progress"}, "--plan is required"},
	}
	for _, tt := range tests {
		o := runCLI(t, env, tt.args...)
		if o.code != 2 || !strings.Contains(o.stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tt.args, o.code, o.stderr, tt.want)
		}
	}
	o := runCLI(t, env, "progress", "--plan", "HD-3164")
	for _, want := range []string{"Số doanh nghiệp  2025", "340", "35,0%", "không đạt", "chờ số liệu"} {
		if o.code != 0 || !strings.Contains(o.stdout, want) {
			t.Errorf("table on an empty register: exit %d, missing %q in\n%s", o.code, want, o.stdout)
		}
	}
}
