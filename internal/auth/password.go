package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// ErrInvalidHash means a stored password hash is not a PHC argon2id string
// this package can verify.
var ErrInvalidHash = errors.New("invalid password hash")

// params are the argon2id cost parameters of one hash.
type params struct {
	memory  uint32 // KiB
	time    uint32
	threads uint8
	saltLen int
	keyLen  int
}

// current follows the OWASP Password Storage Cheat Sheet minimum for
// argon2id (also ASVS 5.0 appendix C): 19 MiB, two passes, one lane.
var current = params{memory: 19 * 1024, time: 2, threads: 1, saltLen: 16, keyLen: 32}

// Limits on parameters read back from a stored hash, so a corrupt or hostile
// row cannot make one login allocate gigabytes or spin for minutes.
const (
	maxMemory  = 1 << 20 // KiB, 1 GiB
	maxTime    = 64
	maxThreads = 64
	minSaltLen = 8
	minKeyLen  = 16
	maxKeyLen  = 128
)

// Hasher hashes and verifies passwords with argon2id. It lets at most two
// hashes per CPU run at once, since each holds 19 MiB while it runs; the
// others wait their turn. A Hasher is safe for concurrent use.
type Hasher struct {
	params params
	sem    chan struct{}
	dummy  func() string
}

// NewHasher returns a Hasher with the current parameters.
func NewHasher() *Hasher {
	return newHasher(current)
}

func newHasher(p params) *Hasher {
	h := &Hasher{params: p, sem: make(chan struct{}, 2*runtime.GOMAXPROCS(0))}
	// The dummy hash uses this Hasher's parameters, so a verify against it
	// costs what a verify against a real, up-to-date hash costs.
	h.dummy = sync.OnceValue(func() string {
		phc, _ := h.Hash(RandomPassword())
		return phc
	})
	return h
}

// Hash returns the PHC string of password under the current parameters, with
// a fresh random salt. The password is hashed exactly as given; one longer
// than MaxPasswordRunes is refused with a *PolicyError, as Verify would never
// match it.
func (h *Hasher) Hash(password string) (string, error) {
	if utf8.RuneCountInString(password) > MaxPasswordRunes {
		return "", &PolicyError{Code: CodePasswordTooLong, Args: []any{MaxPasswordRunes}}
	}
	p := h.params
	salt := make([]byte, p.saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password salt: %w", err)
	}
	key := h.key(password, salt, p)
	return encodePHC(p, salt, key), nil
}

// Verify reports whether password matches the PHC string phc, comparing in
// constant time, and, when it does, whether phc was made with parameters
// weaker than the current ones and should be replaced by a fresh Hash.
// A password longer than MaxPasswordRunes never matches and is not hashed.
func (h *Hasher) Verify(password, phc string) (ok, needsRehash bool, err error) {
	p, salt, want, err := parsePHC(phc)
	if err != nil {
		return false, false, err
	}
	if utf8.RuneCountInString(password) > MaxPasswordRunes {
		return false, false, nil
	}
	got := h.key(password, salt, p)
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return false, false, nil
	}
	return true, p.weakerThan(h.params), nil
}

// VerifyDummy spends the time of a Verify against a hash of the current
// parameters and discards the answer. Call it when the account asked for does
// not exist, so the reply takes as long as when it does.
func (h *Hasher) VerifyDummy(password string) {
	_, _, _ = h.Verify(password, h.dummy())
}

// key runs argon2id once a slot of the semaphore is free.
func (h *Hasher) key(password string, salt []byte, p params) []byte {
	h.sem <- struct{}{}
	defer func() { <-h.sem }()
	return argon2.IDKey([]byte(password), salt, p.time, p.memory, p.threads, uint32(p.keyLen))
}

func (p params) weakerThan(q params) bool {
	return p.memory < q.memory || p.time < q.time || p.saltLen < q.saltLen || p.keyLen < q.keyLen
}

func encodePHC(p params, salt, key []byte) string {
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.memory, p.time, p.threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// parsePHC reads "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<key>".
func parsePHC(phc string) (p params, salt, key []byte, err error) {
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[0] != "" {
		return p, nil, nil, fmt.Errorf("%w: want 5 fields separated by $", ErrInvalidHash)
	}
	if parts[1] != "argon2id" {
		return p, nil, nil, fmt.Errorf("%w: algorithm %q is not argon2id", ErrInvalidHash, parts[1])
	}
	if parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return p, nil, nil, fmt.Errorf("%w: version %q is not v=%d", ErrInvalidHash, parts[2], argon2.Version)
	}
	if p, err = parseParams(parts[3]); err != nil {
		return p, nil, nil, err
	}
	b64 := base64.RawStdEncoding.Strict()
	if salt, err = b64.DecodeString(parts[4]); err != nil || len(salt) < minSaltLen {
		return p, nil, nil, fmt.Errorf("%w: salt is not base64 of at least %d bytes", ErrInvalidHash, minSaltLen)
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < minKeyLen || len(key) > maxKeyLen {
		return p, nil, nil, fmt.Errorf("%w: key is not base64 of %d to %d bytes", ErrInvalidHash, minKeyLen, maxKeyLen)
	}
	p.saltLen, p.keyLen = len(salt), len(key)
	return p, salt, key, nil
}

// parseParams reads "m=19456,t=2,p=1", in that order.
func parseParams(s string) (params, error) {
	var p params
	fields := strings.Split(s, ",")
	if len(fields) != 3 {
		return p, fmt.Errorf("%w: parameters %q are not m=,t=,p=", ErrInvalidHash, s)
	}
	var vals [3]uint64
	limits := [3]uint64{maxMemory, maxTime, maxThreads}
	for i, name := range []string{"m=", "t=", "p="} {
		v, ok := strings.CutPrefix(fields[i], name)
		n, err := strconv.ParseUint(v, 10, 32)
		if !ok || err != nil || n < 1 || n > limits[i] {
			return p, fmt.Errorf("%w: parameter %q is not %s1..%d", ErrInvalidHash, fields[i], name, limits[i])
		}
		vals[i] = n
	}
	p.memory, p.time, p.threads = uint32(vals[0]), uint32(vals[1]), uint8(vals[2])
	if p.memory < 8*uint32(p.threads) {
		return p, fmt.Errorf("%w: memory %d KiB is below 8 per lane", ErrInvalidHash, p.memory)
	}
	return p, nil
}
