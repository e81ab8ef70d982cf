package server

import (
	"context"
	"errors"
	"net/http"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// handleImportConfirm writes the upload the token names, exactly as its
// preview said: it is read and checked again, and written only if it still
// adds, changes and leaves alone the same rows. If the register changed in
// between, nothing is written and the new preview is shown (409).
func handleImportConfirm(d *deps) http.Handler {
	g := make(gate, concurrentLoads)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		me, _ := currentUser(r)
		ctx, cancel := context.WithTimeout(r.Context(), importTimeout)
		defer cancel()
		p, err := d.st.PendingImportFor(ctx, r.PathValue("token"), me.ID)
		if errors.Is(err, model.ErrNotFound) {
			renderError(w, r, d, http.StatusNotFound, i18n.T(r.Context(),
				"Không còn tệp nào chờ xác nhận ở địa chỉ này: tệp chỉ được giữ một giờ, hoặc đã được nhập hay huỷ. Hãy tải tệp lên lại."))
			return
		}
		if err == nil && !g.enter(ctx) {
			err = ctx.Err()
		}
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		defer g.leave()
		c, err := checkUpload(ctx, d.st, p.FileName, p.Data)
		if err == nil && len(c.errs) == 0 {
			err = confirmImport(ctx, w, r, d, p, c)
		} else if err == nil {
			// Rows that were good refer to what someone has removed since.
			err = d.st.DeletePendingImport(ctx, p.Token, me.ID)
			renderPreview(w, r, d, p, c, true)
		}
		if err != nil {
			serverError(w, r, d.logger, err)
		}
	})
}

// confirmImport writes a checked upload if it does what was previewed, and
// otherwise shows the fresh preview.
func confirmImport(ctx context.Context, w http.ResponseWriter, r *http.Request, d *deps, p store.PendingImport, c checked) error {
	details := map[string]any{"file_name": p.FileName, "sha256": p.SHA256, "bytes": len(p.Data)}
	res, err := d.st.ApplyPreviewedImport(ctx, c.batch, p.UserID, p.Counts, details)
	if errors.Is(err, store.ErrImportChanged) {
		p.Counts = res
		if err := d.st.SetPendingCounts(ctx, p.Token, p.UserID, res); err != nil {
			return err
		}
		renderPreview(w, r, d, p, c, true)
		return nil
	}
	if err != nil {
		return err
	}
	if err := d.st.DeletePendingImport(ctx, p.Token, p.UserID); err != nil {
		d.logger.Error("forget confirmed import", "err", err)
	}
	flash(r, d, importSummary(r.Context(), c.batch, res))
	http.Redirect(w, r, "/import", http.StatusSeeOther)
	return nil
}

// handleImportCancel forgets an upload waiting for confirmation.
func handleImportCancel(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		me, _ := currentUser(r)
		p, err := d.st.PendingImportFor(r.Context(), r.PathValue("token"), me.ID)
		if err == nil {
			auditImport(r, d, "import_cancel", p, map[string]any{})
			err = d.st.DeletePendingImport(r.Context(), p.Token, me.ID)
		}
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			serverError(w, r, d.logger, err)
			return
		}
		flash(r, d, i18n.T(r.Context(), "Đã huỷ: không có gì được ghi vào sổ đăng ký."))
		http.Redirect(w, r, "/import", http.StatusSeeOther)
	})
}
