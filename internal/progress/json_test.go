package progress

import (
	"encoding/json"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"

	"industrytargets/internal/model"
)

func mustJSON(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatalf("json.Marshal: %v", err)
	}
	return string(b)
}

func TestReportJSONDocument(t *testing.T) {
	p := plan([]model.Category{model.CategorySupporting},
		model.Target{Metric: model.MetricOutputShare, Year: 2025, Value: 0.75},
		model.Target{Metric: model.MetricEnterpriseCount, Year: 2022, Value: 2},
	)
	r := ent(t, 1, "2015", "", class(t, model.CategorySupporting, "2019", ""))
	r.Figures = []model.Figure{
		{Year: 2020, Basis: model.BasisCurrent, ProductionValue: 100500},
		{Year: 2021, Basis: model.BasisCurrent, ProductionValue: 50000},
	}
	rep := Compute(p, hd, []EnterpriseRecord{r}, totals(model.BasisCurrent, map[int]int64{2020: 201}), "", asOf(t, p, "2022-03-01", 2021))
	rep.Territory.Name = "tỉnh Hải Dương"
	rep.Authority = Authority{Body: "UBND tỉnh Hải Dương", Department: "Sở Công Thương", Place: "Hải Dương"}
	got := mustJSON(t, rep)
	// By hand: 2020 share 100.5/201 = 0.5; 2021 has no province total, so
	// the share's latest year is 2020 and the count's 2021. The 2022 count
	// is not due on 01/03/2022: observed CAGR (1/1)^1 − 1 = 0, required
	// (2/1)^(1/2) − 1, R = 0, limited progress; needed (2 − 1)/1; projected
	// 1·(1+0)^1; expected 1 + (2 − 1)·1/2 = 1.5, half up 2. Share: one year
	// with a total, so insufficient data; needed (0.75 − 0.5)/5.
	want := `{"plan":"HD-TEST","province":"HD","basis":"current","as_of_date":"2022-03-01","as_of_year":2021,` +
		`"latest_year":{"enterprise_count":2021,"output_share":2020},` +
		`"territory":{"name":"tỉnh Hải Dương","units":0,"unlocated_enterprises":0},` +
		`"authority":{"body":"UBND tỉnh Hải Dương","department":"Sở Công Thương","place":"Hải Dương"},` +
		`"series":[` +
		`{"year":2020,"closed":true,"enterprise_count":1,"qualifying_output":"100.5","province_output":"201","province_output_status":"official","output_share":0.5,"output_coverage":1},` +
		`{"year":2021,"closed":true,"enterprise_count":1,"qualifying_output":"50","province_output":null,"province_output_status":null,"output_share":null,"output_coverage":1}],` +
		`"targets":[` +
		`{"metric":"enterprise_count","year":2022,"value":2,"due":false,"judged_year":2021,"actual":1,"expected":2,"status":"limited_progress","ratio":0,"needed_per_year":1,"projected":1},` +
		`{"metric":"output_share","year":2025,"value":0.75,"due":false,"judged_year":2020,"actual":0.5,"expected":0.5,"status":"insufficient_data","ratio":null,"needed_per_year":0.05,"projected":null}]}`
	if got != want {
		t.Errorf("JSON =\n%s\nwant\n%s", got, want)
	}
}

func TestReportJSONKeys(t *testing.T) {
	p, ents, outs := workedExample(t)
	var doc map[string]any
	if err := json.Unmarshal([]byte(mustJSON(t, Compute(p, hd, ents, outs, "", asOf(t, p, "2026-12-04", 0)))), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m any) []string { return slices.Sorted(maps.Keys(m.(map[string]any))) }
	for _, c := range []struct {
		name string
		got  []string
		want string
	}{
		{"report", keys(doc), "as_of_date as_of_year authority basis latest_year plan province series targets territory"},
		{"latest_year", keys(doc["latest_year"]), "enterprise_count output_share"},
		{"territory", keys(doc["territory"]), "name units unlocated_enterprises"},
		{"authority", keys(doc["authority"]), "body department place"},
		{"series", keys(doc["series"].([]any)[0]), "closed enterprise_count output_coverage output_share province_output province_output_status qualifying_output year"},
		{"target", keys(doc["targets"].([]any)[0]), "actual due expected judged_year metric needed_per_year projected ratio status value year"},
	} {
		if got := strings.Join(c.got, " "); got != c.want {
			t.Errorf("%s keys = %q, want %q", c.name, got, c.want)
		}
	}
}

// Before any year has closed, the baseline year is shown to date and no
// target can be judged.
func TestReportBeforeAnyYearClosed(t *testing.T) {
	p := plan(nil, model.Target{Metric: model.MetricEnterpriseCount, Year: 2025, Value: 5})
	r := Compute(p, hd, nil, nil, model.BasisConst2010, asOf(t, p, "2020-06-01", 0))
	got := mustJSON(t, r)
	want := `{"plan":"HD-TEST","province":"HD","basis":"const2010","as_of_date":"2020-06-01","as_of_year":2020,` +
		`"latest_year":{"enterprise_count":null,"output_share":null},` +
		`"territory":{"name":"","units":0,"unlocated_enterprises":0},"authority":{"body":"","department":"","place":""},` +
		`"series":[{"year":2020,"closed":false,"enterprise_count":0,"qualifying_output":"0","province_output":null,"province_output_status":null,"output_share":null,"output_coverage":1}],` +
		`"targets":[{"metric":"enterprise_count","year":2025,"value":5,"due":false,"judged_year":null,"actual":null,"expected":null,` +
		`"status":"insufficient_data","ratio":null,"needed_per_year":null,"projected":null}]}`
	if got != want {
		t.Errorf("JSON =\n%s\nwant\n%s", got, want)
	}
}

// Numbers that should never arise still marshal, as null.
func TestJSONNullsNonFinite(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	pt := YearPoint{Year: 2020, OutputShare: &nan, OutputCoverage: inf}
	if got, want := mustJSON(t, pt), `{"year":2020,"closed":false,"enterprise_count":0,"qualifying_output":"0","province_output":null,"province_output_status":null,"output_share":null,"output_coverage":null}`; got != want {
		t.Errorf("point JSON = %s, want %s", got, want)
	}
	tr := TargetResult{Metric: model.MetricOutputShare, Year: 2025, Value: nan, Actual: &inf, Status: StatusInsufficientData}
	if got := mustJSON(t, tr); !strings.Contains(got, `"value":null,`) || !strings.Contains(got, `"actual":null,`) {
		t.Errorf("target JSON = %s, want value and actual null", got)
	}
}

func FuzzReportJSON(f *testing.F) {
	f.Add(0.175, 0.216, 0.35, 3, 4, 2025, 2022)
	f.Add(0.0, 0.0, 0.0, 0, 0, 2021, 2020)
	f.Add(-1.0, 2.0, math.Inf(1), 5, 0, 2020, 2030)
	f.Add(math.NaN(), 1e308, -0.0, 1<<30, 1, 2100, 2021)
	f.Add(1e-300, 1e300, 1e-300, 1, 1<<31, 2022, 2021)
	f.Fuzz(func(t *testing.T, s0, s1, target float64, n0, n1, targetYear, asOf int) {
		p := plan(nil,
			model.Target{Metric: model.MetricOutputShare, Year: targetYear, Value: target},
			model.Target{Metric: model.MetricEnterpriseCount, Year: targetYear, Value: target * 1000},
		)
		series := []YearPoint{
			{Year: 2020, Closed: true, EnterpriseCount: n0, OutputShare: &s0, OutputCoverage: s1},
			{Year: asOf, Closed: asOf%2 == 0, EnterpriseCount: n1, OutputShare: &s1, OutputCoverage: 1},
		}
		rep := Report{Series: series, Targets: Evaluate(p, series, Period{Date: model.Date(2026, 12, 4), Year: asOf})}
		b, err := json.Marshal(rep)
		if err != nil {
			t.Fatalf("json.Marshal: %v", err)
		}
		if !json.Valid(b) || strings.Contains(string(b), "NaN") || strings.Contains(string(b), "Inf") {
			t.Fatalf("JSON not plain numbers: %s", b)
		}
		for _, tr := range rep.Targets {
			if !slices.Contains(allStatuses, tr.Status) {
				t.Errorf("status %q is not one of %v", tr.Status, allStatuses)
			}
		}
	})
}

var allStatuses = []Status{StatusAchieved, StatusOnTrack, StatusAccelerationNeeded,
	StatusLimitedProgress, StatusDeterioration, StatusMissed, StatusNotDetermined, StatusAwaitingData,
	StatusInsufficientData}
