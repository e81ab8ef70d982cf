package server

import (
	"net/http"
	"time"

	"industrytargets/internal/format"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
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

var ownershipNames = map[string]string{"state": "Nhà nước", "private": "Tư nhân", "fdi": "Có vốn đầu tư nước ngoài"}

// overviewDetails fills in the breakdowns, the entries and exits, and the
// data-quality panel.
func (d *deps) overviewDetails(r *http.Request, plan model.Plan, rep progress.Report, v *web.OverviewView) error {
	ctx := r.Context()
	for _, dim := range model.Dimensions {
		rows, err := d.st.Breakdown(ctx, plan, rep.AsOfYear, dim)
		if err != nil {
			return err
		}
		v.Breakdowns = append(v.Breakdowns, breakdownView(dim, rows))
	}
	flows, err := d.st.Flows(ctx, plan, plan.BaselineYear, rep.AsOfYear)
	if err != nil {
		return err
	}
	v.Charts = append(metricCharts(plan, rep), flowsChart(flows))
	for _, f := range flows {
		v.Flows = append(v.Flows, web.FlowRow{Year: f.Year, Entries: format.Int(int64(f.Entries)), Exits: format.Int(int64(f.Exits))})
	}
	q, err := d.st.Quality(ctx, plan, rep.AsOfYear, model.PriceBasis(v.Basis), time.Now().In(vietnam))
	if err != nil {
		return err
	}
	v.Quality = qualityView(q, rep.AsOfYear)
	return nil
}

func breakdownView(dim model.Dimension, rows []model.CountRow) web.BreakdownView {
	b := web.BreakdownView{Title: dimensionTitles[dim]}
	if dim == model.ByCategory || dim == model.ByProductGroup {
		b.Note = "Doanh nghiệp thuộc nhiều nhóm được tính ở mỗi nhóm."
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		name := r.Name
		if dim == model.ByOwnership {
			name = ownershipNames[r.Key]
		}
		if name == "" {
			name = "(chưa xác định)"
		}
		names[i] = name
		b.Rows = append(b.Rows, web.BreakdownRow{Name: name, Count: format.Int(int64(r.Count))})
	}
	if len(rows) > 0 {
		b.Chart = breakdownChart(dim, names, rows)
	}
	return b
}

func qualityView(q model.Quality, year int) web.QualityView {
	item := func(n int, label string) web.QualityItem {
		return web.QualityItem{Label: label, Count: format.Int(int64(n)), Zero: n == 0}
	}
	return web.QualityView{Items: []web.QualityItem{
		item(q.MissingFigures, "doanh nghiệp đủ điều kiện chưa có giá trị sản xuất năm "+itoa(year)),
		item(q.Expiring, "giấy chứng nhận hết hiệu lực trong 6 tháng tới"),
		item(q.Unclassified, "doanh nghiệp chưa có phân loại nào"),
		item(q.Provisional, "số liệu năm "+itoa(year)+" còn là ước tính hoặc sơ bộ"),
	}}
}
