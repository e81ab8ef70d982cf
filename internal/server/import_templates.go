package server

import (
	"io"
	"net/http"

	"industrytargets/internal/importer"
)

// handleImportTemplate answers the XLSX template of every kind.
func handleImportTemplate(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		serveExport(w, r, d, "mau-nhap-lieu.xlsx", importer.TemplateXLSX)
	})
}

// handleImportTemplateCSV answers the CSV template of one kind.
func handleImportTemplateCSV(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k := importer.Kind(r.PathValue("kind"))
		if k.Columns() == nil {
			handleNotFound(d).ServeHTTP(w, r)
			return
		}
		serveExport(w, r, d, "mau-"+string(k)+".csv", func(out io.Writer) error { return importer.TemplateCSV(out, k) })
	})
}
