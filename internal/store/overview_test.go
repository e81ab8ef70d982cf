package store_test

import (
	"context"
	"reflect"
	"testing"

	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
)

// The worked example's qualifying sets: 2019 and 2020 {A C D}, 2021
// {A B C D}, 2022 {A B D E}, 2023 {A B D E F}.
func TestOverviewQueriesOnTheWorkedExample(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	loadWorkedExample(t, st)
	plan, err := st.Plan(ctx, "TOY")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := st.Scope(ctx, plan, model.Date(2026, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	flows, err := st.Flows(ctx, sc, 2020, 2023)
	want := []model.YearFlow{{Year: 2020}, {Year: 2021, Entries: 1}, {Year: 2022, Entries: 1, Exits: 1}, {Year: 2023, Entries: 1}}
	if err != nil || !reflect.DeepEqual(flows, want) {
		t.Errorf("flows = %v, %v; want %v", flows, err, want)
	}
	cats, err := st.Breakdown(ctx, sc, 2022, model.ByCategory)
	wantCats := []model.CountRow{{Key: "supporting", Name: "Công nghiệp hỗ trợ", NameEN: "Supporting industry", Count: 4}}
	if err != nil || !reflect.DeepEqual(cats, wantCats) {
		t.Errorf("by category 2022 = %v, %v; want %v (D's two certificates count once)", cats, err, wantCats)
	}
	own, err := st.Breakdown(ctx, sc, 2023, model.ByOwnership)
	if err != nil || len(own) != 1 || own[0] != (model.CountRow{Key: "", Name: "", Count: 5}) {
		t.Errorf("by ownership 2023 = %v, %v; want one unset group of 5", own, err)
	}
	if _, err := st.Breakdown(ctx, sc, 2023, "colour"); err == nil {
		t.Error("breakdown by an unknown dimension succeeded")
	}
	q, err := st.Quality(ctx, sc, 2021, model.BasisCurrent)
	// 2021: D qualifies without a figure; B's certificate ends 31/05/2026.
	if wantQ := (model.Quality{MissingFigures: 1, Expiring: 1}); err != nil || q != wantQ {
		t.Errorf("quality 2021 = %+v, %v; want %+v", q, err, wantQ)
	}
}

func TestOverviewQueriesOnTheSample(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	ensureDemo(t, st)
	plan, err := st.Plan(ctx, "HD-3164")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := st.Scope(ctx, plan, model.Date(2026, 12, 4))
	if err != nil {
		t.Fatal(err)
	}
	totals, err := st.YearTotals(ctx, sc, model.BasisCurrent, 2019, 2024)
	if err != nil {
		t.Fatal(err)
	}
	flows, err := st.Flows(ctx, sc, 2020, 2024)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range flows {
		if got, want := totals[i+1].Qualifying-totals[i].Qualifying, f.Entries-f.Exits; got != want {
			t.Errorf("%d: count moved by %d, entries − exits = %d", f.Year, got, want)
		}
	}
	for _, dim := range []model.Dimension{model.ByArea, model.ByZone, model.ByOwnership, model.ByVSIC} {
		rows, err := st.Breakdown(ctx, sc, 2024, dim)
		sum := 0
		for _, r := range rows {
			sum += r.Count
		}
		if err != nil || sum != totals[5].Qualifying {
			t.Errorf("by %s: groups sum to %d (%v), want the count %d", dim, sum, err, totals[5].Qualifying)
		}
	}
}

func ensureDemo(t *testing.T, st *store.Store) {
	t.Helper()
	if _, err := seed.EnsureDemo(context.Background(), st); err != nil {
		t.Fatal(err)
	}
}

func TestCountedMatchesTheCount(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	loadWorkedExample(t, st)
	plan, err := st.Plan(ctx, "TOY")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := st.Scope(ctx, plan, model.Date(2026, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Counted(ctx, sc, 2021, model.BasisCurrent)
	if err != nil {
		t.Fatal(err)
	}
	names, outputs := "", ""
	for _, c := range got {
		names += c.Name[len(c.Name)-1:]
		if c.Output == nil {
			outputs += "-,"
		} else {
			outputs += c.Output.String() + ","
		}
	}
	if names != "ABCD" || outputs != "120,40,60,-," {
		t.Errorf("counted 2021 = %s with outputs %s; want ABCD with 120,40,60,-", names, outputs)
	}
}
