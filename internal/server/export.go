package server

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"strconv"

	"industrytargets/internal/importer"
)

// Downloads in the layout of the import files: what is downloaded imports
// back unchanged, after any edits made in Excel.

// exportTypes are the media types of the files downloads answer with.
var exportTypes = map[string]string{
	"csv":  "text/csv; charset=utf-8",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// handleExportRegister answers the whole register, a sheet per kind.
func handleExportRegister(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := "so-dang-ky-" + vnToday().Format("2006-01-02") + ".xlsx"
		serveExport(w, r, d, name, func(out io.Writer) error {
			x, err := importer.NewXLSXWriter(out, importer.Kinds...)
			if err != nil {
				return err
			}
			if err := d.st.ExportRegister(r.Context(), x.Row); err != nil {
				x.Close()
				return err
			}
			return x.Close()
		})
	})
}

// handleExportEnterprises answers the enterprise list as ext (csv or xlsx):
// every enterprise the same query string selects on /enterprises, in its
// order, without its pages.
func handleExportEnterprises(d *deps, ext string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		ref, err := loadRefs(ctx, d.st)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		f, form, _ := parseListQuery(r.URL.Query(), ref, vnToday())
		if err := d.parseDrill(ctx, r.URL.Query(), &f, &form); err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		name := "doanh-nghiep-" + vnToday().Format("2006-01-02") + "." + ext
		serveExport(w, r, d, name, func(out io.Writer) error {
			x, err := enterpriseExporter(out, ext)
			if err != nil {
				return err
			}
			err = d.st.ExportEnterprises(ctx, f, func(cells []any) error {
				return x.Row(importer.KindEnterprises, cells)
			})
			if err != nil {
				x.Close()
				return err
			}
			return x.Close()
		})
	})
}

func enterpriseExporter(out io.Writer, ext string) (importer.Exporter, error) {
	if ext == "csv" {
		return importer.NewCSVWriter(out, importer.KindEnterprises)
	}
	return importer.NewXLSXWriter(out, importer.KindEnterprises)
}

// serveExport answers the file write makes as an attachment named name
// (RFC 6266). It is made whole first, so a failure half-way is an error
// page, not half a file.
func serveExport(w http.ResponseWriter, r *http.Request, d *deps, name string, write func(io.Writer) error) {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		serverError(w, r, d.logger, err)
		return
	}
	ext := name[bytes.LastIndexByte([]byte(name), '.')+1:]
	h := w.Header()
	h.Set("Content-Type", exportTypes[ext])
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}
