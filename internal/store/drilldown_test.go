package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// drilled lists every enterprise d selects on today: their ids in order,
// the last letters of their names, and the total the list counts.
func drilled(t *testing.T, st *store.Store, d store.Drill, today time.Time) ([]int64, string, int64) {
	t.Helper()
	rows, total, err := st.ListEnterprises(context.Background(), store.EnterpriseFilter{Drill: &d, Today: today}, 100_000, 0)
	if err != nil {
		t.Fatalf("drill %+v: %v", d, err)
	}
	ids, letters := make([]int64, len(rows)), ""
	for i, r := range rows {
		ids[i], letters = r.ID, letters+r.Name[len(r.Name)-1:]
	}
	if int64(len(rows)) != total {
		t.Errorf("drill %+v: %d rows, total %d", d, len(rows), total)
	}
	slices.Sort(ids)
	return ids, letters, total
}

// The worked example's sets, by hand: 2021 {A B C D} with D reporting
// nothing; 2022 {A B D E}, E entering and C leaving (ceased 31/12/2022).
func TestDrillDownOnTheWorkedExample(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	loadWorkedExample(t, st)
	plan, err := st.Plan(ctx, "TOY")
	if err != nil {
		t.Fatal(err)
	}
	today := model.Date(2026, 1, 1)
	sc, err := st.Scope(ctx, plan, today)
	if err != nil {
		t.Fatal(err)
	}
	base := store.Drill{Kind: store.DrillCounted, Scope: sc, Basis: model.BasisCurrent}
	tests := []struct {
		name  string
		year  int
		kind  store.DrillKind
		dim   model.Dimension
		key   string
		wants string
	}{
		{"counted 2021", 2021, store.DrillCounted, "", "", "ABCD"},
		{"counted 2023", 2023, store.DrillCounted, "", "", "ABDEF"},
		{"supporting 2022 (D's two certificates once)", 2022, store.DrillCounted, model.ByCategory, "supporting", "ABDE"},
		{"high tech 2022", 2022, store.DrillCounted, model.ByCategory, "high_tech", ""},
		{"ownership not set 2023", 2023, store.DrillCounted, model.ByOwnership, "", "ABDEF"},
		{"entries 2022", 2022, store.DrillEntries, "", "", "E"},
		{"exits 2022", 2022, store.DrillExits, "", "", "C"},
		{"entries 2021", 2021, store.DrillEntries, "", "", "B"},
		{"missing 2021", 2021, store.DrillMissingFigures, "", "", "D"},
		{"expiring (B's ends 31/05/2026)", 2021, store.DrillExpiring, "", "", "B"},
	}
	for _, tt := range tests {
		d := base
		d.Year, d.Kind, d.Dim, d.Key = tt.year, tt.kind, tt.dim, tt.key
		if _, got, _ := drilled(t, st, d, today); got != tt.wants {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.wants)
		}
	}
	for _, bad := range []store.Drill{{Kind: "colour", Scope: sc, Year: 2022},
		{Kind: store.DrillCounted, Scope: sc, Year: 2022, Dim: "colour"},
		{Kind: store.DrillEntries, Scope: sc, Year: 2022, Dim: model.ByArea},
		{Kind: store.DrillProvisional, Scope: sc, Year: 2022, Basis: "usd"}} {
		_, _, err := st.ListEnterprises(ctx, store.EnterpriseFilter{Drill: &bad, Today: today}, 10, 0)
		if !errors.Is(err, model.ErrInvalid) {
			t.Errorf("drill %+v: %v, want invalid", bad, err)
		}
	}
}

// On the sample register, every number of the overview opens a list of
// exactly as many enterprises: each year's count (and exactly the
// enterprises Counted names), each slice of each breakdown, the entries
// and exits, and each data-quality item.
func TestDrillDownCountsEqualTheNumbers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	ensureDemo(t, st)
	plan, err := st.Plan(ctx, "HD-3164")
	if err != nil {
		t.Fatal(err)
	}
	const last = 2026
	today := model.Date(2026, time.November, 27)
	sc, err := st.Scope(ctx, plan, today)
	if err != nil {
		t.Fatal(err)
	}
	totals, err := st.YearTotals(ctx, sc, model.BasisCurrent, plan.BaselineYear, last)
	if err != nil {
		t.Fatal(err)
	}
	for _, yt := range totals {
		d := store.Drill{Kind: store.DrillCounted, Scope: sc, Year: yt.Year, Basis: model.BasisCurrent}
		ids, _, total := drilled(t, st, d, today)
		if total != int64(yt.Qualifying) {
			t.Errorf("%d: the list holds %d enterprises, the count is %d", yt.Year, total, yt.Qualifying)
		}
		counted, err := st.Counted(ctx, sc, yt.Year, model.BasisCurrent)
		if err != nil {
			t.Fatal(err)
		}
		want := make([]int64, len(counted))
		for i, c := range counted {
			want[i] = c.ID
		}
		if slices.Sort(want); !slices.Equal(ids, want) {
			t.Errorf("%d: the list is not the enterprises Counted names", yt.Year)
		}
		checkSlices(t, st, d, ids, today)
	}
	checkFlows(t, st, sc, last, today)
	checkQuality(t, st, plan, last)
}

// checkSlices checks each slice of each breakdown of d's year lists as
// many enterprises as the breakdown counts, and that together they are
// the year's enterprises.
func checkSlices(t *testing.T, st *store.Store, d store.Drill, counted []int64, today time.Time) {
	t.Helper()
	for _, dim := range model.Dimensions {
		rows, err := st.Breakdown(context.Background(), d.Scope, d.Year, dim)
		if err != nil {
			t.Fatal(err)
		}
		var union []int64
		for _, r := range rows {
			s := d
			s.Dim, s.Key = dim, r.Key
			ids, _, total := drilled(t, st, s, today)
			if total != int64(r.Count) {
				t.Errorf("%d by %s, slice %q (%s): the list holds %d, the breakdown %d", d.Year, dim, r.Key, r.Name, total, r.Count)
			}
			union = append(union, ids...)
		}
		slices.Sort(union)
		if union = slices.Compact(union); !slices.Equal(union, counted) {
			t.Errorf("%d by %s: the slices hold %d enterprises together, the year %d", d.Year, dim, len(union), len(counted))
		}
	}
}

func checkFlows(t *testing.T, st *store.Store, sc store.Scope, last int, today time.Time) {
	t.Helper()
	flows, err := st.Flows(context.Background(), sc, sc.Plan.BaselineYear, last)
	if err != nil {
		t.Fatal(err)
	}
	moved := 0
	for _, f := range flows {
		d := store.Drill{Kind: store.DrillEntries, Scope: sc, Year: f.Year}
		if _, _, n := drilled(t, st, d, today); n != int64(f.Entries) {
			t.Errorf("%d: %d entries listed, %d counted", f.Year, n, f.Entries)
		}
		d.Kind = store.DrillExits
		if _, _, n := drilled(t, st, d, today); n != int64(f.Exits) {
			t.Errorf("%d: %d exits listed, %d counted", f.Year, n, f.Exits)
		}
		moved += f.Entries + f.Exits
	}
	if moved == 0 {
		t.Error("the sample has no entries or exits: the test proves nothing")
	}
}

// checkQuality checks each item of the data-quality panel, for every year,
// on two bases and two days.
func checkQuality(t *testing.T, st *store.Store, plan model.Plan, last int) {
	t.Helper()
	nonzero := map[store.DrillKind]bool{}
	for _, today := range []time.Time{model.Date(2026, time.November, 27), model.Date(2025, time.June, 30)} {
		sc, err := st.Scope(context.Background(), plan, today)
		if err != nil {
			t.Fatal(err)
		}
		for _, basis := range []model.PriceBasis{model.BasisCurrent, model.BasisConst2010} {
			for y := plan.BaselineYear; y <= min(last, today.Year()); y++ {
				q, err := st.Quality(context.Background(), sc, y, basis)
				if err != nil {
					t.Fatal(err)
				}
				want := map[store.DrillKind]int{store.DrillMissingFigures: q.MissingFigures,
					store.DrillExpiring: q.Expiring, store.DrillUnclassified: q.Unclassified, store.DrillProvisional: q.Provisional,
					store.DrillAbolishedArea: q.AbolishedArea, store.DrillUnlocated: q.Unlocated}
				for _, k := range store.QualityKinds {
					d := store.Drill{Kind: k, Scope: sc, Year: y, Basis: basis}
					if _, _, n := drilled(t, st, d, today); n != int64(want[k]) {
						t.Errorf("%s %d %s on %s: %d listed, %d counted", k, y, basis, today.Format(time.DateOnly), n, want[k])
					}
					nonzero[k] = nonzero[k] || want[k] > 0
				}
			}
		}
	}
	for _, k := range store.QualityKinds {
		if !nonzero[k] {
			t.Errorf("no %s in the sample: the test proves nothing for it", k)
		}
	}
}
