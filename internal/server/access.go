package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
)

type ctxKey int

const userKey ctxKey = iota

// currentUser is the signed-in user of the request, if any.
func currentUser(r *http.Request) (model.User, bool) {
	u, ok := r.Context().Value(userKey).(model.User)
	return u, ok
}

// Session keys.
const (
	sessUserID = "uid"
	sessEpoch  = "epoch"
	sessRole   = "role"
	sessFlash  = "flash"
)

// loadUser puts the signed-in user in the request's context. The user is
// read afresh on every request, so a disabled user or one whose sessions
// were ended is signed out at once, and a changed role takes effect at once
// (with a new session token, as after any change of privilege).
func loadUser(d *deps) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := r.Context()
			id := d.sessions.GetInt64(ctx, sessUserID)
			if id == 0 {
				next.ServeHTTP(w, r)
				return
			}
			u, version, err := d.st.UserAndRegisterVersion(ctx, id)
			if err != nil && !errors.Is(err, model.ErrNotFound) {
				serverError(w, r, d.logger, err)
				return
			}
			if err != nil || u.DisabledAt != nil || int(u.SessionEpoch) != d.sessions.GetInt(ctx, sessEpoch) {
				if err := d.sessions.Destroy(ctx); err != nil {
					serverError(w, r, d.logger, err)
					return
				}
				next.ServeHTTP(w, r)
				return
			}
			if u.Lang != "" {
				// The user's own choice, over the browser's (speak).
				ctx = i18n.WithLang(ctx, u.Lang)
			}
			if u.MustChangePassword && !mayWhileChangingPassword(r) {
				// The account page says why, as a warning (web.PasswordForm.Forced).
				http.Redirect(w, r, "/account", http.StatusSeeOther)
				return
			}
			if string(u.Role) != d.sessions.GetString(ctx, sessRole) {
				if err := d.sessions.RenewToken(ctx); err != nil {
					serverError(w, r, d.logger, err)
					return
				}
				d.sessions.Put(ctx, sessRole, string(u.Role))
			}
			// The register's version came with the user: the request needs
			// no second read for it (registerVersion).
			ctx = context.WithValue(context.WithValue(ctx, userKey, u), versionKey{}, version)
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// requireRole lets through only signed-in users whose role allows need. A
// visitor who is not signed in is sent to the sign-in page (the API answers
// 401); a signed-in user without the role is refused with 403.
func requireRole(d *deps, need model.Role) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u, ok := currentUser(r)
			switch {
			case ok && u.Can(need):
				next.ServeHTTP(w, r)
			case ok:
				d.logger.Warn("access denied", "user_id", u.ID, "role", u.Role, "need", need,
					"method", r.Method, "path", r.URL.Path)
				deny(w, r, d, http.StatusForbidden)
			default:
				deny(w, r, d, http.StatusUnauthorized)
			}
		})
	}
}

// openIf lets everyone through when open is set, and otherwise requires a
// viewer: the public dashboard's pages.
func openIf(d *deps, open bool) func(http.Handler) http.Handler {
	if open {
		return func(next http.Handler) http.Handler { return next }
	}
	return requireRole(d, model.RoleViewer)
}

func deny(w http.ResponseWriter, r *http.Request, d *deps, status int) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		code, msg := "unauthorized", "sign in first"
		if status == http.StatusForbidden {
			code, msg = "forbidden", "your role does not allow this"
		}
		writeJSONError(w, r, d.logger, status, code, msg)
		return
	}
	if status == http.StatusUnauthorized && r.Method == http.MethodGet {
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	if status == http.StatusUnauthorized {
		renderError(w, r, d, status, i18n.T(r.Context(), "Bạn cần đăng nhập để làm việc này."))
		return
	}
	renderError(w, r, d, status, i18n.T(r.Context(), "Vai trò của bạn không được phép làm việc này. Nếu cần, hãy liên hệ quản trị viên."))
}

// mayWhileChangingPassword lists what a user whose password someone else
// chose may still reach: the account page to change it, signing out, and
// the static files and probes.
func mayWhileChangingPassword(r *http.Request) bool {
	p := r.URL.Path
	return p == "/account" || p == "/account/password" || p == "/logout" || p == "/healthz" ||
		p == "/readyz" || strings.HasPrefix(p, "/static/")
}
