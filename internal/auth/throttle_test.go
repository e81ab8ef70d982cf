package auth

import (
	"testing"
	"time"
)

func TestThrottleDelay(t *testing.T) {
	tests := []struct {
		failures int
		want     time.Duration
	}{
		{0, 0}, {1, 0}, {4, 0},
		{5, 2 * time.Second},
		{6, 4 * time.Second},
		{7, 8 * time.Second},
		{13, 512 * time.Second},
		{14, 15 * time.Minute},
		{15, 15 * time.Minute},
		{1_000_000, 15 * time.Minute},
	}
	for _, tt := range tests {
		if got := DefaultThrottle().Delay(tt.failures); got != tt.want {
			t.Errorf("Delay(%d) = %v, want %v", tt.failures, got, tt.want)
		}
	}
}

func TestThrottleWait(t *testing.T) {
	last := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		failures int
		after    time.Duration
		want     time.Duration
	}{
		{4, 0, 0},
		{5, 0, 2 * time.Second},
		{5, time.Second, time.Second},
		{5, 2 * time.Second, 0},
		{5, time.Hour, 0},
		{20, 10 * time.Minute, 5 * time.Minute},
		{20, -time.Minute, 16 * time.Minute}, // clock stepped back
	}
	for _, tt := range tests {
		if got := ThrottleWait(tt.failures, last, last.Add(tt.after)); got != tt.want {
			t.Errorf("Wait(%d, last, last+%v) = %v, want %v", tt.failures, tt.after, got, tt.want)
		}
	}
}

// TestThrottleHourlyBound plays an attacker who guesses the moment each wait
// ends, for a day, and counts the guesses in every hour-long window. ASVS
// 4.0.3 2.2.1 allows at most 100 failures per hour on one account.
//
// By hand: 5 free guesses, then waits of 2+4+…+512 s = 1022 s for 9 more, then
// one every 900 s (at 1922 s and 2822 s), so the first hour, the worst,
// holds 5 + 9 + 2 = 16; later hours hold 4.
func TestThrottleHourlyBound(t *testing.T) {
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	var times []time.Time
	now, last := start, time.Time{}
	for failures := 0; now.Before(start.Add(24 * time.Hour)); failures++ {
		now = now.Add(DefaultThrottle().Wait(failures, last, now))
		times = append(times, now)
		last = now
	}
	worst, from := 0, 0
	for to := range times {
		for times[to].Sub(times[from]) >= time.Hour {
			from++
		}
		worst = max(worst, to-from+1)
	}
	if worst != 16 {
		t.Errorf("at most %d guesses in an hour, want 16 as worked by hand", worst)
	}
	if worst > 100 {
		t.Errorf("%d guesses in an hour exceed the bar of 100", worst)
	}
	if got := len(times); got > 5+9+24*4 {
		t.Errorf("%d guesses in a day, want at most %d", got, 5+9+24*4)
	}
}
