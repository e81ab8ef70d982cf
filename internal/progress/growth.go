package progress

import (
	"cmp"
	"math"
	"slices"

	"industrytargets/internal/model"
)

// The thresholds of R that separate the statuses of a target not yet due
// (Open SDG's defaults); the overview's legend states them.
const (
	OnTrackRatio      = 0.95
	AccelerationRatio = 0.60
)

// CAGR is the compound annual growth rate from v0 in year t0 to v1 in year
// t1, (v1/v0)^(1/(t1−t0)) − 1, with a zero v0 taken as ZeroBaseline (rule 7).
//
// It is NaN when t1 == t0, or when either value is negative or NaN: a
// fractional power of a negative number has no real value, and growth
// across a change of sign means nothing. A v1 of zero gives −1.
func CAGR(v1, v0 float64, t1, t0 int) float64 {
	if t1 == t0 || !(v1 >= 0) || !(v0 >= 0) {
		return math.NaN()
	}
	if v0 == 0 {
		v0 = ZeroBaseline
	}
	return math.Pow(v1/v0, 1/float64(t1-t0)) - 1
}

// Rate returns R = observed ÷ |required| and the status it gives a target
// not yet achieved (rule 7).
//
// Dividing by the magnitude keeps the sign of R the sign of the observed
// growth when the required growth is negative (a target below the baseline,
// Open SDG's rule). When the required growth is zero (a target equal to the
// baseline) R is undefined (NaN) and the status follows the sign of the
// observed growth: a target not above the baseline that is not achieved has
// necessarily been fallen below, so that case is deterioration. NaN inputs
// give insufficient_data.
func Rate(observed, required float64) (float64, Status) {
	switch {
	case math.IsNaN(observed) || math.IsNaN(required):
		return math.NaN(), StatusInsufficientData
	case required == 0 && observed < 0:
		return math.NaN(), StatusDeterioration
	case required == 0:
		return math.NaN(), StatusOnTrack
	}
	r := observed / math.Abs(required)
	return r, StatusForRatio(r)
}

// StatusForRatio maps R to a status: R ≥ 0.95 on_track, 0.60 ≤ R < 0.95
// acceleration_needed, 0 ≤ R < 0.60 limited_progress, R < 0 deterioration,
// and NaN insufficient_data.
func StatusForRatio(r float64) Status {
	switch {
	case math.IsNaN(r):
		return StatusInsufficientData
	case r >= OnTrackRatio:
		return StatusOnTrack
	case r >= AccelerationRatio:
		return StatusAccelerationNeeded
	case r >= 0:
		return StatusLimitedProgress
	}
	return StatusDeterioration
}

// Trajectory returns the value metric is expected to have in year (rule 6):
// a straight line from baseline in baselineYear to the metric's first target,
// then from target to target in year order. ok is false before the baseline
// year and after the last target. Targets not after the baseline year do
// not shape the line; of two targets in one year the first listed is used.
func Trajectory(baselineYear int, baseline float64, targets []model.Target, metric model.Metric, year int) (v float64, ok bool) {
	if year < baselineYear {
		return 0, false
	}
	if year == baselineYear {
		return baseline, true
	}
	x0, y0 := baselineYear, baseline
	for _, t := range knots(targets, metric, baselineYear) {
		// Here year > x0, and t.Year > x0 once year <= t.Year, so the
		// denominator is positive.
		if year <= t.Year {
			return y0 + (t.Value-y0)*float64(year-x0)/float64(t.Year-x0), true
		}
		x0, y0 = t.Year, t.Value
	}
	return 0, false
}

// knots returns the targets of metric after baselineYear in year order, one
// per year.
func knots(targets []model.Target, metric model.Metric, baselineYear int) []model.Target {
	var ks []model.Target
	for _, t := range targets {
		if t.Metric == metric && t.Year > baselineYear {
			ks = append(ks, t)
		}
	}
	slices.SortStableFunc(ks, func(a, b model.Target) int { return cmp.Compare(a.Year, b.Year) })
	return slices.CompactFunc(ks, func(a, b model.Target) bool { return a.Year == b.Year })
}
