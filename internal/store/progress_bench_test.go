package store_test

import (
	"context"
	"testing"

	"industrytargets/internal/bench"
	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
)

// nationalStore is a fresh database holding the benchmark's national
// register (34 provinces, 100,000 enterprises, 1,000,000 figures), loaded
// as `make bench` loads it.
func nationalStore(b *testing.B) *store.Store {
	b.Helper()
	ctx := context.Background()
	st := storetest.New(b)
	if _, err := seed.Ensure(ctx, st); err != nil {
		b.Fatal(err)
	}
	s := bench.National
	if _, err := st.EnsureReference(ctx, store.Reference{Provinces: bench.Provinces(s.Provinces)}); err != nil {
		b.Fatal(err)
	}
	per := s.Enterprises / s.Provinces
	for i, code := range bench.ProvinceCodes(s.Provinces) {
		var outputs []model.ProvinceOutput
		if i == 0 {
			outputs = bench.Outputs(s)
		}
		if err := st.InsertDemo(ctx, bench.Dataset(code, per, i*10*per, s), outputs); err != nil {
			b.Fatal(err)
		}
	}
	if err := st.Analyze(ctx); err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkOverviewQueries times each query the overview computes from
// when the register has changed, over the national register.
func BenchmarkOverviewQueries(b *testing.B) {
	st := nationalStore(b)
	ctx := context.Background()
	plan, err := st.Plan(ctx, "HD-3164")
	if err != nil {
		b.Fatal(err)
	}
	asOf := model.Date(2026, 12, 4)
	sc, err := st.Scope(ctx, plan, asOf)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("progress", func(b *testing.B) {
		for b.Loop() {
			if _, err := st.Progress(ctx, plan.Code, store.Query{AsOf: asOf, Basis: model.BasisCurrent}); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, dim := range model.Dimensions {
		b.Run("breakdown-"+string(dim), func(b *testing.B) {
			for b.Loop() {
				if _, err := st.Breakdown(ctx, sc, 2025, dim); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("flows", func(b *testing.B) {
		for b.Loop() {
			if _, err := st.Flows(ctx, sc, plan.BaselineYear, 2025); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("quality", func(b *testing.B) {
		for b.Loop() {
			if _, err := st.Quality(ctx, sc, 2025, model.BasisCurrent); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("register-version", func(b *testing.B) {
		for b.Loop() {
			if _, err := st.RegisterVersion(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
