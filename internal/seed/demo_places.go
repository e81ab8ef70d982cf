package seed

import (
	"slices"
	"time"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// The sample's places after the merger (DESIGN.md rule 11), so every page
// shows the rules at work: firms of Hải Dương that moved from their
// district to its new commune on 01/07/2025, firms recorded by their new
// commune alone, firms left in an abolished district for staff to update,
// and firms the merged city adds: new ones in the territory, some in old
// Hải Phòng (outside HD-3164), two with no area in Hải Phòng (counted
// apart) and one that moved into the territory.

// settle draws what became of firm i's place on 01/07/2025, from a stream
// of its own: of the firms still operating then, a little over half moved
// to a commune formed from their district that day, one in six is recorded
// by that commune alone, and the rest are left in the abolished district.
func (g *demoGen) settle(i int, d *draft) {
	g.stream(i, 6)
	e := d.ent
	operating := !e.OperatingSince.After(lastDayBeforeMerger) && (e.CeasedOn == nil || e.CeasedOn.After(firstDayAfterMerger))
	if !operating {
		return
	}
	commune := g.communeOf(d.area)
	switch u := g.r.Float64(); {
	case u < 0.55:
		d.moves = []store.DemoMove{{Province: "HP", Code: commune, Since: firstDayAfterMerger}}
	case u < 0.72:
		d.ent.ProvinceCode, d.area = "HP", commune
	}
}

// communeOf draws a commune formed (in whole or in part) from district.
func (g *demoGen) communeOf(district string) string {
	var codes []string
	for _, u := range formerHDUnits {
		if slices.Contains(u.from, district) {
			codes = append(codes, u.code)
		}
	}
	return codes[g.r.IntN(len(codes))]
}

// cityFirm is a kind of firm the sample adds for the merged city.
type cityFirm int

const (
	cityNewInTerritory cityFirm = iota // began after the merger, in a commune of former Hải Dương
	cityOldHaiPhong                    // in a commune of old Hải Phòng: outside HD-3164
	cityNoArea                         // of Hải Phòng with no area recorded: counted apart
	cityMovedIn                        // moved from old Hải Phòng into the territory
)

// demoCity lists the firms the sample adds, by kind.
var demoCity = slices.Concat(
	slices.Repeat([]cityFirm{cityNewInTerritory}, 12),
	slices.Repeat([]cityFirm{cityOldHaiPhong}, 6),
	slices.Repeat([]cityFirm{cityNoArea}, 2),
	[]cityFirm{cityMovedIn},
)

// cityMove is the day the firm of cityMovedIn moved in.
var cityMove = model.Date(2025, time.September, 15)

// cityEnterprise draws sample firm i, of kind k, as enterprise draws the
// others, then places it and, for a newcomer, dates it after the merger.
func (g *demoGen) cityEnterprise(i int, k cityFirm) *draft {
	g.stream(i, 7)
	since := time.Time{}
	if k == cityNewInTerritory {
		since = firstDayAfterMerger.AddDate(0, 0, 10+g.r.IntN(400))
	}
	d := g.enterpriseSince(i, since)
	d.registeredHP = true
	d.ent.ProvinceCode, d.zone = "HP", ""
	g.stream(i, 6)
	switch k {
	case cityNewInTerritory:
		d.area = formerHDUnits[g.r.IntN(len(formerHDUnits))].code
	case cityOldHaiPhong:
		d.area = oldHPUnits[g.r.IntN(len(oldHPUnits))].code
	case cityNoArea:
		d.area = ""
	case cityMovedIn:
		d.area = oldHPUnits[g.r.IntN(len(oldHPUnits))].code
		d.moves = []store.DemoMove{{Province: "HP", Code: formerHDUnits[g.r.IntN(len(formerHDUnits))].code, Since: cityMove}}
	}
	return d
}
