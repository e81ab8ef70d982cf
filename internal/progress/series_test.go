package progress

import (
	"testing"

	"industrytargets/internal/model"
)

var supOnly = []model.Category{model.CategorySupporting}

// onePoint computes the 2020 point of a supporting-industry plan.
func onePoint(t *testing.T, ents []EnterpriseRecord, outs []model.ProvinceOutput, basis model.PriceBasis) YearPoint {
	t.Helper()
	s := Series(plan(supOnly), hd, ents, outs, basis, 2020, closedTo(2020))
	if len(s) != 1 {
		t.Fatalf("len(series) = %d, want 1", len(s))
	}
	return s[0]
}

func checkPoint(t *testing.T, got YearPoint, count int, output string, share *float64, coverage float64) {
	t.Helper()
	if got.EnterpriseCount != count {
		t.Errorf("count = %d, want %d", got.EnterpriseCount, count)
	}
	if got.QualifyingOutput.String() != output {
		t.Errorf("qualifying output = %s, want %s", got.QualifyingOutput, output)
	}
	checkNum(t, "share", got.OutputShare, share, 1e-15)
	if got.OutputCoverage != coverage {
		t.Errorf("coverage = %v, want %v", got.OutputCoverage, coverage)
	}
}

func supplier(t *testing.T, id int64) EnterpriseRecord {
	return ent(t, id, "2010", "", class(t, model.CategorySupporting, "2015", ""))
}

func TestSeriesKeepsBasesApart(t *testing.T) {
	ents := []EnterpriseRecord{
		withFigures(withFigures(supplier(t, 1), model.BasisCurrent, map[int]int64{2020: 100}),
			model.BasisConst2010, map[int]int64{2020: 80}),
		withFigures(supplier(t, 2), model.BasisConst2010, map[int]int64{2020: 50}),
	}
	outs := append(totals(model.BasisCurrent, map[int]int64{2020: 1000}),
		totals(model.BasisConst2010, map[int]int64{2020: 650})...)
	// Current: only enterprise 1 reported, 100/1000, coverage 1/2.
	checkPoint(t, onePoint(t, ents, outs, model.BasisCurrent), 2, "100", ptr(0.1), 0.5)
	// 2010 prices: 80 + 50 = 130, 130/650 = 0.2, both reported.
	checkPoint(t, onePoint(t, ents, outs, model.BasisConst2010), 2, "130", ptr(0.2), 1)
	// No 2020 prices at all: nothing reported, no total.
	checkPoint(t, onePoint(t, ents, outs, model.BasisConst2020), 2, "0", nil, 0)
}

func TestSeriesMissingFiguresLowerCoverage(t *testing.T) {
	ents := []EnterpriseRecord{
		withFigures(supplier(t, 1), model.BasisCurrent, map[int]int64{2020: 300}),
		supplier(t, 2), supplier(t, 3),
		withFigures(supplier(t, 4), model.BasisCurrent, map[int]int64{2021: 999}),
	}
	// One of four reported for 2020: the share 300/1200 is a lower bound.
	got := onePoint(t, ents, totals(model.BasisCurrent, map[int]int64{2020: 1200}), model.BasisCurrent)
	checkPoint(t, got, 4, "300", ptr(0.25), 0.25)
	if got.Reporting != 1 {
		t.Errorf("reporting = %d, want 1", got.Reporting)
	}
}

func TestSeriesShareNullWithoutProvinceTotal(t *testing.T) {
	ents := []EnterpriseRecord{withFigures(supplier(t, 1), model.BasisCurrent, map[int]int64{2020: 100})}
	cases := []struct {
		name string
		outs []model.ProvinceOutput
	}{
		{"no totals", nil},
		{"total of another year", totals(model.BasisCurrent, map[int]int64{2021: 1000})},
		{"total on another basis", totals(model.BasisConst2010, map[int]int64{2020: 1000})},
		{"total of another province", []model.ProvinceOutput{{ProvinceCode: "HP", Year: 2020, Basis: model.BasisCurrent, ProductionValue: 1e6}}},
		{"zero total", totals(model.BasisCurrent, map[int]int64{2020: 0})},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := onePoint(t, ents, c.outs, model.BasisCurrent)
			checkPoint(t, got, 1, "100", nil, 1)
		})
	}
}

func TestSeriesNoneQualifying(t *testing.T) {
	// With a total, nobody qualifying is a share of 0, not null, and full
	// coverage: nothing is missing.
	got := onePoint(t, nil, totals(model.BasisCurrent, map[int]int64{2020: 500}), model.BasisCurrent)
	checkPoint(t, got, 0, "0", ptr(0), 1)
	if got.ProvinceOutput == nil || got.ProvinceOutput.String() != "500" {
		t.Errorf("province output = %v, want 500", got.ProvinceOutput)
	}
}

func TestSeriesIgnoresOthers(t *testing.T) {
	other := withFigures(supplier(t, 2), model.BasisCurrent, map[int]int64{2020: 400})
	other.Enterprise.ProvinceCode = "HP"
	ents := []EnterpriseRecord{
		withFigures(supplier(t, 1), model.BasisCurrent, map[int]int64{2020: 100}),
		other,
		withFigures(ent(t, 3, "2010", "", class(t, model.CategoryCleanTech, "2015", "")),
			model.BasisCurrent, map[int]int64{2020: 200}),
		withFigures(ent(t, 4, "2010", "", class(t, model.CategorySupporting, "2015", ""),
			class(t, model.CategorySupporting, "2018", "")), model.BasisCurrent, map[int]int64{2020: 50}),
	}
	// Enterprise 2 is of another province, 3 is clean-tech only, 4 holds two
	// certificates and counts once: (100 + 50)/1000.
	got := onePoint(t, ents, totals(model.BasisCurrent, map[int]int64{2020: 1000}), model.BasisCurrent)
	checkPoint(t, got, 2, "150", ptr(0.15), 1)
	if len(got.Counted) != 2 || got.Counted[0] != 1 || got.Counted[1] != 4 {
		t.Errorf("counted = %v, want [1 4]", got.Counted)
	}
}

func TestSeriesMoneyIsExact(t *testing.T) {
	var ents []EnterpriseRecord
	for id := range int64(3) {
		r := supplier(t, id+1)
		r.Figures = []model.Figure{{Year: 2020, Basis: model.BasisCurrent, ProductionValue: 100}} // 0.1 million
		ents = append(ents, r)
	}
	outs := []model.ProvinceOutput{{ProvinceCode: "HD", Year: 2020, Basis: model.BasisCurrent, ProductionValue: 900}}
	// 0.1 + 0.1 + 0.1 is 0.3 exactly, and 0.3/0.9 is the float nearest 1/3.
	checkPoint(t, onePoint(t, ents, outs, model.BasisCurrent), 3, "0.3", ptr(1.0/3), 1)
}

func TestCoverage(t *testing.T) {
	for _, c := range []struct {
		reporting, count int
		want             float64
	}{{0, 0, 1}, {0, 4, 0}, {3, 4, 0.75}, {4, 4, 1}} {
		if got := Coverage(c.reporting, c.count); got != c.want {
			t.Errorf("Coverage(%d, %d) = %v, want %v", c.reporting, c.count, got, c.want)
		}
	}
}
