package server

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"

	"github.com/a-h/templ"

	"industrytargets/internal/auth"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/web"
)

// render draws c into a buffer first, so a failure half-way becomes a clean
// error page rather than half a page.
func render(w http.ResponseWriter, r *http.Request, logger *slog.Logger, status int, c templ.Component) {
	var buf bytes.Buffer
	if err := c.Render(r.Context(), &buf); err != nil {
		if clientGone(r, err) {
			return
		}
		logger.Error("render", "path", r.URL.Path, "err", err)
		http.Error(w, i18n.T(r.Context(), "Lỗi máy chủ khi hiển thị trang. Vui lòng thử lại sau."), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// page builds what the layout needs to know about the request: who is
// signed in, a message left by the previous request, and whether the
// register holds sample data.
func page(r *http.Request, d *deps, title string) web.Page {
	ctx := r.Context()
	p := web.Page{Title: title, Path: r.URL.Path, Back: backTo(r)}
	if u, ok := currentUser(r); ok {
		p.User = &web.UserView{Email: u.Email, Name: u.Name, Role: string(u.Role), Admin: u.Can(model.RoleAdmin)}
	}
	if d.sessions != nil && !sessionless(r.URL.Path) {
		p.Flash = d.sessions.PopString(ctx, sessFlash)
	}
	demo, err := d.hasDemo(r)
	p.Demo = demo && err == nil
	return p
}

// backTo is where switching language on this page returns: the page
// itself when it was asked for with GET, else (a form's answer, whose
// address takes only POST) the page the form was on.
func backTo(r *http.Request) string {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return r.URL.RequestURI()
	}
	if ref, err := url.Parse(r.Referer()); err == nil && ref.Host == r.Host {
		return auth.LocalPath(ref.RequestURI())
	}
	return "/"
}

// flash leaves a message for the next page the user sees.
func flash(r *http.Request, d *deps, msg string) { d.sessions.Put(r.Context(), sessFlash, msg) }

// errorStatus is the one table from model errors to HTTP answers.
func errorStatus(ctx context.Context, err error) (int, string) {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, i18n.T(ctx, "Dữ liệu gửi lên quá lớn.")
	case errors.Is(err, model.ErrNotFound):
		return http.StatusNotFound, i18n.T(ctx, "Không tìm thấy nội dung bạn yêu cầu.")
	case errors.Is(err, model.ErrStale):
		return http.StatusConflict, i18n.T(ctx, "Bản ghi vừa được người khác sửa. Vui lòng tải lại và nhập lại thay đổi.")
	case errors.Is(err, model.ErrConflict):
		return http.StatusConflict, i18n.T(ctx, "Bản ghi trùng với một bản ghi đã có.")
	case errors.Is(err, model.ErrInUse):
		return http.StatusConflict, i18n.T(ctx, "Không thể xoá vì còn dữ liệu khác tham chiếu tới bản ghi này.")
	case errors.Is(err, model.ErrInvalid):
		return http.StatusUnprocessableEntity, i18n.T(ctx, "Dữ liệu không hợp lệ.")
	case errors.Is(err, model.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, i18n.T(ctx, "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.")
	}
	var v *model.ValidationError
	if errors.As(err, &v) {
		return http.StatusUnprocessableEntity, i18n.T(ctx, "Dữ liệu không hợp lệ.")
	}
	return http.StatusInternalServerError, i18n.T(ctx, "Lỗi máy chủ. Vui lòng thử lại sau.")
}

// serverError answers err with the page its kind calls for; only what is the
// server's own fault is logged as an error. It needs nothing from the
// database, which may be what failed.
func serverError(w http.ResponseWriter, r *http.Request, logger *slog.Logger, err error) {
	if clientGone(r, err) {
		return
	}
	status, msg := errorStatus(r.Context(), err)
	if status >= 500 {
		logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	}
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	p := web.Page{Title: errorTitle(r.Context(), status), Path: r.URL.Path}
	render(w, r, logger, status, web.ErrorPage(p, status, msg))
}

// renderError answers with an error page inside the full layout.
func renderError(w http.ResponseWriter, r *http.Request, d *deps, status int, msg string) {
	render(w, r, d.logger, status, web.ErrorPage(page(r, d, errorTitle(r.Context(), status)), status, msg))
}

func errorTitle(ctx context.Context, status int) string {
	switch status {
	case http.StatusBadRequest:
		return i18n.T(ctx, "Yêu cầu không hợp lệ")
	case http.StatusUnauthorized:
		return i18n.T(ctx, "Cần đăng nhập")
	case http.StatusForbidden:
		return i18n.T(ctx, "Không được phép")
	case http.StatusNotFound:
		return i18n.T(ctx, "Không tìm thấy trang")
	case http.StatusMethodNotAllowed:
		return i18n.T(ctx, "Thao tác không được hỗ trợ")
	case http.StatusConflict:
		return i18n.T(ctx, "Xung đột dữ liệu")
	case http.StatusRequestEntityTooLarge:
		return i18n.T(ctx, "Dữ liệu quá lớn")
	case http.StatusUnprocessableEntity:
		return i18n.T(ctx, "Dữ liệu không hợp lệ")
	case http.StatusTooManyRequests:
		return i18n.T(ctx, "Thử lại sau")
	case http.StatusServiceUnavailable:
		return i18n.T(ctx, "Tạm thời không phục vụ được")
	}
	return i18n.T(ctx, "Lỗi máy chủ")
}

// parseForm reads a posted form; a body too large is answered 413 and a
// malformed one 400. It reports whether the handler may go on.
func parseForm(w http.ResponseWriter, r *http.Request, d *deps) bool {
	err := r.ParseForm()
	if err == nil {
		return true
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		w.Header().Set("Connection", "close")
		renderError(w, r, d, http.StatusRequestEntityTooLarge, i18n.T(r.Context(), "Dữ liệu gửi lên quá lớn."))
		return false
	}
	renderError(w, r, d, http.StatusBadRequest, i18n.T(r.Context(), "Dữ liệu gửi lên không đọc được. Vui lòng tải lại trang và thử lại."))
	return false
}

// clientGone reports whether err only says the client stopped waiting: no
// one is left to answer, and it is not the server's fault.
func clientGone(r *http.Request, err error) bool {
	return errors.Is(err, context.Canceled) && r.Context().Err() != nil
}
