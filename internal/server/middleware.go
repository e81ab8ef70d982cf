package server

import (
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"runtime/debug"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
)

// statusRecorder remembers the status and size of a response for the log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

// answered reports whether a status has already been sent on w.
func answered(w http.ResponseWriter) bool {
	for {
		switch v := w.(type) {
		case *statusRecorder:
			return v.status != 0
		case interface{ Unwrap() http.ResponseWriter }:
			w = v.Unwrap()
		default:
			return false
		}
	}
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// logRequests logs one line per request: method, path, status, size, time.
func logRequests(logger *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := &statusRecorder{ResponseWriter: w}
			next.ServeHTTP(rec, r)
			level := slog.LevelInfo
			if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" {
				level = slog.LevelDebug
			}
			logger.Log(r.Context(), level, "request",
				"method", r.Method, "path", r.URL.Path, "status", rec.status,
				"bytes", rec.bytes, "duration_ms", float64(time.Since(start).Microseconds())/1000)
		})
	}
}

// recoverPanics turns a panic in a handler into a logged 500, so one bad
// request never takes the server down.
func recoverPanics(logger *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer func() {
				v := recover()
				if v == nil || v == http.ErrAbortHandler {
					if v != nil {
						panic(v)
					}
					return
				}
				logger.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				http.Error(w, "Lỗi máy chủ. Vui lòng thử lại sau.", http.StatusInternalServerError)
			}()
			next.ServeHTTP(w, r)
		})
	}
}

// securityHeaders sets the headers every response carries: no inline
// script or style, no plugins, no framing, no content sniffing; and, when
// served over HTTPS, HSTS for a year.
func securityHeaders(https bool) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; "+
				"frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Referrer-Policy", "same-origin")
			if https {
				h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
			}
			next.ServeHTTP(w, r)
		})
	}
}

// limitBody caps every request body at n bytes; reading past it fails with
// an *http.MaxBytesError, which handlers answer with 413. The routes in own
// ("METHOD /path") take files and set a larger cap of their own, after
// checking who is asking.
func limitBody(n int64, own ...string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if slices.Contains(own, r.Method+" "+r.URL.Path) {
				next.ServeHTTP(w, r)
				return
			}
			if r.ContentLength > n {
				w.Header().Set("Connection", "close")
				http.Error(w, "Dữ liệu gửi lên quá lớn.", http.StatusRequestEntityTooLarge)
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, n)
			next.ServeHTTP(w, r)
		})
	}
}

// validInput refuses, where it enters, text that PostgreSQL cannot hold
// and no one types: a NUL byte, or bytes that are not UTF-8. In the path
// it is no page of ours (404), in the query a bad parameter (400), in a
// posted form a field to type again (422, naming it); nothing is read or
// written. It parses a posted form itself, answering a body too large
// (413) or unreadable (400) as parseForm does.
func validInput(d *deps) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := r.Context()
			if !storableText(r.URL.Path) {
				renderError(w, r, d, http.StatusNotFound, i18n.T(ctx, "Địa chỉ có ký tự không hợp lệ nên không có trang nào ở đây."))
				return
			}
			if q, err := url.ParseQuery(r.URL.RawQuery); err == nil {
				if k, bad := unstorable(q); bad {
					renderError(w, r, d, http.StatusBadRequest, i18n.Tf(ctx, "Tham số “%s” của địa chỉ có ký tự không hợp lệ (ký tự NUL, U+FFFE, U+FFFF hoặc không phải chữ UTF-8).", printable(k)))
					return
				}
			}
			if r.Method == http.MethodPost && strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
				if !parseForm(w, r, d) {
					return
				}
				if k, bad := unstorable(r.PostForm); bad {
					renderError(w, r, d, http.StatusUnprocessableEntity, i18n.Tf(ctx, "Chưa lưu gì: ô “%s” có ký tự không hợp lệ (ký tự NUL, U+FFFE, U+FFFF hoặc không phải chữ UTF-8). Hãy quay lại, gõ lại nội dung ô đó rồi lưu.", printable(k)))
					return
				}
			}
			next.ServeHTTP(w, r)
		})
	}
}

// storableText reports whether s is text PostgreSQL can store and give
// back as it was: UTF-8 without NUL or noncharacters (model.Noncharacter).
func storableText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0) && !model.Noncharacter(s)
}

// unstorable finds a key of vals that, or one of whose values, is not
// storable text; keys are looked at in order, so the answer is stable.
func unstorable(vals url.Values) (string, bool) {
	for _, k := range slices.Sorted(maps.Keys(vals)) {
		if !storableText(k) {
			return k, true
		}
		for _, v := range vals[k] {
			if !storableText(v) {
				return k, true
			}
		}
	}
	return "", false
}

// printable is s fit to show on a page: invalid bytes and control
// characters replaced.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == utf8.RuneError {
			return '�'
		}
		return r
	}, strings.ToValidUTF8(s, "�"))
}

// sessionless reports whether path is answered the same to everyone, so
// without reading or sending the session: static files (cached publicly,
// they must not carry a cookie) and the probes.
func sessionless(path string) bool {
	return strings.HasPrefix(path, "/static/") || path == "/healthz" || path == "/readyz"
}

// exceptSessionless applies mw to every request but the sessionless ones.
func exceptSessionless(mw func(http.Handler) http.Handler) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		with := mw(next)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if sessionless(r.URL.Path) {
				next.ServeHTTP(w, r)
				return
			}
			with.ServeHTTP(w, r)
		})
	}
}
