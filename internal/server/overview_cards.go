package server

import (
	"context"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/web"
)

// overviewCards turns each judged target into the card the overview shows,
// in the language of ctx.
func overviewCards(ctx context.Context, rep progress.Report) []web.TargetCard {
	f := format.For(i18n.From(ctx))
	out := make([]web.TargetCard, 0, len(rep.Targets))
	for _, t := range rep.Targets {
		c := web.TargetCard{Metric: string(t.Metric), Year: t.Year, Target: metricText(f, t.Metric, t.Value),
			Actual: "—", ActualYear: t.ActualYear, Status: string(t.Status), StatusLabel: t.Status.Label(i18n.From(ctx))}
		c.Title = i18n.T(ctx, "Số doanh nghiệp")
		if t.Metric == model.MetricOutputShare {
			c.Title = i18n.T(ctx, "Tỷ trọng giá trị sản xuất")
		}
		if t.Actual != nil {
			c.Actual = metricText(f, t.Metric, *t.Actual)
			if t.Value > 0 {
				c.Progress, c.HasProgress = min(max(*t.Actual/t.Value, 0), 1), true
			}
		}
		c.Lines = cardLines(ctx, t)
		c.Coverage = coverageLine(ctx, rep, t)
		out = append(out, c)
	}
	return out
}

// cards are the overview's cards in Vietnamese, as the printed report,
// an official document, states them.
func cards(rep progress.Report) []web.TargetCard { return overviewCards(context.Background(), rep) }

// cardLines are the plain numbers beside a status: the gap, the additions
// a year now needed and the value projected for the target year.
func cardLines(ctx context.Context, t progress.TargetResult) []string {
	f := format.For(i18n.From(ctx))
	var lines []string
	if t.Actual != nil {
		lines = append(lines, i18n.Tf(ctx, "Năm %d đạt %s", t.ActualYear, metricText(f, t.Metric, *t.Actual)))
	}
	if g := t.Gap(); g != nil && *g > 0 {
		lines = append(lines, i18n.Tf(ctx, "Còn thiếu %s", metricDelta(ctx, t.Metric, *g)))
	}
	if t.NeededPerYear != nil && *t.NeededPerYear > 0 {
		lines = append(lines, i18n.Tf(ctx, "Cần tăng thêm %s mỗi năm", metricDelta(ctx, t.Metric, *t.NeededPerYear)))
	}
	if t.Projected != nil {
		lines = append(lines, i18n.Tf(ctx, "Theo tốc độ hiện nay, năm %d đạt khoảng %s", t.Year, metricText(f, t.Metric, *t.Projected)))
	}
	if t.Expected != nil && !t.Due {
		lines = append(lines, i18n.Tf(ctx, "Theo lộ trình, năm %d cần đạt %s", t.ActualYear, metricText(f, t.Metric, *t.Expected)))
	}
	return lines
}

// coverageLine says, for a share, how many qualifying enterprises the value
// rests on, whenever that is below all of them.
func coverageLine(ctx context.Context, rep progress.Report, t progress.TargetResult) string {
	if t.Metric != model.MetricOutputShare {
		return ""
	}
	f := format.For(i18n.From(ctx))
	for _, p := range rep.Series {
		if p.Year == t.ActualYear && p.Reporting < p.EnterpriseCount {
			return i18n.Tf(ctx, "Dựa trên %s/%s doanh nghiệp có số liệu: tỷ trọng thực tế có thể cao hơn.",
				f.Int(int64(p.Reporting)), f.Int(int64(p.EnterpriseCount)))
		}
	}
	return ""
}

// metricText writes a value of metric in f's conventions: a count with one
// decimal at most, a share as a percentage.
func metricText(f format.Formatter, m model.Metric, v float64) string {
	if m == model.MetricOutputShare {
		return f.Percent(v)
	}
	return f.Decimal(v, 1)
}

// metricValue is metricText in Vietnamese, for the printed report.
func metricValue(m model.Metric, v float64) string { return metricText(format.For(model.LangVI), m, v) }

// metricDelta writes a difference of metric: enterprises, or percentage
// points of a share.
func metricDelta(ctx context.Context, m model.Metric, v float64) string {
	f := format.For(i18n.From(ctx))
	if m == model.MetricOutputShare {
		return f.Decimal(v*100, 1) + " " + i18n.T(ctx, "điểm %")
	}
	return i18n.Tf(ctx, "%s doanh nghiệp", f.Decimal(v, 1))
}
