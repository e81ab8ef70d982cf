package server

import (
	"context"
	"net/http"
	"time"

	"industrytargets/internal/i18n"
	"industrytargets/internal/importer"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// Importing from the browser: upload a file (import_upload.go), see what it
// would do, confirm or cancel (import_confirm.go). The upload is kept in the
// database between the two, never on the server's disk.
const (
	uploadRoute     = "POST /import" // takes files: its body cap is its own
	maxUploadBytes  = 20 << 20       // one file
	uploadSlack     = 64 << 10       // the multipart envelope around it
	pendingFor      = time.Hour      // an upload waits this long for its confirmation
	maxShownErrors  = 1000           // problems listed on the preview
	importTimeout   = 2 * time.Minute
	concurrentLoads = 2 // imports checked or written at once; more wait their turn
)

// kindLabels name each kind of record in the interface, in Vietnamese; tr
// gives them in the page's language.
var kindLabels = map[importer.Kind]string{
	importer.KindEnterprises:     "Doanh nghiệp",
	importer.KindClassifications: "Chứng nhận (lĩnh vực)",
	importer.KindFigures:         "Số liệu hằng năm",
	importer.KindProvinceOutput:  "Giá trị sản xuất toàn tỉnh",
}

// handleImportPage shows the upload form, the templates and what a file
// must hold.
func handleImportPage(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		render(w, r, d.logger, http.StatusOK, web.ImportPage(page(r, d, i18n.T(r.Context(), "Nhập dữ liệu")), importView(r.Context(), "", "")))
	})
}

// importView is the import page; the columns are named in the page's
// language (the files themselves take the Vietnamese names or the keys).
func importView(ctx context.Context, fileName, problem string) web.ImportView {
	v := web.ImportView{FileName: fileName, Problem: problem, MaxMB: maxUploadBytes >> 20}
	for _, k := range importer.Kinds {
		h := web.ImportKindHelp{Label: i18n.T(ctx, kindLabels[k]), Key: string(k), Sheet: k.SheetName(),
			TemplateURL: "/import/template/" + string(k) + ".csv"}
		for _, c := range k.Columns() {
			h.Columns = append(h.Columns, web.ImportColumnHelp{Key: c.Key, Label: i18n.T(ctx, c.Label), Required: c.Required})
		}
		v.Kinds = append(v.Kinds, h)
	}
	return v
}

// gate lets a few imports run at once; the others wait, as long as their
// request lasts.
type gate chan struct{}

func (g gate) enter(ctx context.Context) bool {
	select {
	case g <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

func (g gate) leave() { <-g }

// checked is an upload read and checked against the register.
type checked struct {
	tables []importer.Table
	batch  importer.Batch
	errs   []importer.RowError
}

// checkUpload reads the file and parses it against the reference lists and
// the register's tax codes. A file refused as a whole is a *RowError.
func checkUpload(ctx context.Context, st *store.Store, name string, data []byte) (checked, error) {
	var c checked
	var err error
	if c.tables, err = importer.ReadFile(ctx, data, name); err != nil {
		return c, err
	}
	ref, err := st.ReferenceLists(ctx)
	if err != nil {
		return c, err
	}
	if ref.LatestMoves, err = st.LatestMoves(ctx); err != nil {
		return c, err
	}
	known, err := st.TaxCodes(ctx)
	if err != nil {
		return c, err
	}
	c.batch, c.errs = importer.Parse(ctx, c.tables, ref, func(tc string) bool { return known[tc] })
	return c, nil
}

// previewView is what the preview page shows of a checked upload and, when
// it is free of problems, of the counts a dry run gave.
func previewView(ctx context.Context, p store.PendingImport, c checked) web.ImportPreviewView {
	fm := pageFormat(ctx)
	v := web.ImportPreviewView{FileName: p.FileName, SHA256: p.SHA256, Size: fileSize(ctx, len(p.Data))}
	for _, t := range c.tables {
		kind := i18n.T(ctx, "không nhận ra")
		for _, f := range c.batch.Files {
			if f.Name == t.Name {
				kind = i18n.T(ctx, kindLabels[f.Kind])
			}
		}
		v.Tables = append(v.Tables, web.ImportTableRow{Name: t.Name, Kind: kind, Rows: fm.Int(int64(len(t.Rows)))})
	}
	for i, e := range c.errs {
		if i == maxShownErrors {
			v.Hidden = fm.Int(int64(len(c.errs) - maxShownErrors))
			break
		}
		if n := len(v.Errors); n == 0 || v.Errors[n-1].File != e.File {
			v.Errors = append(v.Errors, web.ImportErrorGroup{File: e.File})
		}
		g := &v.Errors[len(v.Errors)-1]
		g.Rows = append(g.Rows, errorRow(ctx, e))
	}
	if len(c.errs) > 0 {
		v.ErrorTotal = fm.Int(int64(len(c.errs)))
		if c.batch.Truncated {
			v.ErrorTotal, v.Stopped = i18n.Tf(ctx, "hơn %s", v.ErrorTotal), true
		}
		return v
	}
	v.Token = p.Token
	v.Counts = countRows(ctx, c.batch, p.Counts)
	return v
}

func errorRow(ctx context.Context, e importer.RowError) web.ImportErrorRow {
	row := ""
	if e.Row > 0 {
		row = pageFormat(ctx).Int(int64(e.Row))
	}
	value := []rune(e.Value)
	if len(value) > 80 {
		value = append(value[:80], '…')
	}
	return web.ImportErrorRow{Row: row, Column: e.Column, Value: string(value), Reason: e.Reason(i18n.From(ctx))}
}

// countRows lists the counts of the kinds the upload holds.
func countRows(ctx context.Context, b importer.Batch, res store.ImportResult) []web.ImportCountRow {
	counts := map[importer.Kind]store.ImportCounts{
		importer.KindEnterprises: res.Enterprises, importer.KindClassifications: res.Classifications,
		importer.KindFigures: res.Figures, importer.KindProvinceOutput: res.ProvinceOutputs,
	}
	had := map[importer.Kind]bool{}
	for _, f := range b.Files {
		had[f.Kind] = true
	}
	fm := pageFormat(ctx)
	var out []web.ImportCountRow
	for _, k := range importer.Kinds {
		if c := counts[k]; had[k] {
			out = append(out, web.ImportCountRow{Label: i18n.T(ctx, kindLabels[k]), Added: fm.Int(c.Added),
				Changed: fm.Int(c.Changed), Unchanged: fm.Int(c.Unchanged)})
		}
	}
	return out
}

// fileSize writes a size the way people read it: 840 byte, 12,5 kB, 3,2 MB
// (840 bytes, 12.5 kB in English).
func fileSize(ctx context.Context, n int) string {
	fm := pageFormat(ctx)
	switch {
	case n < 1000:
		return i18n.Tf(ctx, "%s byte", fm.Int(int64(n)))
	case n < 1_000_000:
		return fm.Decimal(float64(n)/1000, 1) + " kB"
	}
	return fm.Decimal(float64(n)/1_000_000, 1) + " MB"
}

// importSummary says in a sentence what an import did.
func importSummary(ctx context.Context, b importer.Batch, res store.ImportResult) string {
	s := i18n.T(ctx, "Đã nhập xong.")
	for _, c := range countRows(ctx, b, res) {
		s += " " + i18n.Tf(ctx, "%s: thêm %s, sửa %s, giữ nguyên %s.", c.Label, c.Added, c.Changed, c.Unchanged)
	}
	return s
}
