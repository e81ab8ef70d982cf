package auth

import (
	"crypto/rand"
	"strings"
)

// unambiguous has no characters that are easily misread for another:
// no 0/o, 1/l/i, and no capitals, so it reads out and types easily.
const unambiguous = "23456789abcdefghjkmnpqrstuvwxyz"

// Shape of a RandomPassword: 4 groups of 7 characters, 28 × log2(31) ≈ 139
// bits of entropy.
const (
	randomGroups   = 4
	randomGroupLen = 7
)

// RandomPassword returns a new random password such as
// "k7mq2xe-9ahtr3w-…": 28 characters from an unambiguous alphabet in four
// groups joined by "-", for a first administrator to change at first use.
func RandomPassword() string {
	var sb strings.Builder
	buf := make([]byte, 64)
	n := 0
	for n < randomGroups*randomGroupLen {
		rand.Read(buf) // never fails: crypto/rand crashes the program instead
		for _, b := range buf {
			// Rejecting bytes at or above the largest multiple of the
			// alphabet size keeps every character equally likely.
			if int(b) >= 256/len(unambiguous)*len(unambiguous) || n == randomGroups*randomGroupLen {
				continue
			}
			if n > 0 && n%randomGroupLen == 0 {
				sb.WriteByte('-')
			}
			sb.WriteByte(unambiguous[int(b)%len(unambiguous)])
			n++
		}
	}
	return sb.String()
}
