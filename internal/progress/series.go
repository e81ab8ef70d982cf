package progress

import (
	"math"
	"slices"
	"time"

	"industrytargets/internal/model"
)

// YearPoint is one year of a plan's series: how many enterprises qualify,
// what they produce and what share of the province's industry that is
// (rules 2–5).
type YearPoint struct {
	Year int
	// Closed is false for the current year, counted on the report date:
	// provisional, never judging a target (rule 9).
	Closed bool
	// EnterpriseCount is the number of qualifying enterprises in the
	// territory (rules 2 and 11).
	EnterpriseCount int
	// Reporting is how many of them have a production value on the basis.
	Reporting int
	// QualifyingOutput is the exact sum of the qualifying enterprises'
	// production values on the basis.
	QualifyingOutput model.Money
	// ProvinceOutput is the province's total on the basis; nil when none.
	ProvinceOutput *model.Money
	// ProvinceStatus is how final that total is; empty when it has none.
	ProvinceStatus model.FigureStatus
	// OutputShare is QualifyingOutput ÷ ProvinceOutput (rule 3); nil when
	// there is no positive province total.
	OutputShare *float64
	// OutputCoverage is Reporting ÷ EnterpriseCount, 1 when none qualify
	// (rule 4).
	OutputCoverage float64
	// Unlocated is how many enterprises would qualify but for their place:
	// without an area, in a province lying partly in the territory
	// (rule 11). They are not counted.
	Unlocated int
	// Counted lists the qualifying enterprises' IDs in ascending order, for
	// drill-downs; a store that aggregates in SQL may leave it nil.
	Counted []int64
}

// NewYearPoint builds a year's point from what the database summed,
// deriving the share and the coverage the one way every caller must.
func NewYearPoint(t model.YearTotals, closed bool) YearPoint {
	p := YearPoint{
		Year:             t.Year,
		Closed:           closed,
		EnterpriseCount:  t.Qualifying,
		Reporting:        t.Reporting,
		QualifyingOutput: t.Output,
		ProvinceOutput:   t.ProvinceOutput,
		OutputShare:      Share(t.Output, t.ProvinceOutput),
		OutputCoverage:   Coverage(t.Reporting, t.Qualifying),
		Unlocated:        t.Unlocated,
	}
	if t.ProvinceOutput != nil {
		p.ProvinceStatus = t.ProvinceStatus
	}
	return p
}

// Share divides the qualifying output by the province total (rule 3); it is
// nil, never zero, when there is no total, and nil when the total is not
// positive, since no share of a zero or negative total means anything.
func Share(qualifying model.Money, province *model.Money) *float64 {
	if province == nil || *province <= 0 {
		return nil
	}
	return finite(model.Ratio(qualifying, *province))
}

// Coverage is the fraction of qualifying enterprises that reported a
// production value (rule 4): 1 when none qualify, as there is nothing missing.
func Coverage(reporting, count int) float64 {
	if count <= 0 {
		return 1
	}
	return float64(reporting) / float64(count)
}

// Value returns the point's value of metric; ok is false when it is
// undefined (a null share, or a metric the point does not know).
func (p YearPoint) Value(m model.Metric) (v float64, ok bool) {
	switch m {
	case model.MetricEnterpriseCount:
		return float64(p.EnterpriseCount), true
	case model.MetricOutputShare:
		if p.OutputShare == nil || !isFinite(*p.OutputShare) {
			return 0, false
		}
		return *p.OutputShare, true
	}
	return 0, false
}

// Series computes one point for each year from first to period.Year,
// inclusive, for plan over ents in terr and outputs on basis, each year
// counted on period.Day. Totals of other provinces, and figures and totals
// on other bases, are ignored.
//
// A register holds at most one figure per enterprise, year and basis, and
// one total per province, year and basis (the store's unique keys); should
// duplicates arrive anyway, the last one in the slice is used.
func Series(plan model.Plan, terr Territory, ents []EnterpriseRecord, outputs []model.ProvinceOutput, basis model.PriceBasis, first int, period Period) []YearPoint {
	totals := provinceTotals(plan.ProvinceCode, outputs, basis)
	books := ledgers(ents, basis)
	points := make([]YearPoint, 0, max(0, period.Year-first+1))
	for y := first; y <= period.Year; y++ {
		points = append(points, pointFor(plan.Categories, terr, books, totals, y, period))
	}
	return points
}

// ledger is an enterprise with its figures on one basis.
type ledger struct {
	rec     *EnterpriseRecord
	figures map[int]model.Money
}

func ledgers(ents []EnterpriseRecord, basis model.PriceBasis) []ledger {
	books := make([]ledger, 0, len(ents))
	for i := range ents {
		r := &ents[i]
		figs := make(map[int]model.Money, len(r.Figures))
		for _, f := range r.Figures {
			if f.Basis == basis {
				figs[f.Year] = f.ProductionValue
			}
		}
		books = append(books, ledger{rec: r, figures: figs})
	}
	return books
}

func provinceTotals(province string, outputs []model.ProvinceOutput, basis model.PriceBasis) map[int]model.ProvinceOutput {
	totals := make(map[int]model.ProvinceOutput)
	for _, o := range outputs {
		if o.ProvinceCode == province && o.Basis == basis {
			totals[o.Year] = o
		}
	}
	return totals
}

// Counts says whether rec counts toward a plan with categories cats in
// terr on day (rules 1 and 11), and, when it would but for its place,
// whether it is unlocated.
func Counts(rec EnterpriseRecord, cats []model.Category, terr Territory, on time.Time) (counts, unlocated bool) {
	if !QualifiesOn(rec.Enterprise, rec.Classifications, cats, on) {
		return false, false
	}
	area, located := Locate(rec.Locations, on)
	return terr.Place(rec.Enterprise.ProvinceCode, area, located)
}

func pointFor(cats []model.Category, terr Territory, books []ledger, totals map[int]model.ProvinceOutput, year int, period Period) YearPoint {
	t := model.YearTotals{Year: year}
	var ids []int64
	on := period.Day(year)
	for _, b := range books {
		counts, unlocated := Counts(*b.rec, cats, terr, on)
		if unlocated {
			t.Unlocated++
		}
		if !counts {
			continue
		}
		t.Qualifying++
		ids = append(ids, b.rec.Enterprise.ID)
		if v, ok := b.figures[year]; ok {
			t.Reporting++
			t.Output += v
		}
	}
	if o, ok := totals[year]; ok {
		t.ProvinceOutput, t.ProvinceStatus = &o.ProductionValue, o.Status
	}
	p := NewYearPoint(t, period.Closed(year))
	slices.Sort(ids)
	p.Counted = ids
	return p
}

// finite returns a pointer to f, or nil when f is NaN or infinite, so that
// no such value ever reaches a report or its JSON.
func finite(f float64) *float64 {
	if !isFinite(f) {
		return nil
	}
	return &f
}

func isFinite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
