package progress

import (
	"math"
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
	got := Compute(p, hd, ents, outs, model.BasisCurrent, closedTo(2023)).Series
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

// workedTarget is one target of the worked example as judged.
type workedTarget struct {
	metric                 model.Metric
	year                   int
	status                 Status
	due                    bool
	judged                 int
	actual, expected       float64
	ratio, needed, project *float64
}

func checkWorked(t *testing.T, r Report, want []workedTarget) {
	t.Helper()
	if len(r.Targets) != len(want) {
		t.Fatalf("len(targets) = %d, want %d", len(r.Targets), len(want))
	}
	for i, w := range want {
		g := r.Targets[i]
		if g.Metric != w.metric || g.Year != w.year || g.Status != w.status || g.Due != w.due || g.JudgedYear != w.judged {
			t.Errorf("targets[%d] = %s %d %s due=%v judged %d, want %s %d %s due=%v judged %d",
				i, g.Metric, g.Year, g.Status, g.Due, g.JudgedYear, w.metric, w.year, w.status, w.due, w.judged)
		}
		checkNum(t, "actual", g.Actual, &w.actual, 1e-12)
		checkNum(t, "expected", g.Expected, &w.expected, 1e-12)
		checkNum(t, "ratio", g.Ratio, w.ratio, 5e-5)
		checkNum(t, "needed", g.NeededPerYear, w.needed, 5e-7)
		checkNum(t, "projected", g.Projected, w.project, 5e-7)
	}
}

// DESIGN.md's numbers, "with as_of_year 2022": the report of 2022, made
// once 2023 has begun. A count carries whole enterprises: expected 4.2 is
// 4, needed 0.6667 and 0.75 are 1, projected 6.1584 and 12.642 are 6 and
// 13; the share's values stay unrounded.
func TestWorkedExampleTargets(t *testing.T) {
	p, ents, outs := workedExample(t)
	r := Compute(p, hd, ents, outs, "", asOf(t, p, "2024-03-01", 2022))
	if r.AsOfYear() != 2022 || r.Basis != model.BasisCurrent || r.Latest != (LatestYears{2022, 2022}) {
		t.Fatalf("as of %d on %q, latest %+v; want 2022 on current, latest 2022 and 2022", r.AsOfYear(), r.Basis, r.Latest)
	}
	checkWorked(t, r, []workedTarget{
		{model.MetricEnterpriseCount, 2025, StatusOnTrack, false, 2022, 4, 4, ptr(1.0404), ptr(1), ptr(6)},
		{model.MetricEnterpriseCount, 2030, StatusOnTrack, false, 2022, 4, 4, ptr(1.2091), ptr(1), ptr(13)},
		{model.MetricOutputShare, 2025, StatusAccelerationNeeded, false, 2022, 0.216, 0.245, ptr(0.7464), ptr(0.044667), ptr(0.296195)},
		{model.MetricOutputShare, 2030, StatusOnTrack, false, 2022, 0.216, 0.245, ptr(1.1205), ptr(0.02925), ptr(0.501322)},
	})
	c := r.Targets[0]
	checkNum(t, "observed count CAGR", c.ObservedGrowth, ptr(0.154701), 5e-7)
	checkNum(t, "required count CAGR", c.RequiredGrowth, ptr(0.148698), 5e-7)
	checkNum(t, "observed share CAGR", r.Targets[2].ObservedGrowth, ptr(0.110984), 5e-7)
	// The unrounded projections of DESIGN.md: 4 · 1.154701³ and ⁸.
	checkNum(t, "projected 2025, exact", ptr(4*math.Pow(1+*c.ObservedGrowth, 3)), ptr(6.1584), 5e-5)
	checkNum(t, "projected 2030, exact", ptr(4*math.Pow(1+*c.ObservedGrowth, 8)), ptr(12.642), 5e-4)
}

// Without a year, on 1 March 2024 each metric has its own latest year
// (rule 10): the count 2023 (5 enterprises), the share 2022, the last with
// a province total.
//
// Count from 3 in 2020 to 5 in 2023: observed (5/3)^(1/3) − 1 = 0.185631.
// For 6 in 2025: required 0.148698, R = 1.2484, needed (6 − 5)/2 = 0.5 → 1,
// projected 5 · 1.185631² = 7.03 → 7, expected 3 + 3·3/5 = 4.8 → 5. For
// 10 in 2030: required (10/3)^(1/10) − 1 = 0.127945, R = 1.4509, needed
// 5/7 → 1, projected 5 · 1.185631⁷ = 16.47 → 16. The share is judged on
// 2022 exactly as above.
func TestWorkedExampleEachMetricsLatestYear(t *testing.T) {
	p, ents, outs := workedExample(t)
	r := Compute(p, hd, ents, outs, "", asOf(t, p, "2024-03-01", 0))
	if r.AsOfYear() != 2023 || r.Latest != (LatestYears{2023, 2022}) {
		t.Fatalf("as of year %d, latest %+v; want 2023, latest count 2023 and share 2022", r.AsOfYear(), r.Latest)
	}
	checkWorked(t, r, []workedTarget{
		{model.MetricEnterpriseCount, 2025, StatusOnTrack, false, 2023, 5, 5, ptr(1.2484), ptr(1), ptr(7)},
		{model.MetricEnterpriseCount, 2030, StatusOnTrack, false, 2023, 5, 5, ptr(1.4509), ptr(1), ptr(16)},
		{model.MetricOutputShare, 2025, StatusAccelerationNeeded, false, 2022, 0.216, 0.245, ptr(0.7464), ptr(0.044667), ptr(0.296195)},
		{model.MetricOutputShare, 2030, StatusOnTrack, false, 2022, 0.216, 0.245, ptr(1.1205), ptr(0.02925), ptr(0.501322)},
	})
}

// The annual report of 2025, made on 15 February 2026: the 2025 targets
// are due. The register still counts A, B, D, E and F on 31/12/2025 (B's
// certificate runs to 31/05/2026): 5 of 6, missed, one short. No province
// total for 2025: the share awaits it.
//
// The 2030 count is judged on 2025: observed (5/3)^(1/5) − 1 = 0.107566,
// R = 0.107566/0.127945 = 0.8407, needed 5/5 = 1, projected 5 · (5/3) =
// 8.33 → 8, expected the 2025 target, 6.
func TestWorkedExampleAnnualReport(t *testing.T) {
	p, ents, outs := workedExample(t)
	r := Compute(p, hd, ents, outs, "", asOf(t, p, "2026-02-15", 2025))
	want := []struct {
		status Status
		due    bool
		judged int
	}{{StatusMissed, true, 2025}, {StatusAccelerationNeeded, false, 2025}, {StatusAwaitingData, true, 2025}, {StatusOnTrack, false, 2022}}
	for i, w := range want {
		if g := r.Targets[i]; g.Status != w.status || g.Due != w.due || g.JudgedYear != w.judged {
			t.Errorf("targets[%d] %s %d = %s due=%v judged %d, want %s due=%v judged %d", i, g.Metric, g.Year,
				g.Status, g.Due, g.JudgedYear, w.status, w.due, w.judged)
		}
	}
	count := r.Targets[0]
	checkNum(t, "2025 count", count.Actual, ptr(5), 0)
	checkNum(t, "shortfall", count.Gap(), ptr(1), 0)
	checkNum(t, "of target", count.OfTarget(), ptr(5.0/6), 1e-12)
	ahead := r.Targets[1]
	checkNum(t, "2030 ratio", ahead.Ratio, ptr(0.8407), 5e-5)
	checkNum(t, "2030 needed", ahead.NeededPerYear, ptr(1), 0)
	checkNum(t, "2030 projected", ahead.Projected, ptr(8), 0)
	checkNum(t, "2030 expected", ahead.Expected, ptr(6), 0)
	if share := r.Targets[2]; share.Actual != nil || share.Expected == nil || *share.Expected != 0.35 {
		t.Errorf("2025 share actual %s expected %s, want none and 0.35", fmtNum(share.Actual), fmtNum(share.Expected))
	}
}

// The SQL path builds YearPoints with NewYearPoint and calls Evaluate; it
// must reach the same targets as Compute.
func TestEvaluateFromRebuiltSeries(t *testing.T) {
	p, ents, outs := workedExample(t)
	per := asOf(t, p, "2026-12-04", 2026)
	r := Compute(p, hd, ents, outs, model.BasisCurrent, per)
	var rebuilt []YearPoint
	for _, pt := range r.Series {
		rebuilt = append(rebuilt, NewYearPoint(model.YearTotals{Year: pt.Year, Qualifying: pt.EnterpriseCount,
			Reporting: pt.Reporting, Output: pt.QualifyingOutput, ProvinceOutput: pt.ProvinceOutput,
			ProvinceStatus: pt.ProvinceStatus}, per.Closed(pt.Year)))
	}
	got := Evaluate(p, rebuilt, per)
	for i := range got {
		a, b := mustJSON(t, got[i]), mustJSON(t, r.Targets[i])
		if a != b {
			t.Errorf("target %d from rebuilt series = %s, want %s", i, a, b)
		}
	}
}
