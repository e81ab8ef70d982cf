package server

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"industrytargets/internal/auth"
	"industrytargets/internal/model"
	"industrytargets/web"
)

const badLogin = "Email hoặc mật khẩu không đúng, hoặc tài khoản đã bị vô hiệu hoá."

// handleLoginPage shows the sign-in form; a signed-in user goes straight on.
func handleLoginPage(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next := auth.LocalPath(r.URL.Query().Get("next"))
		if _, ok := currentUser(r); ok {
			http.Redirect(w, r, next, http.StatusSeeOther)
			return
		}
		render(w, r, d.logger, http.StatusOK, web.Login(page(r, d, "Đăng nhập"), web.LoginForm{Next: next}))
	})
}

// handleLogin checks the email and password. Every failure gets the same
// answer in the same time, whether or not the account exists; repeated
// failures for one email, or from one address, are slowed down.
func handleLogin(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		form := web.LoginForm{Email: strings.TrimSpace(r.PostForm.Get("email")), Next: auth.LocalPath(r.PostForm.Get("next"))}
		password := r.PostForm.Get("password")
		addr := auth.ClientIP(r, d.opt.TrustedProxies).String()
		now := time.Now()
		if ok, wait := d.limiter.Allow(addr, now); !ok {
			tooMany(w, r, d, form, wait)
			return
		}
		email := strings.ToLower(form.Email)
		failures, last, err := d.st.LoginFailures(r.Context(), email)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		if wait := auth.ThrottleWait(failures, last, now); wait > 0 {
			tooMany(w, r, d, form, wait)
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
		if h, err := d.hasher.Hash(password); err == nil {
			d.st.SetPassword(r.Context(), u.ID, h, false, u.ID)
		}
	}
	return u, true, nil
}

func (d *deps) loginFailed(w http.ResponseWriter, r *http.Request, form web.LoginForm, userID int64, addr string) {
	ctx, cancel := background(r)
	defer cancel()
	if email, err := model.NormalizeEmail(form.Email); err == nil {
		if err := d.st.RecordLoginFailure(ctx, email, userID, addr); err != nil {
			serverError(w, r, d.logger, err)
			return
		}
	}
	d.logger.Warn("sign-in failed", "addr", addr, "user_id", userID)
	form.Error = badLogin
	render(w, r, d.logger, http.StatusUnauthorized, web.Login(page(r, d, "Đăng nhập"), form))
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
	d.logger.Warn("sign-in throttled", "addr", auth.ClientIP(r, d.opt.TrustedProxies).String(), "wait_s", secs)
	form.Error = fmt.Sprintf("Đã nhập sai quá nhiều lần. Vui lòng chờ %s rồi thử lại.", waitWords(secs))
	render(w, r, d.logger, http.StatusTooManyRequests, web.Login(page(r, d, "Đăng nhập"), form))
}

func waitWords(secs int) string {
	if secs < 90 {
		return strconv.Itoa(secs) + " giây"
	}
	return strconv.Itoa((secs+59)/60) + " phút"
}

// handleLogout ends the session.
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
