package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// listToday is the day the list's tests judge statuses and categories on.
var listToday = model.Date(2025, time.March, 1)

// taxCodes returns n valid tax codes, all different.
func taxCodes(n int) []string {
	var out []string
	for i := 1; len(out) < n; i++ {
		first9 := fmt.Sprintf("02%07d", i)
		if d, ok := model.TaxCheckDigit(first9); ok {
			out = append(out, first9+itoa(int64(d)))
		}
	}
	return out
}

// addEnterprises stores one enterprise per name, changed by edit when it is
// not nil, and returns them in order.
func addEnterprises(t *testing.T, st *store.Store, names []string, edit func(i int, e *model.Enterprise)) []model.Enterprise {
	t.Helper()
	ctx := context.Background()
	codes := taxCodes(len(names))
	out := make([]model.Enterprise, len(names))
	for i, name := range names {
		e := model.Enterprise{TaxCode: codes[i], Name: name, ProvinceCode: "HD", OperatingSince: model.Date(2010+i%10, 1, 1)}
		if edit != nil {
			edit(i, &e)
		}
		if err := st.CreateEnterprise(ctx, &e, 0); err != nil {
			t.Fatalf("create %q: %v", name, err)
		}
		out[i] = e
	}
	return out
}

// listNames runs the list with f and returns the names it shows and the
// total it counts.
func listNames(t *testing.T, st *store.Store, f store.EnterpriseFilter) ([]string, int64) {
	t.Helper()
	if f.Today.IsZero() {
		f.Today = listToday
	}
	rows, total, err := st.ListEnterprises(context.Background(), f, 50, 0)
	if err != nil {
		t.Fatalf("list %+v: %v", f, err)
	}
	var names []string
	for _, r := range rows {
		names = append(names, r.Name)
	}
	return names, total
}

func TestEnterpriseSearchIgnoresAccents(t *testing.T) {
	t.Parallel()
	st := newSeeded(t)
	ents := addEnterprises(t, st, []string{
		"Công ty TNHH Cơ khí Hải Dương",
		"CÔNG TY CỔ PHẦN ĐIỆN TỬ ĐẠI AN",
		"Công ty May Hải Phòng",
		"Xưởng 50%_thử",
		"Nhà máy Dệt Nam Sách",
	}, nil)
	tests := []struct {
		q    string
		want []string
	}{
		{"hai duong", []string{ents[0].Name}},
		{"HẢI DƯƠNG", []string{ents[0].Name}},
		{"Hai  Duong", []string{ents[0].Name}},
		{"cong ty co khi", []string{ents[0].Name}},
		{"co khi hai", []string{ents[0].Name}}, // every word, in any place
		{"dai an", []string{ents[1].Name}},     // Đ is d
		{"Đại An", []string{ents[1].Name}},
		{"điện tử", []string{ents[1].Name}},
		{"hai", []string{ents[0].Name, ents[2].Name}},
		{ents[3].TaxCode[:6], []string{ents[0].Name, ents[1].Name, ents[2].Name, ents[3].Name, ents[4].Name}},
		{ents[2].TaxCode, []string{ents[2].Name}},
		{"50%", []string{ents[3].Name}}, // % and _ are themselves, not wildcards
		{"0%_t", []string{ents[3].Name}},
		{"m_y", nil},
		{"khong co dau", nil},
	}
	for _, tt := range tests {
		got, total := listNames(t, st, store.EnterpriseFilter{Query: tt.q})
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(got, want) || total != int64(len(want)) {
			t.Errorf("search %q = %q (total %d), want %q", tt.q, got, total, want)
		}
	}
}

func TestEnterpriseFilters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	area, zone := filterFixture(t, st)
	yes, no := true, false
	tests := []struct {
		name string
		f    store.EnterpriseFilter
		want []string
	}{
		{"category held today", store.EnterpriseFilter{Category: model.CategorySupporting}, []string{"A held"}},
		{"category none", store.EnterpriseFilter{Category: model.CategoryHighTech}, nil},
		{"area", store.EnterpriseFilter{AreaID: area.ID}, []string{"A held"}},
		{"zone", store.EnterpriseFilter{ZoneID: zone.ID}, []string{"B expired"}},
		{"ownership", store.EnterpriseFilter{Ownership: model.OwnershipFDI}, []string{"A held"}},
		{"operating", store.EnterpriseFilter{Status: store.StatusOperating}, []string{"A held", "B expired", "C future", "E sample"}},
		{"ceased", store.EnterpriseFilter{Status: store.StatusCeased}, []string{"D ceased", "F ceases today"}},
		{"sample", store.EnterpriseFilter{Demo: &yes}, []string{"E sample"}},
		{"not sample", store.EnterpriseFilter{Demo: &no}, []string{"A held", "B expired", "C future", "D ceased", "F ceases today"}},
		{"together", store.EnterpriseFilter{Status: store.StatusOperating, Demo: &no, Query: "re"}, []string{"B expired", "C future"}},
	}
	for _, tt := range tests {
		got, total := listNames(t, st, tt.f)
		if !slices.Equal(got, tt.want) || total != int64(len(tt.want)) {
			t.Errorf("%s: %q (total %d), want %q", tt.name, got, total, tt.want)
		}
	}
	rows, _, err := st.ListEnterprises(ctx, store.EnterpriseFilter{Today: listToday, AreaID: area.ID}, 50, 0)
	if err != nil || len(rows) != 1 || rows[0].AreaName != area.Name || !slices.Equal(rows[0].Categories, []model.Category{model.CategorySupporting}) {
		t.Errorf("row = %+v, %v; want its area's name and the category it holds", rows, err)
	}
}

// filterFixture stores six enterprises, each singled out by one filter as
// of listToday, and returns the area and the zone two of them are in.
func filterFixture(t *testing.T, st *store.Store) (model.Area, model.Zone) {
	t.Helper()
	ctx := context.Background()
	areas, err := st.Areas(ctx, "HD")
	if err != nil {
		t.Fatal(err)
	}
	zones, err := st.Zones(ctx, "HD")
	if err != nil {
		t.Fatal(err)
	}
	ceased, late := model.Date(2024, 12, 31), model.Date(2025, 3, 1)
	ents := addEnterprises(t, st, []string{"A held", "B expired", "C future", "D ceased", "E sample", "F ceases today"},
		func(i int, e *model.Enterprise) {
			switch i {
			case 0:
				e.AreaID, e.Ownership = &areas[0].ID, model.OwnershipFDI
			case 1:
				e.ZoneID = &zones[0].ID
			case 3:
				e.CeasedOn = &ceased
			case 4:
				e.Demo = true
			case 5:
				e.CeasedOn = &late
			}
		})
	expired := model.Date(2025, 2, 28)
	for i, c := range []model.Classification{
		{Category: model.CategorySupporting, ValidFrom: model.Date(2020, 1, 1)},
		{Category: model.CategorySupporting, ValidFrom: model.Date(2020, 1, 1), ValidUntil: &expired},
		{Category: model.CategorySupporting, ValidFrom: model.Date(2025, 3, 2)},
	} {
		c.EnterpriseID = ents[i].ID
		if err := st.AddClassification(ctx, &c, 0); err != nil {
			t.Fatal(err)
		}
	}
	return areas[0], zones[0]
}

func TestEnterpriseSorting(t *testing.T) {
	t.Parallel()
	st := newSeeded(t)
	ents := addEnterprises(t, st, []string{"Bình Minh", "Ánh Dương", "an phát", "Đông Á", "Cơ khí"},
		func(i int, e *model.Enterprise) { e.OperatingSince = model.Date(2020-i, 1, 1) })
	byName := []string{"an phát", "Ánh Dương", "Bình Minh", "Cơ khí", "Đông Á"}
	tests := []struct {
		sort store.EnterpriseSort
		desc bool
		want []string
	}{
		{store.SortName, false, byName},
		{"", false, byName},
		{store.SortName, true, reversed(byName)},
		{store.SortTaxCode, false, []string{ents[0].Name, ents[1].Name, ents[2].Name, ents[3].Name, ents[4].Name}},
		{store.SortTaxCode, true, []string{ents[4].Name, ents[3].Name, ents[2].Name, ents[1].Name, ents[0].Name}},
		{store.SortOperatingSince, false, []string{ents[4].Name, ents[3].Name, ents[2].Name, ents[1].Name, ents[0].Name}},
		{store.SortOperatingSince, true, []string{ents[0].Name, ents[1].Name, ents[2].Name, ents[3].Name, ents[4].Name}},
	}
	for _, tt := range tests {
		got, _ := listNames(t, st, store.EnterpriseFilter{Sort: tt.sort, Desc: tt.desc})
		if !slices.Equal(got, tt.want) {
			t.Errorf("sort %q desc=%v: %q, want %q", tt.sort, tt.desc, got, tt.want)
		}
	}
}

func reversed(s []string) []string {
	r := slices.Clone(s)
	slices.Reverse(r)
	return r
}

func TestEnterprisePagesCoverTheListOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	names := make([]string, 120)
	for i := range names {
		// Many equal names: the order must still be total.
		names[i] = fmt.Sprintf("Công ty %c", 'A'+i%7)
	}
	addEnterprises(t, st, names, nil)
	seen := map[int64]bool{}
	for _, sort := range []store.EnterpriseSort{store.SortName, store.SortOperatingSince} {
		clear(seen)
		for offset, sizes := 0, []int{50, 50, 20}; offset < 150; offset += 50 {
			rows, total, err := st.ListEnterprises(ctx, store.EnterpriseFilter{Today: listToday, Sort: sort}, 50, offset)
			if err != nil || total != 120 || len(rows) != sizes[offset/50] {
				t.Fatalf("sort %s offset %d: %d rows of %d, %v; want %d of 120", sort, offset, len(rows), total, err, sizes[offset/50])
			}
			for _, r := range rows {
				if seen[r.ID] {
					t.Errorf("sort %s: %d on two pages", sort, r.ID)
				}
				seen[r.ID] = true
			}
		}
		if len(seen) != 120 {
			t.Errorf("sort %s: pages hold %d enterprises, want 120", sort, len(seen))
		}
	}
	_, total, err := st.ListEnterprises(ctx, store.EnterpriseFilter{Today: listToday, Query: "cong ty d"}, 50, 0)
	if err != nil || total != 17 {
		t.Errorf("count of a search = %d, %v; want 17", total, err)
	}
}

func TestEnterpriseHistoryNamesWhoAndWhat(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	u := model.User{Email: "can.bo@soct.example.vn", Role: model.RoleEditor, PasswordHash: "x"}
	if err := st.CreateUser(ctx, &u, 0); err != nil {
		t.Fatal(err)
	}
	e := validEnterprise()
	if err := st.CreateEnterprise(ctx, &e, u.ID); err != nil {
		t.Fatal(err)
	}
	e.Name, e.VSIC = "Tên mới", ""
	if err := st.UpdateEnterprise(ctx, &e, u.ID); err != nil {
		t.Fatal(err)
	}
	c := model.Classification{EnterpriseID: e.ID, Category: model.CategorySupporting, ValidFrom: model.Date(2020, 1, 1)}
	if err := st.AddClassification(ctx, &c, 0); err != nil {
		t.Fatal(err)
	}
	h, err := st.EnterpriseHistory(ctx, e.ID, 10)
	if err != nil || len(h) != 3 {
		t.Fatalf("history = %+v, %v; want 3 entries", h, err)
	}
	if h[0].Entity != "classification" || h[0].Email != "" || h[1].Action != "update" || h[1].Email != u.Email || h[2].Action != "create" {
		t.Errorf("history = %+v; want the classification, the update and the create, newest first, with emails", h)
	}
	changes, _ := h[1].Details["changes"].(map[string]any)
	name, _ := changes["name"].(map[string]any)
	if len(changes) != 2 || name["from"] != "Công ty TNHH Cơ khí Thử nghiệm" || name["to"] != "Tên mới" || changes["vsic"] == nil {
		t.Errorf("changes = %v; want name and vsic from and to", changes)
	}
}

func TestDeleteInUseIsNotNotFound(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	e := validEnterprise()
	if err := st.CreateEnterprise(ctx, &e, 0); err != nil {
		t.Fatal(err)
	}
	f := model.Figure{EnterpriseID: e.ID, Year: 2023, Basis: model.BasisCurrent,
		ProductionValue: model.MoneyFromMillions(1), Status: model.StatusOfficial}
	if err := st.AddFigure(ctx, &f, 0); err != nil {
		t.Fatal(err)
	}
	err := st.DeleteEnterprise(ctx, e.ID, e.Version, 0)
	if !errors.Is(err, model.ErrInUse) || errors.Is(err, model.ErrNotFound) {
		t.Errorf("delete with figures err = %v; want ErrInUse and not ErrNotFound (which would answer 404)", err)
	}
}

// TestEnterpriseSearchByPlaceAndTypedTaxCode: a search word may be in the
// name of the enterprise's area or industrial zone, accents optional, and a
// tax code may be typed as forms take it, with dots or dashes.
func TestEnterpriseSearchByPlaceAndTypedTaxCode(t *testing.T) {
	t.Parallel()
	st := newSeeded(t)
	ctx := context.Background()
	ref, err := st.ReferenceLists(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var district, zone int64
	for _, a := range ref.Areas {
		if a.Code == "295" { // Huyện Cẩm Giàng
			district = a.ID
		}
	}
	for _, z := range ref.Zones {
		if z.Code == "kcn_dai_an" {
			zone = z.ID
		}
	}
	if district == 0 || zone == 0 {
		t.Fatalf("seeded area %d, zone %d", district, zone)
	}
	ents := addEnterprises(t, st, []string{"Công ty Một", "Công ty Hai", "Công ty Ba"}, func(i int, e *model.Enterprise) {
		switch i {
		case 0:
			e.AreaID = &district
		case 1:
			e.ZoneID = &zone
		}
	})
	tc := ents[2].TaxCode
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"cam giang", []string{ents[0].Name}},
		{"Cẩm Giàng mot", []string{ents[0].Name}}, // words from the area and the name
		{"kcn dai an", []string{ents[1].Name}},
		{tc[:4] + "-" + tc[4:7] + "-" + tc[7:], []string{ents[2].Name}},
		{tc[:4] + "." + tc[4:7] + "." + tc[7:], []string{ents[2].Name}},
		{"cam giang hai", nil},
	} {
		got, total := listNames(t, st, store.EnterpriseFilter{Query: tt.q})
		if !slices.Equal(got, tt.want) || total != int64(len(tt.want)) {
			t.Errorf("search %q = %q (total %d), want %q", tt.q, got, total, tt.want)
		}
	}
}
