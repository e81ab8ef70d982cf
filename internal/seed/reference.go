// Package seed writes the reference lists, the provinces and the HD-3164
// plan, and a deterministic, clearly labelled sample register for
// demonstrations.
package seed

import (
	"slices"
	"time"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// lastDayBeforeMerger is the last day of Hải Dương as a province and of its
// district-level units: it joined Hải Phòng on 01/07/2025 (Resolution
// 202/2025/QH15; DOMAIN.md §4.2).
var lastDayBeforeMerger = model.Date(2025, time.June, 30)

// Reference returns every reference list the program starts with.
func Reference() store.Reference {
	return store.Reference{
		Provinces:     provinces(),
		Areas:         areas(),
		Zones:         zones(),
		Sections:      sections,
		Divisions:     divisions,
		Categories:    categories,
		ProductGroups: productGroups,
	}
}

// firstDayAfterMerger is the first day of the merged Hải Phòng and of its
// commune-level units (Nghị quyết 1669/NQ-UBTVQH15, Điều 2).
var firstDayAfterMerger = model.Date(2025, time.July, 1)

func provinces() []model.Province {
	return []model.Province{
		{Code: "HD", Name: "Hải Dương", NameEN: "Hai Duong", Kind: model.ProvinceKindProvince,
			Authority: "UBND tỉnh Hải Dương", ValidUntil: &lastDayBeforeMerger, SuccessorCode: "HP"},
		{Code: "HP", Name: "Hải Phòng", NameEN: "Hai Phong", Kind: model.ProvinceKindCity,
			Authority: "UBND thành phố Hải Phòng"},
	}
}

// kindWords are the words that name each kind of unit before its name.
var kindWords = map[string]string{
	"thanh_pho": "Thành phố", "thi_xa": "Thị xã", "huyen": "Huyện",
	"phuong": "Phường", "xa": "Xã", "dac_khu": "Đặc khu",
}

// unitName is a unit's name as the register stores it, with its kind:
// "Huyện Cẩm Giàng", "Xã Cẩm Giàng".
func unitName(u unit) string { return kindWords[u.kind] + " " + u.name }

// areas are the twelve district-level units of Hải Dương until 30/06/2025
// (DOMAIN.md §4.1) and the 114 commune-level units of Hải Phòng from
// 01/07/2025, the 64 formed from former Hải Dương naming the districts
// they draw on (HAI-DUONG-2025.md §1–3).
func areas() []store.AreaSeed {
	var out []store.AreaSeed
	for _, u := range hdDistricts {
		out = append(out, store.AreaSeed{Area: model.Area{ProvinceCode: "HD", Code: u.code, Name: unitName(u),
			Kind: u.kind, ValidUntil: &lastDayBeforeMerger}})
	}
	for _, u := range slices.Concat(formerHDUnits, oldHPUnits) {
		out = append(out, store.AreaSeed{Area: model.Area{ProvinceCode: "HP", Code: u.code, Name: unitName(u),
			Kind: u.kind, ValidFrom: &firstDayAfterMerger}, OriginProvince: "HD", OriginCodes: u.from})
	}
	return out
}

// HD3164Territory is the territory of plan HD-3164 (rule 11): the 12
// districts of Hải Dương and the 64 communes of Hải Phòng formed from them,
// the same land before and after 01/07/2025.
func HD3164Territory() []store.AreaRef {
	var out []store.AreaRef
	for _, u := range hdDistricts {
		out = append(out, store.AreaRef{Province: "HD", Code: u.code})
	}
	for _, u := range formerHDUnits {
		out = append(out, store.AreaRef{Province: "HP", Code: u.code})
	}
	return out
}

// HaiPhongTerritory is the whole of the merged Hải Phòng: its 114
// communes, and the 12 old districts of Hải Dương, whose land it holds, so
// an enterprise still located in one counts.
func HaiPhongTerritory() []store.AreaRef {
	out := HD3164Territory()
	for _, u := range oldHPUnits {
		out = append(out, store.AreaRef{Province: "HP", Code: u.code})
	}
	return out
}

// Industrial parks and clusters of Hải Dương named by the sources in
// DOMAIN.md §4.4 (those marked unverified there are left out). A zone's area
// is set only where a source places it.
func zones() []store.ZoneSeed {
	list := []struct{ code, name, kind, area string }{
		{"kcn_dai_an", "KCN Đại An", "kcn", ""},
		{"kcn_phuc_dien", "KCN Phúc Điền", "kcn", ""},
		{"kcn_nam_sach", "KCN Nam Sách", "kcn", ""},
		{"kcn_tan_truong", "KCN Tân Trường", "kcn", ""},
		{"kcn_viet_hoa_kenmark", "KCN Việt Hòa – Kenmark", "kcn", ""},
		{"kcn_an_phat_1", "KCN An Phát 1", "kcn", ""},
		{"kcn_kim_thanh", "KCN Kim Thành", "kcn", ""},
		{"kcn_phuc_dien_mo_rong", "KCN Phúc Điền mở rộng", "kcn", ""},
		{"kcn_gia_loc", "KCN Gia Lộc", "kcn", ""},
		{"kcn_luong_dien_cam_dien", "KCN Lương Điền – Cẩm Điền", "kcn", ""},
		{"kcn_lai_cach", "KCN Lai Cách", "kcn", ""},
		{"ccn_viet_hoa", "CCN Việt Hòa", "ccn", "288"},
		{"ccn_cam_thuong", "CCN Cẩm Thượng", "ccn", "288"},
		{"ccn_tay_ngo_quyen", "CCN Tây Ngô Quyền", "ccn", "288"},
		{"ccn_ba_hang", "CCN Ba Hàng", "ccn", "288"},
		{"ccn_cao_an", "CCN Cao An", "ccn", "295"},
		{"ccn_quang_trung", "CCN Quang Trung", "ccn", ""},
		{"ccn_that_hung", "CCN Thất Hùng", "ccn", ""},
		{"ccn_binh_giang_1", "CCN Bình Giang 1", "ccn", ""},
	}
	out := make([]store.ZoneSeed, len(list))
	for i, z := range list {
		out[i] = store.ZoneSeed{
			Zone:     model.Zone{ProvinceCode: "HD", Code: z.code, Name: z.name, Kind: z.kind},
			AreaCode: z.area,
		}
	}
	return out
}

// The sections whose sum is the whole industry (DOMAIN.md §1.2).
var sections = []model.VSICSection{
	{Code: "B", Name: "Khai khoáng", NameEN: "Mining and quarrying"},
	{Code: "C", Name: "Công nghiệp chế biến, chế tạo", NameEN: "Manufacturing"},
	{Code: "D", Name: "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí", NameEN: "Electricity, gas, steam and air-conditioning supply"},
	{Code: "E", Name: "Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải", NameEN: "Water supply; sewerage, waste management"},
}

var categories = []model.CategoryInfo{
	{Code: model.CategorySupporting, Name: "Công nghiệp hỗ trợ", NameEN: "Supporting industry"},
	{Code: model.CategoryHighTech, Name: "Công nghiệp công nghệ cao", NameEN: "High-tech industry"},
	{Code: model.CategoryAdvancedTech, Name: "Công nghệ tiên tiến", NameEN: "Advanced technology"},
	{Code: model.CategoryNewTech, Name: "Công nghệ mới", NameEN: "New technology"},
	{Code: model.CategoryCleanTech, Name: "Công nghệ sạch", NameEN: "Clean technology"},
	{Code: model.CategoryLargeAssembly, Name: "Doanh nghiệp lắp ráp lớn", NameEN: "Large assembler"},
}

// The six sectors of the supporting-industry priority list (Decree
// 111/2015/NĐ-CP as amended by 205/2025/NĐ-CP; DOMAIN.md §2), then the
// priority products the plan names (PLAN-ARTICLE.md).
var productGroups = []model.ProductGroup{
	{Code: "co_khi", Name: "Cơ khí chế tạo", NameEN: "Mechanical engineering", Kind: "psip_sector", Category: model.CategorySupporting},
	{Code: "dien_tu", Name: "Điện tử", NameEN: "Electronics", Kind: "psip_sector", Category: model.CategorySupporting},
	{Code: "det_may", Name: "Dệt – may", NameEN: "Textiles and garments", Kind: "psip_sector", Category: model.CategorySupporting},
	{Code: "da_giay", Name: "Da – giày", NameEN: "Leather and footwear", Kind: "psip_sector", Category: model.CategorySupporting},
	{Code: "o_to", Name: "Sản xuất lắp ráp ô tô", NameEN: "Automobile manufacturing and assembly", Kind: "psip_sector", Category: model.CategorySupporting},
	{Code: "cnc", Name: "Công nghiệp hỗ trợ cho công nghiệp công nghệ cao", NameEN: "Supporting industry for high-tech industries", Kind: "psip_sector", Category: model.CategorySupporting},
	{Code: "khuon_mau", Name: "Khuôn mẫu có độ chính xác cao", NameEN: "High-precision moulds", Kind: "priority_product", Category: model.CategorySupporting},
	{Code: "chi_tiet_co_khi", Name: "Chi tiết cơ khí tiêu chuẩn chất lượng cao", NameEN: "High-quality standard mechanical parts", Kind: "priority_product", Category: model.CategorySupporting},
	{Code: "linh_kien_dien_tu", Name: "Linh kiện điện tử, mạch vi điện tử", NameEN: "Electronic components and microcircuits", Kind: "priority_product", Category: model.CategorySupporting},
	{Code: "cam_bien", Name: "Cảm biến", NameEN: "Sensors", Kind: "priority_product", Category: model.CategorySupporting},
	{Code: "dong_co", Name: "Động cơ thế hệ mới", NameEN: "New-generation motors", Kind: "priority_product", Category: model.CategorySupporting},
	{Code: "robot", Name: "Công nghệ rô-bốt", NameEN: "Robotics", Kind: "priority_product", Category: model.CategoryHighTech},
	{Code: "vat_lieu_tien_tien", Name: "Vật liệu tiên tiến", NameEN: "Advanced materials", Kind: "priority_product", Category: model.CategoryHighTech},
	{Code: "tri_tue_nhan_tao", Name: "Trí tuệ nhân tạo", NameEN: "Artificial intelligence", Kind: "priority_product", Category: model.CategoryHighTech},
	{Code: "iot", Name: "Internet vạn vật", NameEN: "Internet of things", Kind: "priority_product", Category: model.CategoryHighTech},
	{Code: "du_lieu_lon", Name: "Dữ liệu lớn", NameEN: "Big data", Kind: "priority_product", Category: model.CategoryHighTech},
	{Code: "chuoi_khoi", Name: "Chuỗi khối", NameEN: "Blockchain", Kind: "priority_product", Category: model.CategoryHighTech},
}

// HD3164 is Hải Dương's plan for high-tech and supporting industry
// 2021–2025, oriented to 2030 (Quyết định 3164/QĐ-UBND, 29/10/2021).
func HD3164() model.Plan {
	d := model.Date(2021, time.October, 29)
	return model.Plan{
		Code:         "HD-3164",
		ProvinceCode: "HD",
		Name:         "Đề án phát triển công nghiệp công nghệ cao, công nghiệp hỗ trợ giai đoạn 2021–2025, định hướng đến năm 2030",
		NameEN:       "Plan for high-tech and supporting industry 2021–2025, oriented to 2030",
		DecisionNo:   "3164/QĐ-UBND",
		DecisionDate: &d,
		BaselineYear: 2020,
		Categories:   model.Categories,
		Targets: []model.Target{
			{Metric: model.MetricEnterpriseCount, Year: 2025, Value: 340},
			{Metric: model.MetricEnterpriseCount, Year: 2030, Value: 580},
			{Metric: model.MetricOutputShare, Year: 2025, Value: 0.35},
			{Metric: model.MetricOutputShare, Year: 2030, Value: 0.45},
		},
		// The Department reports to the city's people's committee and the
		// ministry; an administrator names who signs.
		Report: model.ReportSettings{Symbol: model.DefaultReportSymbol, SignerTitle: model.DefaultSignerTitle,
			Recipients: []string{"UBND thành phố (để báo cáo);", "Bộ Công Thương (để báo cáo);", "Giám đốc, các Phó Giám đốc Sở;", "Lưu: VT, QLCN."}},
	}
}

// SamplePlan is a made-up plan for the whole of the merged Hải Phòng,
// sample data like the sample register: no public source gives Hải Phòng
// numeric targets for supporting or high-tech industry (HAI-DUONG-2025.md
// §5), so its targets only show how a second plan over the city's whole
// territory reads.
func SamplePlan() model.Plan {
	return model.Plan{
		Code:         "HP-MAU",
		ProvinceCode: "HP",
		Name:         "Kế hoạch MẪU phát triển công nghiệp hỗ trợ, công nghệ cao toàn thành phố Hải Phòng (số liệu minh hoạ, không phải mục tiêu chính thức)",
		NameEN:       "SAMPLE plan for supporting and high-tech industry across the whole of Hai Phong (illustrative figures, not official targets)",
		BaselineYear: 2024,
		Categories:   model.Categories,
		Demo:         true,
		Targets: []model.Target{
			{Metric: model.MetricEnterpriseCount, Year: 2030, Value: 400},
			{Metric: model.MetricOutputShare, Year: 2030, Value: 0.40},
		},
	}
}
