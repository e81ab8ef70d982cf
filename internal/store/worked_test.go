package store_test

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/store"
)

// toyPlan is the plan of DESIGN.md's worked example.
func toyPlan() model.Plan {
	return model.Plan{Code: "TOY", ProvinceCode: "HD", Name: "Đề án thử", BaselineYear: 2020,
		Categories: []model.Category{model.CategorySupporting, model.CategoryHighTech},
		Targets: []model.Target{
			{Metric: model.MetricEnterpriseCount, Year: 2025, Value: 6},
			{Metric: model.MetricEnterpriseCount, Year: 2030, Value: 10},
			{Metric: model.MetricOutputShare, Year: 2025, Value: 0.35},
			{Metric: model.MetricOutputShare, Year: 2030, Value: 0.45},
		}}
}

// taxCode makes the n-th valid tax code of a test.
func taxCode(n int) string {
	for i := n * 10; ; i++ {
		p := fmt.Sprintf("08%07d", i+1)
		if d, ok := model.TaxCheckDigit(p); ok {
			return fmt.Sprintf("%s%d", p, d)
		}
	}
}

type toyEnterprise struct {
	since, ceased string
	classes       [][2]string // valid from, valid until
	figures       []int64     // 2020–2023, -1 for none
}

// loadWorkedExample stores the six enterprises A–F of DESIGN.md and the
// province totals, plus figures on const2010 that must not leak into
// current prices and an enterprise of another category that must not count.
func loadWorkedExample(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	if _, err := st.EnsurePlan(ctx, toyPlan()); err != nil {
		t.Fatal(err)
	}
	ents := []toyEnterprise{
		{"01/01/2015", "", [][2]string{{"01/03/2019", ""}}, []int64{100, 120, 130, 150}},
		{"15/03/2021", "", [][2]string{{"01/06/2021", "31/05/2026"}}, []int64{-1, 40, 80, 100}},
		{"01/01/2010", "31/12/2022", [][2]string{{"01/01/2018", ""}}, []int64{50, 60, 65, -1}},
		{"01/01/2012", "", [][2]string{{"01/01/2019", ""}, {"01/06/2020", ""}}, []int64{200, -1, 260, 300}},
		{"01/01/2016", "", [][2]string{{"31/12/2022", ""}}, []int64{30, 30, 70, 90}},
		{"01/01/2016", "", [][2]string{{"2023", ""}}, []int64{-1, -1, -1, 10}},
	}
	for i, te := range ents {
		id := addToyEnterprise(t, st, i, te)
		addFigure(t, st, id, 2022, model.BasisConst2010, 999)
	}
	other := addToyEnterprise(t, st, 6, toyEnterprise{"2000", "", nil, []int64{5000, 5000, 5000, 5000}})
	c := model.Classification{EnterpriseID: other, Category: model.CategoryCleanTech, ValidFrom: model.Date(2000, 1, 1)}
	if err := st.AddClassification(ctx, &c, 0); err != nil {
		t.Fatal(err)
	}
	for y, v := range map[int]int64{2020: 2000, 2021: 2200, 2022: 2500} {
		o := model.ProvinceOutput{ProvinceCode: "HD", Year: y, Basis: model.BasisCurrent,
			ProductionValue: model.MoneyFromMillions(v), Status: model.StatusOfficial}
		if err := st.AddProvinceOutput(ctx, &o, 0); err != nil {
			t.Fatal(err)
		}
	}
}

func addToyEnterprise(t *testing.T, st *store.Store, n int, te toyEnterprise) int64 {
	t.Helper()
	ctx := context.Background()
	e := model.Enterprise{TaxCode: taxCode(n), Name: fmt.Sprintf("Doanh nghiệp %c", 'A'+n),
		ProvinceCode: "HD", OperatingSince: date(t, te.since, model.YearStart)}
	if te.ceased != "" {
		d := date(t, te.ceased, model.YearEnd)
		e.CeasedOn = &d
	}
	if err := st.CreateEnterprise(ctx, &e, 0); err != nil {
		t.Fatal(err)
	}
	for _, cl := range te.classes {
		c := model.Classification{EnterpriseID: e.ID, Category: model.CategorySupporting,
			ValidFrom: date(t, cl[0], model.YearStart)}
		if cl[1] != "" {
			d := date(t, cl[1], model.YearEnd)
			c.ValidUntil = &d
		}
		if err := st.AddClassification(ctx, &c, 0); err != nil {
			t.Fatal(err)
		}
	}
	for i, v := range te.figures {
		if v >= 0 {
			addFigure(t, st, e.ID, 2020+i, model.BasisCurrent, v)
		}
	}
	return e.ID
}

func addFigure(t *testing.T, st *store.Store, id int64, year int, basis model.PriceBasis, v int64) {
	t.Helper()
	f := model.Figure{EnterpriseID: id, Year: year, Basis: basis,
		ProductionValue: model.MoneyFromMillions(v), Status: model.StatusOfficial}
	if err := st.AddFigure(context.Background(), &f, 0); err != nil {
		t.Fatal(err)
	}
}

func date(t *testing.T, s string, edge model.YearEdge) time.Time {
	t.Helper()
	d, err := model.ParseDate(s, edge)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestWorkedExampleThroughTheStore checks DESIGN.md's worked example when
// the rows come from PostgreSQL and the aggregation runs in SQL.
func TestWorkedExampleThroughTheStore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	loadWorkedExample(t, st)
	plan, err := st.Plan(ctx, "TOY")
	if err != nil {
		t.Fatal(err)
	}
	per := func(day string, year int) progress.Period {
		p, err := progress.NewPeriod(plan, date(t, day, model.YearStart), year)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	r := sqlReport(t, st, plan, model.BasisCurrent, per("01/03/2024", 2023))
	want := []struct {
		count    int
		output   string
		share    float64 // NaN: null
		coverage float64
	}{{3, "350", 0.175, 1}, {4, "220", 0.1, 0.75}, {4, "540", 0.216, 1}, {5, "650", math.NaN(), 1}}
	for i, w := range want {
		p := r.Series[i]
		if p.EnterpriseCount != w.count || p.QualifyingOutput.String() != w.output || p.OutputCoverage != w.coverage ||
			!sameShare(p.OutputShare, w.share) {
			t.Errorf("%d: count %d output %s share %v coverage %v; want %d %s %v %v", p.Year,
				p.EnterpriseCount, p.QualifyingOutput, p.OutputShare, p.OutputCoverage, w.count, w.output, w.share, w.coverage)
		}
	}
	checkToyTargets(t, sqlReport(t, st, plan, model.BasisCurrent, per("01/03/2024", 2022)))
	if c := sqlReport(t, st, plan, model.BasisConst2010, per("01/03/2024", 2022)); c.Series[2].QualifyingOutput.String() != "3996" {
		t.Errorf("const2010 output 2022 = %s, want 3996 (A B D E at 999)", c.Series[2].QualifyingOutput)
	}
}

func checkToyTargets(t *testing.T, r progress.Report) {
	t.Helper()
	want := map[string]struct {
		status                   progress.Status
		ratio, needed, projected float64
	}{
		// Enterprises are whole: 0.6667 and 0.75 a year are 1, 6.1584 and
		// 12.642 are 6 and 13.
		"enterprise_count2025": {progress.StatusOnTrack, 1.0404, 1, 6},
		"enterprise_count2030": {progress.StatusOnTrack, 1.2091, 1, 13},
		"output_share2025":     {progress.StatusAccelerationNeeded, 0.7464, 0.044667, 0.296195},
		"output_share2030":     {progress.StatusOnTrack, 1.1205, 0.02925, 0.501322},
	}
	for _, tr := range r.Targets {
		w := want[fmt.Sprintf("%s%d", tr.Metric, tr.Year)]
		if tr.Status != w.status || !near(tr.Ratio, w.ratio) || !near(tr.NeededPerYear, w.needed) || !near(tr.Projected, w.projected) {
			t.Errorf("%s %d: %s R %v needed %v projected %v; want %s %v %v %v", tr.Metric, tr.Year,
				tr.Status, deref(tr.Ratio), deref(tr.NeededPerYear), deref(tr.Projected), w.status, w.ratio, w.needed, w.projected)
		}
	}
}

func near(got *float64, want float64) bool {
	return got != nil && math.Abs(*got-want) <= 0.0001*math.Max(1, math.Abs(want))
}

func deref(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func sameShare(got *float64, want float64) bool {
	if math.IsNaN(want) {
		return got == nil
	}
	return got != nil && math.Abs(*got-want) < 1e-12
}
