package server

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"industrytargets/internal/auth"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/web"
)

// handleUsers lists every user with the add-a-user form.
func handleUsers(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d.renderUsers(w, r, http.StatusOK, web.AddUserForm{Role: string(model.RoleViewer)})
	})
}

func (d *deps) renderUsers(w http.ResponseWriter, r *http.Request, status int, add web.AddUserForm) {
	users, err := d.st.Users(r.Context())
	if err != nil {
		serverError(w, r, d.logger, err)
		return
	}
	me, _ := currentUser(r)
	v := web.UsersView{Add: add, Self: me.ID}
	for _, u := range users {
		row := web.UserRow{ID: u.ID, Email: u.Email, Name: u.Name, Role: string(u.Role), Disabled: u.DisabledAt != nil}
		if u.LastLoginAt != nil {
			row.LastLogin = dateTimeIn(r.Context(), *u.LastLoginAt)
		}
		v.Users = append(v.Users, row)
	}
	render(w, r, d.logger, status, web.AdminUsers(page(r, d, i18n.T(r.Context(), "Người dùng")), v))
}

// handleUserAdd adds a user with a random first password, shown once.
func handleUserAdd(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !parseForm(w, r, d) {
			return
		}
		f := web.AddUserForm{Email: strings.TrimSpace(r.PostForm.Get("email")),
			Name: strings.TrimSpace(r.PostForm.Get("name")), Role: r.PostForm.Get("role"), Errors: map[string]string{}}
		password := auth.RandomPassword()
		hash, err := d.hasher.Hash(password)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		me, _ := currentUser(r)
		u := model.User{Email: f.Email, Name: f.Name, Role: model.Role(f.Role), PasswordHash: hash, MustChangePassword: true}
		err = d.st.CreateUser(r.Context(), &u, me.ID)
		var v *model.ValidationError
		switch {
		case errors.As(err, &v):
			for _, fe := range v.Fields {
				f.Errors[fe.Field] = fe.Message(i18n.From(r.Context()))
			}
		case errors.Is(err, model.ErrConflict):
			f.Errors["email"] = i18n.T(r.Context(), "Đã có người dùng với địa chỉ thư này.")
		case err != nil:
			serverError(w, r, d.logger, err)
			return
		}
		if len(f.Errors) > 0 {
			d.renderUsers(w, r, http.StatusUnprocessableEntity, f)
			return
		}
		render(w, r, d.logger, http.StatusOK, web.UserCreated(page(r, d, i18n.T(r.Context(), "Đã thêm người dùng")), u.Email, password))
	})
}

// handleUserRole changes a user's role.
func handleUserRole(d *deps) http.Handler {
	return userAction(d, func(r *http.Request, id, by int64) (string, error) {
		return i18n.T(r.Context(), "Đã đổi vai trò."), d.st.SetRole(r.Context(), id, model.Role(r.PostForm.Get("role")), by)
	})
}

// handleUserDisable disables a user and ends their sessions at once.
func handleUserDisable(d *deps) http.Handler {
	return userAction(d, func(r *http.Request, id, by int64) (string, error) {
		if id == by {
			return "", model.ErrInvalid
		}
		return i18n.T(r.Context(), "Đã vô hiệu hoá tài khoản và kết thúc mọi phiên đăng nhập của tài khoản đó."), d.st.SetDisabled(r.Context(), id, true, by)
	})
}

// handleUserEnable lets a disabled user sign in again.
func handleUserEnable(d *deps) http.Handler {
	return userAction(d, func(r *http.Request, id, by int64) (string, error) {
		return i18n.T(r.Context(), "Đã kích hoạt lại tài khoản."), d.st.SetDisabled(r.Context(), id, false, by)
	})
}

// handleUserEndSessions signs a user out everywhere.
func handleUserEndSessions(d *deps) http.Handler {
	return userAction(d, func(r *http.Request, id, by int64) (string, error) {
		return i18n.T(r.Context(), "Đã kết thúc mọi phiên đăng nhập của tài khoản."), d.st.EndSessions(r.Context(), id, by)
	})
}

// userAction runs one change to the user named in the path, then returns to
// the list with a message.
func userAction(d *deps, do func(r *http.Request, id, by int64) (string, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			renderError(w, r, d, http.StatusNotFound, i18n.T(r.Context(), "Không có người dùng này."))
			return
		}
		if !parseForm(w, r, d) {
			return
		}
		me, _ := currentUser(r)
		msg, err := do(r, id, me.ID)
		var v *model.ValidationError
		switch {
		case errors.Is(err, model.ErrLastAdmin):
			renderError(w, r, d, http.StatusConflict, i18n.T(r.Context(), "Không thể làm vậy: hệ thống phải còn ít nhất một quản trị viên đang hoạt động."))
			return
		case errors.As(err, &v), errors.Is(err, model.ErrInvalid):
			renderError(w, r, d, http.StatusUnprocessableEntity, i18n.T(r.Context(), "Thao tác không hợp lệ (vai trò không có, hoặc tự vô hiệu hoá chính mình)."))
			return
		case err != nil:
			serverError(w, r, d.logger, err)
			return
		}
		flash(r, d, msg)
		http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	})
}

// dateTimeIn writes a moment in Vietnam's time as a date in the page's
// language and the time of day: 02/01/2006 15:04, or 2006-01-02 15:04.
func dateTimeIn(ctx context.Context, t time.Time) string {
	t = t.In(vietnam)
	return pageFormat(ctx).Date(t) + " " + t.Format("15:04")
}
