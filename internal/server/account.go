package server

import (
	"net/http"
	"strconv"

	"industrytargets/internal/auth"
	"industrytargets/internal/i18n"
	"industrytargets/web"
)

// handleAccount shows the signed-in user's account and the password form.
func handleAccount(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, _ := currentUser(r)
		render(w, r, d.logger, http.StatusOK, web.Account(page(r, d, i18n.T(r.Context(), "Tài khoản")),
			web.PasswordForm{Forced: u.MustChangePassword}))
	})
}

// handlePasswordChange changes the user's password after checking the
// current one; other sessions end unless the user asks to keep them.
func handlePasswordChange(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !parseForm(w, r, d) {
			return
		}
		u, _ := currentUser(r)
		current, fresh := r.PostForm.Get("current_password"), r.PostForm.Get("new_password")
		// Guessing the current password here is slowed like signing in.
		addr := clientKey(r, d)
		if wait, err := d.reserveAttempt(r, u.Email, addr); err != nil || wait > 0 {
			if err != nil {
				serverError(w, r, d.logger, err)
				return
			}
			w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
			renderError(w, r, d, http.StatusTooManyRequests, i18n.Tf(r.Context(), "Đã nhập sai mật khẩu quá nhiều lần. Vui lòng chờ %s rồi thử lại.", waitWords(r.Context(), int(wait.Seconds())+1)))
			return
		}
		errs := map[string]string{}
		if ok, _, err := d.hasher.Verify(current, u.PasswordHash); err != nil || !ok {
			errs["current_password"] = i18n.T(r.Context(), "Mật khẩu hiện tại không đúng.")
			ctx, cancel := background(r)
			defer cancel()
			if err := d.st.RecordLoginFailure(ctx, u.Email, u.ID, addr); err != nil {
				serverError(w, r, d.logger, err)
				return
			}
		} else if err := d.st.ClearLoginFailures(r.Context(), u.Email, addr); err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		switch {
		case auth.CheckPassword(fresh, u.Email) != nil:
			errs["new_password"] = auth.Message(auth.CheckPassword(fresh, u.Email), i18n.From(r.Context()))
		case fresh == current:
			errs["new_password"] = i18n.T(r.Context(), "Mật khẩu mới phải khác mật khẩu hiện tại.")
		case fresh != r.PostForm.Get("confirm_password"):
			errs["confirm_password"] = i18n.T(r.Context(), "Hai lần nhập mật khẩu mới không khớp.")
		}
		if len(errs) > 0 {
			render(w, r, d.logger, http.StatusUnprocessableEntity, web.Account(page(r, d, i18n.T(r.Context(), "Tài khoản")),
				web.PasswordForm{Errors: errs, Forced: u.MustChangePassword}))
			return
		}
		hash, err := d.hasher.Hash(fresh)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		endOthers := r.PostForm.Get("end_other_sessions") != ""
		if err := d.st.SetPassword(r.Context(), u.ID, hash, endOthers, false, u.ID); err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		// This session carries on: a new token and, when the others were
		// ended, the new epoch.
		if err := d.sessions.RenewToken(r.Context()); err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		if endOthers {
			d.sessions.Put(r.Context(), sessEpoch, int(u.SessionEpoch)+1)
		}
		flash(r, d, i18n.T(r.Context(), "Đã đổi mật khẩu."))
		if u.MustChangePassword {
			// The change the sign-in asked for: on to the overview.
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
		http.Redirect(w, r, "/account", http.StatusSeeOther)
	})
}
