package progress

import (
	"cmp"
	"math"
	"slices"

	"industrytargets/internal/model"
)

// Status says how a target stands (rules 7 and 8).
type Status string

// The statuses: the first five for a target not yet due (rule 7), achieved
// and missed for one whose year has passed (rule 8), insufficient_data for
// either when the numbers to judge it are missing.
const (
	StatusAchieved           Status = "achieved"
	StatusOnTrack            Status = "on_track"
	StatusAccelerationNeeded Status = "acceleration_needed"
	StatusLimitedProgress    Status = "limited_progress"
	StatusDeterioration      Status = "deterioration"
	StatusMissed             Status = "missed"
	StatusInsufficientData   Status = "insufficient_data"
)

// ZeroBaseline stands in for a baseline value of zero in CAGR (rule 7), in
// the metric's own unit: 0.001 enterprises, or a share of 0.1 %.
const ZeroBaseline = 0.001

// TargetResult is one target judged as of a year. Pointers are nil where a
// number is undefined; they are never NaN or infinite.
//
// For a target not yet due (Year > the as-of year) Actual is the metric's
// value in the as-of year and Expected the trajectory's value in the as-of
// year: where the metric is now and where the plan's straight line says it
// should be now. For a due target (Year ≤ the as-of year) Actual is the value
// in the target's own year, the one it is judged on, and Expected the
// trajectory's value in that year, which is the target value itself.
type TargetResult struct {
	Metric model.Metric
	Year   int
	// Value is what the plan aims for.
	Value float64
	// Due is true when the target's year is not after the as-of year.
	Due bool
	// ActualYear is the year Actual is taken from.
	ActualYear int
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
}

// Gap returns Value − Actual, negative when the target is exceeded, or nil
// when Actual is undefined.
func (r TargetResult) Gap() *float64 {
	if r.Actual == nil {
		return nil
	}
	return finite(r.Value - *r.Actual)
}

// Evaluate judges every target of plan from series alone as of asOfYear
// (rules 6–8), in a fixed order: enterprise count first, then share, each by
// year. The series must hold the baseline year and the years looked at;
// a missing year counts as a year without data.
//
// A due target is achieved or missed on its own year's value, and has
// insufficient_data when that value is undefined (a null share). A target
// not yet due is achieved as soon as the as-of value meets it; otherwise it
// has insufficient_data when the as-of value or the baseline value is
// undefined or the as-of year is not after the baseline year, and else the
// status of R. Ratio and Projected are filled whenever the two values allow,
// an achieved target included.
func Evaluate(plan model.Plan, series []YearPoint, asOfYear int) []TargetResult {
	byYear := make(map[int]YearPoint, len(series))
	for _, p := range series {
		byYear[p.Year] = p
	}
	targets := slices.Clone(plan.Targets)
	slices.SortStableFunc(targets, func(a, b model.Target) int {
		return cmp.Or(cmp.Compare(metricRank(a.Metric), metricRank(b.Metric)), cmp.Compare(a.Year, b.Year))
	})
	results := make([]TargetResult, 0, len(targets))
	for _, t := range targets {
		j := judge{plan: plan, byYear: byYear, target: t, asOf: asOfYear}
		if t.Year <= asOfYear {
			results = append(results, j.due())
		} else {
			results = append(results, j.ahead())
		}
	}
	return results
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
	asOf   int
}

func (j judge) value(year int) (float64, bool) {
	p, ok := j.byYear[year]
	if !ok {
		return 0, false
	}
	return p.Value(j.target.Metric)
}

// expected is the trajectory's value in year, nil when the baseline value is
// undefined or year lies outside the trajectory.
func (j judge) expected(year int) *float64 {
	base, ok := j.value(j.plan.BaselineYear)
	if !ok {
		return nil
	}
	e, ok := Trajectory(j.plan.BaselineYear, base, j.plan.Targets, j.target.Metric, year)
	if !ok {
		return nil
	}
	return finite(e)
}

// due judges a target whose year has passed on that year's value (rule 8).
func (j judge) due() TargetResult {
	t := j.target
	r := TargetResult{Metric: t.Metric, Year: t.Year, Value: t.Value, Due: true,
		ActualYear: t.Year, Expected: j.expected(t.Year), Status: StatusInsufficientData}
	actual, ok := j.value(t.Year)
	if !ok || !isFinite(actual) {
		return r
	}
	r.Actual = &actual
	r.Status = StatusMissed
	if actual >= t.Value {
		r.Status = StatusAchieved
	}
	return r
}

// ahead judges a target not yet due from the baseline and the as-of year
// (rule 7).
func (j judge) ahead() TargetResult {
	t, base0 := j.target, j.plan.BaselineYear
	r := TargetResult{Metric: t.Metric, Year: t.Year, Value: t.Value,
		ActualYear: j.asOf, Expected: j.expected(j.asOf), Status: StatusInsufficientData}
	actual, ok := j.value(j.asOf)
	if !ok || !isFinite(actual) {
		return r
	}
	left := float64(t.Year - j.asOf)
	r.Actual = &actual
	r.NeededPerYear = finite(max(0, (t.Value-actual)/left))
	if actual >= t.Value {
		r.Status = StatusAchieved
	}
	base, ok := j.value(base0)
	if !ok || j.asOf <= base0 {
		return r
	}
	obs := CAGR(actual, base, j.asOf, base0)
	req := CAGR(t.Value, base, t.Year, base0)
	r.ObservedGrowth, r.RequiredGrowth = finite(obs), finite(req)
	r.Projected = finite(actual * math.Pow(1+obs, left))
	ratio, status := Rate(obs, req)
	r.Ratio = finite(ratio)
	if r.Status != StatusAchieved {
		r.Status = status
	}
	return r
}
