package seed

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// demoSource labels every sample province total as not official.
const demoSource = "Số liệu mẫu (không phải số liệu thống kê chính thức)"

const (
	demoSeed      = 3164 // of every random stream, after the plan's decision number
	demoCount     = 316
	demoFirstYear = 2018
	demoLastYear  = 2025 // of enterprise figures; province totals stop at 2024
)

// demoNow is the day the sample is drawn as of: certificates due after it
// have not been renewed yet, so some are about to expire.
var demoNow = model.Date(2026, time.November, 27)

// demoDeflator is the price index, current prices ÷ 2010 prices, of each
// year from demoFirstYear (made up, about 2–3 % a year).
var demoDeflator = []float64{1.262, 1.285, 1.298, 1.325, 1.372, 1.401, 1.428, 1.459}

// demoProvinceTotals is Hải Dương's whole-industry production value at
// current prices in billion VND from demoFirstYear to 2024: made up, about
// 438,000 a year over 2021–2024 as DOMAIN.md §4.5 derives.
var demoProvinceTotals = []int64{291_460, 318_920, 341_350, 386_740, 424_180, 445_630, 508_020}

// demoGen draws the sample register from seeded streams.
type demoGen struct {
	r     *rand.Rand      // the stream in use
	names map[string]bool // names already given
}

// draft is a sample enterprise being drawn.
type draft struct {
	ent          model.Enterprise
	area         string // GSO code of its area from when it began, in ent's province
	moves        []store.DemoMove
	registeredHP bool // first registered in Hải Phòng
	zone         string
	sec          sector
	scale        float64 // full-year production value in 2024, million VND
	growth       float64 // yearly growth at current prices
	classes      []model.Classification
	figs         []model.Figure
}

// Demo returns a sample register for Hải Dương, every record flagged as
// sample data, and its province totals for 2018–2024; every call returns
// the same data.
func Demo() (ents []store.DemoEnterprise, outputs []model.ProvinceOutput) {
	g := &demoGen{names: map[string]bool{}}
	drafts := make([]*draft, demoCount)
	for i := range drafts {
		drafts[i] = g.enterprise(i)
		g.settle(i, drafts[i])
	}
	city := make([]*draft, len(demoCity))
	for k := range city {
		city[k] = g.cityEnterprise(demoCount+k, demoCity[k])
	}
	// Tax codes are issued in order of registration: the register of Hải
	// Dương first, then the firms the sample adds for the merged city.
	byStart := func(a, b *draft) int { return a.ent.OperatingSince.Compare(b.ent.OperatingSince) }
	slices.SortStableFunc(drafts, byStart)
	slices.SortStableFunc(city, byStart)
	g.stream(len(drafts), 0)
	seq := g.assignTaxCodes(drafts, 100_000+g.r.IntN(1000))
	g.assignTaxCodes(city, seq)
	for _, d := range slices.Concat(drafts, city) {
		ents = append(ents, store.DemoEnterprise{Enterprise: d.ent, AreaCode: d.area, Moves: d.moves,
			ZoneCode: d.zone, Classifications: d.classes, Figures: d.figs})
	}
	return ents, provinceOutputs()
}

func provinceOutputs() []model.ProvinceOutput {
	var out []model.ProvinceOutput
	for i, t := range demoProvinceTotals {
		y := demoFirstYear + i
		cur := model.MoneyFromMillions(t * 1000)
		for _, b := range []model.PriceBasis{model.BasisCurrent, model.BasisConst2010} {
			v := cur
			if b == model.BasisConst2010 {
				v = deflate(cur, y)
			}
			out = append(out, model.ProvinceOutput{ProvinceCode: "HD", Year: y, Basis: b,
				ProductionValue: v, Status: demoStatus(y), Source: demoSource, Demo: true})
		}
	}
	// No production value is published for the former Hải Dương after the
	// merger (HAI-DUONG-2025.md §5): the sample carries the estimate staff
	// may enter at constant prices, 2024's total times the published growth
	// of West Hải Phòng's industrial production.
	prev := out[len(out)-1]
	est := millions(prev.ProductionValue.Float() * demoWestIndex / 100)
	out = append(out, model.ProvinceOutput{ProvinceCode: "HD", Year: 2025, Basis: model.BasisConst2010,
		ProductionValue: est, Status: model.StatusEstimate, Demo: true,
		Source: "Số liệu mẫu: ước tính bằng GTSX năm 2024 (giá so sánh 2010) × chỉ số sản xuất công nghiệp Tây Hải Phòng 8 tháng năm 2025 (113,24 %)"})
	return out
}

// demoWestIndex is the industrial production index of West Hải Phòng for
// the first eight months of 2025, % of the same period of 2024, as the city's
// statistics office published it (HAI-DUONG-2025.md §5).
const demoWestIndex = 113.24

// demoStatus is official up to 2023, preliminary for 2024 and an estimate
// after.
func demoStatus(y int) model.FigureStatus {
	switch {
	case y <= 2023:
		return model.StatusOfficial
	case y == 2024:
		return model.StatusPreliminary
	}
	return model.StatusEstimate
}

func deflate(m model.Money, year int) model.Money {
	return millions(m.Float() / demoDeflator[year-demoFirstYear])
}

// millions rounds an amount to whole million VND, at least one.
func millions(v float64) model.Money { return model.MoneyFromMillions(max(1, int64(math.Round(v)))) }

// classify gives a firm a chain of classifications from its first
// certificate on, and a few supporting firms a high-tech one on top.
func (g *demoGen) classify(d *draft) {
	cat, group := g.category(d)
	from := g.firstCertified(d)
	d.classes = g.chain(d.ent, cat, group, from)
	if cat == model.CategorySupporting && d.sec.hiTech > 0 && g.r.Float64() < 0.12 {
		second := from.AddDate(1+g.r.IntN(3), g.r.IntN(12), 0)
		if second.Before(model.Date(2025, time.October, 1)) && (d.ent.CeasedOn == nil || second.Before(*d.ent.CeasedOn)) {
			d.classes = append(d.classes, g.chain(d.ent, model.CategoryHighTech, g.hiTechGroup(d.sec), second)...)
		}
	}
}

func (g *demoGen) category(d *draft) (model.Category, string) {
	s := d.sec
	if s.cat != "" {
		return s.cat, ""
	}
	p := s.hiTech
	if d.ent.Ownership == model.OwnershipFDI {
		p *= 1.5
	}
	if g.r.Float64() < p {
		return model.CategoryHighTech, g.hiTechGroup(s)
	}
	return model.CategorySupporting, s.groups[g.r.IntN(len(s.groups))]
}

func (g *demoGen) hiTechGroup(s sector) string {
	if len(s.hiGroups) == 0 || g.r.Float64() < 0.4 {
		return ""
	}
	return s.hiGroups[g.r.IntN(len(s.hiGroups))]
}

// firstCertified dates a firm's first classification: soon after it began
// for a newcomer; for an older firm, three in five by 2020 (nine in ten of
// the large ones, which led) and the rest in the plan's years 2021–2025.
func (g *demoGen) firstCertified(dr *draft) time.Time {
	e, early := dr.ent, 0.6
	switch {
	case dr.scale > 8_000_000:
		early = 1
	case dr.scale > 1_000_000:
		early = 0.9
	}
	var d time.Time
	if e.OperatingSince.Year() >= 2018 {
		d = e.OperatingSince.AddDate(0, 0, 30+g.r.IntN(420))
	} else {
		lo, hi := model.Date(2016, time.January, 1), model.Date(2020, time.December, 31)
		if g.r.Float64() >= early {
			lo, hi = model.Date(2021, time.January, 1), model.Date(2025, time.October, 31)
		}
		d = between(g.r, later(lo, e.OperatingSince), hi)
	}
	if limit := demoNow.AddDate(0, -1, 0); d.After(limit) {
		d = limit.AddDate(0, 0, -g.r.IntN(60))
	}
	if e.CeasedOn != nil && !d.Before(*e.CeasedOn) {
		d = between(g.r, e.OperatingSince, e.CeasedOn.AddDate(0, 0, -1))
	}
	return d
}

// chain issues a certificate and renews it as it runs out, with a gap now
// and then, until one is open-ended, lapses, falls due after demoNow or
// after the firm ceased.
func (g *demoGen) chain(e model.Enterprise, cat model.Category, group string, from time.Time) []model.Classification {
	var out []model.Classification
	for {
		c := model.Classification{Category: cat, ProductGroup: group, ValidFrom: from, CertificateNo: g.certNo(cat, from)}
		years := g.term(cat)
		if years == 0 {
			if cat == model.CategorySupporting && g.r.Float64() < 0.15 {
				c.CertificateNo = ""
			}
			return append(out, c)
		}
		until := from.AddDate(years, 0, -1)
		c.ValidUntil = &until
		out = append(out, c)
		from = until.AddDate(0, 0, 1)
		if g.r.Float64() < 0.3 {
			from = from.AddDate(0, 0, 1+g.r.IntN(120))
		}
		if from.After(demoNow) || (e.CeasedOn != nil && !from.Before(*e.CeasedOn)) || g.r.Float64() < 0.07 {
			return out
		}
	}
}

// term is a certificate's life in years, 0 for open-ended: five years for
// high tech (Decision 55/2010/QĐ-TTg), often open-ended otherwise.
func (g *demoGen) term(cat model.Category) int {
	u := g.r.Float64()
	switch {
	case cat == model.CategoryHighTech:
		return 5
	case cat == model.CategoryLargeAssembly || u < 0.5:
		return 0
	case cat == model.CategorySupporting && u < 0.65:
		return 3
	}
	return 5
}

func (g *demoGen) certNo(cat model.Category, from time.Time) string {
	n := 10 + g.r.IntN(890)
	if cat == model.CategorySupporting || cat == model.CategoryLargeAssembly {
		return fmt.Sprintf("%d/GCN-SCT", n)
	}
	return fmt.Sprintf("%d/%d/GCN-BKHCN", n, from.Year())
}

// figures draws the yearly output of every year the firm operated, on both
// price bases, leaving a few years unreported.
func (g *demoGen) figures(d *draft) {
	for y := demoFirstYear; y <= demoLastYear; y++ {
		frac := activeFraction(d.ent, y)
		if frac == 0 {
			continue
		}
		missing := 0.03
		if y == demoLastYear {
			missing = 0.07
		}
		// Large firms report without fail; a few small ones do not.
		if g.r.Float64() < missing && d.scale < 2_000_000 {
			continue
		}
		annual := d.scale * math.Pow(1+d.growth, float64(y-2024)) * ramp(d.ent.OperatingSince, y) * (0.92 + 0.16*g.r.Float64())
		f := g.figure(d, y, annual*frac, annual)
		d.figs = append(d.figs, f, deflateFigure(f))
		n := *f.Employees
		d.ent.Employees = &n
	}
}

func (g *demoGen) figure(d *draft, y int, pv, annual float64) model.Figure {
	f := model.Figure{Year: y, Basis: model.BasisCurrent, ProductionValue: millions(pv), Status: demoStatus(y)}
	rev := millions(pv * (0.98 + 0.2*g.r.Float64()))
	f.Revenue = &rev
	share := 0.0
	switch {
	case d.ent.Ownership == model.OwnershipFDI:
		share = 0.55 + 0.4*g.r.Float64()
	case d.sec.exporter && g.r.Float64() < 0.5:
		share = 0.2 + 0.6*g.r.Float64()
	}
	if share > 0 {
		x := millions(pv * share)
		f.ExportValue = &x
	}
	prod := d.sec.prod * math.Pow(1.05, float64(y-2024))
	if d.ent.Ownership == model.OwnershipFDI {
		prod *= 1.5
	}
	n := max(5, int64(math.Round(annual/prod)))
	f.Employees = &n
	return f
}

func deflateFigure(f model.Figure) model.Figure {
	c := f
	c.Basis = model.BasisConst2010
	c.ProductionValue = deflate(f.ProductionValue, f.Year)
	if f.Employees != nil {
		n := *f.Employees
		c.Employees = &n
	}
	for _, p := range []**model.Money{&c.Revenue, &c.ExportValue} {
		if *p != nil {
			v := deflate(**p, f.Year)
			*p = &v
		}
	}
	return c
}

// activeFraction is the share of year y the firm operated, 0 for none.
func activeFraction(e model.Enterprise, y int) float64 {
	start, end := model.Date(y, time.January, 1), model.Date(y+1, time.January, 1)
	from, to := later(start, e.OperatingSince), end
	if e.CeasedOn != nil && e.CeasedOn.Before(to) {
		to = *e.CeasedOn
	}
	if !to.After(from) {
		return 0
	}
	return max(0.02, to.Sub(from).Hours()/end.Sub(start).Hours())
}

// ramp is how far a newcomer has grown into its full size.
func ramp(since time.Time, y int) float64 {
	switch y - since.Year() {
	case 0:
		return 0.5
	case 1:
		return 0.75
	case 2:
		return 0.9
	}
	return 1
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// between draws a day from lo to hi, both included.
func between(r *rand.Rand, lo, hi time.Time) time.Time {
	days := int(hi.Sub(lo).Hours()/24) + 1
	if days <= 1 {
		return lo
	}
	return lo.AddDate(0, 0, r.IntN(days))
}
