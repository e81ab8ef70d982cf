package server

import (
	"net/http"

	"industrytargets/internal/format"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/store"
	"industrytargets/web"
)

var dimensionTitles = map[model.Dimension]string{
	model.ByCategory:     "Theo lĩnh vực",
	model.ByProductGroup: "Theo nhóm sản phẩm",
	model.ByArea:         "Theo địa bàn",
	model.ByZone:         "Theo khu, cụm công nghiệp",
	model.ByOwnership:    "Theo loại hình sở hữu",
	model.ByVSIC:         "Theo ngành kinh tế (VSIC cấp 2)",
}

// overviewDetails fills in the breakdowns, the entries and exits, and the
// data-quality panel, without links: the printed report's.
func (d *deps) overviewDetails(r *http.Request, plan model.Plan, rep progress.Report, v *web.OverviewView) error {
	return d.details(r, plan, rep, v, nil)
}

// details fills in the breakdowns, the entries and exits, and the
// data-quality panel, their numbers linking by l.
func (d *deps) details(r *http.Request, plan model.Plan, rep progress.Report, v *web.OverviewView, l *drillLinks) error {
	ctx := r.Context()
	for _, dim := range model.Dimensions {
		rows, err := d.st.Breakdown(ctx, plan, rep.AsOfYear, dim)
		if err != nil {
			return err
		}
		v.Breakdowns = append(v.Breakdowns, breakdownView(dim, rows, l))
	}
	flows, err := d.st.Flows(ctx, plan, plan.BaselineYear, rep.AsOfYear)
	if err != nil {
		return err
	}
	v.Charts = []web.ChartView{lineView(countChart(plan, rep, l), l), lineView(shareChart(plan, rep, l), l),
		barsView(flowsChart(flows, l), l)}
	for _, f := range flows {
		v.Flows = append(v.Flows, web.FlowRow{Year: f.Year, Entries: format.Int(int64(f.Entries)), Exits: format.Int(int64(f.Exits)),
			EntriesHref: l.flow(f.Year, store.DrillEntries), ExitsHref: l.flow(f.Year, store.DrillExits)})
	}
	q, err := d.st.Quality(ctx, plan, rep.AsOfYear, model.PriceBasis(v.Basis), vnToday())
	if err != nil {
		return err
	}
	v.Quality = qualityView(q, rep.AsOfYear, l)
	return nil
}

func breakdownView(dim model.Dimension, rows []model.CountRow, l *drillLinks) web.BreakdownView {
	b := web.BreakdownView{Title: dimensionTitles[dim]}
	if dim == model.ByCategory || dim == model.ByProductGroup {
		b.Note = "Doanh nghiệp thuộc nhiều nhóm được tính ở mỗi nhóm."
	}
	for _, r := range rows {
		b.Rows = append(b.Rows, web.BreakdownRow{Name: sliceName(dim, r.Key, r.Name), Count: format.Int(int64(r.Count)),
			Href: l.slice(dim, r.Key)})
	}
	if len(rows) > 0 {
		b.Chart = barView(breakdownChart(dim, rows, l), l)
	}
	return b
}

func qualityView(q model.Quality, year int, l *drillLinks) web.QualityView {
	item := func(n int, label string, kind store.DrillKind) web.QualityItem {
		return web.QualityItem{Label: label, Count: format.Int(int64(n)), Zero: n == 0, Href: l.quality(kind)}
	}
	return web.QualityView{Items: []web.QualityItem{
		item(q.MissingFigures, "doanh nghiệp đủ điều kiện chưa có giá trị sản xuất năm "+itoa(year), store.DrillMissingFigures),
		item(q.Expiring, "doanh nghiệp có giấy chứng nhận hết hiệu lực trong 6 tháng tới", store.DrillExpiring),
		item(q.Unclassified, "doanh nghiệp chưa có phân loại nào", store.DrillUnclassified),
		item(q.Provisional, "doanh nghiệp có số liệu năm "+itoa(year)+" còn là ước tính hoặc sơ bộ", store.DrillProvisional),
	}}
}
