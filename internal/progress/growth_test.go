package progress

import (
	"math"
	"testing"

	"industrytargets/internal/model"
)

func TestCAGR(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name   string
		v1, v0 float64
		t1, t0 int
		want   float64
	}{
		{"worked example count", 4, 3, 2022, 2020, 0.154701},
		{"worked example required", 6, 3, 2025, 2020, 0.148698},
		{"flat", 5, 5, 2025, 2020, 0},
		{"zero baseline is 0.001", 2, 0, 2022, 2020, 43.721360},
		{"fell to zero", 0, 3, 2022, 2020, -1},
		{"both zero", 0, 0, 2022, 2020, -1},
		{"same year", 4, 3, 2020, 2020, nan},
		{"negative latest", -1, 3, 2022, 2020, nan},
		{"negative baseline", 1, -3, 2022, 2020, nan},
		{"NaN", nan, 3, 2022, 2020, nan},
	}
	for _, c := range cases {
		got := CAGR(c.v1, c.v0, c.t1, c.t0)
		if math.IsNaN(c.want) != math.IsNaN(got) || (!math.IsNaN(got) && !near(got, c.want, 5e-7)) {
			t.Errorf("%s: CAGR(%v, %v, %d, %d) = %v, want %v", c.name, c.v1, c.v0, c.t1, c.t0, got, c.want)
		}
	}
}

func TestRate(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		observed, required float64
		ratio              float64
		status             Status
	}{
		{0.154701, 0.148698, 1.040370, StatusOnTrack},
		{-0.16333997, -0.0436475, -3.742253, StatusDeterioration},
		{0.1, -0.05, 2, StatusOnTrack},
		{-0.05, 0, nan, StatusDeterioration},
		{0, 0, nan, StatusOnTrack},
		{nan, 0.1, nan, StatusInsufficientData},
		{0.1, nan, nan, StatusInsufficientData},
	}
	for _, c := range cases {
		r, s := Rate(c.observed, c.required)
		okRatio := math.IsNaN(c.ratio) == math.IsNaN(r) && (math.IsNaN(r) || near(r, c.ratio, 5e-6))
		if !okRatio || s != c.status {
			t.Errorf("Rate(%v, %v) = %v, %s; want %v, %s", c.observed, c.required, r, s, c.ratio, c.status)
		}
	}
}

func TestStatusForRatio(t *testing.T) {
	cases := []struct {
		r    float64
		want Status
	}{
		{math.Inf(1), StatusOnTrack},
		{1.2, StatusOnTrack},
		{0.95, StatusOnTrack},
		{math.Nextafter(0.95, 0), StatusAccelerationNeeded},
		{0.60, StatusAccelerationNeeded},
		{math.Nextafter(0.60, 0), StatusLimitedProgress},
		{0, StatusLimitedProgress},
		{math.Copysign(0, -1), StatusLimitedProgress},
		{-1e-9, StatusDeterioration},
		{math.Inf(-1), StatusDeterioration},
		{math.NaN(), StatusInsufficientData},
	}
	for _, c := range cases {
		if got := StatusForRatio(c.r); got != c.want {
			t.Errorf("StatusForRatio(%v) = %s, want %s", c.r, got, c.want)
		}
	}
}

func TestTrajectory(t *testing.T) {
	cnt, shr := model.MetricEnterpriseCount, model.MetricOutputShare
	targets := []model.Target{
		{Metric: cnt, Year: 2030, Value: 10},
		{Metric: shr, Year: 2022, Value: 0.9},
		{Metric: cnt, Year: 2025, Value: 6},
		{Metric: cnt, Year: 2020, Value: 99}, // at the baseline: ignored
		{Metric: cnt, Year: 2025, Value: 77}, // second in its year: ignored
	}
	cases := []struct {
		year int
		want float64
		ok   bool
	}{
		{2019, 0, false},
		{2020, 3, true},
		{2022, 4.2, true}, // 3 + 3·2/5
		{2025, 6, true},   // the first target
		{2027, 7.6, true}, // 6 + 4·2/5
		{2030, 10, true},  // the last target
		{2031, 0, false},  // beyond the last target
		{2021, 3.6, true}, // the share target does not bend the count line
		{2029, 9.2, true}, // 6 + 4·4/5
		{2024, 5.4, true}, // 3 + 3·4/5
		{2026, 6.8, true}, // 6 + 4·1/5
		{2023, 4.8, true}, // 3 + 3·3/5
		{2028, 8.4, true}, // 6 + 4·3/5
		{2020 - 100, 0, false},
	}
	for _, c := range cases {
		got, ok := Trajectory(2020, 3, targets, cnt, c.year)
		if ok != c.ok || !near(got, c.want, 1e-12) {
			t.Errorf("Trajectory(%d) = %v, %v; want %v, %v", c.year, got, ok, c.want, c.ok)
		}
	}
	if got, ok := Trajectory(2020, 0.1, nil, shr, 2020); !ok || got != 0.1 {
		t.Errorf("Trajectory without targets at the baseline = %v, %v; want 0.1, true", got, ok)
	}
	if _, ok := Trajectory(2020, 0.1, nil, shr, 2021); ok {
		t.Errorf("Trajectory without targets after the baseline: ok = true, want false")
	}
}
