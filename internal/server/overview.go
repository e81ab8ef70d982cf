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
	"industrytargets/internal/store"
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
	asOf  time.Time
	// asOfParam is as_of as asked for, "" for today, to carry into links.
	asOfParam string
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
		q, msg := parseOverviewQuery(r, plans)
		if msg != "" {
			renderError(w, r, d, http.StatusBadRequest, msg)
			return
		}
		// The overview is the same for everyone who asks for it in one
		// language as of one day, signed in or not, until the register
		// changes; today's is kept under today's date.
		_, signedIn := currentUser(r)
		key := fmt.Sprintf("overview|%s|%d|%s|%s|%s|%s|%t", q.plan.Code, q.year, q.basis, i18n.From(r.Context()),
			q.asOf.Format(time.DateOnly), q.asOfParam, signedIn)
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

// parseOverviewQuery reads the overview's plan, year, price basis and
// report date; msg says, in the reader's language, what is wrong with them.
func parseOverviewQuery(r *http.Request, plans []model.Plan) (q overviewQuery, msg string) {
	ctx := r.Context()
	q = overviewQuery{plan: plans[0], basis: model.BasisCurrent}
	if code := r.URL.Query().Get("plan"); code != "" {
		found := false
		for _, p := range plans {
			if p.Code == code {
				q.plan, found = p, true
			}
		}
		if !found {
			return q, i18n.Tf(ctx, "Không có đề án “%s”.", code)
		}
	}
	if b := r.URL.Query().Get("basis"); b != "" {
		if q.basis = model.PriceBasis(b); !q.basis.Valid() {
			return q, i18n.T(ctx, "Loại giá không hợp lệ.")
		}
	}
	var err error
	if q.asOf, q.asOfParam, err = reportDate(r); err != nil {
		return q, i18n.Tf(ctx, "Ngày báo cáo phải là một ngày đã qua, viết yyyy-mm-dd (hôm nay là %s).", vnToday().Format(time.DateOnly))
	}
	if y := r.URL.Query().Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil {
			return q, i18n.T(ctx, "Năm không hợp lệ.")
		}
		if _, err := progress.NewPeriod(q.plan, q.asOf, n); err != nil {
			return q, yearRefusal(ctx, q.plan, n, q.asOf)
		}
		q.year = n
	}
	return q, ""
}

func (d *deps) overview(r *http.Request, plans []model.Plan, q overviewQuery) (web.OverviewView, error) {
	ctx := r.Context()
	rep, err := d.st.Progress(ctx, q.plan.Code, store.Query{AsOf: q.asOf, Year: q.year, Basis: q.basis})
	if err != nil {
		return web.OverviewView{}, err
	}
	sc, err := d.st.Scope(ctx, q.plan, q.asOf)
	if err != nil {
		return web.OverviewView{}, err
	}
	names, err := d.st.Names(ctx)
	if err != nil {
		return web.OverviewView{}, err
	}
	f := format.For(i18n.From(ctx))
	v := web.OverviewView{Plan: planView(i18n.From(ctx), q.plan, names), Year: rep.AsOfYear(), Basis: string(q.basis),
		BasisName: f.Basis(q.basis), AsOf: q.asOfParam, AsOfDate: f.Date(q.asOf), Current: !rep.Period.Closed(rep.AsOfYear()),
		Territory: territoryText(ctx, rep), Authority: authorityText(ctx, rep.Authority)}
	_, signedIn := currentUser(r)
	l := &drillLinks{plan: q.plan.Code, basis: string(q.basis), year: rep.AsOfYear(), asOf: q.asOfParam, noLists: !signedIn}
	v.Cards, v.Headline, v.Legend = overviewCards(ctx, rep, l), headline(ctx, rep, l), statusLegend(ctx)
	v.Series = seriesRows(ctx, rep)
	v.Plans, v.Bases, v.Years = planOptions(plans), basisOptions(f), yearChoices(ctx, q.plan, q.asOf)
	for i, s := range v.Series {
		v.Series[i].CountHref = l.counted(s.Year)
	}
	if err := d.details(r, sc, rep, &v, l); err != nil {
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

func seriesRows(ctx context.Context, rep progress.Report) []web.SeriesRow {
	f := format.For(i18n.From(ctx))
	out := make([]web.SeriesRow, len(rep.Series))
	for i, p := range rep.Series {
		out[i] = web.SeriesRow{Year: p.Year, YearLabel: strconv.Itoa(p.Year), Count: f.Int(int64(p.EnterpriseCount)),
			Output: f.Money(p.QualifyingOutput), ProvinceOutput: "—", Share: "—",
			Coverage: fmt.Sprintf("%s (%d/%d)", f.Percent(p.OutputCoverage), p.Reporting, p.EnterpriseCount)}
		if !p.Closed {
			out[i].YearLabel, out[i].Provisional = i18n.Tf(ctx, "%d (đến ngày %s)", p.Year, f.Date(rep.Period.Date)), true
		}
		if p.ProvinceOutput != nil {
			out[i].ProvinceOutput = f.Money(*p.ProvinceOutput)
			if p.ProvinceStatus != "" && p.ProvinceStatus != model.StatusOfficial {
				out[i].ProvinceStatus = f.Status(p.ProvinceStatus)
			}
		}
		if p.OutputShare != nil {
			out[i].Share = f.Percent(*p.OutputShare)
		}
	}
	return out
}

// territoryText names the plan's territory in the reader's language.
// authorityText names the department and the body in office in the
// language of ctx.
func authorityText(ctx context.Context, a progress.Authority) string {
	if i18n.From(ctx) == model.LangEN {
		return a.English()
	}
	return a.Vietnamese()
}

func territoryText(ctx context.Context, rep progress.Report) string {
	if i18n.From(ctx) == model.LangEN && rep.Territory.NameEN != "" {
		return rep.Territory.NameEN
	}
	return rep.Territory.Name
}
