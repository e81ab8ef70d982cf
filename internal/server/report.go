package server

import (
	"cmp"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/web"
)

// handleReport draws the printable progress report of a plan for a year.
func handleReport(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		plan, year, basis, ok := d.reportParams(w, r)
		if !ok {
			return
		}
		// The report is an official Vietnamese document whatever the
		// reader's language; only its download links speak theirs.
		reader := i18n.From(r.Context())
		vi := r.WithContext(i18n.WithLang(r.Context(), model.LangVI))
		v, err := d.report(vi, plan, year, basis)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		v.Reader = reader
		render(w, vi, d.logger, http.StatusOK, web.Report(v))
	})
}

// reportParams reads the plan and year of a report's address and the
// price basis it is asked on (current prices by default). When one is not
// right it answers the error page itself and ok is false.
func (d *deps) reportParams(w http.ResponseWriter, r *http.Request) (plan model.Plan, year int, basis model.PriceBasis, ok bool) {
	plan, err := d.st.Plan(r.Context(), r.PathValue("plan"))
	if err != nil {
		serverError(w, r, d.logger, err)
		return plan, 0, "", false
	}
	year, err = strconv.Atoi(r.PathValue("year"))
	if err != nil || year == 0 || progress.CheckYear(plan, year) != nil {
		renderError(w, r, d, http.StatusNotFound, i18n.T(r.Context(), "Không có báo cáo cho năm này: năm phải từ năm gốc của đề án trở đi."))
		return plan, 0, "", false
	}
	basis = model.PriceBasis(cmp.Or(r.URL.Query().Get("basis"), string(model.BasisCurrent)))
	if !basis.Valid() {
		renderError(w, r, d, http.StatusBadRequest, i18n.T(r.Context(), "Loại giá không hợp lệ."))
		return plan, 0, "", false
	}
	return plan, year, basis, true
}

func (d *deps) report(r *http.Request, plan model.Plan, year int, basis model.PriceBasis) (web.ReportView, error) {
	ctx := r.Context()
	rep, err := d.st.Progress(ctx, plan.Code, basis, year)
	if err != nil {
		return web.ReportView{}, err
	}
	names, err := d.st.Names(ctx)
	if err != nil {
		return web.ReportView{}, err
	}
	now := time.Now().In(vietnam)
	v := web.ReportView{Province: names.Province(plan.ProvinceCode), Place: names.Province(plan.ProvinceCode),
		DateLine: officialDate(now), PlanName: plan.Name, DecisionNo: plan.DecisionNo, Year: year,
		BasisName: format.Basis(basis), Series: seriesRows(format.For(model.LangVI), rep), Targets: reportTargets(rep)}
	if plan.DecisionDate != nil {
		v.DecisionOn = format.Date(*plan.DecisionDate)
	}
	v.Coverage = reportCoverage(rep)
	ov := web.OverviewView{Basis: string(basis)}
	if err := d.overviewDetails(r, plan, rep, &ov); err != nil {
		return v, err
	}
	v.Breakdowns, v.Charts = ov.Breakdowns, ov.Charts
	counted, err := d.st.Counted(ctx, plan, year, basis)
	if err != nil {
		return v, err
	}
	for _, c := range counted {
		out := "—"
		if c.Output != nil {
			out = format.Money(*c.Output)
		}
		v.Enterprises = append(v.Enterprises, web.ReportEnterprise{TaxCode: c.TaxCode, Name: c.Name, Area: c.Area, Output: out})
	}
	v.XLSX, v.Tables = reportDownloads(plan.Code, year, basis)
	v.Demo, err = d.hasDemo(r)
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
		rt := web.ReportTarget{Title: c.Title, Year: c.Year, Target: c.Target, Actual: c.Actual, Status: c.StatusLabel, Expected: "—"}
		if len(c.Lines) > 1 {
			rt.Note = c.Lines[1]
		}
		out = append(out, rt)
	}
	for i, t := range rep.Targets {
		if t.Expected != nil {
			out[i].Expected = metricValue(t.Metric, *t.Expected)
		}
	}
	return out
}

// reportCoverage states what the share rests on in the report's year.
func reportCoverage(rep progress.Report) string {
	for _, p := range rep.Series {
		if p.Year != rep.AsOfYear {
			continue
		}
		if p.OutputShare == nil {
			return fmt.Sprintf("Chưa có tổng giá trị sản xuất công nghiệp toàn tỉnh năm %d nên chưa tính được tỷ trọng.", p.Year)
		}
		if p.Reporting < p.EnterpriseCount {
			return fmt.Sprintf("Tỷ trọng năm %d tính trên %s/%s doanh nghiệp có số liệu giá trị sản xuất; tỷ trọng thực tế có thể cao hơn.",
				p.Year, format.Int(int64(p.Reporting)), format.Int(int64(p.EnterpriseCount)))
		}
		return fmt.Sprintf("Tất cả %s doanh nghiệp được tính năm %d đều có số liệu giá trị sản xuất.", format.Int(int64(p.EnterpriseCount)), p.Year)
	}
	return ""
}
