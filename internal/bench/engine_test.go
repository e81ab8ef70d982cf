package bench_test

import (
	"sync"
	"testing"

	"industrytargets/internal/bench"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/seed"
)

// national is the benchmark's register as the counting engine takes it:
// 100,000 enterprises of 34 provinces with 1,000,000 figures.
var national = sync.OnceValues(func() ([]progress.EnterpriseRecord, []model.ProvinceOutput) {
	s := bench.National
	per := s.Enterprises / s.Provinces
	var out []progress.EnterpriseRecord
	for i, code := range bench.ProvinceCodes(s.Provinces) {
		for _, d := range bench.Dataset(code, per, i*10*per, s) {
			out = append(out, progress.EnterpriseRecord{Enterprise: d.Enterprise,
				Classifications: d.Classifications, Figures: d.Figures})
		}
	}
	return out, bench.Outputs(s)
})

// BenchmarkCompute runs the counting engine (rules 1–8) for Hải Dương's
// plan over the whole national register, every year from the baseline.
func BenchmarkCompute(b *testing.B) {
	ents, outputs := national()
	plan := seed.HD3164()
	per, err := progress.NewPeriod(plan, model.Date(2026, 12, 4), 0)
	if err != nil {
		b.Fatal(err)
	}
	terr := progress.ProvinceTerritory(plan.ProvinceCode)
	b.ResetTimer()
	for b.Loop() {
		rep := progress.Compute(plan, terr, ents, outputs, model.BasisCurrent, per)
		if len(rep.Series) == 0 {
			b.Fatal("no series")
		}
	}
	b.ReportMetric(float64(len(ents)), "enterprises")
}
