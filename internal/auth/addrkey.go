package auth

import "net/netip"

// AddrKey names the client a limit applies to: the address itself for IPv4,
// and its /64 network for IPv6, since one IPv6 client commonly holds a
// whole /64 and could otherwise change address on every attempt.
func AddrKey(a netip.Addr) string {
	a = a.Unmap()
	if a.Is6() {
		p, err := a.Prefix(64)
		if err == nil {
			return p.String()
		}
	}
	return a.String()
}
