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
	got := mustJSON(t, Compute(p, []EnterpriseRecord{r}, totals(model.BasisCurrent, map[int]int64{2020: 201}), "", 2021))
	// By hand: 2020 share 100.5/201 = 0.5; 2021 has no province total.
	// Count: observed CAGR (1/1)^1 − 1 = 0, required (2/1)^(1/2) − 1, R = 0,
	// limited progress; needed (2 − 1)/1; projected 1·(1+0)^1; expected
	// 1 + (2 − 1)·1/2. Share: no 2021 value, so insufficient data, but the
	// line still runs 0.5 + (0.75 − 0.5)·1/5 = 0.55.
	want := `{"plan":"HD-TEST","province":"HD","basis":"current","as_of_year":2021,` +
		`"series":[` +
		`{"year":2020,"enterprise_count":1,"qualifying_output":"100.5","province_output":"201","output_share":0.5,"output_coverage":1},` +
		`{"year":2021,"enterprise_count":1,"qualifying_output":"50","province_output":null,"output_share":null,"output_coverage":1}],` +
		`"targets":[` +
		`{"metric":"enterprise_count","year":2022,"value":2,"actual":1,"expected":1.5,"status":"limited_progress","ratio":0,"needed_per_year":1,"projected":1},` +
		`{"metric":"output_share","year":2025,"value":0.75,"actual":null,"expected":0.55,"status":"insufficient_data","ratio":null,"needed_per_year":null,"projected":null}]}`
	if got != want {
		t.Errorf("JSON =\n%s\nwant\n%s", got, want)
	}
}

func TestReportJSONKeys(t *testing.T) {
	p, ents, outs := workedExample(t)
	var doc map[string]any
	if err := json.Unmarshal([]byte(mustJSON(t, Compute(p, ents, outs, "", 0))), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m any) []string { return slices.Sorted(maps.Keys(m.(map[string]any))) }
	for _, c := range []struct {
		name string
		got  []string
		want string
	}{
		{"report", keys(doc), "as_of_year basis plan province series targets"},
		{"series", keys(doc["series"].([]any)[0]), "enterprise_count output_coverage output_share province_output qualifying_output year"},
		{"target", keys(doc["targets"].([]any)[0]), "actual expected metric needed_per_year projected ratio status value year"},
	} {
		if got := strings.Join(c.got, " "); got != c.want {
			t.Errorf("%s keys = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestEmptyReportJSONHasArrays(t *testing.T) {
	// Asked for a year before the baseline: no series, no data for targets.
	p := plan(nil, model.Target{Metric: model.MetricEnterpriseCount, Year: 2025, Value: 5})
	r := Compute(p, nil, nil, model.BasisConst2010, 2019)
	got := mustJSON(t, r)
	want := `{"plan":"HD-TEST","province":"HD","basis":"const2010","as_of_year":2019,"series":[],` +
		`"targets":[{"metric":"enterprise_count","year":2025,"value":5,"actual":null,"expected":null,` +
		`"status":"insufficient_data","ratio":null,"needed_per_year":null,"projected":null}]}`
	if got != want {
		t.Errorf("JSON =\n%s\nwant\n%s", got, want)
	}
}

// Numbers that should never arise still marshal, as null.
func TestJSONNullsNonFinite(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	pt := YearPoint{Year: 2020, OutputShare: &nan, OutputCoverage: inf}
	if got, want := mustJSON(t, pt), `{"year":2020,"enterprise_count":0,"qualifying_output":"0","province_output":null,"output_share":null,"output_coverage":null}`; got != want {
		t.Errorf("point JSON = %s, want %s", got, want)
	}
	tr := TargetResult{Metric: model.MetricOutputShare, Year: 2025, Value: nan, Actual: &inf, Status: StatusInsufficientData}
	if got := mustJSON(t, tr); !strings.Contains(got, `"value":null,"actual":null`) {
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
			{Year: 2020, EnterpriseCount: n0, OutputShare: &s0, OutputCoverage: s1},
			{Year: asOf, EnterpriseCount: n1, OutputShare: &s1, OutputCoverage: 1},
		}
		rep := Report{Series: series, Targets: Evaluate(p, series, asOf)}
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
	StatusLimitedProgress, StatusDeterioration, StatusMissed, StatusInsufficientData}
