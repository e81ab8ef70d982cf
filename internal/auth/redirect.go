package auth

import (
	"net/url"
	"strings"
)

// LocalPath returns next when it is a path on this site, fit to redirect to
// after signing in, and "/" otherwise. It refuses anything a browser could
// read as another origin: "//host", "/\host" (browsers treat "\" as "/"),
// schemes such as "https:" or "javascript:", and control characters, which
// browsers strip before parsing.
func LocalPath(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsRune(next, '\\') {
		return "/"
	}
	for _, r := range next {
		if r < 0x20 || r == 0x7f {
			return "/"
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return "/"
	}
	return next
}
