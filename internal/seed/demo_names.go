package seed

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"industrytargets/internal/model"
)

// sector is one kind of sample enterprise: the VSIC classes it is coded in,
// the words its names are built from, how it is classified and how large it
// tends to be.
type sector struct {
	weight     int
	classes    []string       // VSIC 2018 classes (4 digits)
	words      []string       // sector words of Vietnamese names
	en         []string       // sector words of English (FDI) names
	groups     []string       // supporting-industry product groups
	hiGroups   []string       // high-tech product groups
	cat        model.Category // set for sectors outside the supporting-industry list
	hiTech     float64        // chance of a high-tech certificate instead
	fdi, state float64        // shares of foreign-invested and state firms
	mult       float64        // size relative to the ownership's median
	prod       float64        // production value per worker in 2024, million VND
	exporter   bool           // domestic firms of the sector often export
}

// sectors weights the sample toward the divisions the plan names
// (mechanical, electronics, electrical, plastics, automotive, textiles,
// leather), with a few other firms of sections B–E.
var sectors = []sector{
	{weight: 22, classes: []string{"2511", "2591", "2592", "2592", "2593", "2599"},
		words: []string{"Cơ khí chính xác", "Cơ khí", "Kết cấu thép", "Dập kim loại", "Khuôn mẫu"}, en: []string{"Precision", "Metal", "Mechanical", "Tooling"},
		groups: []string{"co_khi", "khuon_mau", "chi_tiet_co_khi"}, hiGroups: []string{"vat_lieu_tien_tien"},
		hiTech: 0.03, fdi: 0.3, state: 0.02, mult: 0.7, prod: 900},
	{weight: 14, classes: []string{"2610", "2610", "2620", "2630", "2640", "2651", "2670"},
		words: []string{"Điện tử", "Linh kiện điện tử", "Công nghệ điện tử"}, en: []string{"Electronics", "Electronic Components", "Digital", "Optoelectronics"},
		groups: []string{"dien_tu", "linh_kien_dien_tu", "cam_bien", "cnc"}, hiGroups: []string{"iot", "tri_tue_nhan_tao", "du_lieu_lon"},
		hiTech: 0.3, fdi: 0.7, mult: 4, prod: 2500},
	{weight: 10, classes: []string{"2710", "2720", "2732", "2733", "2740", "2750"},
		words: []string{"Thiết bị điện", "Dây và cáp điện", "Điện cơ"}, en: []string{"Electric", "Cable", "Power Systems"},
		groups: []string{"dien_tu", "dong_co"}, hiGroups: []string{"iot", "vat_lieu_tien_tien"},
		hiTech: 0.1, fdi: 0.5, mult: 1.3, prod: 1600},
	{weight: 10, classes: []string{"2811", "2816", "2819", "2822", "2829"},
		words: []string{"Chế tạo máy", "Máy công nghiệp", "Thiết bị công nghiệp"}, en: []string{"Machinery", "Engineering", "Industrial Equipment"},
		groups: []string{"co_khi", "chi_tiet_co_khi", "dong_co"}, hiGroups: []string{"robot", "tri_tue_nhan_tao"},
		hiTech: 0.12, fdi: 0.35, state: 0.05, mult: 0.9, prod: 1100},
	{weight: 10, classes: []string{"2219", "2220", "2220"},
		words: []string{"Nhựa kỹ thuật", "Cao su kỹ thuật", "Bao bì nhựa"}, en: []string{"Plastics", "Rubber", "Polymer"},
		groups: []string{"cnc", "khuon_mau"}, hiGroups: []string{"vat_lieu_tien_tien"},
		hiTech: 0.03, fdi: 0.45, mult: 0.8, prod: 1300},
	{weight: 7, classes: []string{"2930", "2930", "2920"},
		words: []string{"Phụ tùng ô tô", "Linh kiện ô tô"}, en: []string{"Auto Parts", "Automotive", "Motor Components"},
		groups: []string{"o_to", "chi_tiet_co_khi"}, fdi: 0.5, mult: 1.5, prod: 1800},
	{weight: 1, classes: []string{"2910"}, words: []string{"Ô tô"}, en: []string{"Motor", "Automobile"},
		cat: model.CategoryLargeAssembly, fdi: 0.5, mult: 8, prod: 3000},
	{weight: 6, classes: []string{"1311", "1312", "1313", "1391", "1399"},
		words: []string{"Sợi", "Dệt", "Dệt kim"}, en: []string{"Textile", "Yarn", "Fabric"},
		groups: []string{"det_may"}, fdi: 0.45, mult: 0.8, prod: 800, exporter: true},
	{weight: 7, classes: []string{"1410", "1410", "1430"},
		words: []string{"May mặc", "May", "Thời trang"}, en: []string{"Garment", "Apparel", "Fashion"},
		groups: []string{"det_may"}, fdi: 0.35, mult: 0.5, prod: 350, exporter: true},
	{weight: 5, classes: []string{"1511", "1512", "1520", "1520"},
		words: []string{"Da giày", "Giày da", "Thuộc da"}, en: []string{"Footwear", "Leather", "Shoes"},
		groups: []string{"da_giay"}, fdi: 0.5, mult: 0.7, prod: 400, exporter: true},
	{weight: 2, classes: []string{"2394"}, words: []string{"Xi măng"}, en: []string{"Cement"},
		cat: model.CategoryAdvancedTech, fdi: 0.1, state: 0.5, mult: 2, prod: 3000},
	{weight: 2, classes: []string{"2410"}, words: []string{"Thép", "Luyện kim"}, en: []string{"Steel", "Metals"},
		cat: model.CategoryAdvancedTech, fdi: 0.3, state: 0.1, mult: 2, prod: 3000},
	{weight: 1, classes: []string{"3511"}, words: []string{"Năng lượng", "Điện mặt trời"}, en: []string{"Power", "Energy"},
		cat: model.CategoryNewTech, state: 0.5, mult: 3, prod: 5000},
	{weight: 1, classes: []string{"3600"}, words: []string{"Nước sạch"}, en: []string{"Water"},
		cat: model.CategoryCleanTech, state: 0.6, mult: 0.6, prod: 1500},
	{weight: 2, classes: []string{"3821"}, words: []string{"Môi trường", "Xử lý chất thải"}, en: []string{"Environment", "Recycling"},
		cat: model.CategoryCleanTech, fdi: 0.2, state: 0.1, mult: 0.5, prod: 1200},
	{weight: 1, classes: []string{"0810"}, words: []string{"Khai thác đá", "Khoáng sản"}, en: []string{"Minerals", "Stone"},
		cat: model.CategoryAdvancedTech, state: 0.2, mult: 0.4, prod: 1500},
}

// country is an investor country of FDI firms: how often it invests, how
// large its firms are (Hong Kong holds about 40 % of the province's FDI
// capital and Japan 16 %, DOMAIN.md §4.5) and made-up brand roots.
type country struct {
	name   string
	weight int
	mult   float64
	roots  []string
}

var countries = []country{
	{"Hàn Quốc", 24, 0.8, []string{"Hanbit", "Daeyang", "Seonhwa", "Mirinae", "Jinsol", "Haneul", "Garam", "Saebom"}},
	{"Trung Quốc", 20, 0.6, []string{"Tianrun", "Hengfa", "Jiaxin", "Longsheng", "Ruixiang", "Xinyuan", "Huamei", "Kaida"}},
	{"Nhật Bản", 18, 1.4, []string{"Sakuragawa", "Tsukimoto", "Harunoki", "Midorika", "Kazenami", "Hoshiyama", "Kotohira", "Shirakumo"}},
	{"Hồng Kông", 14, 4.5, []string{"Harbourline", "Pearlstar", "Jadeway", "Goldport", "Kowloon Bay", "Victoria Crest"}},
	{"Đài Loan", 14, 0.8, []string{"Kuanhsing", "Fuchang", "Hsinlung", "Minghua", "Tatung Hill", "Yuhsin"}},
	{"Singapore", 6, 1.2, []string{"Straitsfield", "Marinaview", "Orchardline", "Keppel Bay"}},
	{"Hoa Kỳ", 4, 1.2, []string{"Lakeshore", "Ridgeway", "Bluecrest", "Pinebrook"}},
}

// properNames are the given names of the sample's Vietnamese firms.
var properNames = []string{
	"Minh An", "Phú Thành", "Hưng Phát", "Thành Đạt", "Việt Tiến", "An Phát",
	"Đại Dương", "Tân Long", "Hải Long", "Quang Minh", "Trường Sơn", "Bảo Ngọc",
	"Phúc Hưng", "Nam Việt", "Đông Á", "Thiên Phú", "Kim Long", "Sao Việt",
	"Hồng Hà", "Vạn Xuân", "Hợp Thành", "Đức Tín", "Gia Huy", "Tiến Thành",
	"Thịnh Phát", "Ngọc Khánh", "Hoàng Gia", "Lạc Hồng", "Bình Minh", "Chí Linh",
	"Kinh Môn", "Thanh Bình", "Tân Việt", "Phương Đông", "Hòa Phong", "Trí Đức",
}

// demoZone places an industrial zone in an area. The areas of the parks are
// where their names place them, for the sample only; the clusters' areas
// match the reference list where it gives one.
type demoZone struct{ code, area string }

var demoZones = []demoZone{
	{"kcn_dai_an", "288"}, {"kcn_dai_an", "288"}, {"kcn_phuc_dien", "295"},
	{"kcn_phuc_dien", "295"}, {"kcn_nam_sach", "291"}, {"kcn_tan_truong", "295"},
	{"kcn_tan_truong", "295"}, {"kcn_viet_hoa_kenmark", "288"}, {"kcn_an_phat_1", "292"},
	{"kcn_kim_thanh", "293"}, {"kcn_phuc_dien_mo_rong", "295"}, {"kcn_gia_loc", "297"},
	{"kcn_luong_dien_cam_dien", "295"}, {"kcn_lai_cach", "295"},
	{"ccn_viet_hoa", "288"}, {"ccn_cam_thuong", "288"}, {"ccn_tay_ngo_quyen", "288"},
	{"ccn_ba_hang", "288"}, {"ccn_cao_an", "295"}, {"ccn_quang_trung", "299"},
	{"ccn_that_hung", "292"}, {"ccn_binh_giang_1", "296"},
}

// enterprise draws sample firm i. Each aspect of it comes from a stream of
// its own, so that changing how one aspect is drawn leaves the others be;
// every 16th firm ceases and every 32nd has no classification, so those
// counts do not hang on chance.
func (g *demoGen) enterprise(i int) *draft { return g.enterpriseSince(i, time.Time{}) }

// enterpriseSince is enterprise with the day it began given, unless since
// is zero.
func (g *demoGen) enterpriseSince(i int, since time.Time) *draft {
	g.stream(i, 1)
	d := &draft{sec: pick(g.r, sectors, func(s sector) int { return s.weight })}
	anchor := i < len(demoAnchors)
	if anchor {
		d.sec = sectors[slices.IndexFunc(sectors, func(s sector) bool { return s.classes[0] == "2610" })]
	}
	e := &d.ent
	e.ProvinceCode, e.Demo = "HD", true
	e.Ownership = g.ownership(d.sec, anchor)
	e.VSIC = d.sec.classes[g.r.IntN(len(d.sec.classes))]
	d.zone, d.area = g.location()
	c := g.name(d)
	g.stream(i, 2)
	e.OperatingSince = g.operatingSince()
	if anchor {
		e.OperatingSince = e.OperatingSince.AddDate(demoAnchors[i].since-e.OperatingSince.Year(), 0, 0)
	}
	if !since.IsZero() {
		e.OperatingSince = since
	}
	if i%16 == 11 {
		e.CeasedOn = g.ceasedOn(e.OperatingSince)
	}
	g.stream(i, 3)
	d.scale, d.growth = g.size(d, c)
	if anchor {
		d.scale = demoAnchors[i].scale
	}
	g.stream(i, 4)
	if i%32 != 5 {
		g.classify(d)
	}
	g.stream(i, 5)
	g.figures(d)
	return d
}

// demoAnchors are the very large foreign electronics makers a province like
// Hải Dương has: the first sample firms take these entry years and full-year
// 2024 outputs (million VND) instead of drawn ones.
var demoAnchors = []struct {
	since int
	scale float64
}{{2008, 16_000_000}, {2012, 10_500_000}}

func (g *demoGen) ownership(s sector, fdi bool) model.Ownership {
	switch u := g.r.Float64(); {
	case fdi || u >= s.state && u < s.state+s.fdi:
		return model.OwnershipFDI
	case u < s.state:
		return model.OwnershipState
	}
	return model.OwnershipPrivate
}

// stream points g at the random stream of one aspect of firm i.
func (g *demoGen) stream(i, aspect int) {
	g.r = rand.New(rand.NewPCG(demoSeed, uint64(i)<<4|uint64(aspect)))
}

// operatingSince spreads entries from 1995 to mid-2025, a third of them in
// 2018–2025; none after Hải Dương merged into Hải Phòng.
func (g *demoGen) operatingSince() time.Time {
	var y int
	switch u := g.r.Float64(); {
	case u < 0.33:
		y = 1995 + g.r.IntN(15)
	case u < 0.60:
		y = 2010 + g.r.IntN(8)
	default:
		y = 2018 + g.r.IntN(8)
	}
	d := model.Date(y, time.January, 1).AddDate(0, 0, g.r.IntN(365))
	if d.After(lastDayBeforeMerger) {
		d = model.Date(2025, time.January, 1).AddDate(0, 0, g.r.IntN(181))
	}
	return d
}

// ceasedOn closes a firm in 2019–2025, at least a year after it began, or
// returns nil when it began too late for that.
func (g *demoGen) ceasedOn(since time.Time) *time.Time {
	d := model.Date(2019+g.r.IntN(7), time.January, 1).AddDate(0, 0, g.r.IntN(365))
	if earliest := since.AddDate(1, 0, 0); d.Before(earliest) {
		d = earliest
	}
	if d.Year() > demoLastYear {
		return nil
	}
	return &d
}

// size draws a log-normal full-year output for 2024 and a growth rate.
func (g *demoGen) size(d *draft, c country) (scale, growth float64) {
	median, sigma := 30_000.0, 1.0
	switch d.ent.Ownership {
	case model.OwnershipFDI:
		median, sigma = 170_000*c.mult, 1.0
	case model.OwnershipState:
		median, sigma = 200_000, 0.8
	}
	z := math.Max(-2.5, math.Min(2.5, g.r.NormFloat64()))
	return median * d.sec.mult * math.Exp(sigma*z), 0.04 + 0.10*g.r.Float64()
}

// location puts about 60 % of firms in an industrial zone.
func (g *demoGen) location() (zone, area string) {
	if g.r.Float64() < 0.6 {
		z := demoZones[g.r.IntN(len(demoZones))]
		return z.code, z.area
	}
	return "", hdDistricts[g.r.IntN(len(hdDistricts))].code
}

// assignTaxCodes gives the drafts, in order, rising tax codes with a
// correct check digit from seq on, and returns the last number given:
// "08…" for a firm registered in Hải Dương, "02…" in Hải Phòng (a tax
// code's first two digits name the province it was first registered in).
func (g *demoGen) assignTaxCodes(drafts []*draft, seq int) int {
	for _, d := range drafts {
		seq += 500 + g.r.IntN(8000)
		prefix := "08"
		if d.registeredHP {
			prefix = "02"
		}
		for {
			first9 := fmt.Sprintf("%s%07d", prefix, seq)
			if digit, ok := model.TaxCheckDigit(first9); ok {
				d.ent.TaxCode = fmt.Sprintf("%s%d", first9, digit)
				break
			}
			seq++
		}
	}
	return seq
}

// pick draws one item with probability proportional to its weight.
func pick[T any](r *rand.Rand, items []T, weight func(T) int) T {
	total := 0
	for _, it := range items {
		total += weight(it)
	}
	n := r.IntN(total)
	for _, it := range items {
		if n -= weight(it); n < 0 {
			return it
		}
	}
	return items[len(items)-1]
}

// name gives the enterprise a unique name marked as sample data, and an
// English name and investor country when it is foreign-invested.
func (g *demoGen) name(d *draft) country {
	e := &d.ent
	if e.Ownership == model.OwnershipFDI {
		c := pick(g.r, countries, func(c country) int { return c.weight })
		base := g.unique(func() string { return c.roots[g.r.IntN(len(c.roots))] + " " + d.sec.en[g.r.IntN(len(d.sec.en))] })
		e.Name = "Công ty TNHH " + base + " Việt Nam (mẫu)"
		e.NameEN = base + " Vietnam Co., Ltd. (sample)"
		e.InvestorCountry = c.name
		return c
	}
	form := "Công ty TNHH"
	switch u := g.r.Float64(); {
	case e.Ownership == model.OwnershipState && u < 0.5:
		form = "Công ty TNHH MTV"
	case e.Ownership == model.OwnershipState || u < 0.4:
		form = "Công ty Cổ phần"
	}
	base := g.unique(func() string {
		return d.sec.words[g.r.IntN(len(d.sec.words))] + " " + properNames[g.r.IntN(len(properNames))]
	})
	e.Name = form + " " + base + " (mẫu)"
	return country{}
}

// unique draws names until one is free, numbering it after many tries.
func (g *demoGen) unique(draw func() string) string {
	for i := 0; ; i++ {
		s := draw()
		if i >= 30 {
			s = fmt.Sprintf("%s %d", s, i)
		}
		if !g.names[s] {
			g.names[s] = true
			return s
		}
	}
}
