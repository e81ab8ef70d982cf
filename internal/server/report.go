package server

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// handleReport draws the printable progress report of a plan for a year.
func handleReport(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q, ok := d.reportParams(w, r)
		if !ok {
			return
		}
		page, vi, err := d.reportPage(r, q)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		render(w, vi, d.logger, http.StatusOK, templ.Raw(page))
	})
}

// reportPage is q's report drawn, kept for the register's version as the
// overview is, and the request in Vietnamese: the report is an official
// Vietnamese document whatever the reader's language; only its toolbar
// speaks theirs.
func (d *deps) reportPage(r *http.Request, q reportQuery) (string, *http.Request, error) {
	reader := i18n.From(r.Context())
	vi := r.WithContext(i18n.WithLang(r.Context(), model.LangVI))
	_, signedIn := currentUser(r)
	key := fmt.Sprintf("report|%s|%t|%t|%s|%s", q.key(), signedIn, q.annex, q.number, reader)
	return kept(d, vi, key, func(ctx context.Context) (string, error) {
		v, err := d.report(vi.WithContext(ctx), q)
		if err != nil {
			return "", err
		}
		v.Reader = reader
		var b strings.Builder
		err = web.Report(v).Render(ctx, &b)
		return b.String(), err
	})
}

// key names q among what is kept for one register version.
func (q reportQuery) key() string {
	return fmt.Sprintf("%s|%d|%s|%s|%s", q.plan.Code, q.year, q.basis, q.asOf.Format(time.DateOnly), q.asOfParam)
}

// reportQuery is what a report, or a download of an overview's chart, is
// asked for: a plan, a year, a price basis and a report date.
type reportQuery struct {
	plan  model.Plan
	year  int
	basis model.PriceBasis
	asOf  time.Time
	// asOfParam is as_of as asked for, "" for today.
	asOfParam string
	// annex adds the list of the enterprises counted; number is the
	// report's number as the clerk gives it, "" to leave it blank.
	annex  bool
	number string
}

// reportParams reads the plan and year of a report's address, the price
// basis it is asked on (current prices by default) and its report date
// (today by default). When one is not right it answers the error page
// itself and ok is false.
func (d *deps) reportParams(w http.ResponseWriter, r *http.Request) (q reportQuery, ok bool) {
	ctx := r.Context()
	var err error
	if q.plan, err = d.st.Plan(ctx, r.PathValue("plan")); err != nil {
		serverError(w, r, d.logger, err)
		return q, false
	}
	if q.asOf, q.asOfParam, err = reportDate(r); err != nil {
		renderError(w, r, d, http.StatusBadRequest, i18n.Tf(ctx, "Ngày báo cáo phải là một ngày đã qua, viết yyyy-mm-dd (hôm nay là %s).", vnToday().Format(time.DateOnly)))
		return q, false
	}
	q.year, err = strconv.Atoi(r.PathValue("year"))
	if err != nil || q.year < 1 {
		if err == nil {
			renderError(w, r, d, http.StatusNotFound, yearRefusal(ctx, q.plan, q.year, q.asOf))
			return q, false
		}
		renderError(w, r, d, http.StatusNotFound, i18n.T(ctx, "Năm không hợp lệ."))
		return q, false
	}
	if _, err := progress.NewPeriod(q.plan, q.asOf, q.year); err != nil {
		renderError(w, r, d, http.StatusNotFound, yearRefusal(ctx, q.plan, q.year, q.asOf))
		return q, false
	}
	q.basis = model.PriceBasis(cmp.Or(r.URL.Query().Get("basis"), string(model.BasisCurrent)))
	if !q.basis.Valid() {
		renderError(w, r, d, http.StatusBadRequest, i18n.T(ctx, "Loại giá không hợp lệ."))
		return q, false
	}
	switch a := r.URL.Query().Get("annex"); a {
	case "", "0", "1":
		q.annex = a == "1"
	default:
		renderError(w, r, d, http.StatusBadRequest, i18n.T(ctx, "Phụ lục: annex=1 để kèm danh sách doanh nghiệp, annex=0 hoặc bỏ trống để không kèm."))
		return q, false
	}
	q.number = strings.TrimSpace(r.URL.Query().Get("no"))
	if !reportNumber.MatchString(q.number) {
		renderError(w, r, d, http.StatusBadRequest, i18n.T(ctx, "Số báo cáo là số văn thư cấp, chỉ gồm chữ số (ví dụ 125), hoặc để trống."))
		return q, false
	}
	return q, true
}

// reportNumber is a report's number, as a clerk gives it: up to six digits.
var reportNumber = regexp.MustCompile(`^([0-9]{1,6})?$`)

// progressOf draws q's report and the scope its details are counted in.
func (d *deps) progressOf(ctx context.Context, q reportQuery) (progress.Report, store.Scope, error) {
	rep, err := d.st.Progress(ctx, q.plan.Code, store.Query{AsOf: q.asOf, Year: q.year, Basis: q.basis})
	if err != nil {
		return rep, store.Scope{}, err
	}
	sc, err := d.st.Scope(ctx, q.plan, q.asOf)
	return rep, sc, err
}

func (d *deps) report(r *http.Request, q reportQuery) (web.ReportView, error) {
	ctx := r.Context()
	plan := q.plan
	rep, sc, err := d.progressOf(ctx, q)
	if err != nil {
		return web.ReportView{}, err
	}
	provinces, err := d.st.Provinces(ctx)
	if err != nil {
		return web.ReportView{}, err
	}
	a := rep.Authority
	v := web.ReportView{Issuer: strings.Replace(a.Body, "UBND", "Ủy ban nhân dân", 1), Department: a.Department,
		Place: a.Place, DateLine: officialDate(rep.Period.Date), PlanName: plan.Name, DecisionNo: plan.DecisionNo,
		Territory: rep.Territory.Name, Year: q.year, Current: !rep.Period.Closed(q.year), AsOfDate: format.Date(rep.Period.Date),
		BasisName: format.Basis(q.basis), Series: seriesRows(ctx, rep), Targets: reportTargets(rep)}
	// The plan keeps the name, decision and territory it was approved
	// with, by the body then in office (rule 12).
	if plan.DecisionDate != nil {
		v.DecisionOn = format.Date(*plan.DecisionDate)
		v.DecisionBy = progress.AuthorityOn(provinces, plan.ProvinceCode, *plan.DecisionDate).Body
	}
	if p, ok := progress.Successor(provinces, plan.ProvinceCode, time.Time{}); ok && p.EndedBefore(rep.Period.Date) {
		v.PlanOf = p.Label()
	}
	v.Coverage = reportCoverage(rep)
	if n := rep.Territory.UnlocatedEnterprises; n > 0 {
		v.Unlocated = fmt.Sprintf("Chưa tính %s doanh nghiệp chưa có địa bàn, ghi thuộc tỉnh, thành phố chỉ một phần nằm trong %s.",
			format.Int(int64(n)), rep.Territory.Name)
	}
	ov := web.OverviewView{Basis: string(q.basis)}
	if err := d.overviewDetails(r, sc, rep, &ov); err != nil {
		return v, err
	}
	v.Charts = ov.Charts
	counted := 0
	for _, p := range rep.Series {
		if p.Year == rep.AsOfYear() {
			counted = p.EnterpriseCount
		}
	}
	v.Counted = format.Int(int64(counted))
	if v.Breakdowns, err = d.reportBreakdowns(ctx, sc, rep.AsOfYear(), counted); err != nil {
		return v, err
	}
	outputs, err := d.st.ProvinceOutputs(ctx, plan.ProvinceCode)
	if err != nil {
		return v, err
	}
	quality, err := d.st.Quality(ctx, sc, rep.AsOfYear(), q.basis)
	if err != nil {
		return v, err
	}
	v.Sources = reportSources(rep, q, outputs, quality.Provisional)
	fillDocument(&v, q, rep)
	if q.annex {
		list, err := d.st.Counted(ctx, sc, q.year, q.basis)
		if err != nil {
			return v, err
		}
		for _, c := range list {
			out := "—"
			if c.Output != nil {
				out = format.Money(*c.Output)
			}
			v.Enterprises = append(v.Enterprises, web.ReportEnterprise{TaxCode: c.TaxCode, Name: c.Name, Area: c.Area, Output: out})
		}
	}
	v.XLSX, v.Tables = reportDownloads(plan.Code, q.year, q.basis, q.asOfParam)
	v.Demo, err = d.hasDemo(r)
	v.Demo = v.Demo || plan.Demo
	return v, err
}

// officialDate writes a date as official documents do (Decree 30/2020):
// days below 10 and the months January and February with a leading zero.
func officialDate(t time.Time) string {
	month := strconv.Itoa(int(t.Month()))
	if t.Month() <= 2 {
		month = "0" + month
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), month, t.Year())
}

func reportTargets(rep progress.Report) []web.ReportTarget {
	var out []web.ReportTarget
	for _, c := range cards(rep) {
		rt := web.ReportTarget{Title: c.Title, Year: c.Year, Target: c.Target, Actual: c.Actual, Status: c.StatusLabel,
			Expected: "—", Judged: "—", OfTarget: "—"}
		if c.JudgedYear != 0 {
			rt.Judged = strconv.Itoa(c.JudgedYear)
		}
		notes := c.Lines
		if !c.Due && len(notes) > 0 {
			notes = notes[1:] // the value in its year is in the table already
		}
		notes = append(slices.Clone(notes), nonEmpty(c.Coverage, c.Estimate)...)
		for i, n := range notes {
			notes[i] = strings.TrimSuffix(n, ".") // the notes are one sentence, joined by semicolons
		}
		rt.Note = strings.Join(notes, "; ")
		out = append(out, rt)
	}
	for i, t := range rep.Targets {
		if t.Expected != nil {
			out[i].Expected = metricValue(t.Metric, *t.Expected)
		}
		if p := t.OfTarget(); p != nil {
			out[i].OfTarget = format.Percent(*p)
		}
	}
	return out
}

// nonEmpty keeps the texts that say something.
func nonEmpty(texts ...string) []string {
	var out []string
	for _, t := range texts {
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}

// reportCoverage states what the share rests on in the report's year.
func reportCoverage(rep progress.Report) string {
	for _, p := range rep.Series {
		if p.Year != rep.AsOfYear() {
			continue
		}
		if p.OutputShare == nil {
			return fmt.Sprintf("Chưa có giá trị sản xuất toàn ngành công nghiệp năm %d của %s nên chưa tính được tỷ trọng.", p.Year, rep.Territory.Name)
		}
		if p.Reporting < p.EnterpriseCount {
			return fmt.Sprintf("Tỷ trọng năm %d tính trên %s/%s doanh nghiệp có số liệu giá trị sản xuất; tỷ trọng thực tế có thể cao hơn.",
				p.Year, format.Int(int64(p.Reporting)), format.Int(int64(p.EnterpriseCount)))
		}
		return fmt.Sprintf("Tất cả %s doanh nghiệp được tính năm %d đều có số liệu giá trị sản xuất.", format.Int(int64(p.EnterpriseCount)), p.Year)
	}
	return ""
}
