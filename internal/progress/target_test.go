package progress

import (
	"testing"

	"industrytargets/internal/model"
)

// counts builds a series from year, count pairs.
func counts(pairs ...int) []YearPoint {
	var s []YearPoint
	for i := 0; i+1 < len(pairs); i += 2 {
		s = append(s, YearPoint{Year: pairs[i], Closed: true, EnterpriseCount: pairs[i+1], OutputCoverage: 1})
	}
	return s
}

// shares builds a series whose shares are given by year; nil is no share.
func shares(byYear map[int]*float64) []YearPoint {
	var s []YearPoint
	for y, v := range byYear {
		s = append(s, YearPoint{Year: y, Closed: true, OutputShare: v, OutputCoverage: 1})
	}
	return s
}

func count(year int, v float64) model.Target {
	return model.Target{Metric: model.MetricEnterpriseCount, Year: year, Value: v}
}

type wantResult struct {
	status                                     Status
	actual, expected, ratio, needed, projected *float64
}

var share2025 = model.Target{Metric: model.MetricOutputShare, Year: 2025, Value: 0.35}

// evaluateEdges are targets judged by hand; baseline 2020 throughout, each
// as of January after asOf, which has closed. A count's expected and
// projected values are rounded half up, its additions a year up.
var evaluateEdges = []struct {
	name   string
	target model.Target
	series []YearPoint
	asOf   int
	want   wantResult
}{
	// Baseline 0 is taken as 0.001: (2/0.001)^(1/2) − 1 = 43.721360,
	// (5/0.001)^(1/5) − 1 = 4.492803, R = 9.731422; 2 · 44.721360³ =
	// 178885.44.
	{"zero baseline", count(2025, 5), counts(2020, 0, 2022, 2), 2022,
		wantResult{StatusOnTrack, ptr(2), ptr(2), ptr(9.731422), ptr(1), ptr(178885)}},
	// (7/3)^(1/2) − 1 = 0.527525 over 0.148698; nothing more needed;
	// expected 4.2, projected 24.95.
	{"target met early", count(2025, 6), counts(2020, 3, 2022, 7), 2022,
		wantResult{StatusAchieved, ptr(7), ptr(4), ptr(3.547620), ptr(0), ptr(25)}},
	{"target year closed, achieved", count(2021, 4), counts(2020, 3, 2021, 4, 2022, 2), 2022,
		wantResult{StatusAchieved, ptr(4), ptr(4), nil, nil, nil}},
	{"target year closed, missed", count(2021, 5), counts(2020, 3, 2021, 4, 2022, 9), 2022,
		wantResult{StatusMissed, ptr(4), ptr(5), nil, nil, nil}},
	{"target of the report's year", count(2022, 4), counts(2020, 3, 2022, 4), 2022,
		wantResult{StatusAchieved, ptr(4), ptr(4), nil, nil, nil}},
	{"target year closed without data", count(2021, 4), counts(2020, 3, 2022, 4), 2022,
		wantResult{StatusInsufficientData, nil, ptr(4), nil, nil, nil}},
	// One year of data: no growth to judge, but (6 − 3)/5 = 0.6 a year
	// needed, one enterprise.
	{"single year", count(2025, 6), counts(2020, 3), 2020,
		wantResult{StatusInsufficientData, ptr(3), ptr(3), nil, ptr(1), nil}},
	{"single year, already met", count(2025, 6), counts(2020, 7), 2020,
		wantResult{StatusAchieved, ptr(7), ptr(7), nil, ptr(0), nil}},
	// (3/4)^(1/2) − 1 = −0.133975 over 1.5^(1/5) − 1 = 0.084472; expected
	// 4.8, projected 1.95.
	{"deterioration", count(2025, 6), counts(2020, 4, 2022, 3), 2022,
		wantResult{StatusDeterioration, ptr(3), ptr(5), ptr(-1.586028), ptr(1), ptr(2)}},
	// 1.1^(1/2) − 1 = 0.048809 over 2^(1/5) − 1 = 0.148698; projected
	// 12.69.
	{"limited progress", count(2025, 20), counts(2020, 10, 2022, 11), 2022,
		wantResult{StatusLimitedProgress, ptr(11), ptr(14), ptr(0.328241), ptr(3), ptr(13)}},
	// Required 0.8^(1/5) − 1 = −0.043648 < 0: R = −0.163340/0.043648;
	// expected 9.2, needed 1/3, projected 4.10.
	{"target below baseline, fallen under it", count(2025, 8), counts(2020, 10, 2022, 7), 2022,
		wantResult{StatusDeterioration, ptr(7), ptr(9), ptr(-3.742253), ptr(1), ptr(4)}},
	{"target below baseline, still above it", count(2025, 8), counts(2020, 10, 2022, 9), 2022,
		wantResult{StatusAchieved, ptr(9), ptr(9), ptr(-1.175708), ptr(0), ptr(8)}},
	// Required growth 0: R undefined, and a fall is deterioration.
	{"target equal to baseline", count(2025, 10), counts(2020, 10, 2022, 9), 2022,
		wantResult{StatusDeterioration, ptr(9), ptr(10), nil, ptr(1), ptr(8)}},
	// Observed (0/3)^(1/2) − 1 = −1, R = −1/0.148698.
	{"fell to zero", count(2025, 6), counts(2020, 3, 2022, 0), 2022,
		wantResult{StatusDeterioration, ptr(0), ptr(4), ptr(-6.725024), ptr(2), ptr(0)}},
	// The share's latest year is its last with a total (rule 10): 2020
	// alone, so one year of data; (0.35 − 0.175)/5 a year needed.
	{"share's latest year is its last total", share2025, shares(map[int]*float64{2020: ptr(0.175), 2023: nil}), 2023,
		wantResult{StatusInsufficientData, ptr(0.175), ptr(0.175), nil, ptr(0.035), nil}},
	// The trend starts at the first year with a total.
	{"no share in the baseline year", share2025, shares(map[int]*float64{2020: nil, 2022: ptr(0.2)}), 2022,
		wantResult{StatusInsufficientData, ptr(0.2), ptr(0.2), nil, ptr(0.05), nil}},
	// From 2021 at 0.2 to 2023 at 0.242: (1.21)^(1/2) − 1 = 0.1 observed,
	// (0.35/0.2)^(1/4) − 1 = 0.150163 required, R = 0.665942; the line runs
	// 0.2 + 0.15·2/4 = 0.275; 0.242·1.1² = 0.29282.
	{"share's trend from its first total", share2025, shares(map[int]*float64{2020: nil, 2021: ptr(0.2), 2023: ptr(0.242)}), 2023,
		wantResult{StatusAccelerationNeeded, ptr(0.242), ptr(0.275), ptr(0.665942), ptr(0.054), ptr(0.29282)}},
	{"due share without a total", model.Target{Metric: model.MetricOutputShare, Year: 2021, Value: 0.1},
		shares(map[int]*float64{2020: ptr(0.05), 2021: nil, 2022: ptr(0.2)}), 2022,
		wantResult{StatusAwaitingData, nil, ptr(0.1), nil, nil, nil}},
	{"baseline year missing from the series", count(2025, 6), counts(2022, 4), 2022,
		wantResult{StatusInsufficientData, ptr(4), nil, nil, ptr(1), nil}},
	{"before any year closed", count(2025, 6), nil, 2019,
		wantResult{StatusInsufficientData, nil, nil, nil, nil, nil}},
	{"unknown metric", model.Target{Metric: "revenue", Year: 2025, Value: 1}, counts(2020, 3, 2022, 4), 2022,
		wantResult{StatusInsufficientData, nil, nil, nil, nil, nil}},
}

func TestEvaluateEdges(t *testing.T) {
	for _, c := range evaluateEdges {
		t.Run(c.name, func(t *testing.T) {
			p := model.Plan{BaselineYear: 2020, Targets: []model.Target{c.target}}
			got := Evaluate(p, c.series, closedTo(c.asOf))
			if len(got) != 1 {
				t.Fatalf("len(results) = %d, want 1", len(got))
			}
			checkResult(t, got[0], c.want)
			if due := c.target.Year <= c.asOf; got[0].Due != due {
				t.Errorf("due = %v, want %v", got[0].Due, due)
			}
		})
	}
}

func checkResult(t *testing.T, got TargetResult, want wantResult) {
	t.Helper()
	if got.Status != want.status {
		t.Errorf("status = %s, want %s", got.Status, want.status)
	}
	checkNum(t, "actual", got.Actual, want.actual, 1e-12)
	checkNum(t, "expected", got.Expected, want.expected, 1e-12)
	checkNum(t, "ratio", got.Ratio, want.ratio, 5e-7)
	checkNum(t, "needed", got.NeededPerYear, want.needed, 1e-12)
	checkNum(t, "projected", got.Projected, want.projected, 5e-3)
}

func TestGap(t *testing.T) {
	r := TargetResult{Value: 6, Actual: ptr(4)}
	checkNum(t, "gap", r.Gap(), ptr(2), 0)
	r.Actual = ptr(7)
	checkNum(t, "gap exceeded", r.Gap(), ptr(-1), 0)
	r.Actual = nil
	checkNum(t, "gap without actual", r.Gap(), nil, 0)
}

func TestEvaluateWithoutTargets(t *testing.T) {
	got := Evaluate(model.Plan{BaselineYear: 2020}, counts(2020, 1), closedTo(2020))
	if got == nil || len(got) != 0 {
		t.Errorf("Evaluate without targets = %#v, want an empty, non-nil slice", got)
	}
}
