package server

import (
	"fmt"

	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/web"
	"industrytargets/web/chart"
)

// metricCharts draws the count and the share by year against their
// trajectories, with the targets and the projections.
func metricCharts(plan model.Plan, rep progress.Report) []web.ChartView {
	count := metricLine(plan, rep, model.MetricEnterpriseCount)
	count.ID, count.Title, count.YLabel, count.Unit = "chart-count", "Số doanh nghiệp được tính theo năm", "Số doanh nghiệp", "doanh nghiệp"
	share := metricLine(plan, rep, model.MetricOutputShare)
	share.ID, share.Title, share.YLabel, share.Percent = "chart-share", "Tỷ trọng giá trị sản xuất trong toàn ngành công nghiệp", "Tỷ trọng", true
	return []web.ChartView{lineView(count), lineView(share)}
}

func lineView(l chart.Line) web.ChartView {
	h, rows := l.Table()
	return web.ChartView{ID: l.ID, Title: l.Title, Chart: l.Component(), Header: h, Rows: rows}
}

// metricLine lays out one metric's actual values, trajectory, targets and
// projections.
func metricLine(plan model.Plan, rep progress.Report, m model.Metric) chart.Line {
	var l chart.Line
	for _, p := range rep.Series {
		v, ok := p.Value(m)
		l.Actual = append(l.Actual, chart.Point{Year: p.Year, Value: v, Missing: !ok})
	}
	last := plan.BaselineYear
	for _, t := range plan.Targets {
		if t.Metric == m {
			l.Targets = append(l.Targets, chart.Target{Year: t.Year, Value: t.Value, Label: metricValue(m, t.Value)})
			last = max(last, t.Year)
		}
	}
	if len(rep.Series) > 0 {
		if base, ok := rep.Series[0].Value(m); ok {
			for y := plan.BaselineYear; y <= last; y++ {
				if v, ok := progress.Trajectory(plan.BaselineYear, base, plan.Targets, m, y); ok {
					l.Trajectory = append(l.Trajectory, chart.Point{Year: y, Value: v})
				}
			}
		}
	}
	for _, t := range rep.Targets {
		if t.Metric == m && !t.Due && t.Projected != nil {
			l.Projection = append(l.Projection, chart.Point{Year: t.Year, Value: *t.Projected})
		}
	}
	return l
}

// flowsChart draws the entries and exits per year.
func flowsChart(flows []model.YearFlow) web.ChartView {
	b := chart.Bars{ID: "chart-flows", Title: "Doanh nghiệp bắt đầu và thôi đủ điều kiện mỗi năm",
		YLabel: "Số doanh nghiệp", Unit: "doanh nghiệp",
		Series: []chart.BarSeries{{Name: "Bắt đầu đủ điều kiện"}, {Name: "Thôi đủ điều kiện"}}}
	for _, f := range flows {
		b.Years = append(b.Years, f.Year)
		b.Series[0].Values = append(b.Series[0].Values, float64(f.Entries))
		b.Series[1].Values = append(b.Series[1].Values, float64(f.Exits))
	}
	h, rows := b.Table()
	return web.ChartView{ID: b.ID, Title: b.Title, Chart: b.Component(), Header: h, Rows: rows}
}

// breakdownChart draws one breakdown as horizontal bars.
func breakdownChart(dim model.Dimension, names []string, rows []model.CountRow) web.ChartView {
	b := chart.Bar{ID: fmt.Sprintf("chart-%s", dim), Title: dimensionTitles[dim], Unit: "doanh nghiệp",
		CategoryHeader: "Nhóm", ValueHeader: "Số doanh nghiệp"}
	for i, r := range rows {
		b.Items = append(b.Items, chart.BarItem{Label: names[i], Value: float64(r.Count)})
	}
	h, tr := b.Table()
	return web.ChartView{ID: b.ID, Title: b.Title, Chart: b.Component(), Header: h, Rows: tr}
}
