package server

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"industrytargets/internal/i18n"
	"industrytargets/internal/importer"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// errNoFile means the upload held no file.
var errNoFile = errors.New("no file in the upload")

// handleImportUpload reads the upload's one file, checks every row and
// shows what importing it would do (a dry run); nothing is written. A file
// free of problems is kept for its confirmation under a random token.
func handleImportUpload(d *deps) http.Handler {
	g := make(gate, concurrentLoads)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		me, _ := currentUser(r)
		name, data, err := readUpload(w, r)
		if err != nil {
			uploadRefused(w, r, d, name, err)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), importTimeout)
		defer cancel()
		if !g.enter(ctx) {
			serverError(w, r, d.logger, ctx.Err())
			return
		}
		defer g.leave()
		sum := sha256.Sum256(data)
		p := store.PendingImport{Token: newToken(), UserID: me.ID, FileName: name, Data: data,
			SHA256: hex.EncodeToString(sum[:]), ExpiresAt: time.Now().Add(pendingFor)}
		c, err := checkUpload(ctx, d.st, name, data)
		var re *importer.RowError
		if errors.As(err, &re) {
			auditImport(r, d, "import_refused", p, map[string]any{"problem": re.Problem.Code})
			render(w, r, d.logger, http.StatusUnprocessableEntity,
				web.ImportPage(page(r, d, i18n.T(ctx, "Nhập dữ liệu")), importView(ctx, name, wholeFileProblem(ctx, re, name))))
			return
		}
		if err == nil && len(c.errs) == 0 {
			p.Counts, err = d.st.ApplyImport(ctx, c.batch, me.ID, true)
			if err == nil {
				err = d.st.SavePendingImport(ctx, p)
			}
		}
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		renderPreview(w, r, d, p, c, false)
	})
}

// renderPreview shows the preview of a checked upload and records it in
// the audit log; an upload with problems answers 422.
func renderPreview(w http.ResponseWriter, r *http.Request, d *deps, p store.PendingImport, c checked, changed bool) {
	details := map[string]any{"problems": len(c.errs), "tables": tableDetails(c)}
	if len(c.errs) == 0 {
		details["counts"] = p.Counts
	}
	auditImport(r, d, "import_preview", p, details)
	v := previewView(r.Context(), p, c)
	v.Changed = changed
	status := http.StatusOK
	switch {
	case len(c.errs) > 0:
		status = http.StatusUnprocessableEntity
	case changed:
		status = http.StatusConflict
	}
	render(w, r, d.logger, status, web.ImportPreview(page(r, d, i18n.T(r.Context(), "Xem trước tệp nhập")), v))
}

// readUpload reads the upload's one file part into memory, never onto the
// disk, at most maxUploadBytes of it: past that it is an
// *http.MaxBytesError. Fields before the file are skipped; nothing after it
// is read.
func readUpload(w http.ResponseWriter, r *http.Request) (string, []byte, error) {
	// A large file over a slow link outlasts the server's read timeout.
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Now().Add(3 * time.Minute))
	_ = rc.SetWriteDeadline(time.Now().Add(4 * time.Minute))
	if r.ContentLength > maxUploadBytes+uploadSlack {
		return "", nil, &http.MaxBytesError{Limit: maxUploadBytes}
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadBytes+uploadSlack)
	mr, err := r.MultipartReader()
	if err != nil {
		return "", nil, errNoFile
	}
	for range 8 {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return "", nil, errNoFile
		}
		if err != nil {
			return "", nil, err
		}
		if part.FormName() != "file" || part.FileName() == "" {
			continue
		}
		name := displayName(r.Context(), part.FileName())
		data, err := io.ReadAll(io.LimitReader(part, maxUploadBytes+1))
		if err == nil && len(data) > maxUploadBytes {
			err = &http.MaxBytesError{Limit: maxUploadBytes}
		}
		return name, data, err
	}
	return "", nil, errNoFile
}

// uploadRefused answers an upload that could not be read: too large (413,
// after reading what was sent, so the browser shows the page rather than a
// broken connection), without a file, or broken off.
func uploadRefused(w http.ResponseWriter, r *http.Request, d *deps, name string, err error) {
	ctx := r.Context()
	var mbe *http.MaxBytesError
	status, msg := http.StatusBadRequest, i18n.T(ctx, "Không đọc được tệp gửi lên. Vui lòng chọn tệp và thử lại.")
	switch {
	case errors.As(err, &mbe):
		status = http.StatusRequestEntityTooLarge
		msg = i18n.T(ctx, "Tệp lớn hơn 20 MB: hãy chia thành nhiều tệp nhỏ hơn (ví dụ mỗi năm số liệu một tệp) rồi nhập lần lượt.")
		w.Header().Set("Connection", "close")
		_, _ = io.Copy(io.Discard, io.LimitReader(r.Body, 64<<20))
	case errors.Is(err, errNoFile):
		status, msg = http.StatusUnprocessableEntity, i18n.T(ctx, "Chưa chọn tệp nào: hãy chọn một tệp .xlsx hoặc .csv.")
	}
	render(w, r, d.logger, status, web.ImportPage(page(r, d, i18n.T(ctx, "Nhập dữ liệu")), importView(ctx, name, msg)))
}

// wholeFileProblem says where and what is wrong with a file refused whole.
func wholeFileProblem(ctx context.Context, re *importer.RowError, upload string) string {
	var where []string
	if _, sheet, ok := strings.Cut(re.File, " › "); ok {
		where = append(where, i18n.Tf(ctx, "trang “%s”", sheet))
	} else if re.File != upload {
		where = append(where, re.File)
	}
	msg := re.Reason(i18n.From(ctx))
	// The reason may name the row itself.
	if row := i18n.Tf(ctx, "dòng %d", re.Row); re.Row > 0 && !strings.Contains(msg, row) {
		where = append(where, row)
	}
	if re.Value != "" {
		where = append(where, "“"+re.Value+"”")
	}
	if len(where) == 0 {
		return upperFirst(msg)
	}
	return upperFirst(strings.Join(where, ", ") + ": " + msg)
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// displayName is the client's file name made safe to show: no path, no
// control characters, not too long. It is never used as a path.
func displayName(ctx context.Context, s string) string {
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		s = s[i+1:]
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, norm.NFC.String(s))
	if r := []rune(strings.TrimSpace(s)); len(r) > 120 {
		s = string(r[:120])
	}
	if strings.TrimSpace(s) == "" {
		return i18n.T(ctx, "tệp tải lên")
	}
	return strings.TrimSpace(s)
}

func newToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails: crypto/rand crashes the program instead
	return base64.RawURLEncoding.EncodeToString(b)
}

// auditImport records a step of an import with the upload's name, digest
// and size, even when the person has gone.
func auditImport(r *http.Request, d *deps, action string, p store.PendingImport, details map[string]any) {
	ctx, cancel := background(r)
	defer cancel()
	details["file_name"], details["sha256"], details["bytes"] = p.FileName, p.SHA256, len(p.Data)
	if err := d.st.AppendAudit(ctx, p.UserID, action, "register", "", details); err != nil {
		d.logger.Error("audit import", "action", action, "err", err)
	}
}

func tableDetails(c checked) []map[string]any {
	out := make([]map[string]any, len(c.tables))
	for i, t := range c.tables {
		out[i] = map[string]any{"name": t.Name, "rows": len(t.Rows)}
	}
	return out
}
