package progress

import (
	"encoding/json"

	"industrytargets/internal/model"
)

// Report is a plan's progress as of a year: the document that the JSON API
// serves and `progress --format json` prints (DESIGN.md).
type Report struct {
	Plan     string           `json:"plan"`
	Province string           `json:"province"`
	Basis    model.PriceBasis `json:"basis"`
	AsOfYear int              `json:"as_of_year"`
	// Series runs from the baseline year to AsOfYear; it is empty when
	// AsOfYear is before the baseline year.
	Series  []YearPoint    `json:"series"`
	Targets []TargetResult `json:"targets"`
}

// Compute applies rules 1–8 to a plan's register and returns its report.
//
// ents may hold enterprises of any province and outputs totals of any
// province and basis; only the plan's province and basis count. An empty
// basis means current prices. An asOfYear of 0 means DefaultAsOfYear.
func Compute(plan model.Plan, ents []EnterpriseRecord, outputs []model.ProvinceOutput, basis model.PriceBasis, asOfYear int) Report {
	if basis == "" {
		basis = model.BasisCurrent
	}
	if asOfYear == 0 {
		asOfYear = DefaultAsOfYear(plan, ents, outputs, basis)
	}
	series := Series(plan, ents, outputs, basis, plan.BaselineYear, asOfYear)
	return Report{
		Plan:     plan.Code,
		Province: plan.ProvinceCode,
		Basis:    basis,
		AsOfYear: asOfYear,
		Series:   series,
		Targets:  Evaluate(plan, series, asOfYear),
	}
}

// DefaultAsOfYear is the year a report is as of when none is asked for: the
// latest year, not before the baseline year, with a province total on basis;
// failing that, the latest such year with a figure on basis of one of the
// province's enterprises; failing that, the baseline year.
//
// Years with a qualifying enterprise do not decide it, since an open-ended
// classification qualifies in every year to come.
func DefaultAsOfYear(plan model.Plan, ents []EnterpriseRecord, outputs []model.ProvinceOutput, basis model.PriceBasis) int {
	latest := 0
	for _, o := range outputs {
		if o.ProvinceCode == plan.ProvinceCode && o.Basis == basis {
			latest = max(latest, o.Year)
		}
	}
	if latest >= plan.BaselineYear {
		return latest
	}
	for _, r := range ents {
		if r.Enterprise.ProvinceCode != plan.ProvinceCode {
			continue
		}
		for _, f := range r.Figures {
			if f.Basis == basis {
				latest = max(latest, f.Year)
			}
		}
	}
	return max(latest, plan.BaselineYear)
}

// pointJSON is a YearPoint as DESIGN.md's API writes it.
type pointJSON struct {
	Year             int      `json:"year"`
	EnterpriseCount  int      `json:"enterprise_count"`
	QualifyingOutput string   `json:"qualifying_output"`
	ProvinceOutput   *string  `json:"province_output"`
	OutputShare      *float64 `json:"output_share"`
	OutputCoverage   *float64 `json:"output_coverage"`
}

// MarshalJSON writes the point as the API does: money as a decimal string of
// million VND, an undefined share (or a NaN or infinite number) as null.
func (p YearPoint) MarshalJSON() ([]byte, error) {
	w := pointJSON{
		Year:             p.Year,
		EnterpriseCount:  p.EnterpriseCount,
		QualifyingOutput: p.QualifyingOutput.String(),
		OutputCoverage:   finite(p.OutputCoverage),
	}
	if p.ProvinceOutput != nil {
		s := p.ProvinceOutput.String()
		w.ProvinceOutput = &s
	}
	if p.OutputShare != nil {
		w.OutputShare = finite(*p.OutputShare)
	}
	return json.Marshal(w)
}

// targetJSON is a TargetResult as DESIGN.md's API writes it.
type targetJSON struct {
	Metric        model.Metric `json:"metric"`
	Year          int          `json:"year"`
	Value         *float64     `json:"value"`
	Actual        *float64     `json:"actual"`
	Expected      *float64     `json:"expected"`
	Status        Status       `json:"status"`
	Ratio         *float64     `json:"ratio"`
	NeededPerYear *float64     `json:"needed_per_year"`
	Projected     *float64     `json:"projected"`
}

// MarshalJSON writes the result as the API does, undefined numbers (and any
// NaN or infinite one) as null.
func (r TargetResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(targetJSON{
		Metric:        r.Metric,
		Year:          r.Year,
		Value:         finite(r.Value),
		Actual:        finitePtr(r.Actual),
		Expected:      finitePtr(r.Expected),
		Status:        r.Status,
		Ratio:         finitePtr(r.Ratio),
		NeededPerYear: finitePtr(r.NeededPerYear),
		Projected:     finitePtr(r.Projected),
	})
}

func finitePtr(f *float64) *float64 {
	if f == nil {
		return nil
	}
	return finite(*f)
}
