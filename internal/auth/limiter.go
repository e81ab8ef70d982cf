package auth

import (
	"container/list"
	"sync"
	"time"
)

// Defaults for sign-in attempts from one client address: 10 a minute on
// average, bursts of 20.
const (
	DefaultAddrRate  = 10 // a minute
	DefaultAddrBurst = 20
)

// maxAddrs bounds the memory of an AddrLimiter: about 150 bytes an entry,
// so some 15 MB when full.
const maxAddrs = 100_000

// AddrLimiter is a token bucket per client address, kept in memory. Each
// bucket is stored as the time it will be full again (the generic cell rate
// algorithm), which keeps the arithmetic exact. Buckets that are full again
// are dropped, since a fresh one is the same; when there are still too many,
// the least recently used go first. An attacker who cycles through more than
// 100,000 addresses can reset buckets that way, which is why per-account
// throttling exists as well. It is safe for concurrent use.
type AddrLimiter struct {
	every time.Duration
	burst time.Duration // burst × every: how far ahead a bucket may run
	max   int

	mu    sync.Mutex
	addrs map[string]*list.Element // of *bucket
	lru   list.List                // front is the most recently used
}

type bucket struct {
	addr string
	full time.Time // when every token will be back
}

// NewAddrLimiter allows each address perMinute attempts a minute on average
// and up to burst at once.
func NewAddrLimiter(perMinute, burst int) *AddrLimiter {
	every := time.Minute / time.Duration(max(perMinute, 1))
	return &AddrLimiter{
		every: every,
		burst: time.Duration(max(burst, 1)) * every,
		max:   maxAddrs,
		addrs: map[string]*list.Element{},
	}
}

// Allow takes one token from addr's bucket at now. When there is none it
// returns false and how long until there will be.
func (l *AddrLimiter) Allow(addr string, now time.Time) (ok bool, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.bucket(addr, now)
	full := b.full
	if full.Before(now) {
		full = now
	}
	full = full.Add(l.every)
	if wait := full.Add(-l.burst).Sub(now); wait > 0 {
		return false, wait
	}
	b.full = full
	return true, 0
}

// bucket finds or makes addr's bucket and marks it most recently used.
func (l *AddrLimiter) bucket(addr string, now time.Time) *bucket {
	if e, ok := l.addrs[addr]; ok {
		l.lru.MoveToFront(e)
		return e.Value.(*bucket)
	}
	l.evict(now)
	b := &bucket{addr: addr, full: now}
	l.addrs[addr] = l.lru.PushFront(b)
	return b
}

// evict drops the least recently used buckets while they are full again, and
// then while there are too many.
func (l *AddrLimiter) evict(now time.Time) {
	for e := l.lru.Back(); e != nil; e = l.lru.Back() {
		b := e.Value.(*bucket)
		if b.full.After(now) && l.lru.Len() < l.max {
			return
		}
		l.lru.Remove(e)
		delete(l.addrs, b.addr)
	}
}

// len is the number of buckets held.
func (l *AddrLimiter) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lru.Len()
}
