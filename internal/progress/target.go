package progress

import (
	"cmp"
	"math"
	"slices"

	"industrytargets/internal/model"
)

// Status says how a target stands (rules 7 and 8).
type Status string

// The statuses: five for a target not yet due (rule 7); achieved, missed,
// not_determined and awaiting_data for one whose year has closed (rule 8);
// insufficient_data when a target not yet due has too little to go on.
const (
	StatusAchieved           Status = "achieved"
	StatusOnTrack            Status = "on_track"
	StatusAccelerationNeeded Status = "acceleration_needed"
	StatusLimitedProgress    Status = "limited_progress"
	StatusDeterioration      Status = "deterioration"
	StatusMissed             Status = "missed"
	StatusNotDetermined      Status = "not_determined"
	StatusAwaitingData       Status = "awaiting_data"
	StatusInsufficientData   Status = "insufficient_data"
)

// ZeroBaseline stands in for a baseline value of zero in CAGR (rule 7), in
// the metric's own unit: 0.001 enterprises, or a share of 0.1 %.
const ZeroBaseline = 0.001

// TargetResult is one target judged as of a report date. Pointers are nil
// where a number is undefined; they are never NaN or infinite. For an
// enterprise count, Expected and Projected are rounded half up and
// NeededPerYear up: enterprises are whole (rule 7).
//
// A due target (its year closed and not after the report's year) is judged
// on its own year: Actual is the value then and Expected the target value.
// A target not yet due is judged on its metric's latest year (rule 10):
// Actual is the value then, Expected the trajectory's value then.
type TargetResult struct {
	Metric model.Metric
	Year   int
	// Value is what the plan aims for.
	Value float64
	// Due is true when the target's year has closed, on the report date,
	// and is not after the report's year.
	Due bool
	// JudgedYear is the year the status was computed from; 0 when the
	// metric has no year to judge it on.
	JudgedYear int
	Actual     *float64
	Expected   *float64
	Status     Status
	// Ratio is R = CAGR_observed ÷ |CAGR_required|; nil for a due target,
	// with fewer than two years of data, or when CAGR_required is zero.
	Ratio *float64
	// ObservedGrowth and RequiredGrowth are the two CAGRs behind Ratio.
	ObservedGrowth *float64
	RequiredGrowth *float64
	// NeededPerYear is (Value − Actual) ÷ the years left, never below zero;
	// nil for a due target.
	NeededPerYear *float64
	// Projected is Actual × (1 + ObservedGrowth)^(years left), the value
	// the target year reaches at the observed rate; nil for a due target.
	Projected *float64
	// Coverage is, for a share, the coverage of the year judged (rule 4);
	// Reporting and Qualifying are its parts.
	Coverage              *float64
	Reporting, Qualifying int
	// ProvinceStatus is, for a share, how final the province total of the
	// year judged is; empty without one.
	ProvinceStatus model.FigureStatus
}

// Gap returns Value − Actual, negative when the target is exceeded, or nil
// when Actual is undefined.
func (r TargetResult) Gap() *float64 {
	if r.Actual == nil {
		return nil
	}
	return finite(r.Value - *r.Actual)
}

// OfTarget is Actual ÷ Value, the share of the target reached; nil when
// either is undefined or the target is zero.
func (r TargetResult) OfTarget() *float64 {
	if r.Actual == nil || r.Value == 0 {
		return nil
	}
	return finite(*r.Actual / r.Value)
}

// LatestYears are the latest years of each metric (rule 10): the count's
// is the last closed year of the report, the share's the last closed year
// with a province total on the basis. 0 means none.
type LatestYears struct {
	EnterpriseCount int
	OutputShare     int
}

// Latest finds each metric's latest year in series.
func Latest(series []YearPoint) LatestYears {
	var l LatestYears
	for _, p := range series {
		if !p.Closed {
			continue
		}
		l.EnterpriseCount = max(l.EnterpriseCount, p.Year)
		if p.OutputShare != nil {
			l.OutputShare = max(l.OutputShare, p.Year)
		}
	}
	return l
}

// Of returns the latest year of metric m.
func (l LatestYears) Of(m model.Metric) int {
	if m == model.MetricOutputShare {
		return l.OutputShare
	}
	return l.EnterpriseCount
}

// Evaluate judges every target of plan from series alone as of period
// (rules 6–10), in a fixed order: enterprise count first, then share, each
// by year. The series must run from the baseline year to period.Year; a
// missing year counts as a year without data.
//
// A target whose year has closed and is not after the report's year is
// due, and judged on that year (rule 8). Any other is judged on its
// metric's latest year (rule 7): achieved as soon as that value meets it;
// insufficient_data when the metric has fewer than two years with data;
// otherwise the status of R, with the gap, the additions a year needed and
// the projection.
func Evaluate(plan model.Plan, series []YearPoint, period Period) []TargetResult {
	byYear := make(map[int]YearPoint, len(series))
	for _, p := range series {
		byYear[p.Year] = p
	}
	latest := Latest(series)
	targets := slices.Clone(plan.Targets)
	slices.SortStableFunc(targets, func(a, b model.Target) int {
		return cmp.Or(cmp.Compare(metricRank(a.Metric), metricRank(b.Metric)), cmp.Compare(a.Year, b.Year))
	})
	results := make([]TargetResult, 0, len(targets))
	for _, t := range targets {
		j := judge{plan: plan, byYear: byYear, target: t, latest: latest.Of(t.Metric), first: TrendStart(plan, series, t.Metric)}
		var r TargetResult
		if period.Closed(t.Year) && t.Year <= period.Year {
			r = j.due()
		} else {
			r = j.ahead()
		}
		results = append(results, r.whole())
	}
	return results
}

// TrendStart is the year a metric's trend and trajectory start from: the
// baseline year for the count, and for the share its first closed year
// with a total (the baseline year when it has one); 0 for none.
func TrendStart(plan model.Plan, series []YearPoint, m model.Metric) int {
	if m != model.MetricOutputShare {
		return plan.BaselineYear
	}
	first := 0
	for _, p := range series {
		if p.Closed && p.Year >= plan.BaselineYear && p.OutputShare != nil && (first == 0 || p.Year < first) {
			first = p.Year
		}
	}
	return first
}

func metricRank(m model.Metric) int {
	if i := slices.Index(model.Metrics, m); i >= 0 {
		return i
	}
	return len(model.Metrics)
}

// judge holds what judging one target needs.
type judge struct {
	plan   model.Plan
	byYear map[int]YearPoint
	target model.Target
	latest int // the metric's latest year, 0 for none
	first  int // the year its trend starts, 0 for none
}

func (j judge) value(year int) (float64, bool) {
	p, ok := j.byYear[year]
	if !ok {
		return 0, false
	}
	return p.Value(j.target.Metric)
}

// expected is the trajectory's value in year (rule 6), from the trend's
// first year; nil when that is undefined or year lies outside the
// trajectory.
func (j judge) expected(year int) *float64 {
	base, ok := j.value(j.first)
	if j.first == 0 || !ok {
		return nil
	}
	e, ok := Trajectory(j.first, base, j.plan.Targets, j.target.Metric, year)
	if !ok {
		return nil
	}
	return finite(e)
}

// share fills in, for a share, the coverage and the status of the
// province total of year.
func (j judge) share(r *TargetResult, year int) {
	p, ok := j.byYear[year]
	if j.target.Metric != model.MetricOutputShare || !ok {
		return
	}
	c := p.OutputCoverage
	r.Coverage, r.Reporting, r.Qualifying, r.ProvinceStatus = finite(c), p.Reporting, p.EnterpriseCount, p.ProvinceStatus
}

// due judges a target whose year has closed on that year (rule 8).
func (j judge) due() TargetResult {
	t := j.target
	r := TargetResult{Metric: t.Metric, Year: t.Year, Value: t.Value, Due: true, JudgedYear: t.Year, Expected: finite(t.Value)}
	j.share(&r, t.Year)
	actual, ok := j.value(t.Year)
	switch {
	case ok && isFinite(actual):
		r.Actual = &actual
	case t.Metric == model.MetricOutputShare:
		r.Status = StatusAwaitingData
		return r
	default:
		r.Status = StatusInsufficientData
		return r
	}
	switch {
	case actual >= t.Value:
		r.Status = StatusAchieved
	case t.Metric == model.MetricOutputShare && r.Coverage != nil && *r.Coverage < 1:
		// The share of those reporting is a lower bound: the others could
		// still carry it over the target.
		r.Status = StatusNotDetermined
	default:
		r.Status = StatusMissed
	}
	return r
}

// ahead judges a target not yet due from its metric's trend (rule 7).
func (j judge) ahead() TargetResult {
	t := j.target
	r := TargetResult{Metric: t.Metric, Year: t.Year, Value: t.Value, JudgedYear: j.latest, Status: StatusInsufficientData}
	if j.latest == 0 {
		return r
	}
	r.Expected = j.expected(j.latest)
	j.share(&r, j.latest)
	actual, ok := j.value(j.latest)
	if !ok || !isFinite(actual) {
		return r
	}
	left := float64(t.Year - j.latest)
	r.Actual = &actual
	r.NeededPerYear = finite(max(0, (t.Value-actual)/left))
	if actual >= t.Value {
		r.Status = StatusAchieved
	}
	base, ok := j.value(j.first)
	if j.first == 0 || !ok || j.latest <= j.first {
		return r
	}
	obs := CAGR(actual, base, j.latest, j.first)
	req := CAGR(t.Value, base, t.Year, j.first)
	r.ObservedGrowth, r.RequiredGrowth = finite(obs), finite(req)
	r.Projected = finite(actual * math.Pow(1+obs, left))
	ratio, status := Rate(obs, req)
	r.Ratio = finite(ratio)
	if r.Status != StatusAchieved {
		r.Status = status
	}
	return r
}

// whole rounds what a count carries to whole enterprises: the trajectory
// and the projection half up, the additions a year needed up.
func (r TargetResult) whole() TargetResult {
	if r.Metric != model.MetricEnterpriseCount {
		return r
	}
	round := func(p *float64, f func(float64) float64) *float64 {
		if p == nil {
			return nil
		}
		v := f(*p)
		return &v
	}
	halfUp := func(v float64) float64 { return math.Floor(v + 0.5) }
	// A quotient that should be whole may land a hair above it.
	up := func(v float64) float64 { return math.Ceil(v - 1e-9) }
	r.Expected, r.Projected = round(r.Expected, halfUp), round(r.Projected, halfUp)
	r.NeededPerYear = round(r.NeededPerYear, up)
	return r
}
