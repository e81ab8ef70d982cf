package chart

import (
	"math"
	"slices"
	"testing"
)

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		name     string
		lo, hi   float64
		maxTicks int
		want     []float64
	}{
		{"all zero", 0, 0, 6, []float64{0, 1}},
		{"zero to one", 0, 1, 6, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{"zero to seven", 0, 7, 6, []float64{0, 2, 4, 6, 8}},
		{"zero to seven, eight ticks", 0, 7, 8, []float64{0, 1, 2, 3, 4, 5, 6, 7}},
		{"count 3 to 340", 3, 340, 6, []float64{0, 100, 200, 300, 400}},
		{"count 0 to 580", 0, 580, 7, []float64{0, 100, 200, 300, 400, 500, 600}},
		{"count 0 to 580, few ticks", 0, 580, 6, []float64{0, 200, 400, 600}},
		{"share 0.17 to 0.45", 0.17, 0.45, 6, []float64{0.1, 0.2, 0.3, 0.4, 0.5}},
		{"share 0 to 0.45", 0, 0.45, 7, []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5}},
		{"share with 2.5 step", 0, 0.1, 5, []float64{0, 0.025, 0.05, 0.075, 0.1}},
		{"step of 2.5", 0, 10, 5, []float64{0, 2.5, 5, 7.5, 10}},
		{"billion", 0, 1e9, 6, []float64{0, 2e8, 4e8, 6e8, 8e8, 1e9}},
		{"billions", 1e9, 3e9, 6, []float64{1e9, 1.5e9, 2e9, 2.5e9, 3e9}},
		{"a billion plus a little", 1e9, 1e9 + 10, 6, []float64{1e9, 1e9 + 2, 1e9 + 4, 1e9 + 6, 1e9 + 8, 1e9 + 10}},
		{"tiny", 0, 3e-9, 4, []float64{0, 1e-9, 2e-9, 3e-9}},
		{"one value", 5, 5, 6, []float64{0, 1, 2, 3, 4, 5}},
		{"one negative value", -3, -3, 6, []float64{-3, -2, -1, 0}},
		{"reversed", 7, 0, 6, []float64{0, 2, 4, 6, 8}},
		{"negative and positive", -12, 30, 6, []float64{-20, -10, 0, 10, 20, 30}},
		{"too few ticks asked", 0, 7, 0, []float64{0, 10}},
		{"two ticks across zero", -1, 7, 2, []float64{-10, 0, 10}},
		{"a thousand and a bit", 0, 1234, 6, []float64{0, 250, 500, 750, 1000, 1250}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NiceTicks(tt.lo, tt.hi, tt.maxTicks)
			if !slices.Equal(got, tt.want) {
				t.Errorf("NiceTicks(%v, %v, %d) = %v, want %v", tt.lo, tt.hi, tt.maxTicks, got, tt.want)
			}
		})
	}
}

// TestNiceTicksCover checks the promises over many ranges: at most maxTicks
// ticks, evenly spaced, round, and covering the range.
func TestNiceTicksCover(t *testing.T) {
	for _, hi := range []float64{0.001, 0.0175, 0.216, 0.45, 1, 3, 7, 9.99, 13, 99, 340, 580, 999, 1001, 123456, 7.7e8, 1e12} {
		for _, lo := range []float64{0, hi / 3, -hi / 2} {
			for _, n := range []int{2, 4, 6, 7, 10} {
				ticks := NiceTicks(lo, hi, n)
				if len(ticks) < 2 || len(ticks) > max(n, 3) {
					t.Fatalf("NiceTicks(%v, %v, %d) = %v: want 2 to %d ticks", lo, hi, n, ticks, n)
				}
				if ticks[0] > lo || ticks[len(ticks)-1] < hi {
					t.Errorf("NiceTicks(%v, %v, %d) = %v: does not cover the range", lo, hi, n, ticks)
				}
				step := ticks[1] - ticks[0]
				mant := step / math.Pow(10, math.Floor(math.Log10(step)))
				if !slices.ContainsFunc([]float64{1, 2, 2.5, 5}, func(m float64) bool { return math.Abs(m-mant) < 1e-6 }) {
					t.Errorf("NiceTicks(%v, %v, %d) = %v: step %v is not round", lo, hi, n, ticks, step)
				}
			}
		}
	}
}

func TestNiceTicksNotFinite(t *testing.T) {
	for _, r := range [][2]float64{{math.NaN(), 1}, {0, math.Inf(1)}, {-math.MaxFloat64, math.MaxFloat64}} {
		if got := NiceTicks(r[0], r[1], 6); got != nil {
			t.Errorf("NiceTicks(%v, %v) = %v, want nil", r[0], r[1], got)
		}
	}
}

func TestDecimals(t *testing.T) {
	tests := []struct {
		ticks []float64
		want  int
	}{
		{[]float64{0, 100, 200}, 0},
		{[]float64{0, 2.5, 5}, 1},
		{[]float64{0, 0.05, 0.1}, 2},
		{[]float64{0, 0.025, 0.05}, 3},
		{[]float64{0.1, 0.2, 0.3}, 1},
		{nil, 0},
	}
	for _, tt := range tests {
		if got := Decimals(tt.ticks); got != tt.want {
			t.Errorf("Decimals(%v) = %d, want %d", tt.ticks, got, tt.want)
		}
	}
}

func TestScale(t *testing.T) {
	tests := []struct {
		s    Scale
		v    float64
		want float64
	}{
		{Scale{D0: 0, D1: 600, R0: 300, R1: 80}, 0, 300},
		{Scale{D0: 0, D1: 600, R0: 300, R1: 80}, 600, 80},
		{Scale{D0: 0, D1: 600, R0: 300, R1: 80}, 300, 190},
		{Scale{D0: 2019.5, D1: 2030.5, R0: 40, R1: 150}, 2020, 45},
		{Scale{D0: 5, D1: 5, R0: 0, R1: 100}, 5, 50},
	}
	for _, tt := range tests {
		if got := tt.s.At(tt.v); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%+v.At(%v) = %v, want %v", tt.s, tt.v, got, tt.want)
		}
	}
}
