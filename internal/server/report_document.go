package server

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"industrytargets/internal/format"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// breakdownRows is how many slices a breakdown of the report lists before
// it sums the rest in one row: the whole lists are in the annex and the
// report's workbook, and the report itself stays within five A4 pages.
const breakdownRows = 8

// fillDocument gives v what makes the report an official document besides
// its figures: the number, recipients and signer from the plan's settings,
// the toolbar's addresses and the sources.
func fillDocument(v *web.ReportView, q reportQuery, rep progress.Report) {
	s := q.plan.Report
	v.Number, v.Symbol, v.Recipients = q.number, s.Symbol, s.Recipients
	v.SignerAuthority, v.SignerTitle, v.SignerName = s.SignerAuthority, s.SignerTitle, s.SignerName
	v.Annex = q.annex
	params := asOfQuery(url.Values{"basis": {string(q.basis)}}, q.asOfParam)
	for _, k := range []string{"as_of", "basis"} {
		if val := params.Get(k); val != "" {
			v.Query = append(v.Query, web.QueryField{Name: k, Value: val})
		}
	}
	back := asOfQuery(url.Values{"plan": {q.plan.Code}, "year": {strconv.Itoa(q.year)}, "basis": {string(q.basis)}}, q.asOfParam)
	v.Back = "/?" + back.Encode()
	pdf := url.Values{}
	for _, f := range v.Query {
		pdf.Set(f.Name, f.Value)
	}
	if q.annex {
		pdf.Set("annex", "1")
	}
	if q.number != "" {
		pdf.Set("no", q.number)
	}
	v.PDF = "/reports/" + url.PathEscape(q.plan.Code) + "/" + strconv.Itoa(q.year) + ".pdf"
	if len(pdf) > 0 {
		v.PDF += "?" + pdf.Encode()
	}
	v.Legend = usedLegend(rep)
}

// usedLegend is the rule of each status word the report's targets show,
// in the order of the overview's legend.
func usedLegend(rep progress.Report) []web.LegendRow {
	var out []web.LegendRow
	for _, l := range statusLegend(context.Background()) {
		if slices.ContainsFunc(rep.Targets, func(t progress.TargetResult) bool { return string(t.Status) == l.Status }) {
			out = append(out, l)
		}
	}
	return out
}

// reportBreakdowns are the breakdowns of the enterprises counted in the
// report's year, each its largest slices, the rest summed and the total.
func (d *deps) reportBreakdowns(ctx context.Context, sc store.Scope, year, counted int) ([]web.ReportBreakdown, error) {
	var out []web.ReportBreakdown
	for _, dim := range model.Dimensions {
		rows, err := d.st.Breakdown(ctx, sc, year, dim)
		if err != nil {
			return nil, err
		}
		out = append(out, reportBreakdown(dim, rows, counted))
	}
	return out, nil
}

func reportBreakdown(dim model.Dimension, rows []model.CountRow, counted int) web.ReportBreakdown {
	title, noun := dimensionWords(model.LangVI, dim)
	b := web.ReportBreakdown{Title: title, Noun: noun}
	share := func(n int) string {
		if counted == 0 {
			return "—"
		}
		return format.Percent(float64(n) / float64(counted))
	}
	row := func(name string, n int) web.ReportBreakdownRow {
		return web.ReportBreakdownRow{Name: name, Count: format.Int(int64(n)), Share: share(n)}
	}
	shown := rows
	if len(rows) > breakdownRows+1 {
		shown = rows[:breakdownRows]
	}
	for _, r := range shown {
		b.Rows = append(b.Rows, row(sliceName(model.LangVI, dim, r.Key, r.Name, r.NameEN), r.Count))
	}
	if rest := rows[len(shown):]; len(rest) > 0 {
		n := 0
		for _, r := range rest {
			n += r.Count
		}
		b.Rows = append(b.Rows, row(fmt.Sprintf("%s khác (%s)", noun, format.Int(int64(len(rest)))), n))
	}
	total := row("Tổng số doanh nghiệp", counted)
	total.Total = true
	b.Rows = append(b.Rows, total)
	if dim == model.ByCategory || dim == model.ByProductGroup {
		b.Note = "Doanh nghiệp thuộc nhiều nhóm được tính ở mỗi nhóm, nên cộng các dòng có thể lớn hơn tổng."
	}
	return b
}

// reportSources says where each kind of figure in the report comes from
// and how final it is in the report's year.
func reportSources(rep progress.Report, q reportQuery, outputs []model.ProvinceOutput, provisional int) []string {
	year := rep.AsOfYear()
	out := []string{fmt.Sprintf("Danh sách doanh nghiệp, phân loại, giấy chứng nhận và địa bàn: sổ đăng ký doanh nghiệp công nghiệp hỗ trợ, công nghệ cao của %s, số liệu đến ngày %s.",
		rep.Authority.Department, format.Date(rep.Period.Date))}
	for _, p := range rep.Series {
		if p.Year != year {
			continue
		}
		s := fmt.Sprintf("Giá trị sản xuất của từng doanh nghiệp năm %d (giá %s): %s/%s doanh nghiệp được tính có số liệu",
			year, format.Basis(q.basis), format.Int(int64(p.Reporting)), format.Int(int64(p.EnterpriseCount)))
		if provisional > 0 {
			s += fmt.Sprintf(", trong đó %s doanh nghiệp có số liệu còn là ước tính hoặc sơ bộ", format.Int(int64(provisional)))
		}
		out = append(out, s+".")
	}
	var totals []string
	for _, o := range outputs {
		if o.Basis != q.basis || o.Year < year-2 || o.Year > year {
			continue
		}
		t := fmt.Sprintf("năm %d: %s", o.Year, format.Status(o.Status))
		if o.Source != "" {
			t += ", nguồn: " + o.Source
		}
		totals = append(totals, t)
	}
	s := "Giá trị sản xuất toàn ngành công nghiệp (giá " + format.Basis(q.basis) + ") của " + rep.Territory.Name + ": "
	if len(totals) == 0 {
		s += fmt.Sprintf("chưa có số liệu các năm %d–%d.", year-2, year)
	} else {
		s += strings.Join(totals, "; ") + "."
	}
	return append(out, s)
}
