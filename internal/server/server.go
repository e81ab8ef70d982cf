// Package server answers HTTP: every route is in routes.go, handlers are
// short maker functions grouped by area, and errors are judged in one place.
package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"industrytargets/internal/auth"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/pdf"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// Options are the settings the handler needs beyond its dependencies.
type Options struct {
	SecureCookies   bool           // cookies only over HTTPS (__Host- prefix), HSTS sent
	SessionIdle     time.Duration  // a session ends after this long unused (default 30 min)
	SessionLifetime time.Duration  // and after this long in any case (default 12 h)
	PublicDashboard bool           // the overview, the report and the read-only API need no sign-in
	TrustedProxies  []netip.Prefix // proxies whose X-Forwarded-For names the client
	// SessionCleanup is how often expired sessions are deleted; 0 never.
	SessionCleanup time.Duration
	// AddrPerMinute and AddrBurst limit sign-in attempts from one client
	// address (defaults auth.DefaultAddrRate and auth.DefaultAddrBurst).
	AddrPerMinute, AddrBurst int
}

// deps is what handlers are made from.
type deps struct {
	logger   *slog.Logger
	st       *store.Store
	sessions *scs.SessionManager
	hasher   *auth.Hasher
	limiter  *auth.AddrLimiter
	snap     *snapshots
	pdf      *pdf.Printer
	opt      Options
}

// maxFormBytes caps every request body; a larger one is answered 413.
const maxFormBytes = 1 << 20

// New returns the application's handler over the store.
func New(logger *slog.Logger, st *store.Store, opt Options) http.Handler {
	if opt.SessionIdle == 0 {
		opt.SessionIdle = 30 * time.Minute
	}
	if opt.SessionLifetime == 0 {
		opt.SessionLifetime = 12 * time.Hour
	}
	if opt.AddrPerMinute == 0 {
		opt.AddrPerMinute, opt.AddrBurst = auth.DefaultAddrRate, auth.DefaultAddrBurst
	}
	d := &deps{logger: logger, st: st, opt: opt, hasher: auth.NewHasher(), snap: &snapshots{}, pdf: pdf.New(),
		limiter: auth.NewAddrLimiter(opt.AddrPerMinute, opt.AddrBurst)}
	d.sessions = newSessions(d)
	// Cross-origin protection runs before the session is loaded, so a
	// forged request never reaches the session store; GetHead answers HEAD
	// with the GET route, as monitors expect.
	r := chi.NewRouter()
	r.Use(recoverPanics(logger), logRequests(logger), securityHeaders(opt.SecureCookies), speak,
		crossOrigin(d), limitBody(maxFormBytes, uploadRoute), middleware.GetHead, exceptSessionless(d.sessions.LoadAndSave), exceptSessionless(loadUser(d)), validInput(d))
	addRoutes(r, d)
	return r
}

// crossOrigin refuses state-changing requests that come from another site.
func crossOrigin(d *deps) func(http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d.logger.Warn("cross-origin request refused", "method", r.Method, "path", r.URL.Path,
			"origin", r.Header.Get("Origin"), "sec_fetch_site", r.Header.Get("Sec-Fetch-Site"))
		// This runs before the session is loaded: a plain page, no session.
		p := web.Page{Title: errorTitle(r.Context(), http.StatusForbidden), Path: r.URL.Path}
		render(w, r, d.logger, http.StatusForbidden, web.ErrorPage(p, http.StatusForbidden,
			i18n.T(r.Context(), "Yêu cầu bị từ chối vì không xuất phát từ trang của hệ thống.")))
	}))
	return cop.Handler
}

func newSessions(d *deps) *scs.SessionManager {
	sm := scs.New()
	sm.Store = d.st.SessionStore(d.opt.SessionCleanup)
	sm.IdleTimeout = d.opt.SessionIdle
	sm.Lifetime = d.opt.SessionLifetime
	sm.HashTokenInStore = true // a copy of the database holds no live token
	sm.Cookie.Name = "session"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Persist = false
	if d.opt.SecureCookies {
		sm.Cookie.Name = "__Host-session"
		sm.Cookie.Secure = true
	}
	// The session store is the database: when it fails, the database is
	// what is out of reach.
	sm.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		err = fmt.Errorf("%w: session store: %w", model.ErrUnavailable, err)
		if _, before := w.(*statusRecorder); !before || answered(w) {
			// scs saves the session as the answer starts, through its own
			// writer: too late to answer anything else, so only log it.
			d.logger.Error("session not saved", "method", r.Method, "path", r.URL.Path, "err", err)
			return
		}
		serverError(w, r, d.logger, err)
	}
	return sm
}

// background is a context for work that must finish even when the client
// goes away, such as recording a failed sign-in.
func background(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(r.Context()), 5*time.Second)
}
