package progress

import (
	"math"
	"slices"

	"industrytargets/internal/model"
)

// YearPoint is one year of a plan's series: how many enterprises qualify,
// what they produce and what share of the province's industry that is
// (rules 2–5).
type YearPoint struct {
	Year int
	// EnterpriseCount is the number of qualifying enterprises (rule 2).
	EnterpriseCount int
	// Reporting is how many of them have a production value on the basis.
	Reporting int
	// QualifyingOutput is the exact sum of the qualifying enterprises'
	// production values on the basis.
	QualifyingOutput model.Money
	// ProvinceOutput is the province's total on the basis; nil when none.
	ProvinceOutput *model.Money
	// OutputShare is QualifyingOutput ÷ ProvinceOutput (rule 3); nil when
	// there is no positive province total.
	OutputShare *float64
	// OutputCoverage is Reporting ÷ EnterpriseCount, 1 when none qualify
	// (rule 4).
	OutputCoverage float64
	// Counted lists the qualifying enterprises' IDs in ascending order, for
	// drill-downs; a store that aggregates in SQL may leave it nil.
	Counted []int64
}

// NewYearPoint builds a year's point from its counts and sums, deriving the
// share and the coverage the one way every caller must.
func NewYearPoint(year, count, reporting int, qualifying model.Money, province *model.Money) YearPoint {
	return YearPoint{
		Year:             year,
		EnterpriseCount:  count,
		Reporting:        reporting,
		QualifyingOutput: qualifying,
		ProvinceOutput:   province,
		OutputShare:      Share(qualifying, province),
		OutputCoverage:   Coverage(reporting, count),
	}
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

// Series computes one point for each year from first to last, inclusive, for
// plan over ents and outputs on basis. Enterprises and totals of other
// provinces, and figures and totals on other bases, are ignored.
//
// A register holds at most one figure per enterprise, year and basis, and
// one total per province, year and basis (the store's unique keys); should
// duplicates arrive anyway, the last one in the slice is used.
func Series(plan model.Plan, ents []EnterpriseRecord, outputs []model.ProvinceOutput, basis model.PriceBasis, first, last int) []YearPoint {
	totals := provinceTotals(plan.ProvinceCode, outputs, basis)
	books := ledgers(plan.ProvinceCode, ents, basis)
	points := make([]YearPoint, 0, max(0, last-first+1))
	for y := first; y <= last; y++ {
		points = append(points, pointFor(plan.Categories, books, totals, y))
	}
	return points
}

// ledger is an enterprise of the province with its figures on one basis.
type ledger struct {
	rec     *EnterpriseRecord
	figures map[int]model.Money
}

func ledgers(province string, ents []EnterpriseRecord, basis model.PriceBasis) []ledger {
	var books []ledger
	for i := range ents {
		r := &ents[i]
		if r.Enterprise.ProvinceCode != province {
			continue
		}
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

func provinceTotals(province string, outputs []model.ProvinceOutput, basis model.PriceBasis) map[int]model.Money {
	totals := make(map[int]model.Money)
	for _, o := range outputs {
		if o.ProvinceCode == province && o.Basis == basis {
			totals[o.Year] = o.ProductionValue
		}
	}
	return totals
}

func pointFor(cats []model.Category, books []ledger, totals map[int]model.Money, year int) YearPoint {
	var (
		count, reporting int
		sum              model.Money
		ids              []int64
	)
	for _, b := range books {
		e := b.rec.Enterprise
		if !Qualifies(e, b.rec.Classifications, cats, year) {
			continue
		}
		count++
		ids = append(ids, e.ID)
		if v, ok := b.figures[year]; ok {
			reporting++
			sum += v
		}
	}
	var total *model.Money
	if t, ok := totals[year]; ok {
		total = &t
	}
	p := NewYearPoint(year, count, reporting, sum, total)
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
