package server

import (
	"fmt"

	"industrytargets/internal/format"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/web"
)

// cards turns each judged target into the card the overview shows.
func cards(rep progress.Report) []web.TargetCard {
	out := make([]web.TargetCard, 0, len(rep.Targets))
	for _, t := range rep.Targets {
		c := web.TargetCard{Metric: string(t.Metric), Year: t.Year, Target: metricValue(t.Metric, t.Value),
			Actual: "—", ActualYear: t.ActualYear, Status: string(t.Status), StatusLabel: t.Status.Label(model.LangVI)}
		c.Title = "Số doanh nghiệp"
		if t.Metric == model.MetricOutputShare {
			c.Title = "Tỷ trọng giá trị sản xuất"
		}
		if t.Actual != nil {
			c.Actual = metricValue(t.Metric, *t.Actual)
			if t.Value > 0 {
				c.Progress, c.HasProgress = min(max(*t.Actual/t.Value, 0), 1), true
			}
		}
		c.Lines = cardLines(t)
		c.Coverage = coverageLine(rep, t)
		out = append(out, c)
	}
	return out
}

// cardLines are the plain numbers beside a status: the gap, the additions
// a year now needed and the value projected for the target year.
func cardLines(t progress.TargetResult) []string {
	var lines []string
	if t.Actual != nil {
		lines = append(lines, fmt.Sprintf("Năm %d đạt %s", t.ActualYear, metricValue(t.Metric, *t.Actual)))
	}
	if g := t.Gap(); g != nil && *g > 0 {
		lines = append(lines, "Còn thiếu "+metricDelta(t.Metric, *g))
	}
	if t.NeededPerYear != nil && *t.NeededPerYear > 0 {
		lines = append(lines, "Cần tăng thêm "+metricDelta(t.Metric, *t.NeededPerYear)+" mỗi năm")
	}
	if t.Projected != nil {
		lines = append(lines, fmt.Sprintf("Theo tốc độ hiện nay, năm %d đạt khoảng %s", t.Year, metricValue(t.Metric, *t.Projected)))
	}
	if t.Expected != nil && !t.Due {
		lines = append(lines, fmt.Sprintf("Theo lộ trình, năm %d cần đạt %s", t.ActualYear, metricValue(t.Metric, *t.Expected)))
	}
	return lines
}

// coverageLine says, for a share, how many qualifying enterprises the value
// rests on, whenever that is below all of them.
func coverageLine(rep progress.Report, t progress.TargetResult) string {
	if t.Metric != model.MetricOutputShare {
		return ""
	}
	for _, p := range rep.Series {
		if p.Year == t.ActualYear && p.Reporting < p.EnterpriseCount {
			return fmt.Sprintf("Dựa trên %s/%s doanh nghiệp có số liệu: tỷ trọng thực tế có thể cao hơn.",
				format.Int(int64(p.Reporting)), format.Int(int64(p.EnterpriseCount)))
		}
	}
	return ""
}

// metricValue writes a value of metric: a count with one decimal at most,
// a share as a percentage.
func metricValue(m model.Metric, v float64) string {
	if m == model.MetricOutputShare {
		return format.Percent(v)
	}
	return format.Decimal(v, 1)
}

// metricDelta writes a difference of metric: enterprises, or percentage
// points of a share.
func metricDelta(m model.Metric, v float64) string {
	if m == model.MetricOutputShare {
		return format.Decimal(v*100, 1) + " điểm %"
	}
	return format.Decimal(v, 1) + " doanh nghiệp"
}
