package auth

import (
	"fmt"
	"net/http"
	"net/netip"
	"strings"
)

// ClientIP is the address of the client that sent r, for rate limiting and
// audit. It is the connection's remote address unless that is a trusted
// proxy; then X-Forwarded-For is read from the right, because only the
// entries our own proxies appended can be believed, and the first entry that
// is not a trusted proxy is the client. Anything left of it may be forged.
// When every entry is a trusted proxy the left-most is the client; an entry
// that is not an address makes it fall back to the remote address.
// The result is invalid only when r.RemoteAddr is not an address.
func ClientIP(r *http.Request, trusted []netip.Prefix) netip.Addr {
	remote := parseHop(r.RemoteAddr)
	if !remote.IsValid() || !isTrusted(remote, trusted) {
		return remote
	}
	xff := r.Header.Values("X-Forwarded-For")
	hops := strings.Split(strings.Join(xff, ","), ",")
	client := remote
	for i := len(hops) - 1; i >= 0 && len(xff) > 0; i-- {
		a := parseHop(strings.TrimSpace(hops[i]))
		if !a.IsValid() {
			return remote
		}
		client = a
		if !isTrusted(a, trusted) {
			break
		}
	}
	return client
}

// parseHop reads an address with or without a port ("203.0.113.9",
// "203.0.113.9:4711", "[2001:db8::1]:443", "2001:db8::1"), dropping any
// IPv6 zone and unmapping IPv4-in-IPv6 so prefixes match.
func parseHop(s string) netip.Addr {
	a, err := netip.ParseAddr(s)
	if err != nil {
		ap, err := netip.ParseAddrPort(s)
		if err != nil {
			return netip.Addr{}
		}
		a = ap.Addr()
	}
	return a.WithZone("").Unmap()
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// ParseTrustedProxies reads a comma-separated list of CIDR prefixes or bare
// addresses (as in TRUSTED_PROXIES) into prefixes; an empty list is none.
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for f := range strings.SplitSeq(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		var p netip.Prefix
		var err error
		if strings.Contains(f, "/") {
			p, err = netip.ParsePrefix(f)
		} else {
			var a netip.Addr
			if a, err = netip.ParseAddr(f); err == nil && a.Zone() == "" {
				p = netip.PrefixFrom(a, a.BitLen())
			}
		}
		if err != nil || !p.IsValid() {
			return nil, fmt.Errorf("trusted proxy %q is not an address or CIDR prefix", f)
		}
		out = append(out, unmapPrefix(p.Masked()))
	}
	return out, nil
}

// unmapPrefix turns ::ffff:a.b.c.d/n (n ≥ 96) into a.b.c.d/(n-96), since
// ClientIP compares unmapped addresses.
func unmapPrefix(p netip.Prefix) netip.Prefix {
	if !p.Addr().Is4In6() || p.Bits() < 96 {
		return p
	}
	return netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
}
