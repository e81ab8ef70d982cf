package store_test

import (
	"context"
	"encoding/json"
	"testing"

	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
)

// goReport computes a report the Go way: load the rows, apply the rules.
func goReport(t *testing.T, st *store.Store, plan model.Plan, basis model.PriceBasis, asOf int) progress.Report {
	t.Helper()
	rows, err := st.RegisterRows(context.Background(), plan.ProvinceCode, plan.Categories, basis, plan.BaselineYear, asOf)
	if err != nil {
		t.Fatal(err)
	}
	recs := progress.Group(rows.Enterprises, rows.Classifications, rows.Figures)
	return progress.Compute(plan, recs, rows.Outputs, basis, asOf)
}

// sqlReport computes the same report with the aggregation done in SQL.
func sqlReport(t *testing.T, st *store.Store, plan model.Plan, basis model.PriceBasis, asOf int) progress.Report {
	t.Helper()
	totals, err := st.YearTotals(context.Background(), plan, basis, plan.BaselineYear, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return progress.FromTotals(plan, basis, asOf, totals)
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSQLAndGoAggregationAgree(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	if _, err := seed.EnsureDemo(ctx, st); err != nil {
		t.Fatal(err)
	}
	plan, err := st.Plan(ctx, "HD-3164")
	if err != nil {
		t.Fatal(err)
	}
	for _, basis := range []model.PriceBasis{model.BasisCurrent, model.BasisConst2010, model.BasisConst2020} {
		def, err := st.DefaultAsOfYear(ctx, plan, basis)
		if err != nil {
			t.Fatal(err)
		}
		if want := goDefault(t, st, plan, basis); def != want {
			t.Errorf("%s: default year %d in SQL, %d in Go", basis, def, want)
		}
		for _, asOf := range []int{2020, 2022, def, 2025, 2031} {
			g, s := asJSON(t, goReport(t, st, plan, basis, asOf)), asJSON(t, sqlReport(t, st, plan, basis, asOf))
			if g != s {
				t.Errorf("%s as of %d:\nGo:  %s\nSQL: %s", basis, asOf, g, s)
			}
		}
	}
}

func goDefault(t *testing.T, st *store.Store, plan model.Plan, basis model.PriceBasis) int {
	t.Helper()
	rows, err := st.RegisterRows(context.Background(), plan.ProvinceCode, plan.Categories, basis, 1990, 2100)
	if err != nil {
		t.Fatal(err)
	}
	return progress.DefaultAsOfYear(plan, progress.Group(rows.Enterprises, rows.Classifications, rows.Figures), rows.Outputs, basis)
}
