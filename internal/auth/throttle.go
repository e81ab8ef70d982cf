package auth

import "time"

// Throttle is the growing delay after consecutive failed sign-ins to one
// account. The account is never locked: after Free failures each further
// attempt must wait Base, then twice that, and so on up to Max. The cap keeps
// an attacker from locking the real user out for longer than Max, and still
// allows few guesses: 16 in the worst hour with DefaultThrottle, well under
// the 100 an hour of ASVS 4.0.3 2.2.1 (see TestThrottleHourlyBound).
type Throttle struct {
	Free int           // failures allowed without any wait
	Base time.Duration // wait after failure number Free
	Max  time.Duration // longest wait
}

// DefaultThrottle allows 5 failures freely, then waits 2 s, 4 s, 8 s, …
// up to 15 minutes.
func DefaultThrottle() Throttle {
	return Throttle{Free: 5, Base: 2 * time.Second, Max: 15 * time.Minute}
}

// Delay is how long after the last of failures consecutive failures the next
// attempt must wait.
func (t Throttle) Delay(failures int) time.Duration {
	if failures < t.Free {
		return 0
	}
	d := t.Base
	for i := t.Free; i < failures && d > 0 && d < t.Max; i++ {
		d *= 2
	}
	return min(d, t.Max)
}

// Wait is how much longer, at now, the next attempt must wait, given the
// number of consecutive failures and the time of the last one; zero means it
// may go ahead.
func (t Throttle) Wait(failures int, last, now time.Time) time.Duration {
	d := t.Delay(failures)
	if d == 0 {
		// No delay is due, whatever the clocks of two machines say.
		return 0
	}
	return max(last.Add(d).Sub(now), 0)
}

// ThrottleWait is DefaultThrottle().Wait: how much longer, at now, the next
// sign-in to an account with failures consecutive failures, the last at last,
// must wait.
func ThrottleWait(failures int, last, now time.Time) time.Duration {
	return DefaultThrottle().Wait(failures, last, now)
}

// MaxFailuresPerHour bounds the failed attempts on one account from every
// address together in an hour (ASVS 4.0.3 2.2.1 asks for at most 100).
const MaxFailuresPerHour = 100

// SignInWait is how long, at now, an attempt on an account must wait: the
// growing delay for failures from the caller's own address, so an attacker
// elsewhere cannot lock the real user out; and a quarter of an hour once
// lastHour failures from all addresses reach MaxFailuresPerHour, the one
// lockout an attacker can cause, which ends within the hour.
func SignInWait(failures int, last time.Time, lastHour int, now time.Time) time.Duration {
	if lastHour >= MaxFailuresPerHour {
		return max(ThrottleWait(failures, last, now), 15*time.Minute)
	}
	return ThrottleWait(failures, last, now)
}
