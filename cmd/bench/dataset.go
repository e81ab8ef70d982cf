package main

import (
	"context"
	"fmt"
	"time"

	"industrytargets/internal/auth"
	"industrytargets/internal/bench"
	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
)

// Credentials of the viewer the load signs in as.
const (
	benchEmail    = "do.tai@soct.example.vn"
	benchPassword = "mật khẩu của phép đo tải"
)

// loadDataset migrates the fresh database, seeds the reference lists and
// the plan, and writes the national dataset province by province with COPY.
func loadDataset(ctx context.Context, url string, s bench.Scale, r *report) error {
	start := time.Now()
	if err := store.MigrateUp(url); err != nil {
		return err
	}
	st, err := store.Open(ctx, url, store.Options{MaxConns: 4})
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := seed.Ensure(ctx, st); err != nil {
		return err
	}
	if _, err := st.EnsureReference(ctx, store.Reference{Provinces: bench.Provinces(s.Provinces)}); err != nil {
		return err
	}
	per := s.Enterprises / s.Provinces
	figures := 0
	for i, code := range bench.ProvinceCodes(s.Provinces) {
		n := per
		if i == 0 {
			n += s.Enterprises % s.Provinces
		}
		ents := bench.Dataset(code, n, i*10*per, s)
		for _, e := range ents {
			figures += len(e.Figures)
		}
		var outputs []model.ProvinceOutput
		if i == 0 {
			outputs = bench.Outputs(s)
		}
		if err := st.InsertDemo(ctx, ents, outputs); err != nil {
			return fmt.Errorf("province %s: %w", code, err)
		}
	}
	if err := st.Analyze(ctx); err != nil {
		return err
	}
	r.add("dataset written (COPY)", fmt.Sprintf("%.1f s", time.Since(start).Seconds()),
		fmt.Sprintf("%d provinces, %d enterprises, %d figures", s.Provinces, s.Enterprises, figures))
	hash, err := auth.NewHasher().Hash(benchPassword)
	if err != nil {
		return err
	}
	return st.CreateUser(ctx, &model.User{Email: benchEmail, Role: model.RoleViewer, PasswordHash: hash}, 0)
}
