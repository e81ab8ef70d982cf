package auth

import "testing"

func TestLocalPath(t *testing.T) {
	tests := []struct{ next, want string }{
		{"", "/"},
		{"/", "/"},
		{"/ok?x=1", "/ok?x=1"},
		{"/enterprises/0100109106?year=2025#figures", "/enterprises/0100109106?year=2025#figures"},
		{"/tìm-kiếm?q=cơ khí", "/tìm-kiếm?q=cơ khí"},
		{"/a//b", "/a//b"},
		{"//evil.com", "/"},
		{"///evil.com", "/"},
		{"/\\evil.com", "/"},
		{"\\\\evil.com", "/"},
		{"/ok\\..\\evil", "/"},
		{"https://evil.com", "/"},
		{"http:evil.com", "/"},
		{"javascript:alert(1)", "/"},
		{"JavaScript:alert(1)", "/"},
		{"evil.com", "/"},
		{"ok", "/"},
		{" /ok", "/"},
		{"/\t/evil.com", "/"},
		{"/\n/evil.com", "/"},
		{"/\x00", "/"},
		{"/\x7f", "/"},
		{"/%zz", "/"},
		{"/%2F%2Fevil.com", "/%2F%2Fevil.com"}, // a path on this site, never a host
	}
	for _, tt := range tests {
		if got := LocalPath(tt.next); got != tt.want {
			t.Errorf("LocalPath(%q) = %q, want %q", tt.next, got, tt.want)
		}
	}
}
