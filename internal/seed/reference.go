// Package seed writes the reference lists, the provinces and the HD-3164
// plan, and a deterministic, clearly labelled sample register for
// demonstrations.
package seed

import (
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

func provinces() []model.Province {
	return []model.Province{
		{Code: "HD", Name: "Hải Dương", NameEN: "Hai Duong", ValidUntil: &lastDayBeforeMerger},
		{Code: "HP", Name: "Hải Phòng", NameEN: "Hai Phong"},
	}
}

// The twelve district-level units of Hải Dương before 01/07/2025
// (DOMAIN.md §4.1).
func areas() []model.Area {
	units := []struct{ code, name, kind string }{
		{"hai_duong", "Thành phố Hải Dương", "thanh_pho"},
		{"chi_linh", "Thành phố Chí Linh", "thanh_pho"},
		{"kinh_mon", "Thị xã Kinh Môn", "thi_xa"},
		{"binh_giang", "Huyện Bình Giang", "huyen"},
		{"cam_giang", "Huyện Cẩm Giàng", "huyen"},
		{"gia_loc", "Huyện Gia Lộc", "huyen"},
		{"kim_thanh", "Huyện Kim Thành", "huyen"},
		{"nam_sach", "Huyện Nam Sách", "huyen"},
		{"ninh_giang", "Huyện Ninh Giang", "huyen"},
		{"thanh_ha", "Huyện Thanh Hà", "huyen"},
		{"thanh_mien", "Huyện Thanh Miện", "huyen"},
		{"tu_ky", "Huyện Tứ Kỳ", "huyen"},
	}
	out := make([]model.Area, len(units))
	for i, u := range units {
		out[i] = model.Area{ProvinceCode: "HD", Code: u.code, Name: u.name, Kind: u.kind,
			ValidUntil: &lastDayBeforeMerger}
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
		{"ccn_viet_hoa", "CCN Việt Hòa", "ccn", "hai_duong"},
		{"ccn_cam_thuong", "CCN Cẩm Thượng", "ccn", "hai_duong"},
		{"ccn_tay_ngo_quyen", "CCN Tây Ngô Quyền", "ccn", "hai_duong"},
		{"ccn_ba_hang", "CCN Ba Hàng", "ccn", "hai_duong"},
		{"ccn_cao_an", "CCN Cao An", "ccn", "cam_giang"},
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
	}
}
