package server

import (
	"context"
	"math"
	"net/url"
	"strconv"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// overviewCards turns each judged target into the card the overview shows,
// in the language of ctx, its numbers linking by l.
func overviewCards(ctx context.Context, rep progress.Report, l *drillLinks) []web.TargetCard {
	f := format.For(i18n.From(ctx))
	out := make([]web.TargetCard, 0, len(rep.Targets))
	for _, t := range rep.Targets {
		c := web.TargetCard{Metric: string(t.Metric), Year: t.Year, Due: t.Due, JudgedYear: t.JudgedYear,
			Target: metricText(f, t.Metric, t.Value), Actual: "—", Status: string(t.Status),
			StatusLabel: t.Status.Label(i18n.From(ctx))}
		c.Title = i18n.T(ctx, "Số doanh nghiệp")
		if t.Metric == model.MetricOutputShare {
			c.Title = i18n.T(ctx, "Tỷ trọng giá trị sản xuất")
		}
		if t.Actual != nil {
			c.Actual = metricText(f, t.Metric, *t.Actual)
			if t.Status == progress.StatusNotDetermined {
				c.Actual = "≥ " + c.Actual
			}
			if t.Value > 0 {
				c.Progress, c.HasProgress = min(max(*t.Actual/t.Value, 0), 1), true
			}
			if t.Metric == model.MetricEnterpriseCount {
				c.Href = l.counted(t.JudgedYear)
			}
		}
		c.Lines = cardLines(ctx, rep, t)
		c.Coverage = coverageLine(ctx, t)
		c.Estimate = estimateLine(ctx, t)
		c.Action, c.ActionHref = cardAction(ctx, rep, t, l)
		out = append(out, c)
	}
	return out
}

// cards are the overview's cards in Vietnamese, without links, as the
// printed report, an official document, states them.
func cards(rep progress.Report) []web.TargetCard {
	return overviewCards(context.Background(), rep, nil)
}

// cardLines are the plain numbers beside a status. A due target says what
// its year reached, the share of the target that is and the shortfall (rule
// 8); one not yet due the value in its latest year, the gap, the additions
// a year now needed, the value projected for its year and where the plan's
// line says it should be now (rule 7).
func cardLines(ctx context.Context, rep progress.Report, t progress.TargetResult) []string {
	f := format.For(i18n.From(ctx))
	var lines []string
	if t.Due {
		switch {
		case t.Status == progress.StatusAwaitingData:
			lines = append(lines, i18n.Tf(ctx, "Chưa có GTSX toàn ngành công nghiệp năm %d (giá %s) của %s.",
				t.Year, f.Basis(rep.Basis), territoryText(ctx, rep)))
		case t.Actual != nil:
			reached := metricText(f, t.Metric, *t.Actual)
			if t.Status == progress.StatusNotDetermined {
				reached = i18n.Tf(ctx, "ít nhất %s", reached)
			}
			line := i18n.Tf(ctx, "Năm %d đạt %s/%s", t.Year, reached, metricText(f, t.Metric, t.Value))
			if p := t.OfTarget(); p != nil {
				line = i18n.Tf(ctx, "Năm %d đạt %s/%s (%s mục tiêu)", t.Year, reached, metricText(f, t.Metric, t.Value), f.Percent(*p))
			}
			lines = append(lines, line)
			if g := t.Gap(); g != nil && *g > 0 && t.Status != progress.StatusNotDetermined {
				lines = append(lines, i18n.Tf(ctx, "Thiếu %s", metricDelta(ctx, t.Metric, *g)))
			}
		}
		return lines
	}
	if t.Actual != nil {
		line := i18n.Tf(ctx, "Năm %d đạt %s", t.JudgedYear, metricText(f, t.Metric, *t.Actual))
		if p := t.OfTarget(); p != nil {
			line = i18n.Tf(ctx, "Năm %d đạt %s (%s mục tiêu năm %d)", t.JudgedYear, metricText(f, t.Metric, *t.Actual), f.Percent(*p), t.Year)
		}
		lines = append(lines, line)
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
	if t.Expected != nil {
		lines = append(lines, i18n.Tf(ctx, "Theo lộ trình, năm %d cần đạt %s", t.JudgedYear, metricText(f, t.Metric, *t.Expected)))
	}
	return lines
}

// coverageLine says, for a share, how many qualifying enterprises the value
// rests on, whenever that is below all of them: the share is then a lower
// bound (rule 4).
func coverageLine(ctx context.Context, t progress.TargetResult) string {
	if t.Metric != model.MetricOutputShare || t.Actual == nil || t.Reporting >= t.Qualifying {
		return ""
	}
	f := format.For(i18n.From(ctx))
	return i18n.Tf(ctx, "Dựa trên %s/%s doanh nghiệp có số liệu: tỷ trọng thực tế có thể cao hơn.",
		f.Int(int64(t.Reporting)), f.Int(int64(t.Qualifying)))
}

// estimateLine says that a share rests on a province total that is not
// final: an estimate or a preliminary figure (rule 3).
func estimateLine(ctx context.Context, t progress.TargetResult) string {
	if t.Metric != model.MetricOutputShare || t.Actual == nil {
		return ""
	}
	switch t.ProvinceStatus {
	case model.StatusEstimate:
		return i18n.Tf(ctx, "Tính trên GTSX toàn ngành năm %d là số ước tính, chưa phải số liệu chính thức.", t.JudgedYear)
	case model.StatusPreliminary:
		return i18n.Tf(ctx, "Tính trên GTSX toàn ngành năm %d là số sơ bộ.", t.JudgedYear)
	}
	return ""
}

// cardAction is what would settle a share not yet judged, with where to do
// it: the province total to enter, or the enterprises whose figures are
// missing.
func cardAction(ctx context.Context, rep progress.Report, t progress.TargetResult, l *drillLinks) (string, string) {
	if t.Metric != model.MetricOutputShare || l == nil || l.noLists {
		return "", ""
	}
	switch t.Status {
	case progress.StatusAwaitingData:
		q := url.Values{"year": {strconv.Itoa(t.Year)}, "basis": {string(rep.Basis)}}
		return i18n.Tf(ctx, "Nhập GTSX toàn ngành năm %d", t.Year), "/figures?" + q.Encode()
	case progress.StatusNotDetermined:
		f := format.For(i18n.From(ctx))
		return i18n.Tf(ctx, "%s doanh nghiệp chưa có giá trị sản xuất năm %d", f.Int(int64(t.Qualifying-t.Reporting)), t.Year),
			l.list(t.Year, func(ef *web.EnterpriseFilter) { ef.Quality = string(store.DrillMissingFigures) })
	}
	return "", ""
}

// headline states, first on the overview, how each target due in the
// latest closed year came out, then the outlook of the next target of each
// metric: "Mục tiêu 2025: không đạt — 273/340 doanh nghiệp (80,3%), thiếu
// 67", then 2030.
func headline(ctx context.Context, rep progress.Report, l *drillLinks) []web.HeadlineLine {
	f := format.For(i18n.From(ctx))
	lastDue := 0
	for _, t := range rep.Targets {
		if t.Due {
			lastDue = max(lastDue, t.Year)
		}
	}
	var out []web.HeadlineLine
	for _, t := range rep.Targets {
		if t.Due && t.Year == lastDue {
			out = append(out, web.HeadlineLine{Status: string(t.Status), Text: dueHeadline(ctx, f, rep, t)})
		}
	}
	seen := map[model.Metric]bool{}
	for _, t := range rep.Targets {
		if t.Due || seen[t.Metric] {
			continue
		}
		seen[t.Metric] = true
		out = append(out, web.HeadlineLine{Status: string(t.Status), Text: outlookHeadline(ctx, f, t)})
	}
	return out
}

func dueHeadline(ctx context.Context, f format.Formatter, rep progress.Report, t progress.TargetResult) string {
	status := t.Status.Label(i18n.From(ctx))
	if t.Metric == model.MetricEnterpriseCount {
		if t.Actual == nil {
			return i18n.Tf(ctx, "Mục tiêu %d về số doanh nghiệp: %s", t.Year, status)
		}
		pct := ""
		if p := t.OfTarget(); p != nil {
			pct = f.Percent(*p)
		}
		if g := *t.Gap(); g > 0 {
			return i18n.Tf(ctx, "Mục tiêu %d: %s — %s/%s doanh nghiệp (%s), thiếu %s", t.Year, status,
				count(f, *t.Actual), count(f, t.Value), pct, count(f, g))
		}
		return i18n.Tf(ctx, "Mục tiêu %d: %s — %s/%s doanh nghiệp (%s)", t.Year, status, count(f, *t.Actual), count(f, t.Value), pct)
	}
	switch t.Status {
	case progress.StatusAwaitingData:
		return i18n.Tf(ctx, "Mục tiêu %d về tỷ trọng: %s — chưa có GTSX toàn ngành công nghiệp năm %d của %s", t.Year, status,
			t.Year, territoryText(ctx, rep))
	case progress.StatusNotDetermined:
		return i18n.Tf(ctx, "Mục tiêu %d về tỷ trọng: %s — ít nhất %s so với mục tiêu %s; %s doanh nghiệp chưa có số liệu", t.Year, status,
			f.Percent(*t.Actual), f.Percent(t.Value), f.Int(int64(t.Qualifying-t.Reporting)))
	}
	if t.Actual == nil {
		return i18n.Tf(ctx, "Mục tiêu %d về tỷ trọng: %s", t.Year, status)
	}
	return i18n.Tf(ctx, "Mục tiêu %d về tỷ trọng: %s — %s so với mục tiêu %s", t.Year, status, f.Percent(*t.Actual), f.Percent(t.Value))
}

func outlookHeadline(ctx context.Context, f format.Formatter, t progress.TargetResult) string {
	status := t.Status.Label(i18n.From(ctx))
	switch {
	case t.Actual == nil:
		return i18n.Tf(ctx, "Hướng tới %d: %s", t.Year, status)
	case t.Metric == model.MetricEnterpriseCount && t.NeededPerYear != nil && *t.NeededPerYear > 0:
		return i18n.Tf(ctx, "Hướng tới %d: %s — năm %d có %s/%s doanh nghiệp, cần thêm %s doanh nghiệp mỗi năm", t.Year, status,
			t.JudgedYear, count(f, *t.Actual), count(f, t.Value), count(f, *t.NeededPerYear))
	case t.Metric == model.MetricEnterpriseCount:
		return i18n.Tf(ctx, "Hướng tới %d: %s — năm %d có %s/%s doanh nghiệp", t.Year, status, t.JudgedYear,
			count(f, *t.Actual), count(f, t.Value))
	}
	return i18n.Tf(ctx, "Hướng tới %d về tỷ trọng: %s — năm %d đạt %s, mục tiêu %s", t.Year, status, t.JudgedYear,
		f.Percent(*t.Actual), f.Percent(t.Value))
}

// count writes a number of enterprises: whole, as enterprises are.
func count(f format.Formatter, v float64) string { return f.Int(int64(math.Round(v))) }

// metricText writes a value of metric in f's conventions: a count of
// enterprises whole, a share as a percentage.
func metricText(f format.Formatter, m model.Metric, v float64) string {
	if m == model.MetricOutputShare {
		return f.Percent(v)
	}
	return count(f, v)
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
	return i18n.Tf(ctx, "%s doanh nghiệp", count(f, v))
}

// statusLegend is every status word a card may show, with its rule in the
// reader's language (rules 5–9 of the counting rules; R is the observed
// yearly growth over the growth needed to reach the target on time).
func statusLegend(ctx context.Context) []web.LegendRow {
	onTrack, acceleration := int(math.Round(progress.OnTrackRatio*100)), int(math.Round(progress.AccelerationRatio*100))
	rules := []struct {
		s    progress.Status
		rule string
	}{
		{progress.StatusAchieved, i18n.T(ctx, "Kết quả đã bằng hoặc vượt mục tiêu.")},
		{progress.StatusMissed, i18n.T(ctx, "Năm mục tiêu đã kết thúc mà kết quả năm đó thấp hơn mục tiêu.")},
		{progress.StatusOnTrack, i18n.Tf(ctx, "Chưa đến hạn; tốc độ tăng bình quân mỗi năm hiện nay đạt từ %d%% tốc độ cần có để đạt mục tiêu đúng hạn.", onTrack)},
		{progress.StatusAccelerationNeeded, i18n.Tf(ctx, "Chưa đến hạn; tốc độ hiện nay đạt từ %d%% đến dưới %d%% tốc độ cần có.", acceleration, onTrack)},
		{progress.StatusLimitedProgress, i18n.Tf(ctx, "Chưa đến hạn; tốc độ hiện nay dưới %d%% tốc độ cần có.", acceleration)},
		{progress.StatusDeterioration, i18n.T(ctx, "Chưa đến hạn; chỉ tiêu đang giảm so với năm gốc.")},
		{progress.StatusNotDetermined, i18n.T(ctx, "Năm mục tiêu đã kết thúc nhưng còn doanh nghiệp chưa có số liệu, nên chưa kết luận được đạt hay không.")},
		{progress.StatusAwaitingData, i18n.T(ctx, "Chưa có giá trị sản xuất toàn ngành công nghiệp của năm cần đánh giá.")},
		{progress.StatusInsufficientData, i18n.T(ctx, "Chưa đủ số liệu các năm để tính tốc độ tăng.")},
	}
	out := make([]web.LegendRow, len(rules))
	for i, r := range rules {
		out[i] = web.LegendRow{Status: string(r.s), Label: r.s.Label(i18n.From(ctx)), Rule: r.rule}
	}
	return out
}
