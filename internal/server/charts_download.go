package server

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
)

// chartData is what one chart of the overview holds, as its download
// gives it: a header and rows of plain numbers (chart Records).
type chartData struct {
	Title   string
	Header  []string
	Rows    [][]string
	Percent bool // the values are fractions, shown as percentages
	// Lang is the language of the header, and of a workbook's sheet name
	// and properties; Vietnamese when empty.
	Lang model.Lang
}

// The formats a chart's data can be downloaded in, by extension.
const (
	chartExtCSV  = "csv"
	chartExtXLSX = "xlsx"
)

var chartFileTypes = map[string]string{
	chartExtCSV:  "text/csv; charset=utf-8",
	chartExtXLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// handleChartDownload answers the data of one chart of a plan's overview
// for a year and price basis, exactly as the chart holds it, as a CSV file
// or an Excel workbook (ext).
func handleChartDownload(d *deps, ext string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		q, ok := d.reportParams(w, r)
		if !ok {
			return
		}
		plan, year, basis := q.plan, q.year, q.basis
		id := r.PathValue("chart")
		data, ok, err := d.chartData(ctx, q, id)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		} else if !ok {
			renderError(w, r, d, http.StatusNotFound, i18n.T(ctx, "Không có biểu đồ này."))
			return
		}
		var buf bytes.Buffer
		if ext == chartExtXLSX {
			err = writeChartXLSX(&buf, data)
		} else {
			err = writeChartCSV(&buf, data, func(_, j int) bool { return data.Percent && j > 0 })
		}
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		sendChartFile(w, chartFileName(plan.Code, year, id, basis, ext), chartFileTypes[ext], buf.Bytes())
	})
}

// chartData builds the overview's chart id for plan in year on basis, as
// the overview draws it, and returns its data; false when there is no such
// chart.
func (d *deps) chartData(ctx context.Context, q reportQuery, id string) (chartData, bool, error) {
	plan, year := q.plan, q.year
	rep, sc, err := d.progressOf(ctx, q)
	if err != nil {
		return chartData{}, true, err
	}
	switch id {
	case chartCount, chartShare:
		c := countChart(ctx, plan, rep, nil)
		if id == chartShare {
			c = shareChart(ctx, plan, rep, nil)
		}
		h, rows := c.Records()
		return chartData{Title: c.Title, Header: h, Rows: rows, Percent: c.Percent, Lang: i18n.From(ctx)}, true, nil
	case chartFlows:
		flows, err := d.st.Flows(ctx, sc, plan.BaselineYear, year)
		if err != nil {
			return chartData{}, true, err
		}
		b := flowsChart(ctx, flows, nil)
		h, rows := b.Records()
		return chartData{Title: b.Title, Header: h, Rows: rows, Lang: i18n.From(ctx)}, true, nil
	}
	dim := model.Dimension(id)
	if !dim.Valid() {
		return chartData{}, false, nil
	}
	rows, err := d.st.Breakdown(ctx, sc, year, dim)
	if err != nil {
		return chartData{}, true, err
	}
	b := breakdownChart(ctx, dim, rows, nil)
	h, recs := b.Records()
	return chartData{Title: b.Title, Header: h, Rows: recs, Lang: i18n.From(ctx)}, true, nil
}

// chartFileName is the file name of a chart's data: plain ASCII, so every
// browser and system keeps it as it is.
func chartFileName(plan string, year int, id string, basis model.PriceBasis, ext string) string {
	name := fmt.Sprintf("%s-%d-%s", plan, year, id)
	if basis != model.BasisCurrent {
		name += "-" + string(basis)
	}
	safe := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, name)
	return safe + "." + ext
}

// sendChartFile answers body as an attachment named name (RFC 6266).
func sendChartFile(w http.ResponseWriter, name, contentType string, body []byte) {
	disp := mime.FormatMediaType("attachment", map[string]string{"filename": name})
	if disp == "" {
		disp = "attachment"
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", disp)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// isRecordNumber reports whether s is a number as chart Records writes one:
// an optional minus, digits, and decimals after a dot.
func isRecordNumber(s string) bool {
	digits, dot := 0, false
	for i, r := range s {
		switch {
		case r == '-' && i == 0:
		case r == '.' && !dot && digits > 0:
			dot = true
		case r >= '0' && r <= '9':
			digits++
		default:
			return false
		}
	}
	return digits > 0 && !strings.HasSuffix(s, ".")
}
