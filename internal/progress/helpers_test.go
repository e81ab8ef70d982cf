package progress

import (
	"math"
	"strconv"
	"testing"
	"time"

	"industrytargets/internal/model"
)

// date reads a date as an import cell would be read: a bare year in a start
// date is 1 January, in an end date (edge YearEnd) 31 December.
func date(tb testing.TB, s string, edge model.YearEdge) time.Time {
	tb.Helper()
	t, err := model.ParseDate(s, edge)
	if err != nil {
		tb.Fatalf("ParseDate(%q): %v", s, err)
	}
	return t
}

// ent builds an enterprise of province HD operating since since and, unless
// ceased is empty, ceased on ceased.
func ent(tb testing.TB, id int64, since, ceased string, classes ...model.Classification) EnterpriseRecord {
	tb.Helper()
	e := model.Enterprise{ID: id, ProvinceCode: "HD", OperatingSince: date(tb, since, model.YearStart)}
	if ceased != "" {
		c := date(tb, ceased, model.YearEnd)
		e.CeasedOn = &c
	}
	for i := range classes {
		classes[i].EnterpriseID = id
	}
	return EnterpriseRecord{Enterprise: e, Classifications: classes}
}

// class builds a classification in cat valid from from until until (open
// when until is empty).
func class(tb testing.TB, cat model.Category, from, until string) model.Classification {
	tb.Helper()
	c := model.Classification{Category: cat, ValidFrom: date(tb, from, model.YearStart)}
	if until != "" {
		u := date(tb, until, model.YearEnd)
		c.ValidUntil = &u
	}
	return c
}

// withFigures adds production values in whole million VND on basis, by year.
func withFigures(r EnterpriseRecord, basis model.PriceBasis, byYear map[int]int64) EnterpriseRecord {
	for y, v := range byYear {
		r.Figures = append(r.Figures, model.Figure{
			EnterpriseID: r.Enterprise.ID, Year: y, Basis: basis,
			ProductionValue: model.MoneyFromMillions(v), Status: model.StatusOfficial,
		})
	}
	return r
}

// totals builds province totals of HD in whole million VND on basis.
func totals(basis model.PriceBasis, byYear map[int]int64) []model.ProvinceOutput {
	var out []model.ProvinceOutput
	for y, v := range byYear {
		out = append(out, model.ProvinceOutput{
			ProvinceCode: "HD", Year: y, Basis: basis,
			ProductionValue: model.MoneyFromMillions(v), Status: model.StatusOfficial,
		})
	}
	return out
}

// hd is the territory of a plan over province HD whole, with no units.
var hd = ProvinceTerritory("HD")

// closedTo is the report of year, made on 15 January of the next year, when
// that year has closed.
func closedTo(year int) Period { return Period{Date: model.Date(year+1, time.January, 15), Year: year} }

// asOf is the period NewPeriod resolves for p as of day (yyyy-mm-dd) and
// year (0: none).
func asOf(tb testing.TB, p model.Plan, day string, year int) Period {
	tb.Helper()
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		tb.Fatal(err)
	}
	per, err := NewPeriod(p, d, year)
	if err != nil {
		tb.Fatalf("NewPeriod(%s, %d): %v", day, year, err)
	}
	return per
}

// plan builds plan HD-TEST on province HD with baseline 2020.
func plan(cats []model.Category, targets ...model.Target) model.Plan {
	return model.Plan{Code: "HD-TEST", ProvinceCode: "HD", BaselineYear: 2020, Categories: cats, Targets: targets}
}

func money(millions int64) *model.Money {
	m := model.MoneyFromMillions(millions)
	return &m
}

func ptr(f float64) *float64 { return &f }

// near reports whether got is within tol of want.
func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

// checkNum fails unless got is set and within tol of want, or both are nil.
func checkNum(t *testing.T, name string, got, want *float64, tol float64) {
	t.Helper()
	switch {
	case got == nil && want == nil:
	case got == nil || want == nil:
		t.Errorf("%s = %s, want %s", name, fmtNum(got), fmtNum(want))
	case !near(*got, *want, tol):
		t.Errorf("%s = %.8g, want %.8g (±%g)", name, *got, *want, tol)
	}
}

func fmtNum(f *float64) string {
	if f == nil {
		return "null"
	}
	return strconv.FormatFloat(*f, 'g', 8, 64)
}
