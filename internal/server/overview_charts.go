package server

import (
	"context"
	"math"
	"strconv"
	"strings"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/store"
	"industrytargets/web"
	"industrytargets/web/chart"
)

// The charts of the overview, by the id their downloads go by.
const (
	chartCount = "count"
	chartShare = "share"
	chartFlows = "flows"
)

// countChart draws the count by year against its trajectory, with the
// targets and the projection; each year's point opens its enterprises.
func countChart(ctx context.Context, plan model.Plan, rep progress.Report, l *drillLinks) chart.Line {
	c := metricLine(ctx, plan, rep, model.MetricEnterpriseCount, l)
	c.ID, c.Title = "chart-"+chartCount, i18n.T(ctx, "Số doanh nghiệp được tính theo năm")
	c.YLabel, c.Unit = i18n.T(ctx, "Số doanh nghiệp"), i18n.T(ctx, "doanh nghiệp")
	return c
}

// shareChart draws the output share likewise; a point opens the
// enterprises whose output it sums.
func shareChart(ctx context.Context, plan model.Plan, rep progress.Report, l *drillLinks) chart.Line {
	c := metricLine(ctx, plan, rep, model.MetricOutputShare, l)
	c.ID, c.Title = "chart-"+chartShare, i18n.T(ctx, "Tỷ trọng giá trị sản xuất trong toàn ngành công nghiệp")
	c.YLabel, c.Percent = i18n.T(ctx, "Tỷ trọng"), true
	return c
}

// lineView is a line chart with its table, whose actual values link as the
// The widths the overview's charts are drawn at, in pixels of the width
// they are shown at, so that their type is the same size everywhere: a
// line or bar chart across the page's column (1,054 px at 1,280 px and
// wider, the page's column being capped), a breakdown in one of two
// columns (495 px), and any chart on a phone (293 px at 360 px). The
// style sheet lets each grow by a quarter at most.
const (
	wideLine    = 960
	wideBar     = 480
	narrowChart = 288
)

// chart's points do.
func lineView(c chart.Line, l *drillLinks) web.ChartView {
	h, rows := c.Table()
	narrow := c
	c.Width, narrow.Width, narrow.ID = wideLine, narrowChart, c.ID+"-narrow"
	v := web.ChartView{ID: c.ID, Title: c.Title, Chart: c.Component(), Narrow: narrow.Component(), Kind: "line", Header: h, Rows: rows}
	hrefs := map[string]string{}
	for _, p := range c.Actual {
		hrefs[strconv.Itoa(p.Year)] = p.Href
	}
	for _, r := range rows {
		v.Hrefs = append(v.Hrefs, []string{"", hrefs[r[0]]})
	}
	return withDownloads(v, l)
}

// withDownloads adds the links that download v's data.
func withDownloads(v web.ChartView, l *drillLinks) web.ChartView {
	id := strings.TrimPrefix(v.ID, "chart-")
	v.CSV, v.XLSX = l.download(id, "csv"), l.download(id, "xlsx")
	return v
}

// metricLine lays out one metric's actual values, trajectory, targets and
// projections, in the language of ctx.
func metricLine(ctx context.Context, plan model.Plan, rep progress.Report, m model.Metric, l *drillLinks) chart.Line {
	lang := i18n.From(ctx)
	c := chart.Line{Locale: chart.For(lang)}
	// A chart draws facts: the current year, counted to date, is in the
	// table beside it, marked as provisional, not on the line.
	for _, p := range rep.Series {
		if !p.Closed {
			continue
		}
		v, ok := p.Value(m)
		c.Actual = append(c.Actual, chart.Point{Year: p.Year, Value: v, Missing: !ok, Href: l.counted(p.Year)})
	}
	last := plan.BaselineYear
	for _, t := range plan.Targets {
		if t.Metric == m {
			c.Targets = append(c.Targets, chart.Target{Year: t.Year, Value: t.Value, Label: metricText(format.For(lang), m, t.Value)})
			last = max(last, t.Year)
		}
	}
	if start := progress.TrendStart(plan, rep.Series, m); start != 0 {
		if p, ok := rep.Point(start); ok {
			if base, ok := p.Value(m); ok {
				for y := start; y <= last; y++ {
					if v, ok := progress.Trajectory(start, base, plan.Targets, m, y); ok {
						if m == model.MetricEnterpriseCount {
							v = math.Round(v) // enterprises are whole, as the document rounds them
						}
						c.Trajectory = append(c.Trajectory, chart.Point{Year: y, Value: v})
					}
				}
			}
		}
	}
	for _, t := range rep.Targets {
		if t.Metric == m && !t.Due && t.Projected != nil {
			c.Projection = append(c.Projection, chart.Point{Year: t.Year, Value: *t.Projected})
		}
	}
	return c
}

// flowsChart draws the entries and exits per year, each bar opening its
// enterprises.
func flowsChart(ctx context.Context, flows []model.YearFlow, l *drillLinks) chart.Bars {
	b := chart.Bars{ID: "chart-" + chartFlows, Title: i18n.T(ctx, "Doanh nghiệp bắt đầu và thôi đủ điều kiện mỗi năm"),
		YLabel: i18n.T(ctx, "Số doanh nghiệp"), Unit: i18n.T(ctx, "doanh nghiệp"), Locale: chart.For(i18n.From(ctx)),
		Series: []chart.BarSeries{{Name: i18n.T(ctx, "Bắt đầu đủ điều kiện")}, {Name: i18n.T(ctx, "Thôi đủ điều kiện")}}}
	for _, f := range flows {
		b.Years = append(b.Years, f.Year)
		for i, v := range []struct {
			n    int
			kind store.DrillKind
		}{{f.Entries, store.DrillEntries}, {f.Exits, store.DrillExits}} {
			b.Series[i].Values = append(b.Series[i].Values, float64(v.n))
			b.Series[i].Hrefs = append(b.Series[i].Hrefs, l.flow(f.Year, v.kind))
		}
	}
	return b
}

// barsView is a Bars chart with its table, whose values link as its bars do.
func barsView(b chart.Bars, l *drillLinks) web.ChartView {
	h, rows := b.Table()
	narrow := b
	b.Width, narrow.Width, narrow.ID = wideLine, narrowChart, b.ID+"-narrow"
	v := web.ChartView{ID: b.ID, Title: b.Title, Chart: b.Component(), Narrow: narrow.Component(), Kind: "bars", Header: h, Rows: rows}
	for i := range rows {
		row := []string{""}
		for _, s := range b.Series {
			href := ""
			if i < len(s.Hrefs) {
				href = s.Hrefs[i]
			}
			row = append(row, href)
		}
		v.Hrefs = append(v.Hrefs, row)
	}
	return withDownloads(v, l)
}

// breakdownChart draws one breakdown as horizontal bars, each opening its
// slice.
func breakdownChart(ctx context.Context, dim model.Dimension, rows []model.CountRow, l *drillLinks) chart.Bar {
	lang := i18n.From(ctx)
	b := chart.Bar{ID: "chart-" + string(dim), Title: dimensionTitle(lang, dim), Unit: i18n.T(ctx, "doanh nghiệp"),
		CategoryHeader: dimensionNoun(lang, dim), ValueHeader: i18n.T(ctx, "Số doanh nghiệp"), Locale: chart.For(lang)}
	for _, r := range rows {
		b.Items = append(b.Items, chart.BarItem{Label: sliceName(lang, dim, r.Key, r.Name, r.NameEN), Value: float64(r.Count),
			Href: l.slice(dim, r.Key)})
	}
	return b
}

// barView is a breakdown's chart with its table, whose counts link as its
// bars do.
func barView(b chart.Bar, l *drillLinks) web.ChartView {
	h, rows := b.Table()
	narrow := b
	b.Width, narrow.Width, narrow.ID = wideBar, narrowChart, b.ID+"-narrow"
	v := web.ChartView{ID: b.ID, Title: b.Title, Chart: b.Component(), Narrow: narrow.Component(), Kind: "bar", Header: h, Rows: rows}
	for _, it := range b.Items {
		v.Hrefs = append(v.Hrefs, []string{"", it.Href})
	}
	return withDownloads(v, l)
}
