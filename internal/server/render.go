package server

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/a-h/templ"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// render draws c into a buffer first, so a failure half-way becomes a clean
// error page rather than half a page.
func render(w http.ResponseWriter, r *http.Request, logger *slog.Logger, status int, c templ.Component) {
	var buf bytes.Buffer
	if err := c.Render(r.Context(), &buf); err != nil {
		logger.Error("render", "path", r.URL.Path, "err", err)
		http.Error(w, "Lỗi máy chủ khi hiển thị trang. Vui lòng thử lại sau.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// page builds what the layout needs to know about the request.
func page(ctx context.Context, st *store.Store, title string) web.Page {
	demo, err := st.HasDemo(ctx)
	return web.Page{Title: title, Demo: demo && err == nil}
}

// errorStatus is the one table from model errors to HTTP answers.
func errorStatus(err error) (int, string) {
	switch {
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
// server's own fault is logged as an error.
func serverError(w http.ResponseWriter, r *http.Request, logger *slog.Logger, err error) {
	status, msg := errorStatus(err)
	if status >= 500 {
		logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	}
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	p := web.Page{Title: http.StatusText(status)}
	p.Title = errorTitle(status)
	render(w, r, logger, status, web.ErrorPage(p, status, msg))
}

func errorTitle(status int) string {
	switch status {
	case http.StatusNotFound:
		return "Không tìm thấy trang"
	case http.StatusMethodNotAllowed:
		return "Thao tác không được hỗ trợ"
	case http.StatusConflict:
		return "Xung đột dữ liệu"
	case http.StatusUnprocessableEntity:
		return "Dữ liệu không hợp lệ"
	case http.StatusServiceUnavailable:
		return "Tạm thời không phục vụ được"
	}
	return "Lỗi máy chủ"
}
