package seed_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
)

// now is the day the dashboard's data-quality panel is looked at.
var now = model.Date(2026, time.November, 27)

func TestDemoDeterministic(t *testing.T) {
	e1, o1 := seed.Demo()
	e2, o2 := seed.Demo()
	if !reflect.DeepEqual(e1, e2) || !reflect.DeepEqual(o1, o2) {
		t.Fatal("two calls of Demo returned different data")
	}
}

func TestDemoEnterprises(t *testing.T) {
	ents, _ := seed.Demo()
	if got := len(ents); got < 320 || got > 350 {
		t.Errorf("got %d enterprises, want 320–350", got)
	}
	ref := refCodes(seed.Reference())
	names, codes, areas := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var zoned, recent, planned int
	for _, d := range ents {
		e := d.Enterprise
		if names[e.Name] || strings.ContainsAny(e.Name, "0123456789") {
			t.Errorf("name %q is used twice or numbered", e.Name)
		}
		names[e.Name], areas[d.AreaCode] = true, true
		zoned += b2i(d.ZoneCode != "")
		recent += b2i(e.OperatingSince.Year() >= 2018)
		planned += b2i(len(e.VSIC) >= 2 && slices.Contains(planDivisions, e.VSIC[:2]))
		tc, err := model.NormalizeTaxCode(e.TaxCode)
		switch {
		case err != nil:
			t.Errorf("tax code %q: %v", e.TaxCode, err)
		case tc != e.TaxCode || len(tc) != 10 || !strings.HasPrefix(tc, "08") && !strings.HasPrefix(tc, "02"):
			t.Errorf("tax code %q: want 10 digits beginning 08 (Hải Dương) or 02 (Hải Phòng)", e.TaxCode)
		case codes[tc]:
			t.Errorf("tax code %q used twice", tc)
		}
		codes[tc] = true
		if err := e.Validate(); err != nil {
			t.Errorf("%s: %v", e.TaxCode, err)
		}
		if !e.Demo || e.ProvinceCode != "HD" && e.ProvinceCode != "HP" || !strings.HasSuffix(e.Name, "(mẫu)") {
			t.Errorf("%s: got demo %v, province %q, name %q; want a sample of HD or HP named (mẫu)", e.TaxCode, e.Demo, e.ProvinceCode, e.Name)
		}
		if (e.Ownership == model.OwnershipFDI) != (e.InvestorCountry != "" && strings.HasSuffix(e.NameEN, "(sample)")) {
			t.Errorf("%s: ownership %q with investor %q and English name %q", e.TaxCode, e.Ownership, e.InvestorCountry, e.NameEN)
		}
		checkPlace(t, ref, d)
		if len(e.VSIC) != 4 || !ref["division/"+e.VSIC[:2]] {
			t.Errorf("%s: VSIC %q is not a 4-digit class of a known division", e.TaxCode, e.VSIC)
		}
	}
	n := len(ents)
	if len(areas) < 40 || zoned < n/2 || zoned > n*7/10 || recent < n/4 || planned < n*85/100 {
		t.Errorf("got %d areas, %d of %d in a zone, %d entered since 2018, %d in the plan's divisions; want many, ~60 %%, many, most",
			len(areas), zoned, n, recent, planned)
	}
}

// planDivisions are the VSIC divisions the plan's sectors fall in.
var planDivisions = []string{"13", "14", "15", "22", "25", "26", "27", "28", "29"}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// checkPlace checks a sample firm's area, moves and zone are in the
// reference lists and agree: a zone placed in a district is the firm's,
// in its district or in a commune formed from it.
func checkPlace(t *testing.T, ref map[string]bool, d store.DemoEnterprise) {
	t.Helper()
	e := d.Enterprise
	if d.AreaCode != "" && !ref["area/"+e.ProvinceCode+"/"+d.AreaCode] && !ref["area/HD/"+d.AreaCode] {
		t.Errorf("%s: unknown area %q", e.TaxCode, d.AreaCode)
	}
	for _, m := range d.Moves {
		if !ref["area/"+m.Province+"/"+m.Code] || !m.Since.After(e.OperatingSince) {
			t.Errorf("%s: move to %s/%s on %s: unknown, or not after it began", e.TaxCode, m.Province, m.Code, m.Since.Format(time.DateOnly))
		}
	}
	if d.ZoneCode != "" && !ref["zone/"+d.ZoneCode] {
		t.Errorf("%s: unknown zone %q", e.TaxCode, d.ZoneCode)
	}
	if d.ZoneCode != "" && ref["zonearea/"+d.ZoneCode] && !ref["zonearea/"+d.ZoneCode+"/"+d.AreaCode] &&
		!ref["origin/"+d.AreaCode+"/"+zoneArea(ref, d.ZoneCode)] {
		t.Errorf("%s: zone %q is not in area %q", e.TaxCode, d.ZoneCode, d.AreaCode)
	}
}

// zoneArea is the area a zone is placed in.
func zoneArea(ref map[string]bool, zone string) string {
	for k := range ref {
		if rest, ok := strings.CutPrefix(k, "zonearea/"+zone+"/"); ok {
			return rest
		}
	}
	return ""
}

func refCodes(r store.Reference) map[string]bool {
	m := map[string]bool{}
	for _, a := range r.Areas {
		m["area/"+a.ProvinceCode+"/"+a.Code] = true
		for _, o := range a.OriginCodes {
			m["origin/"+a.Code+"/"+o] = true
		}
	}
	for _, z := range r.Zones {
		m["zone/"+z.Code] = true
		if z.AreaCode != "" {
			m["zonearea/"+z.Code] = true
			m["zonearea/"+z.Code+"/"+z.AreaCode] = true
		}
	}
	for _, v := range r.Divisions {
		m["division/"+v.Code] = true
	}
	for _, g := range r.ProductGroups {
		m["group/"+g.Code+"/"+string(g.Category)] = true
	}
	return m
}

func TestDemoClassifications(t *testing.T) {
	ents, _ := seed.Demo()
	ref := refCodes(seed.Reference())
	for _, d := range ents {
		seen := map[string]bool{}
		for _, c := range d.Classifications {
			if err := c.Validate(); err != nil {
				t.Errorf("%s: %v", d.Enterprise.TaxCode, err)
			}
			if c.ProductGroup != "" && !ref["group/"+c.ProductGroup+"/"+string(c.Category)] {
				t.Errorf("%s: product group %q is not one of category %q", d.Enterprise.TaxCode, c.ProductGroup, c.Category)
			}
			if c.Category == model.CategorySupporting && c.ProductGroup == "" {
				t.Errorf("%s: supporting classification without product group", d.Enterprise.TaxCode)
			}
			key := string(c.Category) + c.ValidFrom.Format(time.DateOnly)
			if seen[key] {
				t.Errorf("%s: two %s classifications from %s", d.Enterprise.TaxCode, c.Category, c.ValidFrom.Format(time.DateOnly))
			}
			seen[key] = true
			if c.ValidFrom.Before(d.Enterprise.OperatingSince) || c.ValidFrom.After(now) {
				t.Errorf("%s: classification from %s, before the firm began or after %s", d.Enterprise.TaxCode, c.ValidFrom.Format(time.DateOnly), now.Format(time.DateOnly))
			}
		}
	}
}

func TestDemoFigures(t *testing.T) {
	ents, _ := seed.Demo()
	var fdi, all, largest model.Money
	for _, d := range ents {
		byKey := map[string]model.Figure{}
		for _, f := range d.Figures {
			if err := f.Validate(); err != nil {
				t.Errorf("%s: %v", d.Enterprise.TaxCode, err)
			}
			if want := status(f.Year); f.Status != want {
				t.Errorf("%s %d: got status %q, want %q", d.Enterprise.TaxCode, f.Year, f.Status, want)
			}
			byKey[string(f.Basis)+string(rune(f.Year))] = f
		}
		for _, f := range d.Figures {
			if f.Basis != model.BasisCurrent {
				continue
			}
			c, ok := byKey[string(model.BasisConst2010)+string(rune(f.Year))]
			if !ok || c.ProductionValue >= f.ProductionValue && f.ProductionValue > 0 {
				t.Errorf("%s %d: got const2010 %v (present %v), want below current %v", d.Enterprise.TaxCode, f.Year, c.ProductionValue, ok, f.ProductionValue)
			}
			if f.Revenue == nil || f.Revenue.Float() < 0.95*f.ProductionValue.Float() {
				t.Errorf("%s %d: revenue %v well below production value %v", d.Enterprise.TaxCode, f.Year, f.Revenue, f.ProductionValue)
			}
			all += f.ProductionValue
			largest = max(largest, f.ProductionValue)
			if d.Enterprise.Ownership == model.OwnershipFDI {
				fdi += f.ProductionValue
			}
		}
		if len(byKey) != len(d.Figures) {
			t.Errorf("%s: two figures for one year and basis", d.Enterprise.TaxCode)
		}
	}
	if got := model.Ratio(fdi, all); got < 0.6 {
		t.Errorf("FDI firms make %.2f of the register's output, want more than 0.6", got)
	}
	if largest < model.MoneyFromMillions(10_000_000) {
		t.Errorf("largest yearly output %v million VND, want one over 10,000 billion", largest)
	}
}

func status(y int) model.FigureStatus {
	switch {
	case y <= 2023:
		return model.StatusOfficial
	case y == 2024:
		return model.StatusPreliminary
	}
	return model.StatusEstimate
}

func TestDemoProvinceOutputs(t *testing.T) {
	_, outs := seed.Demo()
	byYear := map[model.PriceBasis]map[int]model.Money{model.BasisCurrent: {}, model.BasisConst2010: {}}
	for _, p := range outs {
		if err := p.Validate(); err != nil {
			t.Errorf("%d %s: %v", p.Year, p.Basis, err)
		}
		if !p.Demo || p.ProvinceCode != "HD" || !strings.Contains(strings.ToLower(p.Source), "mẫu") || p.Status != status(p.Year) {
			t.Errorf("%d %s: got demo %v, province %q, source %q, status %q", p.Year, p.Basis, p.Demo, p.ProvinceCode, p.Source, p.Status)
		}
		byYear[p.Basis][p.Year] = p.ProductionValue
	}
	var sum model.Money
	for y := 2018; y <= 2024; y++ {
		cur, c10 := byYear[model.BasisCurrent][y], byYear[model.BasisConst2010][y]
		if cur == 0 || c10 == 0 || c10 >= cur || y > 2018 && cur <= byYear[model.BasisCurrent][y-1] {
			t.Errorf("%d: got current %v, const2010 %v; want both, const2010 lower, growing", y, cur, c10)
		}
		if y >= 2021 {
			sum += cur
		}
	}
	if avg := sum.Float() / 4; avg < 400_000_000 || avg > 480_000_000 {
		t.Errorf("got average 2021–2024 %.0f million VND, want about 438,000,000", avg)
	}
	if len(outs) != 15 {
		t.Errorf("got %d province totals, want 15 (2018–2024, two bases, and a 2025 estimate at 2010 prices)", len(outs))
	}
	// 2024's total at 2010 prices times West Hải Phòng's index, 113.24 %.
	est := byYear[model.BasisConst2010][2025]
	want := byYear[model.BasisConst2010][2024].Float() * 1.1324
	if _, current := byYear[model.BasisCurrent][2025]; current || est.Float() < want-1 || est.Float() > want+1 {
		t.Errorf("2025 at 2010 prices %v (current too: %v), want about %.0f", est, current, want)
	}
}

// qualifies is rules 1 and 11 of DESIGN.md for HD-3164, written again here
// on purpose: where the firm was on the day (its area from when it began,
// then its moves) is a unit of the old districts or of the communes formed
// from them (codes 10507–11284), or it has no area and is of Hải Dương.
func qualifies(d store.DemoEnterprise, cats []model.Category, y int) bool {
	day := model.YearEndDate(y)
	e := d.Enterprise
	if e.OperatingSince.After(day) || e.CeasedOn != nil && !e.CeasedOn.After(day) {
		return false
	}
	where, province := d.AreaCode, e.ProvinceCode
	for _, m := range d.Moves {
		if !m.Since.After(day) {
			where = m.Code
		}
	}
	inside := where == "" && province == "HD" || len(where) == 3 || len(where) == 5 && where >= "10507" && where <= "11284"
	if !inside {
		return false
	}
	for _, c := range d.Classifications {
		if slices.Contains(cats, c.Category) && !c.ValidFrom.After(day) && (c.ValidUntil == nil || !c.ValidUntil.Before(day)) {
			return true
		}
	}
	return false
}

func TestDemoQualifyingGrowth(t *testing.T) {
	ents, outs := seed.Demo()
	cats := seed.HD3164().Categories
	total := map[int]model.Money{}
	for _, p := range outs {
		if p.Basis == model.BasisCurrent {
			total[p.Year] = p.ProductionValue
		}
	}
	prev := 0
	for y := 2018; y <= 2025; y++ {
		n, out := 0, model.Money(0)
		for _, d := range ents {
			if !qualifies(d, cats, y) {
				continue
			}
			n++
			for _, f := range d.Figures {
				if f.Year == y && f.Basis == model.BasisCurrent {
					out += f.ProductionValue
				}
			}
		}
		share := model.Ratio(out, total[y]) // NaN without a province total
		t.Logf("%d: %d qualifying, output %v million VND, share %.3f", y, n, out, share)
		if n <= prev || n >= 340 {
			t.Errorf("%d: got %d qualifying, want more than %d and fewer than 340", y, n, prev)
		}
		prev = n
		if y == 2020 && (n < 130 || n > 170) || y == 2025 && (n < 260 || n > 300) {
			t.Errorf("%d: got %d qualifying, want about 150 in 2020 and 280 in 2025", y, n)
		}
		if y >= 2020 && y <= 2024 && (share < 0.12 || share > 0.28) {
			t.Errorf("%d: got share %.3f, want 0.12–0.28", y, share)
		}
	}
}

func TestDemoDataQualityCases(t *testing.T) {
	ents, _ := seed.Demo()
	soon := now.AddDate(0, 6, 0)
	var ceased, unclassified, expiring, expired, overlapping, missing, operatingYears int
	for _, d := range ents {
		ceased += b2i(d.Enterprise.CeasedOn != nil)
		unclassified += b2i(len(d.Classifications) == 0)
		expired += b2i(d.Enterprise.CeasedOn == nil && len(d.Classifications) > 0 && !slices.ContainsFunc(d.Classifications,
			func(c model.Classification) bool { return c.ValidUntil == nil || !c.ValidUntil.Before(now) }))
		for i, c := range d.Classifications {
			if c.ValidUntil != nil && !c.ValidUntil.Before(now) && !c.ValidUntil.After(soon) {
				expiring++
			}
			for _, o := range d.Classifications[i+1:] {
				if overlap(c, o) {
					overlapping++
				}
			}
		}
		m, n := missingYears(d)
		missing, operatingYears = missing+m, operatingYears+n
	}
	t.Logf("%d ceased, %d unclassified, %d expiring by %s, %d operating with every certificate expired, %d overlaps, %d of %d years missing",
		ceased, unclassified, expiring, soon.Format(time.DateOnly), expired, overlapping, missing, operatingYears)
	share := float64(missing) / float64(operatingYears)
	if ceased < len(ents)*4/100 || ceased > len(ents)*9/100 || unclassified < 5 || unclassified > 15 ||
		expiring == 0 || expired == 0 || overlapping == 0 || share < 0.02 || share > 0.06 {
		t.Error("want ~5–8 % ceased, ~10 unclassified, some certificates expiring or expired, some overlaps, 3–5 % missing years")
	}
}

func overlap(a, b model.Classification) bool {
	far := model.Date(2100, time.December, 31)
	au, bu := far, far
	if a.ValidUntil != nil {
		au = *a.ValidUntil
	}
	if b.ValidUntil != nil {
		bu = *b.ValidUntil
	}
	return !a.ValidFrom.After(bu) && !b.ValidFrom.After(au)
}

// missingYears counts the years 2018–2025 the firm operated in and those of
// them without a figure at current prices.
func missingYears(d store.DemoEnterprise) (missing, operating int) {
	e := d.Enterprise
	for y := 2018; y <= 2025; y++ {
		if e.OperatingSince.Year() > y || e.CeasedOn != nil && !e.CeasedOn.After(model.Date(y, time.January, 1)) {
			continue
		}
		operating++
		if !slices.ContainsFunc(d.Figures, func(f model.Figure) bool { return f.Year == y && f.Basis == model.BasisCurrent }) {
			missing++
		}
	}
	return missing, operating
}

// The sample shows rule 11 at work: firms of Hải Dương that moved to their
// new commune on 01/07/2025, firms recorded by that commune alone, firms
// left in an abolished district, and the firms the merged city adds.
func TestDemoPlaces(t *testing.T) {
	ents, _ := seed.Demo()
	ref := refCodes(seed.Reference())
	var moved, communeOnly, leftBehind, oldHP, noArea, movedIn, newcomers int
	for _, d := range ents {
		e := d.Enterprise
		switch {
		case len(d.Moves) == 1 && len(d.AreaCode) == 3:
			m := d.Moves[0]
			if !m.Since.Equal(model.Date(2025, time.July, 1)) || !ref["origin/"+m.Code+"/"+d.AreaCode] {
				t.Errorf("%s: moved from %s to %s on %s, want a commune formed from it, on 01/07/2025", e.TaxCode, d.AreaCode, m.Code, m.Since.Format(time.DateOnly))
			}
			moved++
		case len(d.Moves) == 1:
			movedIn++
		case len(d.AreaCode) == 3 && (e.CeasedOn == nil || e.CeasedOn.After(model.Date(2025, time.July, 1))):
			leftBehind++
		case d.AreaCode == "":
			noArea++
		case len(d.AreaCode) == 5 && d.AreaCode >= "11311":
			oldHP++
		case len(d.AreaCode) == 5 && e.OperatingSince.After(model.Date(2025, time.June, 30)):
			newcomers++
		case len(d.AreaCode) == 5:
			communeOnly++
		}
	}
	t.Logf("%d moved on 01/07/2025, %d recorded by their commune alone, %d left in an abolished district; %d new, %d of old Hải Phòng, %d without an area, %d moved in",
		moved, communeOnly, leftBehind, newcomers, oldHP, noArea, movedIn)
	if moved < 100 || communeOnly < 30 || leftBehind < 40 || newcomers != 12 || oldHP != 6 || noArea != 2 || movedIn != 1 {
		t.Error("want over 100 moved, over 30 by commune alone, over 40 left behind, 12 new, 6 of old Hải Phòng, 2 without an area, 1 moved in")
	}
}
