package auth

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

// A 100-character Vietnamese passphrase: many letters take 2 or 3 bytes.
var vietnamese = "Mùa thu Hà Nội lá vàng rơi đầy phố cổ, tôi đi bộ quanh hồ Gươm và uống cà phê trứng thật là ngon nhé"

func TestHashVerify(t *testing.T) {
	if n := utf8.RuneCountInString(vietnamese); n != 100 {
		t.Fatalf("passphrase has %d runes, want 100", n)
	}
	h := NewHasher()
	tests := []struct {
		name, password, attempt string
		want                    bool
	}{
		{"vietnamese", vietnamese, vietnamese, true},
		{"vietnamese, last letter differs", vietnamese, vietnamese[:len(vietnamese)-1] + "á", false},
		{"vietnamese, tone mark differs", vietnamese, strings.Replace(vietnamese, "Mùa", "Múa", 1), false},
		{"vietnamese, decomposed form", vietnamese, strings.Replace(vietnamese, "ù", "u\u0300", 1), false},
		{"ascii, one char differs", "correct horse battery staple", "correct horse battery stapla", false},
		{"trailing space counts", "correct horse battery staple", "correct horse battery staple ", false},
		{"case counts", "correct horse battery staple", "Correct horse battery staple", false},
	}
	hashes := map[string]string{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			phc, ok := hashes[tt.password]
			if !ok {
				var err error
				if phc, err = h.Hash(tt.password); err != nil {
					t.Fatalf("Hash: %v", err)
				}
				hashes[tt.password] = phc
			}
			got, rehash, err := h.Verify(tt.attempt, phc)
			if err != nil || got != tt.want || rehash {
				t.Errorf("Verify = %v, %v, %v; want %v, false, nil", got, rehash, err, tt.want)
			}
		})
	}
}

func TestHashFormat(t *testing.T) {
	h := NewHasher()
	a, err := h.Hash("same password twice")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := h.Hash("same password twice")
	if a == b {
		t.Errorf("two hashes of one password are equal; the salt is not random")
	}
	const prefix = "$argon2id$v=19$m=19456,t=2,p=1$"
	if !strings.HasPrefix(a, prefix) {
		t.Errorf("hash %q does not start with %q", a, prefix)
	}
	p, salt, key, err := parsePHC(a)
	if err != nil || len(salt) != 16 || len(key) != 32 || p != current {
		t.Errorf("parsePHC(%q) = %+v, %d-byte salt, %d-byte key, %v; want current, 16, 32", a, p, len(salt), len(key), err)
	}
}

func TestVerifyTooLong(t *testing.T) {
	h := newHasher(params{memory: 64, time: 1, threads: 1, saltLen: 16, keyLen: 32})
	long := strings.Repeat("ă", MaxPasswordRunes+1)
	var pe *PolicyError
	if _, err := h.Hash(long); !errors.As(err, &pe) || pe.Code != CodePasswordTooLong {
		t.Errorf("Hash(129 runes) error = %v, want %s", err, CodePasswordTooLong)
	}
	// A hash made elsewhere of a too-long password is never matched.
	salt := []byte("0123456789abcdef")
	phc := encodePHC(h.params, salt, h.key(long, salt, h.params))
	if ok, _, err := h.Verify(long, phc); ok || err != nil {
		t.Errorf("Verify(129 runes) = %v, %v; want false, nil", ok, err)
	}
	if _, err := h.Hash(long[:len(long)-2]); err != nil {
		t.Errorf("Hash(128 runes) error = %v, want nil", err)
	}
}

func TestParsePHCErrors(t *testing.T) {
	const salt, key = "c29tZXNhbHRzb21lc2FsdA", "a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U"
	tests := []struct{ name, phc string }{
		{"empty", ""},
		{"bcrypt", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"},
		{"argon2i", "$argon2i$v=19$m=19456,t=2,p=1$" + salt + "$" + key},
		{"old version", "$argon2id$v=16$m=19456,t=2,p=1$" + salt + "$" + key},
		{"no leading $", "argon2id$v=19$m=19456,t=2,p=1$" + salt + "$" + key},
		{"extra field", "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$" + key + "$x"},
		{"params out of order", "$argon2id$v=19$t=2,m=19456,p=1$" + salt + "$" + key},
		{"missing param", "$argon2id$v=19$m=19456,t=2$" + salt + "$" + key},
		{"zero time", "$argon2id$v=19$m=19456,t=0,p=1$" + salt + "$" + key},
		{"negative memory", "$argon2id$v=19$m=-1,t=2,p=1$" + salt + "$" + key},
		{"huge memory", "$argon2id$v=19$m=4294967295,t=2,p=1$" + salt + "$" + key},
		{"memory below 8 per lane", "$argon2id$v=19$m=8,t=2,p=4$" + salt + "$" + key},
		{"salt not base64", "$argon2id$v=19$m=19456,t=2,p=1$!!!$" + key},
		{"salt padded", "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "==$" + key},
		{"salt too short", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$" + key},
		{"key too short", "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$a2V5"},
		{"empty key", "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$"},
	}
	h := NewHasher()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, rehash, err := h.Verify("password", tt.phc)
			if !errors.Is(err, ErrInvalidHash) || ok || rehash {
				t.Errorf("Verify(%q) = %v, %v, %v; want false, false, ErrInvalidHash", tt.phc, ok, rehash, err)
			}
		})
	}
}

func TestNeedsRehash(t *testing.T) {
	const pw = "một mật khẩu đủ dài"
	tests := []struct {
		name string
		p    params
		want bool
	}{
		{"current", current, false},
		{"less memory", params{memory: 15 * 1024, time: 2, threads: 1, saltLen: 16, keyLen: 32}, true},
		{"fewer passes", params{memory: 19 * 1024, time: 1, threads: 1, saltLen: 16, keyLen: 32}, true},
		{"short salt", params{memory: 19 * 1024, time: 2, threads: 1, saltLen: 8, keyLen: 32}, true},
		{"short key", params{memory: 19 * 1024, time: 2, threads: 1, saltLen: 16, keyLen: 16}, true},
		{"stronger", params{memory: 20 * 1024, time: 2, threads: 1, saltLen: 16, keyLen: 32}, false},
	}
	h := NewHasher()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			phc, err := newHasher(tt.p).Hash(pw)
			if err != nil {
				t.Fatal(err)
			}
			ok, rehash, err := h.Verify(pw, phc)
			if !ok || rehash != tt.want || err != nil {
				t.Errorf("Verify = %v, %v, %v; want true, %v, nil", ok, rehash, err, tt.want)
			}
			// A wrong password never asks for a rehash.
			if ok, rehash, _ := h.Verify(pw+"!", phc); ok || rehash {
				t.Errorf("Verify(wrong) = %v, %v; want false, false", ok, rehash)
			}
		})
	}
}

// TestVerifyDummyCostsAVerify checks that an unknown account costs what a
// known one does, by construction rather than by a stopwatch (this machine
// is shared and noisy): VerifyDummy runs Verify against a hash made with the
// Hasher's own parameters, and argon2id's time depends only on them.
func TestVerifyDummyCostsAVerify(t *testing.T) {
	h := NewHasher()
	p, salt, key, err := parsePHC(h.dummy())
	if err != nil {
		t.Fatalf("dummy hash: %v", err)
	}
	if p.memory != h.params.memory || p.time != h.params.time || p.threads != h.params.threads ||
		len(salt) != int(h.params.saltLen) || len(key) != int(h.params.keyLen) {
		t.Errorf("dummy hash parameters %+v (salt %d, key %d), want the Hasher's %+v", p, len(salt), len(key), h.params)
	}
	if h.dummy() != h.dummy() {
		t.Error("the dummy hash changes between calls")
	}
}

func TestHasherBoundsConcurrency(t *testing.T) {
	h := newHasher(params{memory: 64, time: 1, threads: 1, saltLen: 16, keyLen: 32})
	if got, want := cap(h.sem), 2*runtime.GOMAXPROCS(0); got != want {
		t.Errorf("semaphore holds %d, want %d", got, want)
	}
	done := make(chan bool)
	for range 3 * cap(h.sem) {
		go func() {
			phc, err := h.Hash("concurrent password")
			ok, _, _ := h.Verify("concurrent password", phc)
			done <- err == nil && ok
		}()
	}
	for range 3 * cap(h.sem) {
		if !<-done {
			t.Error("a concurrent hash did not verify")
		}
	}
}

func BenchmarkHash(b *testing.B) {
	h := NewHasher()
	for b.Loop() {
		if _, err := h.Hash(vietnamese); err != nil {
			b.Fatal(err)
		}
	}
}
