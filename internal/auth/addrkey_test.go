package auth

import (
	"net/netip"
	"testing"
	"time"
)

func TestAddrKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"203.0.113.7", "203.0.113.7"},
		{"::ffff:203.0.113.7", "203.0.113.7"},
		{"2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"},
		{"2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"},
	}
	for _, tt := range tests {
		if got := AddrKey(netip.MustParseAddr(tt.in)); got != tt.want {
			t.Errorf("AddrKey(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestSignInWaitCapsTheHour(t *testing.T) {
	now := time.Now()
	if w := SignInWait(0, now, MaxFailuresPerHour-1, now); w != 0 {
		t.Errorf("99 failures an hour elsewhere, none here: wait %v, want 0", w)
	}
	if w := SignInWait(0, now, MaxFailuresPerHour, now); w != 15*time.Minute {
		t.Errorf("100 failures an hour: wait %v, want 15m", w)
	}
	if w := SignInWait(6, now, 6, now); w != 4*time.Second {
		t.Errorf("6 failures here: wait %v, want 4s", w)
	}
}
