package server

import (
	"context"
	"net/http"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// overviewDetails fills in the breakdowns, the entries and exits, and the
// data-quality panel, without links: the printed report's.
func (d *deps) overviewDetails(r *http.Request, sc store.Scope, rep progress.Report, v *web.OverviewView) error {
	return d.details(r, sc, rep, v, nil)
}

// details fills in the breakdowns, the entries and exits, and the
// data-quality panel, their numbers linking by l, in the request's language.
func (d *deps) details(r *http.Request, sc store.Scope, rep progress.Report, v *web.OverviewView, l *drillLinks) error {
	ctx := r.Context()
	plan := sc.Plan
	for _, dim := range model.Dimensions {
		rows, err := d.st.Breakdown(ctx, sc, rep.AsOfYear(), dim)
		if err != nil {
			return err
		}
		v.Breakdowns = append(v.Breakdowns, breakdownView(ctx, dim, rows, l))
	}
	flows, err := d.st.Flows(ctx, sc, plan.BaselineYear, rep.AsOfYear())
	if err != nil {
		return err
	}
	v.Charts = []web.ChartView{lineView(countChart(ctx, plan, rep, l), l), lineView(shareChart(ctx, plan, rep, l), l),
		barsView(flowsChart(ctx, flows, l), l)}
	f := format.For(i18n.From(ctx))
	for _, fl := range flows {
		v.Flows = append(v.Flows, web.FlowRow{Year: fl.Year, Entries: f.Int(int64(fl.Entries)), Exits: f.Int(int64(fl.Exits)),
			EntriesHref: l.flow(fl.Year, store.DrillEntries), ExitsHref: l.flow(fl.Year, store.DrillExits)})
	}
	q, err := d.st.Quality(ctx, sc, rep.AsOfYear(), model.PriceBasis(v.Basis))
	if err != nil {
		return err
	}
	v.Quality = qualityView(ctx, q, rep.AsOfYear(), l)
	if n := rep.Territory.UnlocatedEnterprises; n > 0 {
		v.Unlocated = i18n.Tf(ctx, "Chưa tính %s doanh nghiệp chưa có địa bàn: tỉnh ghi cho các doanh nghiệp này chỉ một phần thuộc %s (xem mục Chất lượng số liệu).",
			format.For(i18n.From(ctx)).Int(int64(n)), territoryText(ctx, rep))
	}
	return nil
}

func breakdownView(ctx context.Context, dim model.Dimension, rows []model.CountRow, l *drillLinks) web.BreakdownView {
	f := format.For(i18n.From(ctx))
	b := web.BreakdownView{Title: dimensionTitle(i18n.From(ctx), dim)}
	if dim == model.ByCategory || dim == model.ByProductGroup {
		b.Note = i18n.T(ctx, "Doanh nghiệp thuộc nhiều nhóm được tính ở mỗi nhóm.")
	}
	for _, r := range rows {
		b.Rows = append(b.Rows, web.BreakdownRow{Name: sliceName(i18n.From(ctx), dim, r.Key, r.Name, r.NameEN), Count: f.Int(int64(r.Count)),
			Href: l.slice(dim, r.Key)})
	}
	if len(rows) > 0 {
		b.Chart = barView(breakdownChart(ctx, dim, rows, l), l)
	}
	return b
}

func qualityView(ctx context.Context, q model.Quality, year int, l *drillLinks) web.QualityView {
	f := format.For(i18n.From(ctx))
	item := func(n int, label string, kind store.DrillKind) web.QualityItem {
		return web.QualityItem{Label: label, Count: f.Int(int64(n)), Zero: n == 0, Href: l.quality(kind)}
	}
	return web.QualityView{Items: []web.QualityItem{
		item(q.MissingFigures, i18n.Tf(ctx, "doanh nghiệp đủ điều kiện chưa có giá trị sản xuất năm %d", year), store.DrillMissingFigures),
		item(q.Expiring, i18n.T(ctx, "doanh nghiệp có giấy chứng nhận hết hiệu lực trong 6 tháng tới"), store.DrillExpiring),
		item(q.Unclassified, i18n.T(ctx, "doanh nghiệp chưa có phân loại nào"), store.DrillUnclassified),
		item(q.Provisional, i18n.Tf(ctx, "doanh nghiệp có số liệu năm %d còn là ước tính hoặc sơ bộ", year), store.DrillProvisional),
		item(q.AbolishedArea, i18n.T(ctx, "doanh nghiệp còn ghi ở đơn vị hành chính đã giải thể: cần nhập địa bàn mới (xã, phường)"), store.DrillAbolishedArea),
		item(q.Unlocated, i18n.Tf(ctx, "doanh nghiệp chưa có địa bàn nên chưa được tính năm %d", year), store.DrillUnlocated),
	}}
}
