// Package chart draws the dashboard's charts as SVG on the server: a line of
// a measure by year against the plan's trajectory, targets and projection;
// horizontal bars for breakdowns; vertical bars per year. No script is
// needed to see them, every text is escaped, and they read the same when
// printed in black and white (dashes, dots, diamonds and hatching carry the
// meaning; colour only helps).
//
// Charts take plain data, never the progress or store types, and expose
// that data as rows so a page can show it in a table and offer it for
// download.
package chart

import (
	"math"
	"strconv"
)

// tickEpsilon absorbs the rounding of a division such as 0.45 / 0.05, which
// gives 9.000000000000002, so that it does not add a needless tick.
const tickEpsilon = 1e-9

// niceMantissas are the round steps, times a power of ten, that ticks use.
var niceMantissas = [...]float64{1, 2, 2.5, 5}

// NiceTicks returns at most maxTicks (at least 2) evenly spaced round values
// that cover [lo, hi], the step being 1, 2, 2.5 or 5 times a power of ten.
//
// lo and hi may come in either order. When both are zero the ticks are 0
// and 1; when they are otherwise equal the interval is widened to reach
// zero, so a single value still gets an axis. A range across zero gets at
// least three ticks, since every tick is a multiple of the step. Non-finite input, or an interval too wide to measure,
// gives nil.
func NiceTicks(lo, hi float64, maxTicks int) []float64 {
	if !finite(lo) || !finite(hi) || !finite(hi-lo) {
		return nil
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == 0 && hi == 0 {
		return []float64{0, 1}
	}
	if hi-lo <= 1e-12*max(math.Abs(lo), math.Abs(hi)) {
		lo, hi = widen(lo)
	}
	// Ticks are multiples of the step, so a range across zero needs one
	// below it, zero, and one above.
	maxTicks = max(maxTicks, 2)
	if lo < 0 && hi > 0 {
		maxTicks = max(maxTicks, 3)
	}
	step := niceStep(lo, hi, maxTicks)
	first := math.Floor(lo/step + tickEpsilon)
	last := math.Ceil(hi/step - tickEpsilon)
	ticks := make([]float64, 0, int(last-first)+1)
	for i := first; i <= last; i++ {
		ticks = append(ticks, clean(i*step))
	}
	return ticks
}

// widen turns a single value into an interval that reaches zero.
func widen(v float64) (lo, hi float64) {
	if v > 0 {
		return 0, v
	}
	return v, 0
}

// niceStep returns the smallest round step that covers [lo, hi] in at most
// maxTicks ticks.
func niceStep(lo, hi float64, maxTicks int) float64 {
	rough := (hi - lo) / float64(maxTicks-1)
	mag := math.Pow(10, math.Floor(math.Log10(rough)))
	for {
		for _, m := range niceMantissas {
			step := m * mag
			n := math.Ceil(hi/step-tickEpsilon) - math.Floor(lo/step+tickEpsilon) + 1
			if n <= float64(maxTicks) {
				return step
			}
		}
		mag *= 10
	}
}

// clean rounds away the binary noise of i × step (0.30000000000000004) and
// the sign of a negative zero.
func clean(v float64) float64 {
	v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if v == 0 {
		return 0
	}
	return v
}

// Decimals returns how many decimals the values of ticks need to be told
// apart: 0 for 0, 100, 200; 1 for 0, 2.5, 5; 2 for 0.05, 0.1.
func Decimals(ticks []float64) int {
	d := 0
	for _, t := range ticks {
		for d < 12 {
			scaled := math.Abs(t) * math.Pow(10, float64(d))
			if math.Abs(scaled-math.Round(scaled)) <= 1e-6*max(1, scaled) {
				break
			}
			d++
		}
	}
	return d
}

// Scale maps the data interval [D0, D1] linearly onto the pixel interval
// [R0, R1]; R1 may be less than R0, as on a y axis that grows upwards.
type Scale struct {
	D0, D1 float64
	R0, R1 float64
}

// At returns the pixel position of v: the middle of the pixel interval when
// the data interval is a single point.
func (s Scale) At(v float64) float64 {
	if s.D1 == s.D0 {
		return (s.R0 + s.R1) / 2
	}
	return s.R0 + (v-s.D0)*(s.R1-s.R0)/(s.D1-s.D0)
}

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
