package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
)

// goReport computes a report the Go way: load the rows, apply the rules.
func goReport(t *testing.T, st *store.Store, plan model.Plan, basis model.PriceBasis, per progress.Period) progress.Report {
	t.Helper()
	ctx := context.Background()
	sc, err := st.Scope(ctx, plan, per.Date)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := st.RegisterRows(ctx, sc, basis, plan.BaselineYear, per.Year)
	if err != nil {
		t.Fatal(err)
	}
	recs := progress.Group(rows.Enterprises, rows.Classifications, rows.Figures, rows.Locations)
	return progress.Compute(plan, sc.Territory, recs, rows.Outputs, basis, per)
}

// sqlReport computes the same report with the aggregation done in SQL.
func sqlReport(t *testing.T, st *store.Store, plan model.Plan, basis model.PriceBasis, per progress.Period) progress.Report {
	t.Helper()
	ctx := context.Background()
	sc, err := st.Scope(ctx, plan, per.Date)
	if err != nil {
		t.Fatal(err)
	}
	totals, err := st.YearTotals(ctx, sc, basis, plan.BaselineYear, per.Year)
	if err != nil {
		t.Fatal(err)
	}
	return progress.FromTotals(plan, sc.Territory, basis, per, totals)
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// compareAggregations checks the SQL and the Go paths agree for plan on
// every basis, as of each day, for each year asked (0: none).
func compareAggregations(t *testing.T, st *store.Store, plan model.Plan, days []time.Time, years []int) {
	t.Helper()
	for _, basis := range model.PriceBases {
		for _, day := range days {
			for _, year := range years {
				per, err := progress.NewPeriod(plan, day, year)
				if err != nil {
					continue // a year after the day's, or before the baseline
				}
				g, s := asJSON(t, goReport(t, st, plan, basis, per)), asJSON(t, sqlReport(t, st, plan, basis, per))
				if g != s {
					t.Errorf("%s %s as of %s, year %d:\nGo:  %s\nSQL: %s", plan.Code, basis, day.Format(time.DateOnly), year, g, s)
				}
			}
		}
	}
}

// The sample register: moves on 01/07/2025, firms left in abolished
// districts, firms of old Hải Phòng and without an area, for both plans.
func TestSQLAndGoAggregationAgree(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	if _, err := seed.EnsureDemo(ctx, st); err != nil {
		t.Fatal(err)
	}
	days := []time.Time{model.Date(2024, 3, 1), model.Date(2025, 12, 31), model.Date(2026, 1, 1), model.Date(2026, 12, 4)}
	for _, code := range []string{"HD-3164", "HP-MAU"} {
		plan, err := st.Plan(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		compareAggregations(t, st, plan, days, []int{0, 2020, 2022, 2024, 2025, 2026})
	}
}

// A random register over the map of rule 11: enterprises of Hải Dương,
// Hải Phòng and another province, with or without areas, moving between
// old districts, new communes and old Hải Phòng, on random days.
func TestSQLAndGoAggregationAgreeOnRandomMoves(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	plan, err := st.Plan(ctx, "HD-3164")
	if err != nil {
		t.Fatal(err)
	}
	areas, err := st.AllAreas(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var hd, hp []model.Area
	for _, a := range areas {
		if a.ProvinceCode == "HD" {
			hd = append(hd, a)
		} else {
			hp = append(hp, a)
		}
	}
	rng := rand.New(rand.NewPCG(11, 12))
	randDay := func(y0, y1 int) time.Time {
		return model.Date(y0, 1, 1).AddDate(0, 0, rng.IntN(365*(y1-y0+1)))
	}
	for i := range 60 {
		e := model.Enterprise{TaxCode: taxCode(70_000 + i), Name: fmt.Sprintf("Doanh nghiệp ngẫu nhiên %d", i),
			ProvinceCode: []string{"HD", "HP", "HD", "HP"}[rng.IntN(4)], OperatingSince: randDay(2012, 2025)}
		if rng.IntN(6) == 0 {
			c := e.OperatingSince.AddDate(0, 0, 200+rng.IntN(2000))
			e.CeasedOn = &c
		}
		if err := st.CreateEnterprise(ctx, &e, 0); err != nil {
			t.Fatalf("enterprise %d: %v", i, err)
		}
		since := e.OperatingSince
		for range rng.IntN(3) {
			pool := hd
			if rng.IntN(2) == 0 {
				pool = hp
			}
			e.AreaID, e.AreaSince = &pool[rng.IntN(len(pool))].ID, &since
			if err := st.UpdateEnterprise(ctx, &e, 0); err != nil {
				t.Fatalf("move %d: %v", i, err)
			}
			since = since.AddDate(0, 0, 100+rng.IntN(1200))
			if e.CeasedOn != nil && !since.Before(*e.CeasedOn) {
				break
			}
		}
		c := model.Classification{EnterpriseID: e.ID, Category: model.CategorySupporting, ValidFrom: randDay(2015, 2026)}
		if err := st.AddClassification(ctx, &c, 0); err != nil {
			t.Fatal(err)
		}
		for y := 2020; y <= 2025; y++ {
			if rng.IntN(3) > 0 {
				addFigure(t, st, e.ID, y, model.BasisCurrent, int64(10+rng.IntN(1000)))
			}
		}
	}
	for y, v := range map[int]int64{2020: 20000, 2022: 25000, 2024: 30000} {
		o := model.ProvinceOutput{ProvinceCode: "HD", Year: y, Basis: model.BasisCurrent,
			ProductionValue: model.MoneyFromMillions(v), Status: model.StatusOfficial}
		if err := st.AddProvinceOutput(ctx, &o, 0); err != nil {
			t.Fatal(err)
		}
	}
	compareAggregations(t, st, plan, []time.Time{model.Date(2023, 6, 1), model.Date(2025, 7, 1), model.Date(2026, 12, 4)},
		[]int{0, 2021, 2023, 2025, 2026})
}
