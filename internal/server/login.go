package server

import (
	"context"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"industrytargets/internal/auth"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/web"
)

// handleLoginPage shows the sign-in form; a signed-in user goes straight on.
func handleLoginPage(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next := auth.LocalPath(r.URL.Query().Get("next"))
		if _, ok := currentUser(r); ok {
			http.Redirect(w, r, next, http.StatusSeeOther)
			return
		}
		render(w, r, d.logger, http.StatusOK, web.Login(page(r, d, i18n.T(r.Context(), "Đăng nhập")), web.LoginForm{Next: next}))
	})
}

// handleLogin checks the email and password. Every failure gets the same
// answer in the same time, whether or not the account exists; repeated
// failures for one email, or from one address, are slowed down.
func handleLogin(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !parseForm(w, r, d) {
			return
		}
		form := web.LoginForm{Email: strings.TrimSpace(r.PostForm.Get("email")), Next: auth.LocalPath(r.PostForm.Get("next"))}
		password := r.PostForm.Get("password")
		addr := clientKey(r, d)
		if ok, wait := d.limiter.Allow(addr, time.Now()); !ok {
			tooMany(w, r, d, form, wait)
			return
		}
		email := strings.ToLower(form.Email)
		if wait, err := d.reserveAttempt(r, email, addr); err != nil || wait > 0 {
			if err != nil {
				serverError(w, r, d.logger, err)
			} else {
				tooMany(w, r, d, form, wait)
			}
			return
		}
		u, ok, err := d.authenticate(r, email, password)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		if !ok {
			d.loginFailed(w, r, form, u.ID, addr)
			return
		}
		d.signIn(w, r, u, form.Next, addr)
	})
}

// authenticate checks the password against the account with email; with no
// such account it spends the same time on a dummy hash.
func (d *deps) authenticate(r *http.Request, email, password string) (model.User, bool, error) {
	u, err := d.st.UserByEmail(r.Context(), email)
	if errors.Is(err, model.ErrNotFound) || len([]rune(password)) > auth.MaxPasswordRunes {
		d.hasher.VerifyDummy(password)
		return model.User{}, false, nil
	}
	if err != nil {
		return u, false, err
	}
	ok, rehash, err := d.hasher.Verify(password, u.PasswordHash)
	if err != nil || !ok || u.DisabledAt != nil {
		return u, false, err
	}
	if rehash {
		h, err := d.hasher.Hash(password)
		if err == nil {
			err = d.st.SetPassword(r.Context(), u.ID, h, false, u.MustChangePassword, u.ID)
		}
		if err != nil {
			d.logger.Error("rehash password", "user_id", u.ID, "err", err)
		}
	}
	return u, true, nil
}

func (d *deps) loginFailed(w http.ResponseWriter, r *http.Request, form web.LoginForm, userID int64, addr string) {
	ctx, cancel := background(r)
	defer cancel()
	if err := d.st.RecordLoginFailure(ctx, strings.ToLower(form.Email), userID, addr); err != nil {
		serverError(w, r, d.logger, err)
		return
	}
	d.logger.Warn("sign-in failed", "addr", addr, "user_id", userID)
	form.Error = i18n.T(r.Context(), "Email hoặc mật khẩu không đúng, hoặc tài khoản đã bị vô hiệu hoá.")
	render(w, r, d.logger, http.StatusUnauthorized, web.Login(page(r, d, i18n.T(r.Context(), "Đăng nhập")), form))
}

// signIn starts a new session for u: a fresh token, as after any change of
// privilege, then on to where the user was going.
func (d *deps) signIn(w http.ResponseWriter, r *http.Request, u model.User, next, addr string) {
	ctx := r.Context()
	if err := d.sessions.RenewToken(ctx); err != nil {
		serverError(w, r, d.logger, err)
		return
	}
	d.sessions.Put(ctx, sessUserID, u.ID)
	d.sessions.Put(ctx, sessEpoch, int(u.SessionEpoch))
	d.sessions.Put(ctx, sessRole, string(u.Role))
	if err := d.st.RecordLogin(ctx, u, addr); err != nil {
		serverError(w, r, d.logger, err)
		return
	}
	d.logger.Info("signed in", "user_id", u.ID, "addr", addr)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func tooMany(w http.ResponseWriter, r *http.Request, d *deps, form web.LoginForm, wait time.Duration) {
	secs := int(math.Ceil(wait.Seconds()))
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	d.logger.Warn("sign-in throttled", "addr", clientKey(r, d), "wait_s", secs)
	form.Error = i18n.Tf(r.Context(), "Đã nhập sai quá nhiều lần. Vui lòng chờ %s rồi thử lại.", waitWords(r.Context(), secs))
	render(w, r, d.logger, http.StatusTooManyRequests, web.Login(page(r, d, i18n.T(r.Context(), "Đăng nhập")), form))
}

func waitWords(ctx context.Context, secs int) string {
	if secs < 90 {
		return i18n.Tf(ctx, "%d giây", secs)
	}
	return i18n.Tf(ctx, "%d phút", (secs+59)/60)
}

// reserveAttempt counts this attempt against email from addr before the
// password is checked, so parallel guesses cannot slip past the delay; a
// positive duration means the caller must wait that long first. An email
// too long to be real is refused without being stored.
func (d *deps) reserveAttempt(r *http.Request, email, addr string) (time.Duration, error) {
	if len(email) > 254 {
		return 0, nil
	}
	now := time.Now()
	return d.st.ReserveLoginAttempt(r.Context(), email, addr, func(n int, last time.Time, hour int) time.Duration {
		return auth.SignInWait(n, last, hour, now)
	})
}

// clientKey names the client for limits and logs: its address, or its
// IPv6 /64, taken from X-Forwarded-For only behind a trusted proxy.
func clientKey(r *http.Request, d *deps) string {
	return auth.AddrKey(auth.ClientIP(r, d.opt.TrustedProxies))
}

// handleLogout ends the session; a visitor whose session has already ended
// simply goes to the sign-in page.
func handleLogout(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, ok := currentUser(r); ok {
			if err := d.st.AppendAudit(r.Context(), u.ID, "logout", "user", strconv.FormatInt(u.ID, 10), nil); err != nil {
				serverError(w, r, d.logger, err)
				return
			}
		}
		if err := d.sessions.Destroy(r.Context()); err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		w.Header().Set("Clear-Site-Data", `"cache", "storage"`)
		http.Redirect(w, r, "/login", http.StatusSeeOther)
	})
}
