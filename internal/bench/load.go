package bench

import (
	"context"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
)

// Result is what one load run measured.
type Result struct {
	Requests int
	Errors   int // transport errors and answers other than 200
	Seconds  float64
	P50, P95 time.Duration
}

// RPS is the successful requests per second.
func (r Result) RPS() float64 {
	if r.Seconds == 0 {
		return 0
	}
	return float64(r.Requests-r.Errors) / r.Seconds
}

// Load sends GET url from workers concurrent clients for dur and measures
// throughput and latency. client carries any session cookie.
func Load(ctx context.Context, client *http.Client, url string, workers int, dur time.Duration) Result {
	ctx, cancel := context.WithTimeout(ctx, dur)
	defer cancel()
	var mu sync.Mutex
	var lat []time.Duration
	res := Result{}
	start := time.Now()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				d, ok := once(ctx, client, url)
				if ctx.Err() != nil && !ok {
					return // cut short by the end of the run, not a failure
				}
				mu.Lock()
				res.Requests++
				if !ok {
					res.Errors++
				}
				lat = append(lat, d)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res.Seconds = time.Since(start).Seconds()
	slices.Sort(lat)
	if n := len(lat); n > 0 {
		res.P50, res.P95 = lat[n*50/100], lat[min(n-1, n*95/100)]
	}
	return res
}

func once(ctx context.Context, client *http.Client, url string) (time.Duration, bool) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, false
	}
	t := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return time.Since(t), false
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return time.Since(t), err == nil && resp.StatusCode == http.StatusOK
}
