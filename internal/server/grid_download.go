package server

import (
	"context"
	"math"
	"net/http"
	"net/url"
	"strconv"

	"industrytargets/internal/i18n"
	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// gridDownloadKeys are the columns of a downloaded grid, keyed and headed
// like the columns of import files: the enterprise, then the year and
// price basis the grid shows, then its cells.
var gridDownloadKeys = []string{"tax_code", "name", "area", "year", "price_basis",
	"production_value", "revenue", "export_value", "employees", "status"}

// gridTextCols are the columns of gridDownloadKeys that hold text however
// a cell looks: the tax code, the name and the area.
var gridTextCols = []int{0, 1, 2}

// handleGridDownload answers the yearly grid as ext (csv or xlsx): every
// row the same query string selects on /figures, in its order, without its
// pages, each with the figure the grid shows; amounts in million VND as
// plain numbers, the basis and status as the import files write them.
func handleGridDownload(d *deps, ext string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q, _, err := d.readGridQuery(r)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		if msg := badGridDownload(r.Context(), r.URL.Query(), q); msg != "" {
			renderError(w, r, d, http.StatusBadRequest, msg)
			return
		}
		rows, _, err := d.st.GridRows(r.Context(), q.filter(), math.MaxInt32, 0)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		t := gridTable(q, rows)
		if ext == chartExtCSV {
			// Amounts with the decimal separator of the reader's
			// spreadsheet: a comma in Vietnamese, a point in English
			// (which would read 1234,5 as 12345); the import reads both.
			t.Lang = i18n.From(r.Context())
		}
		sendTables(w, r, d, chartFileName("so-lieu", q.year, q.plan, q.basis, ext), ext, t.Title, []downloadTable{t})
	})
}

// badGridDownload says what is wrong with a setting of a grid download, in
// the language of ctx, or "". The page falls back to a default for a setting it does not know,
// and shows which it took; a file would not, so a download refuses it. A
// setting left empty takes its default, as on the page.
func badGridDownload(ctx context.Context, vals url.Values, q gridQuery) string {
	if y := vals.Get("year"); y != "" {
		if n, err := model.ParseYear(y); err != nil || n > lastClosedYear() {
			return i18n.T(ctx, "Năm không hợp lệ: số liệu chỉ có cho năm đã kết thúc.")
		}
	}
	if b := vals.Get("basis"); b != "" && !model.PriceBasis(b).Valid() {
		return i18n.T(ctx, "Loại giá không hợp lệ.")
	}
	if p := vals.Get("plan"); p != "" && p != q.plan {
		return i18n.T(ctx, "Không có đề án này.")
	}
	if p := vals.Get("province"); p != "" && vals.Get("plan") == "" && p != q.province {
		return i18n.T(ctx, "Không có đề án nào của tỉnh, thành phố này.")
	}
	if a := vals.Get("area"); a != "" {
		if id, err := strconv.ParseInt(a, 10, 64); err != nil || !q.inTerritory(id) {
			return i18n.T(ctx, "Địa bàn không thuộc địa bàn của đề án đã chọn.")
		}
	}
	return ""
}

// gridTable is the grid's rows as one table. Like its headings, which are
// those of import files, its title is in Vietnamese whatever the page's
// language.
func gridTable(q gridQuery, rows []store.GridRow) downloadTable {
	t := downloadTable{Sheet: chartSheet, TextCols: gridTextCols}
	t.Title = q.heading(model.LangVI)
	for _, key := range gridDownloadKeys {
		t.Header = append(t.Header, importLabel(key))
	}
	for _, row := range rows {
		cells := map[string]string{"tax_code": row.TaxCode, "name": row.Name, "area": row.AreaName,
			"year": strconv.Itoa(q.year), "price_basis": string(q.basis)}
		if f := row.Figure; f != nil {
			cells["production_value"], cells["status"] = f.ProductionValue.String(), string(f.Status)
			if f.Revenue != nil {
				cells["revenue"] = f.Revenue.String()
			}
			if f.ExportValue != nil {
				cells["export_value"] = f.ExportValue.String()
			}
			cells["employees"] = inputInt(f.Employees)
		}
		rec := make([]string, len(gridDownloadKeys))
		for i, key := range gridDownloadKeys {
			rec[i] = cells[key]
		}
		t.Rows = append(t.Rows, rec)
	}
	return t
}

// importLabel is the heading of the column key in import files: of a
// figures file, else of an enterprises file.
func importLabel(key string) string {
	for _, kind := range []importer.Kind{importer.KindFigures, importer.KindEnterprises} {
		for _, c := range kind.Columns() {
			if c.Key == key {
				return importer.HeaderLabel(c)
			}
		}
	}
	return key
}
