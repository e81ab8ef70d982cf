package auth

import (
	"strings"
	"testing"
)

func TestRandomPassword(t *testing.T) {
	seen := map[string]bool{}
	counts := map[rune]int{}
	for range 1000 {
		pw := RandomPassword()
		if len(pw) != 31 || seen[pw] {
			t.Fatalf("RandomPassword() = %q: want 31 characters, never repeated", pw)
		}
		seen[pw] = true
		for i, r := range pw {
			if i%8 == 7 {
				if r != '-' {
					t.Fatalf("RandomPassword() = %q: want a dash every 8th character", pw)
				}
				continue
			}
			if !strings.ContainsRune(unambiguous, r) {
				t.Fatalf("RandomPassword() = %q holds %q, outside the alphabet", pw, r)
			}
			counts[r]++
		}
		if err := CheckPassword(pw, "admin@example.vn"); err != nil {
			t.Fatalf("RandomPassword() = %q fails the policy: %v", pw, err)
		}
	}
	// 28,000 draws over 31 characters: each about 903 times.
	for _, r := range unambiguous {
		if n := counts[r]; n < 700 || n > 1100 {
			t.Errorf("%q drawn %d times of 28000, want about 903", r, n)
		}
	}
	if strings.ContainsAny(unambiguous, "01ilo") {
		t.Errorf("alphabet %q holds an ambiguous character", unambiguous)
	}
}
