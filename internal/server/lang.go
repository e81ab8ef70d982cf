package server

import (
	"net/http"
	"time"

	"industrytargets/internal/auth"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
)

// langCookie remembers a visitor's language until they sign in; a
// signed-in user's choice is kept with their account.
const langCookie = "lang"

// speak sets the request's language from the browser's cookie, else
// Vietnamese, before anything else can answer; loadUser puts the signed-in
// user's own choice over it.
func speak(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang := model.LangVI
		if c, err := r.Cookie(langCookie); err == nil {
			if l, ok := i18n.Parse(c.Value); ok {
				lang = l
			}
		}
		next.ServeHTTP(w, r.WithContext(i18n.WithLang(r.Context(), lang)))
	})
}

// handleLang switches the interface language (form fields lang and back)
// and returns to the page the switch was pressed on.
func handleLang(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang, ok := i18n.Parse(r.PostFormValue("lang"))
		if !ok {
			renderError(w, r, d, http.StatusBadRequest, i18n.T(r.Context(),
				"Ngôn ngữ không được hỗ trợ: chỉ có tiếng Việt (vi) và tiếng Anh (en)."))
			return
		}
		if u, signedIn := currentUser(r); signedIn {
			if err := d.st.SetUserLang(r.Context(), u.ID, lang); err != nil {
				serverError(w, r, d.logger, err)
				return
			}
		}
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: string(lang), Path: "/",
			MaxAge: int((365 * 24 * time.Hour).Seconds()), HttpOnly: true, Secure: d.opt.SecureCookies,
			SameSite: http.SameSiteLaxMode})
		http.Redirect(w, r, auth.LocalPath(r.PostFormValue("back")), http.StatusSeeOther)
	})
}
