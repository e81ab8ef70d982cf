package server

import (
	"context"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"industrytargets/internal/i18n"
	"industrytargets/web"
)

// handleHealthz answers while the process is alive.
func handleHealthz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte("ok\n"))
	})
}

// handleReadyz answers 200 while the database answers, 503 otherwise.
func handleReadyz(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if err := d.st.Ping(ctx); err != nil {
			d.logger.Warn("not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte("database unreachable\n"))
			return
		}
		w.Write([]byte("ready\n"))
	})
}

// handleStatic serves the embedded stylesheet and icons; anything else
// under /static/, a folder included, is the ordinary not-found page.
func handleStatic(notFound http.Handler) http.Handler {
	files := http.FileServerFS(web.Static)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		info, err := fs.Stat(web.Static, strings.TrimPrefix(r.URL.Path, "/"))
		if err != nil || info.IsDir() {
			notFound.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

// handleNotFound answers an unknown address with a page in the reader's language.
func handleNotFound(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		renderError(w, r, d, http.StatusNotFound, i18n.T(r.Context(), "Không có trang nào ở địa chỉ này. Hãy kiểm tra lại đường dẫn."))
	})
}

// handleMethodNotAllowed answers a method the address does not take.
func handleMethodNotAllowed(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		renderError(w, r, d, http.StatusMethodNotAllowed, i18n.T(r.Context(), "Địa chỉ này không nhận thao tác đó."))
	})
}
