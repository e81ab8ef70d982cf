package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/pdf"
	"industrytargets/web"
)

// handleReportPDF answers a plan's report for a year as a PDF file: the
// printed page itself, laid out by headless Chromium (see package pdf),
// kept for the register's version as the page is.
func handleReportPDF(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q, ok := d.reportParams(w, r)
		if !ok {
			return
		}
		if !d.pdf.Available() {
			noBrowser(w, r, d)
			return
		}
		vi := r.WithContext(i18n.WithLang(r.Context(), model.LangVI))
		key := fmt.Sprintf("report.pdf|%s|%t|%s", q.key(), q.annex, q.number)
		file, _, err := kept(d, vi, key, func(ctx context.Context) (string, error) {
			v, err := d.report(vi.WithContext(ctx), q)
			if err != nil {
				return "", err
			}
			css, err := web.Static.ReadFile("static/report.css")
			if err != nil {
				return "", err
			}
			v.Style = string(css)
			var b strings.Builder
			if err := web.Report(v).Render(ctx, &b); err != nil {
				return "", err
			}
			file, err := d.pdf.Print(ctx, b.String())
			return string(file), err
		})
		if errors.Is(err, pdf.ErrNoBrowser) {
			noBrowser(w, r, d)
			return
		}
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		name := "bao-cao-" + q.plan.Code + "-" + strconv.Itoa(q.year) + ".pdf"
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		w.Header().Set("Content-Length", strconv.Itoa(len(file)))
		_, _ = w.Write([]byte(file))
	})
}

// noBrowser answers that the PDF cannot be made here, and what to do.
func noBrowser(w http.ResponseWriter, r *http.Request, d *deps) {
	renderError(w, r, d, http.StatusServiceUnavailable, i18n.T(r.Context(),
		"Máy chủ chưa cài Chromium nên chưa tạo được tệp PDF. Mở báo cáo, bấm In báo cáo và chọn Lưu thành PDF."))
}
