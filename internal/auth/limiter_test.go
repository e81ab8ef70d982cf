package auth

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

func TestAddrLimiterBurstAndRefill(t *testing.T) {
	l := NewAddrLimiter(DefaultAddrRate, DefaultAddrBurst)
	for i := range DefaultAddrBurst {
		if ok, _ := l.Allow("203.0.113.9", t0); !ok {
			t.Fatalf("attempt %d of the burst refused", i+1)
		}
	}
	ok, retry := l.Allow("203.0.113.9", t0)
	if ok || retry != 6*time.Second {
		t.Errorf("attempt 21 = %v, retry %v; want false, 6s", ok, retry)
	}
	if ok, _ := l.Allow("198.51.100.7", t0); !ok {
		t.Errorf("another address was refused")
	}
	steps := []struct {
		at        time.Duration
		wantOK    bool
		wantRetry time.Duration
	}{
		{2 * time.Second, false, 4 * time.Second},
		{6 * time.Second, true, 0},
		{6 * time.Second, false, 6 * time.Second},
		{time.Minute, true, 0}, // 9 tokens back
	}
	for _, s := range steps {
		ok, retry := l.Allow("203.0.113.9", t0.Add(s.at))
		if ok != s.wantOK || retry != s.wantRetry {
			t.Errorf("at +%v: %v, retry %v; want %v, %v", s.at, ok, retry, s.wantOK, s.wantRetry)
		}
	}
}

func TestAddrLimiterPerMinute(t *testing.T) {
	l := NewAddrLimiter(DefaultAddrRate, DefaultAddrBurst)
	allowed := 0
	for s := range 10 * 60 { // one try a second for ten minutes
		if ok, _ := l.Allow("203.0.113.9", t0.Add(time.Duration(s)*time.Second)); ok {
			allowed++
		}
	}
	if want := DefaultAddrBurst + 10*10 - 1; allowed != want {
		t.Errorf("%d attempts allowed in ten minutes, want %d", allowed, want)
	}
}

func TestAddrLimiterEvictsIdle(t *testing.T) {
	l := NewAddrLimiter(60, 2) // a token a second
	for i := range 50 {
		l.Allow(fmt.Sprint("10.0.0.", i), t0)
	}
	// After burst × every every bucket is full again, so the next new
	// address sweeps them all out.
	l.Allow("10.0.1.1", t0.Add(2*time.Second))
	if got := l.len(); got != 1 {
		t.Errorf("%d buckets held after all went idle, want 1", got)
	}
}

func TestAddrLimiterCap(t *testing.T) {
	l := NewAddrLimiter(1, 2)
	l.max = 100
	for i := range 1000 {
		l.Allow(fmt.Sprint("10.0.", i/256, ".", i%256), t0.Add(time.Duration(i)*time.Millisecond))
		if got := l.len(); got > l.max {
			t.Fatalf("%d buckets held, want at most %d", got, l.max)
		}
	}
	// The most recent addresses are kept, with their tokens spent.
	l.Allow("10.0.3.231", t0.Add(time.Second))
	if ok, _ := l.Allow("10.0.3.231", t0.Add(time.Second)); ok {
		t.Errorf("the most recent address lost its bucket")
	}
}

func TestAddrLimiterConcurrent(t *testing.T) {
	l := NewAddrLimiter(1, 100)
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed := 0
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				ok, _ := l.Allow("192.0.2.1", t0)
				l.Allow(fmt.Sprint("192.0.2.", 10+g, ":", i), t0)
				if ok {
					mu.Lock()
					allowed++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if allowed != 100 {
		t.Errorf("%d of 400 concurrent attempts allowed, want the burst of 100", allowed)
	}
}
