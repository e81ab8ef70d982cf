package server

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// The report's own tables, by the id their CSV files go by; its breakdowns
// go by their dimension.
const (
	reportTargetsID     = "targets"
	reportSeriesID      = "series"
	reportEnterprisesID = "enterprises"
)

// reportSheet names one table of the printed report.
type reportSheet struct {
	id    string // in the address of its CSV file
	sheet string // its sheet in the report's workbook
}

// reportSheets lists the report's tables in the order it prints them.
func reportSheets() []reportSheet {
	out := []reportSheet{{reportTargetsID, "Chỉ tiêu"}, {reportSeriesID, "Số liệu qua các năm"}}
	for _, dim := range model.Dimensions {
		out = append(out, reportSheet{string(dim), dimensionNouns[dim]})
	}
	return append(out, reportSheet{reportEnterprisesID, "Danh sách doanh nghiệp"})
}

// reportDownloads are the addresses of the report's workbook and of each
// table's CSV file, on the report's price basis.
func reportDownloads(plan string, year int, basis model.PriceBasis, asOf string) (string, []web.ReportDownload) {
	base := "/reports/" + url.PathEscape(plan) + "/" + strconv.Itoa(year)
	query := "?" + asOfQuery(url.Values{"basis": {string(basis)}}, asOf).Encode()
	var tables []web.ReportDownload
	for _, s := range reportSheets() {
		tables = append(tables, web.ReportDownload{Label: s.sheet, Href: base + "/" + s.id + ".csv" + query})
	}
	return base + ".xlsx" + query, tables
}

// handleReportWorkbook answers every table of a plan's report for a year
// and price basis as one Excel workbook, a sheet each, with the numbers
// the report prints, unrounded.
func handleReportWorkbook(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q, ok := d.reportParams(w, r)
		if !ok {
			return
		}
		// Kept for the register's version, as the report is.
		book, r, err := kept(d, r, "report.xlsx|"+q.key()+"|"+string(i18n.From(r.Context())), func(ctx context.Context) (string, error) {
			rep, sc, err := d.progressOf(ctx, q)
			if err != nil {
				return "", err
			}
			var tables []downloadTable
			for _, s := range reportSheets() {
				t, err := d.reportTable(ctx, q, rep, sc, s)
				if err != nil {
					return "", err
				}
				tables = append(tables, t)
			}
			var buf bytes.Buffer
			err = writeTablesXLSX(&buf, "Báo cáo tiến độ năm "+strconv.Itoa(q.year)+" · "+q.plan.Name, tables)
			return buf.String(), err
		})
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		sendChartFile(w, chartFileName(q.plan.Code, q.year, "bao-cao", q.basis, chartExtXLSX), chartFileTypes[chartExtXLSX], []byte(book))
	})
}

// handleReportTableCSV answers one table of a plan's report as a CSV file.
func handleReportTableCSV(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q, ok := d.reportParams(w, r)
		if !ok {
			return
		}
		plan, year, basis := q.plan, q.year, q.basis
		sheets := reportSheets()
		at := slices.IndexFunc(sheets, func(s reportSheet) bool { return s.id == r.PathValue("table") })
		if at < 0 {
			renderError(w, r, d, http.StatusNotFound, i18n.T(r.Context(), "Báo cáo không có bảng này."))
			return
		}
		s := sheets[at]
		rep, sc, err := d.progressOf(r.Context(), q)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		t, err := d.reportTable(r.Context(), q, rep, sc, s)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		sendTables(w, r, d, chartFileName(plan.Code, year, "bao-cao-"+s.id, basis, chartExtCSV), chartExtCSV, t.Title, []downloadTable{t})
	})
}

// reportTable builds the report's table s from the same store reads as
// the page (see report), its numbers unrounded.
func (d *deps) reportTable(ctx context.Context, q reportQuery, rep progress.Report, sc store.Scope, s reportSheet) (downloadTable, error) {
	// The report is a Vietnamese document, whatever the reader's interface.
	ctx = i18n.WithLang(ctx, model.LangVI)
	var t downloadTable
	switch s.id {
	case reportTargetsID:
		t = targetsTable(rep)
	case reportSeriesID:
		t = seriesTable(rep)
	case reportEnterprisesID:
		counted, err := d.st.Counted(ctx, sc, q.year, rep.Basis)
		if err != nil {
			return t, err
		}
		t = countedTable(counted)
	default:
		data, _, err := d.chartData(ctx, q, s.id)
		if err != nil {
			return t, err
		}
		t.chartData = data
	}
	t.ID, t.Sheet = s.id, s.sheet
	return t, nil
}

// targetsTable is section I: each target with its actual and expected
// values (shares as fractions), its status and the note under it.
func targetsTable(rep progress.Report) downloadTable {
	t := downloadTable{chartData: chartData{Title: "Kết quả thực hiện các chỉ tiêu",
		Header: []string{"Chỉ tiêu", "Năm mục tiêu", "Mục tiêu", "Số liệu năm", "Thực hiện", "% mục tiêu", "Theo lộ trình", "Đánh giá", "Ghi chú"}}}
	shown := reportTargets(rep)
	shares := make([]bool, len(rep.Targets))
	for i, tr := range rep.Targets {
		shares[i] = tr.Metric == model.MetricOutputShare
		judged := ""
		if tr.JudgedYear != 0 {
			judged = strconv.Itoa(tr.JudgedYear)
		}
		t.Rows = append(t.Rows, []string{shown[i].Title, strconv.Itoa(tr.Year), recordFloat(tr.Value), judged,
			optFloat(tr.Actual), optFloat(tr.OfTarget()), optFloat(tr.Expected), shown[i].Status, shown[i].Note})
	}
	t.PercentAt = func(i, j int) bool { return j == 5 || shares[i] && (j == 2 || j == 4 || j == 6) }
	return t
}

// seriesTable is section II: the counts, outputs, share and coverage of
// each year.
func seriesTable(rep progress.Report) downloadTable {
	t := downloadTable{TextCols: []int{4}, chartData: chartData{Title: "Số liệu qua các năm", Header: []string{"Năm", "Số doanh nghiệp",
		"GTSX của các doanh nghiệp (triệu đồng)", "GTSX toàn ngành công nghiệp (triệu đồng)", "Tình trạng số liệu toàn ngành",
		"Tỷ trọng", "Độ phủ số liệu", "Số doanh nghiệp có số liệu"}}}
	for _, p := range rep.Series {
		province, status := "", ""
		if p.ProvinceOutput != nil {
			province = p.ProvinceOutput.String()
		}
		if p.ProvinceStatus != "" {
			status = format.Status(p.ProvinceStatus)
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(p.Year), strconv.Itoa(p.EnterpriseCount), p.QualifyingOutput.String(),
			province, status, optFloat(p.OutputShare), recordFloat(p.OutputCoverage), strconv.Itoa(p.Reporting)})
	}
	t.PercentAt = func(_, j int) bool { return j == 5 || j == 6 }
	return t
}

// countedTable is the appendix: the enterprises counted, with their
// output.
func countedTable(counted []store.CountedEnterprise) downloadTable {
	t := downloadTable{TextCols: []int{1, 2, 3}, chartData: chartData{Title: "Danh sách doanh nghiệp được tính",
		Header: []string{"STT", "Mã số thuế", "Tên doanh nghiệp", "Địa bàn", "GTSX (triệu đồng)"}}}
	for i, c := range counted {
		out := ""
		if c.Output != nil {
			out = c.Output.String()
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), c.TaxCode, c.Name, c.Area, out})
	}
	return t
}

// optFloat writes v as recordFloat does, or nothing when there is none.
func optFloat(v *float64) string {
	if v == nil {
		return ""
	}
	return recordFloat(*v)
}
