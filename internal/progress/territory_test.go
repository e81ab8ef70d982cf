package progress

import (
	"slices"
	"testing"
	"time"

	"industrytargets/internal/model"
)

// The map of rule 11 in small: Hải Dương's district 295 (Cẩm Giàng, until
// 30/06/2025) and 288 (TP Hải Dương); Hải Phòng's communes 10903 and 10525
// formed from them, and 11311, a commune of old Hải Phòng. HD-3164 covers
// the first four.
var (
	lastHD   = model.Date(2025, time.June, 30)
	firstHP  = model.Date(2025, time.July, 1)
	mapAreas = []model.Area{
		{ID: 295, ProvinceCode: "HD", Code: "295", Name: "Huyện Cẩm Giàng", Kind: "huyen", ValidUntil: &lastHD},
		{ID: 288, ProvinceCode: "HD", Code: "288", Name: "Thành phố Hải Dương", Kind: "thanh_pho", ValidUntil: &lastHD},
		{ID: 10903, ProvinceCode: "HP", Code: "10903", Name: "Xã Cẩm Giàng", Kind: "xa", ValidFrom: &firstHP},
		{ID: 10525, ProvinceCode: "HP", Code: "10525", Name: "Phường Hải Dương", Kind: "phuong", ValidFrom: &firstHP},
		{ID: 11311, ProvinceCode: "HP", Code: "11311", Name: "Phường Hồng Bàng", Kind: "phuong", ValidFrom: &firstHP},
	}
	mapProvinces = []model.Province{
		{Code: "HD", Name: "Hải Dương", Kind: model.ProvinceKindProvince, ValidUntil: &lastHD, SuccessorCode: "HP"},
		{Code: "HP", Name: "Hải Phòng", Kind: model.ProvinceKindCity},
	}
	hd3164 = model.Plan{Code: "HD-3164", ProvinceCode: "HD", BaselineYear: 2020,
		Categories: supOnly, Territory: []int64{295, 288, 10903, 10525}}
)

func TestNewTerritory(t *testing.T) {
	terr := NewTerritory(hd3164, mapProvinces, mapAreas)
	if got := terr.WholeCodes(); !slices.Equal(got, []string{"HD"}) {
		t.Errorf("whole = %v, want [HD]", got)
	}
	if got := terr.PartlyCodes(); !slices.Equal(got, []string{"HP"}) {
		t.Errorf("partly = %v, want [HP]", got)
	}
	if got := terr.AreaIDs(); !slices.Equal(got, []int64{288, 295, 10525, 10903}) || terr.Units != 4 {
		t.Errorf("areas = %v (%d units), want the four listed", got, terr.Units)
	}
	// A plan of Hải Phòng that lists no units covers its land whole,
	// Hải Dương's included, since HP succeeded HD.
	hp := NewTerritory(model.Plan{Code: "HP-X", ProvinceCode: "HP"}, mapProvinces, mapAreas)
	if got := hp.WholeCodes(); !slices.Equal(got, []string{"HD", "HP"}) || hp.Units != len(mapAreas) {
		t.Errorf("HP whole = %v with %d units, want [HD HP] with all %d", got, hp.Units, len(mapAreas))
	}
	if len(hp.PartlyCodes()) != 0 {
		t.Errorf("HP partly = %v, want none", hp.PartlyCodes())
	}
}

func TestLocate(t *testing.T) {
	locs := []model.Location{
		{AreaID: 10903, Since: firstHP},
		{AreaID: 295, Since: model.Date(2015, 3, 1)},
	}
	for _, c := range []struct {
		day  time.Time
		want int64
		ok   bool
	}{
		{model.Date(2015, 2, 28), 0, false}, // before the first location: no area
		{model.Date(2015, 3, 1), 295, true},
		{lastHD, 295, true},
		{firstHP, 10903, true},
		{model.Date(2030, 1, 1), 10903, true},
	} {
		if got, ok := Locate(locs, c.day); got != c.want || ok != c.ok {
			t.Errorf("Locate(%s) = %d, %v; want %d, %v", c.day.Format(time.DateOnly), got, ok, c.want, c.ok)
		}
	}
}

// Each enterprise of rule 11, counted year by year toward HD-3164 as of
// 04/12/2026.
func TestTerritoryCounting(t *testing.T) {
	terr := NewTerritory(hd3164, mapProvinces, mapAreas)
	located := func(id int64, province string, locs ...model.Location) EnterpriseRecord {
		r := supplier(t, id)
		r.Enterprise.ProvinceCode = province
		for i := range locs {
			locs[i].EnterpriseID = id
		}
		r.Locations = locs
		return r
	}
	at := func(area int64, y int, m time.Month, d int) model.Location {
		return model.Location{AreaID: area, Since: model.Date(y, m, d)}
	}
	cases := []struct {
		name      string
		rec       EnterpriseRecord
		counted   []int // years 2020–2026 counted
		unlocated []int // years left out for want of an area
	}{
		{"moved from old Hải Phòng into the territory on 01/07/2025",
			located(1, "HP", at(11311, 2010, 1, 1), at(10903, 2025, 7, 1)), []int{2025, 2026}, nil},
		{"moved out of the territory to old Hải Phòng",
			located(2, "HP", at(295, 2010, 1, 1), at(11311, 2024, 5, 1)), []int{2020, 2021, 2022, 2023}, nil},
		{"left in an abolished district keeps counting",
			located(3, "HD", at(295, 2010, 1, 1)), []int{2020, 2021, 2022, 2023, 2024, 2025, 2026}, nil},
		{"moved from a district to its commune",
			located(4, "HP", at(295, 2010, 1, 1), at(10903, 2025, 7, 1)), []int{2020, 2021, 2022, 2023, 2024, 2025, 2026}, nil},
		{"only a new commune, since it began: territory is land",
			located(5, "HP", at(10525, 2010, 1, 1)), []int{2020, 2021, 2022, 2023, 2024, 2025, 2026}, nil},
		{"in Hải Phòng without an area: unlocated", located(6, "HP"), nil, []int{2020, 2021, 2022, 2023, 2024, 2025, 2026}},
		{"in Hải Dương without an area: wholly inside", located(7, "HD"), []int{2020, 2021, 2022, 2023, 2024, 2025, 2026}, nil},
		{"in old Hải Phòng", located(8, "HP", at(11311, 2010, 1, 1)), nil, nil},
		{"of another province", located(9, "HN"), nil, nil},
		{"no area before its first location",
			located(10, "HP", at(10903, 2023, 1, 1)), []int{2023, 2024, 2025, 2026}, []int{2020, 2021, 2022}},
	}
	per := Period{Date: model.Date(2026, 12, 4), Year: 2026}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var counted, unlocated []int
			for y := 2020; y <= 2026; y++ {
				in, un := Counts(c.rec, supOnly, terr, per.Day(y))
				if in {
					counted = append(counted, y)
				}
				if un {
					unlocated = append(unlocated, y)
				}
			}
			if !slices.Equal(counted, c.counted) || !slices.Equal(unlocated, c.unlocated) {
				t.Errorf("counted %v, unlocated %v; want %v, %v", counted, unlocated, c.counted, c.unlocated)
			}
		})
	}
	// Together, in the report: 2025 counts 1, 3, 4, 5, 7 and 10, and one
	// enterprise (6) is shown apart.
	var ents []EnterpriseRecord
	for _, c := range cases {
		ents = append(ents, c.rec)
	}
	r := Compute(hd3164, terr, ents, nil, "", Period{Date: per.Date, Year: 2025})
	p, _ := r.Point(2025)
	if !slices.Equal(p.Counted, []int64{1, 3, 4, 5, 7, 10}) || p.Unlocated != 1 || r.Territory.UnlocatedEnterprises != 1 {
		t.Errorf("2025 counted %v, unlocated %d (document %d); want [1 3 4 5 7 10] and 1",
			p.Counted, p.Unlocated, r.Territory.UnlocatedEnterprises)
	}
	if r.Territory.Units != 4 {
		t.Errorf("units = %d, want 4", r.Territory.Units)
	}
}

// Rule 12: the report names the body in office on its date.
func TestAuthorityAndTerritoryName(t *testing.T) {
	for _, c := range []struct {
		day              time.Time
		body, place, ter string
	}{
		{lastHD, "UBND tỉnh Hải Dương", "Hải Dương", "tỉnh Hải Dương"},
		{firstHP, "UBND thành phố Hải Phòng", "Hải Phòng", "địa bàn tỉnh Hải Dương (cũ)"},
		{model.Date(2026, 12, 4), "UBND thành phố Hải Phòng", "Hải Phòng", "địa bàn tỉnh Hải Dương (cũ)"},
	} {
		a := AuthorityOn(mapProvinces, "HD", c.day)
		if a.Body != c.body || a.Department != "Sở Công Thương" || a.Place != c.place {
			t.Errorf("authority on %s = %+v, want %s, Sở Công Thương, %s", c.day.Format(time.DateOnly), a, c.body, c.place)
		}
		if got := TerritoryName(mapProvinces, "HD", c.day); got != c.ter {
			t.Errorf("territory on %s = %q, want %q", c.day.Format(time.DateOnly), got, c.ter)
		}
	}
	if a := AuthorityOn(mapProvinces, "HP", lastHD); a.Body != "UBND thành phố Hải Phòng" {
		t.Errorf("HP authority = %+v", a)
	}
}
