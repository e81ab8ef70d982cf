package server

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/web"
)

// vietnam is Vietnam's time, in which people read dates and times. It has
// been UTC+7 without daylight saving since 1975, so a fixed zone is exact
// and needs no time-zone database on the server.
var vietnam = time.FixedZone("ICT", 7*60*60)

// overviewQuery is what the overview was asked for.
type overviewQuery struct {
	plan  model.Plan
	year  int // 0: the default year
	basis model.PriceBasis
}

// handleOverview shows a plan's progress: a card per target, the series,
// breakdowns, entries and exits, and what needs attention in the data.
func handleOverview(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		plans, r, err := kept(d, r, "plans", d.st.Plans)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		if len(plans) == 0 {
			renderError(w, r, d, http.StatusNotFound, i18n.T(r.Context(), "Chưa có đề án nào. Quản trị viên cần nạp đề án (industrytargets seed)."))
			return
		}
		q, ok := parseOverviewQuery(r, plans)
		if !ok {
			renderError(w, r, d, http.StatusBadRequest, i18n.T(r.Context(), "Đề án, năm hoặc loại giá không hợp lệ."))
			return
		}
		// The overview is the same for everyone who asks for it in one
		// language on one day, signed in or not, until the register changes.
		_, signedIn := currentUser(r)
		key := fmt.Sprintf("overview|%s|%d|%s|%s|%s|%t", q.plan.Code, q.year, q.basis, i18n.From(r.Context()),
			vnToday().Format(time.DateOnly), signedIn)
		// It is kept drawn: a request only draws the layout around it.
		body, r, err := kept(d, r, key, func(ctx context.Context) (string, error) {
			v, err := d.overview(r.WithContext(ctx), plans, q)
			if err != nil {
				return "", err
			}
			var b strings.Builder
			err = web.OverviewBody(v).Render(ctx, &b)
			return b.String(), err
		})
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		render(w, r, d.logger, http.StatusOK, web.Overview(page(r, d, i18n.T(r.Context(), "Tổng quan")), templ.Raw(body)))
	})
}

func parseOverviewQuery(r *http.Request, plans []model.Plan) (overviewQuery, bool) {
	q := overviewQuery{plan: plans[0], basis: model.BasisCurrent}
	if code := r.URL.Query().Get("plan"); code != "" {
		found := false
		for _, p := range plans {
			if p.Code == code {
				q.plan, found = p, true
			}
		}
		if !found {
			return q, false
		}
	}
	if b := r.URL.Query().Get("basis"); b != "" {
		q.basis = model.PriceBasis(b)
	}
	if y := r.URL.Query().Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || progress.CheckYear(q.plan, n) != nil {
			return q, false
		}
		q.year = n
	}
	return q, q.basis.Valid()
}

func (d *deps) overview(r *http.Request, plans []model.Plan, q overviewQuery) (web.OverviewView, error) {
	ctx := r.Context()
	rep, err := d.st.Progress(ctx, q.plan.Code, q.basis, q.year)
	if err != nil {
		return web.OverviewView{}, err
	}
	names, err := d.st.Names(ctx)
	if err != nil {
		return web.OverviewView{}, err
	}
	f := format.For(i18n.From(ctx))
	v := web.OverviewView{Plan: planView(i18n.From(ctx), q.plan, names), Year: rep.AsOfYear, Basis: string(q.basis),
		BasisName: f.Basis(q.basis), Cards: overviewCards(ctx, rep), Series: seriesRows(f, rep)}
	v.Plans, v.Bases, v.Years = planOptions(plans), basisOptions(f), yearOptions(q.plan, rep.AsOfYear)
	_, signedIn := currentUser(r)
	l := &drillLinks{plan: q.plan.Code, basis: string(q.basis), year: rep.AsOfYear, noLists: !signedIn}
	for i, s := range v.Series {
		v.Series[i].CountHref = l.counted(s.Year)
	}
	for i, c := range v.Cards {
		if c.Actual != "—" {
			v.Cards[i].Href = l.counted(c.ActualYear)
		}
	}
	if err := d.details(r, q.plan, rep, &v, l); err != nil {
		return v, err
	}
	v.Register, err = registerView(r, d.st, []model.Plan{q.plan})
	return v, err
}

func planOptions(plans []model.Plan) []web.Choice {
	out := make([]web.Choice, len(plans))
	for i, p := range plans {
		out[i] = web.Choice{Value: p.Code, Label: p.Code}
	}
	return out
}

func basisOptions(f format.Formatter) []web.Choice {
	out := make([]web.Choice, len(model.PriceBases))
	for i, b := range model.PriceBases {
		out[i] = web.Choice{Value: string(b), Label: f.Basis(b)}
	}
	return out
}

// yearOptions runs from the plan's baseline to this year or the last
// target, whichever is later.
func yearOptions(plan model.Plan, asOf int) []int {
	last := max(time.Now().In(vietnam).Year(), asOf)
	for _, t := range plan.Targets {
		last = max(last, t.Year)
	}
	var out []int
	for y := plan.BaselineYear; y <= last; y++ {
		out = append(out, y)
	}
	return out
}

func seriesRows(f format.Formatter, rep progress.Report) []web.SeriesRow {
	out := make([]web.SeriesRow, len(rep.Series))
	for i, p := range rep.Series {
		out[i] = web.SeriesRow{Year: p.Year, Count: f.Int(int64(p.EnterpriseCount)),
			Output: f.Money(p.QualifyingOutput), ProvinceOutput: "—", Share: "—",
			Coverage: fmt.Sprintf("%s (%d/%d)", f.Percent(p.OutputCoverage), p.Reporting, p.EnterpriseCount)}
		if p.ProvinceOutput != nil {
			out[i].ProvinceOutput = f.Money(*p.ProvinceOutput)
		}
		if p.OutputShare != nil {
			out[i].Share = f.Percent(*p.OutputShare)
		}
	}
	return out
}
