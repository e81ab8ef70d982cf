package progress

import (
	"slices"
	"testing"

	"industrytargets/internal/model"
)

// workedExample is the toy plan and register of DESIGN.md, "A worked example".
func workedExample(tb testing.TB) (model.Plan, []EnterpriseRecord, []model.ProvinceOutput) {
	tb.Helper()
	sup, ht := model.CategorySupporting, model.CategoryHighTech
	p := plan([]model.Category{sup, ht},
		model.Target{Metric: model.MetricOutputShare, Year: 2030, Value: 0.45},
		model.Target{Metric: model.MetricEnterpriseCount, Year: 2030, Value: 10},
		model.Target{Metric: model.MetricOutputShare, Year: 2025, Value: 0.35},
		model.Target{Metric: model.MetricEnterpriseCount, Year: 2025, Value: 6},
	)
	cur := model.BasisCurrent
	ents := []EnterpriseRecord{
		withFigures(ent(tb, 1, "01/01/2015", "", class(tb, sup, "01/03/2019", "")),
			cur, map[int]int64{2020: 100, 2021: 120, 2022: 130, 2023: 150}),
		withFigures(ent(tb, 2, "15/03/2021", "", class(tb, ht, "01/06/2021", "31/05/2026")),
			cur, map[int]int64{2021: 40, 2022: 80, 2023: 100}),
		withFigures(ent(tb, 3, "01/01/2010", "31/12/2022", class(tb, sup, "01/01/2018", "")),
			cur, map[int]int64{2020: 50, 2021: 60, 2022: 65}),
		withFigures(ent(tb, 4, "01/01/2012", "", class(tb, sup, "01/01/2019", ""), class(tb, ht, "01/06/2020", "")),
			cur, map[int]int64{2020: 200, 2022: 260, 2023: 300}),
		withFigures(ent(tb, 5, "01/01/2016", "", class(tb, ht, "31/12/2022", "")),
			cur, map[int]int64{2020: 30, 2021: 30, 2022: 70, 2023: 90}),
		withFigures(ent(tb, 6, "01/01/2016", "", class(tb, sup, "01/01/2023", "")),
			cur, map[int]int64{2023: 10}),
	}
	return p, ents, totals(cur, map[int]int64{2020: 2000, 2021: 2200, 2022: 2500})
}

func TestWorkedExampleSeries(t *testing.T) {
	p, ents, outs := workedExample(t)
	got := Compute(p, ents, outs, model.BasisCurrent, 2023).Series
	want := []struct {
		year       int
		counted    []int64
		output     string
		share      *float64
		coverage   float64
		provinceOK bool
	}{
		{2020, []int64{1, 3, 4}, "350", ptr(0.175), 1, true},
		{2021, []int64{1, 2, 3, 4}, "220", ptr(0.1), 0.75, true},
		{2022, []int64{1, 2, 4, 5}, "540", ptr(0.216), 1, true},
		{2023, []int64{1, 2, 4, 5, 6}, "650", nil, 1, false},
	}
	if len(got) != len(want) {
		t.Fatalf("len(series) = %d, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Year != w.year {
			t.Errorf("series[%d].Year = %d, want %d", i, g.Year, w.year)
		}
		if g.EnterpriseCount != len(w.counted) || !slices.Equal(g.Counted, w.counted) {
			t.Errorf("%d: count %d %v, want %d %v", w.year, g.EnterpriseCount, g.Counted, len(w.counted), w.counted)
		}
		if g.QualifyingOutput.String() != w.output {
			t.Errorf("%d: qualifying output = %s, want %s", w.year, g.QualifyingOutput, w.output)
		}
		checkNum(t, "share", g.OutputShare, w.share, 0) // exact: Ratio rounds once
		if g.OutputCoverage != w.coverage {
			t.Errorf("%d: coverage = %v, want %v", w.year, g.OutputCoverage, w.coverage)
		}
		if (g.ProvinceOutput != nil) != w.provinceOK {
			t.Errorf("%d: province output = %v, want present %v", w.year, g.ProvinceOutput, w.provinceOK)
		}
	}
}

func TestWorkedExampleTargets(t *testing.T) {
	p, ents, outs := workedExample(t)
	r := Compute(p, ents, outs, "", 0)
	if r.AsOfYear != 2022 || r.Basis != model.BasisCurrent {
		t.Fatalf("as of %d on %q, want 2022 on current", r.AsOfYear, r.Basis)
	}
	want := []struct {
		metric            model.Metric
		year              int
		status            Status
		actual, expected  float64
		ratio, needed     float64
		projected         float64
		ratioTol, projTol float64
	}{
		// Expected at 2022 on the line 2020→2025: 3 + (6−3)·2/5 and
		// 0.175 + (0.35−0.175)·2/5.
		{model.MetricEnterpriseCount, 2025, StatusOnTrack, 4, 4.2, 1.0404, 2.0 / 3, 6.1584, 5e-5, 5e-5},
		{model.MetricEnterpriseCount, 2030, StatusOnTrack, 4, 4.2, 1.2091, 0.75, 12.642, 5e-5, 5e-4},
		{model.MetricOutputShare, 2025, StatusAccelerationNeeded, 0.216, 0.245, 0.7464, 0.044667, 0.296195, 5e-5, 5e-7},
		{model.MetricOutputShare, 2030, StatusOnTrack, 0.216, 0.245, 1.1205, 0.02925, 0.501322, 5e-5, 5e-7},
	}
	if len(r.Targets) != len(want) {
		t.Fatalf("len(targets) = %d, want %d", len(r.Targets), len(want))
	}
	for i, w := range want {
		g := r.Targets[i]
		if g.Metric != w.metric || g.Year != w.year || g.Status != w.status || g.Due {
			t.Errorf("targets[%d] = %s %d %s due=%v, want %s %d %s not due",
				i, g.Metric, g.Year, g.Status, g.Due, w.metric, w.year, w.status)
		}
		checkNum(t, "actual", g.Actual, &w.actual, 1e-12)
		checkNum(t, "expected", g.Expected, &w.expected, 1e-12)
		checkNum(t, "ratio", g.Ratio, &w.ratio, w.ratioTol)
		checkNum(t, "needed", g.NeededPerYear, &w.needed, 5e-7)
		checkNum(t, "projected", g.Projected, &w.projected, w.projTol)
	}
	checkNum(t, "observed count CAGR", r.Targets[0].ObservedGrowth, ptr(0.154701), 5e-7)
	checkNum(t, "required count CAGR", r.Targets[0].RequiredGrowth, ptr(0.148698), 5e-7)
	checkNum(t, "observed share CAGR", r.Targets[2].ObservedGrowth, ptr(0.110984), 5e-7)
}

// The SQL path builds YearPoints with NewYearPoint and calls Evaluate; it
// must reach the same targets as Compute.
func TestEvaluateFromRebuiltSeries(t *testing.T) {
	p, ents, outs := workedExample(t)
	r := Compute(p, ents, outs, model.BasisCurrent, 2022)
	var rebuilt []YearPoint
	for _, pt := range r.Series {
		rebuilt = append(rebuilt, NewYearPoint(pt.Year, pt.EnterpriseCount, pt.Reporting, pt.QualifyingOutput, pt.ProvinceOutput))
	}
	got := Evaluate(p, rebuilt, 2022)
	for i := range got {
		a, b := mustJSON(t, got[i]), mustJSON(t, r.Targets[i])
		if a != b {
			t.Errorf("target %d from rebuilt series = %s, want %s", i, a, b)
		}
	}
}
