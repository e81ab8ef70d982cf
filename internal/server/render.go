package server

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/a-h/templ"

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
		http.Error(w, "Lỗi máy chủ khi hiển thị trang. Vui lòng thử lại sau.", http.StatusInternalServerError)
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
	p := web.Page{Title: title, Path: r.URL.Path}
	if u, ok := currentUser(r); ok {
		p.User = &web.UserView{Email: u.Email, Name: u.Name, Role: string(u.Role), Admin: u.Can(model.RoleAdmin)}
	}
	if d.sessions != nil {
		p.Flash = d.sessions.PopString(ctx, sessFlash)
	}
	demo, err := d.st.HasDemo(ctx)
	p.Demo = demo && err == nil
	return p
}

// flash leaves a message for the next page the user sees.
func flash(r *http.Request, d *deps, msg string) { d.sessions.Put(r.Context(), sessFlash, msg) }

// errorStatus is the one table from model errors to HTTP answers.
func errorStatus(err error) (int, string) {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, "Dữ liệu gửi lên quá lớn."
	case errors.Is(err, model.ErrNotFound):
		return http.StatusNotFound, "Không tìm thấy nội dung bạn yêu cầu."
	case errors.Is(err, model.ErrStale):
		return http.StatusConflict, "Bản ghi vừa được người khác sửa. Vui lòng tải lại và nhập lại thay đổi."
	case errors.Is(err, model.ErrConflict):
		return http.StatusConflict, "Bản ghi trùng với một bản ghi đã có."
	case errors.Is(err, model.ErrInUse):
		return http.StatusConflict, "Không thể xoá vì còn dữ liệu khác tham chiếu tới bản ghi này."
	case errors.Is(err, model.ErrInvalid):
		return http.StatusUnprocessableEntity, "Dữ liệu không hợp lệ."
	case errors.Is(err, model.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút."
	}
	var v *model.ValidationError
	if errors.As(err, &v) {
		return http.StatusUnprocessableEntity, "Dữ liệu không hợp lệ."
	}
	return http.StatusInternalServerError, "Lỗi máy chủ. Vui lòng thử lại sau."
}

// serverError answers err with the page its kind calls for; only what is the
// server's own fault is logged as an error. It needs nothing from the
// database, which may be what failed.
func serverError(w http.ResponseWriter, r *http.Request, logger *slog.Logger, err error) {
	if clientGone(r, err) {
		return
	}
	status, msg := errorStatus(err)
	if status >= 500 {
		logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	}
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	p := web.Page{Title: errorTitle(status), Path: r.URL.Path}
	render(w, r, logger, status, web.ErrorPage(p, status, msg))
}

// renderError answers with an error page inside the full layout.
func renderError(w http.ResponseWriter, r *http.Request, d *deps, status int, msg string) {
	render(w, r, d.logger, status, web.ErrorPage(page(r, d, errorTitle(status)), status, msg))
}

func errorTitle(status int) string {
	switch status {
	case http.StatusBadRequest:
		return "Yêu cầu không hợp lệ"
	case http.StatusUnauthorized:
		return "Cần đăng nhập"
	case http.StatusForbidden:
		return "Không được phép"
	case http.StatusNotFound:
		return "Không tìm thấy trang"
	case http.StatusMethodNotAllowed:
		return "Thao tác không được hỗ trợ"
	case http.StatusConflict:
		return "Xung đột dữ liệu"
	case http.StatusRequestEntityTooLarge:
		return "Dữ liệu quá lớn"
	case http.StatusUnprocessableEntity:
		return "Dữ liệu không hợp lệ"
	case http.StatusTooManyRequests:
		return "Thử lại sau"
	case http.StatusServiceUnavailable:
		return "Tạm thời không phục vụ được"
	}
	return "Lỗi máy chủ"
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
		renderError(w, r, d, http.StatusRequestEntityTooLarge, "Dữ liệu gửi lên quá lớn.")
		return false
	}
	renderError(w, r, d, http.StatusBadRequest, "Dữ liệu gửi lên không đọc được. Vui lòng tải lại trang và thử lại.")
	return false
}

// clientGone reports whether err only says the client stopped waiting: no
// one is left to answer, and it is not the server's fault.
func clientGone(r *http.Request, err error) bool {
	return errors.Is(err, context.Canceled) && r.Context().Err() != nil
}
