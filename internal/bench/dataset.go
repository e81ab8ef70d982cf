// Package bench builds the national-scale dataset of `make bench` and drives
// load against a running server, measuring what DESIGN.md's benchmark asks.
package bench

import (
	"fmt"
	"math/rand/v2"
	"time"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// Scale is the size of the national dataset.
type Scale struct {
	Provinces   int // including HD
	Enterprises int // in all
	FirstYear   int
	LastYear    int // figures on current prices for every year in between
}

// National is DESIGN.md's benchmark scale: 34 provinces, 100,000
// enterprises, 1,000,000 yearly figures (10 years on one basis).
var National = Scale{Provinces: 34, Enterprises: 100_000, FirstYear: 2016, LastYear: 2025}

// ProvinceCodes names the provinces of the dataset: HD first, then
// made-up three-letter codes (they are not real province codes).
func ProvinceCodes(n int) []string {
	codes := []string{"HD"}
	for i := 0; len(codes) < n; i++ {
		codes = append(codes, fmt.Sprintf("Q%c%c", 'A'+i/26, 'A'+i%26))
	}
	return codes
}

// Provinces returns the dataset's provinces other than those seeded.
func Provinces(n int) []model.Province {
	var out []model.Province
	for _, c := range ProvinceCodes(n)[1:] {
		out = append(out, model.Province{Code: c, Name: "Tỉnh thử " + c, NameEN: "Benchmark province " + c})
	}
	return out
}

// Dataset generates the enterprises of one province, deterministically,
// each with a classification and a figure for every year it operates.
// first numbers the tax codes so provinces never collide.
func Dataset(province string, n, first int, s Scale) []store.DemoEnterprise {
	rng := rand.New(rand.NewPCG(uint64(first), 7))
	out := make([]store.DemoEnterprise, 0, n)
	seq := first
	for len(out) < n {
		seq++
		tax, ok := TaxCode(seq)
		if !ok {
			continue
		}
		out = append(out, enterprise(rng, province, tax, len(out), s))
	}
	return out
}

// TaxCode makes the valid tax code numbered seq, or false when that
// number admits no check digit.
func TaxCode(seq int) (string, bool) {
	p := fmt.Sprintf("09%07d", seq)
	d, ok := model.TaxCheckDigit(p)
	return fmt.Sprintf("%s%d", p, d), ok
}

var words = []string{"Cơ khí", "Điện tử", "Nhựa", "Dệt may", "Linh kiện", "Khuôn mẫu", "Cao su", "Thép", "Bao bì", "Hải Dương"}

func enterprise(rng *rand.Rand, province, tax string, i int, s Scale) store.DemoEnterprise {
	// Operating before the first year, so each has a figure every year.
	since := model.Date(2000+rng.IntN(s.FirstYear-2000), time.Month(1+rng.IntN(12)), 1)
	e := model.Enterprise{TaxCode: tax, ProvinceCode: province, Demo: true, OperatingSince: since,
		Name: fmt.Sprintf("Công ty TNHH %s %s số %d (thử tải)", words[rng.IntN(len(words))], province, i),
		VSIC: fmt.Sprintf("%02d%02d", 22+rng.IntN(8), rng.IntN(100)), Ownership: model.Ownerships[rng.IntN(3)]}
	d := store.DemoEnterprise{Enterprise: e}
	d.Classifications = []model.Classification{{Category: model.Categories[rng.IntN(len(model.Categories))],
		ValidFrom: since.AddDate(rng.IntN(4), 0, 0), CertificateNo: "BENCH-" + tax}}
	for y := max(s.FirstYear, since.Year()); y <= s.LastYear; y++ {
		d.Figures = append(d.Figures, model.Figure{Year: y, Basis: model.BasisCurrent, Status: model.StatusOfficial,
			ProductionValue: model.Money(1000 * (1000 + rng.Int64N(500_000)))})
	}
	return d
}

// Outputs gives every province a total industrial output for each year.
func Outputs(s Scale) []model.ProvinceOutput {
	var out []model.ProvinceOutput
	for _, c := range ProvinceCodes(s.Provinces) {
		for y := s.FirstYear; y <= s.LastYear; y++ {
			out = append(out, model.ProvinceOutput{ProvinceCode: c, Year: y, Basis: model.BasisCurrent,
				ProductionValue: model.MoneyFromMillions(400_000_000 + int64(y-s.FirstYear)*30_000_000),
				Status:          model.StatusOfficial, Source: "Số liệu thử tải", Demo: true})
		}
	}
	return out
}
