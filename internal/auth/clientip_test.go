package auth

import (
	"net/http/httptest"
	"net/netip"
	"slices"
	"testing"
)

func TestClientIP(t *testing.T) {
	trusted, err := ParseTrustedProxies("10.0.0.0/8, 2001:db8:ffff::/48, 192.0.2.10")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		remote  string
		xff     []string
		trusted []netip.Prefix
		want    string
	}{
		{"no proxies", "203.0.113.9:5123", nil, nil, "203.0.113.9"},
		{"no proxies, header ignored", "203.0.113.9:5123", []string{"1.2.3.4"}, nil, "203.0.113.9"},
		{"untrusted remote, header ignored", "198.51.100.1:80", []string{"1.2.3.4"}, trusted, "198.51.100.1"},
		{"behind a proxy", "10.1.2.3:4000", []string{"203.0.113.9"}, trusted, "203.0.113.9"},
		{"spoofed left-most entries", "10.1.2.3:4000", []string{"1.1.1.1, 8.8.8.8, 203.0.113.9"}, trusted, "203.0.113.9"},
		{"two proxies", "10.1.2.3:4000", []string{"6.6.6.6, 203.0.113.9, 192.0.2.10"}, trusted, "203.0.113.9"},
		{"split over header lines", "10.1.2.3:4000", []string{"6.6.6.6, 203.0.113.9", "10.9.9.9"}, trusted, "203.0.113.9"},
		{"proxy without header", "10.1.2.3:4000", nil, trusted, "10.1.2.3"},
		{"all entries trusted", "10.1.2.3:4000", []string{"10.7.7.7, 10.8.8.8"}, trusted, "10.7.7.7"},
		{"garbage entry", "10.1.2.3:4000", []string{"203.0.113.9, nonsense"}, trusted, "10.1.2.3"},
		{"empty header", "10.1.2.3:4000", []string{""}, trusted, "10.1.2.3"},
		{"entry with port", "10.1.2.3:4000", []string{"203.0.113.9:5555"}, trusted, "203.0.113.9"},
		{"IPv6 client, no proxies", "[2001:db8::1]:443", nil, nil, "2001:db8::1"},
		{"IPv6 proxy and client", "[2001:db8:ffff::2]:443", []string{"2001:db8:1::9, 2001:db8:ffff::3"}, trusted, "2001:db8:1::9"},
		{"IPv6 spoofed inside", "[2001:db8:ffff::2]:443", []string{"::1, [2001:db8:1::9]:1234"}, trusted, "2001:db8:1::9"},
		{"IPv4-mapped remote", "[::ffff:10.1.2.3]:80", []string{"203.0.113.9"}, trusted, "203.0.113.9"},
		{"zone dropped", "[fe80::1%eth0]:80", nil, nil, "fe80::1"},
		{"bad remote", "pipe", nil, trusted, "invalid IP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = tt.remote
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := ClientIP(r, tt.trusted).String(); got != tt.want {
				t.Errorf("ClientIP = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestParseTrustedProxies(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr bool
	}{
		{"", nil, false},
		{" , ", nil, false},
		{"10.0.0.0/8", []string{"10.0.0.0/8"}, false},
		{"10.1.2.3/8, 127.0.0.1", []string{"10.0.0.0/8", "127.0.0.1/32"}, false},
		{"::1,fd00::/8", []string{"::1/128", "fd00::/8"}, false},
		{"::ffff:10.0.0.0/104", []string{"10.0.0.0/8"}, false},
		{"10.0.0.0/33", nil, true},
		{"localhost", nil, true},
		{"fe80::1%eth0", nil, true},
		{"10.0.0.0/8;", nil, true},
	}
	for _, tt := range tests {
		got, err := ParseTrustedProxies(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseTrustedProxies(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		var gotS []string
		for _, p := range got {
			gotS = append(gotS, p.String())
		}
		if !slices.Equal(gotS, tt.want) {
			t.Errorf("ParseTrustedProxies(%q) = %v, want %v", tt.in, gotS, tt.want)
		}
	}
}
