package progress

import (
	"encoding/json"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"industrytargets/internal/model"
)

const (
	propSeeds = 200
	propFirst = 2018
	propLast  = 2026
)

// propPeriod runs to the current year 2026, counted on 4 December.
var propPeriod = Period{Date: model.Date(2026, 12, 4), Year: propLast}

var propPlan = model.Plan{
	Code: "P", ProvinceCode: "HD", BaselineYear: 2019,
	Categories: []model.Category{model.CategorySupporting, model.CategoryHighTech},
}

// randDate returns a day between 1 January of y0 and 31 December of y1.
func randDate(rng *rand.Rand, y0, y1 int) time.Time {
	start := model.Date(y0, 1, 1)
	days := int(model.Date(y1, 12, 31).Sub(start).Hours() / 24)
	return start.AddDate(0, 0, rng.IntN(days+1))
}

// randRegister builds a random register; with full, every enterprise of the
// province has a current-price figure in every year.
func randRegister(rng *rand.Rand, full bool) ([]EnterpriseRecord, []model.ProvinceOutput) {
	ents := make([]EnterpriseRecord, rng.IntN(30))
	for i := range ents {
		e := model.Enterprise{ID: int64(i + 1), ProvinceCode: "HD", OperatingSince: randDate(rng, 2010, 2025)}
		if rng.IntN(8) == 0 {
			e.ProvinceCode = "HP"
		}
		if rng.IntN(3) == 0 {
			c := e.OperatingSince.AddDate(0, 0, 1+rng.IntN(4000))
			e.CeasedOn = &c
		}
		r := EnterpriseRecord{Enterprise: e}
		for range rng.IntN(4) {
			c := model.Classification{EnterpriseID: e.ID, Category: model.Categories[rng.IntN(len(model.Categories))],
				ValidFrom: randDate(rng, 2012, 2026)}
			if rng.IntN(2) == 0 {
				u := c.ValidFrom.AddDate(0, 0, rng.IntN(2500))
				c.ValidUntil = &u
			}
			r.Classifications = append(r.Classifications, c)
		}
		for y := propFirst; y <= propLast; y++ {
			for _, b := range model.PriceBases {
				if (full && b == model.BasisCurrent) || rng.IntN(3) > 0 {
					r.Figures = append(r.Figures, model.Figure{EnterpriseID: e.ID, Year: y, Basis: b,
						ProductionValue: model.Money(rng.Int64N(1e12))})
				}
			}
		}
		ents[i] = r
	}
	var outs []model.ProvinceOutput
	for y := propFirst; y <= propLast; y++ {
		if rng.IntN(5) > 0 {
			outs = append(outs, model.ProvinceOutput{ProvinceCode: "HD", Year: y, Basis: model.BasisCurrent,
				ProductionValue: model.Money(rng.Int64N(1e14) * int64(rng.IntN(10)))})
		}
	}
	return ents, outs
}

// oracle decides rule 1 the plain way, comparing instants, which is right
// for the midnight-UTC dates the generator makes.
func oracle(r EnterpriseRecord, year int) (operating, qualifies bool) {
	d := propPeriod.Day(year)
	e := r.Enterprise
	operating = !e.OperatingSince.After(d) && (e.CeasedOn == nil || e.CeasedOn.After(d))
	for _, c := range r.Classifications {
		inPlan := slices.Contains(propPlan.Categories, c.Category)
		if inPlan && !c.ValidFrom.After(d) && (c.ValidUntil == nil || !c.ValidUntil.Before(d)) {
			qualifies = operating
		}
	}
	return operating, qualifies
}

func TestPropertyCountMatchesOracle(t *testing.T) {
	for seed := range uint64(propSeeds) {
		rng := rand.New(rand.NewPCG(seed, 1))
		ents, outs := randRegister(rng, false)
		for _, p := range Series(propPlan, hd, ents, outs, model.BasisCurrent, propFirst, propPeriod) {
			var running int
			var want []int64
			for _, r := range ents {
				op, q := oracle(r, p.Year)
				if r.Enterprise.ProvinceCode == "HD" && op {
					running++
				}
				if r.Enterprise.ProvinceCode == "HD" && q {
					want = append(want, r.Enterprise.ID)
				}
			}
			if p.EnterpriseCount > running {
				t.Fatalf("seed %d, %d: count %d exceeds %d operating", seed, p.Year, p.EnterpriseCount, running)
			}
			if !slices.Equal(p.Counted, want) || p.EnterpriseCount != len(want) {
				t.Fatalf("seed %d, %d: counted %v, want %v", seed, p.Year, p.Counted, want)
			}
			if p.Reporting > p.EnterpriseCount || p.OutputCoverage < 0 || p.OutputCoverage > 1 {
				t.Fatalf("seed %d, %d: reporting %d of %d, coverage %v", seed, p.Year, p.Reporting, p.EnterpriseCount, p.OutputCoverage)
			}
		}
	}
}

func TestPropertyFullCoverageShareIsExactRatio(t *testing.T) {
	for seed := range uint64(propSeeds) {
		rng := rand.New(rand.NewPCG(seed, 2))
		ents, outs := randRegister(rng, true)
		for _, p := range Series(propPlan, hd, ents, outs, model.BasisCurrent, propFirst, propPeriod) {
			sum := new(big.Int)
			for _, r := range ents {
				if !slices.Contains(p.Counted, r.Enterprise.ID) || r.Enterprise.ProvinceCode != "HD" {
					continue
				}
				for _, f := range r.Figures {
					if f.Year == p.Year && f.Basis == model.BasisCurrent {
						sum.Add(sum, big.NewInt(int64(f.ProductionValue)))
					}
				}
			}
			if p.OutputCoverage != 1 || big.NewInt(int64(p.QualifyingOutput)).Cmp(sum) != 0 {
				t.Fatalf("seed %d, %d: coverage %v, output %d, want 1 and %s", seed, p.Year, p.OutputCoverage, p.QualifyingOutput, sum)
			}
			if p.ProvinceOutput == nil || *p.ProvinceOutput == 0 {
				if p.OutputShare != nil {
					t.Fatalf("seed %d, %d: share %v without a positive total", seed, p.Year, *p.OutputShare)
				}
				continue
			}
			want, _ := new(big.Rat).SetFrac(sum, big.NewInt(int64(*p.ProvinceOutput))).Float64()
			if p.OutputShare == nil || *p.OutputShare != want {
				t.Fatalf("seed %d, %d: share %s, want %v", seed, p.Year, fmtNum(p.OutputShare), want)
			}
		}
	}
}

func TestPropertyLaterCertificateNeverRaisesCount(t *testing.T) {
	for seed := range uint64(propSeeds) {
		rng := rand.New(rand.NewPCG(seed, 3))
		ents, outs := randRegister(rng, false)
		before := Series(propPlan, hd, ents, outs, model.BasisCurrent, propFirst, propPeriod)
		var moved bool
		for i := range ents {
			cls := slices.Clone(ents[i].Classifications)
			for j := range cls {
				if rng.IntN(2) == 0 {
					cls[j].ValidFrom = cls[j].ValidFrom.AddDate(0, 0, 1+rng.IntN(1500))
					moved = true
				}
			}
			ents[i].Classifications = cls
		}
		after := Series(propPlan, hd, ents, outs, model.BasisCurrent, propFirst, propPeriod)
		for k := range before {
			if after[k].EnterpriseCount > before[k].EnterpriseCount {
				t.Fatalf("seed %d, %d: count rose from %d to %d (moved %v)", seed, before[k].Year,
					before[k].EnterpriseCount, after[k].EnterpriseCount, moved)
			}
		}
	}
}

func TestPropertyJSONHasNoNaN(t *testing.T) {
	for seed := range uint64(propSeeds) {
		rng := rand.New(rand.NewPCG(seed, 4))
		ents, outs := randRegister(rng, false)
		p := propPlan
		p.Targets = nil
		for range rng.IntN(5) {
			m := model.Metrics[rng.IntN(len(model.Metrics))]
			v := float64(rng.IntN(40))
			if m == model.MetricOutputShare {
				v = rng.Float64() * float64(rng.IntN(2))
			}
			p.Targets = append(p.Targets, model.Target{Metric: m, Year: 2019 + rng.IntN(12), Value: v})
		}
		day := []string{"2019-06-01", "2020-01-01", "2021-12-31", "2024-03-01", "2026-12-04"}[rng.IntN(5)]
		r := Compute(p, hd, ents, outs, model.BasisCurrent, asOf(t, p, day, 0))
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("seed %d: json.Marshal: %v", seed, err)
		}
		if s := string(b); !json.Valid(b) || strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
			t.Fatalf("seed %d: JSON has non-numbers: %s", seed, s)
		}
		for _, tr := range r.Targets {
			if !slices.Contains(allStatuses, tr.Status) {
				t.Fatalf("seed %d: status %q", seed, tr.Status)
			}
		}
	}
}
