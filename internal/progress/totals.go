package progress

import (
	"industrytargets/internal/model"
)

// FromTotals builds a plan's report from per-year totals already summed by
// the database (rules 2–5 applied in SQL), then judges its targets with the
// same Evaluate as Compute, so both paths give the same document.
// totals must run from the baseline year to asOfYear, one entry a year.
func FromTotals(plan model.Plan, basis model.PriceBasis, asOfYear int, totals []model.YearTotals) Report {
	if basis == "" {
		basis = model.BasisCurrent
	}
	series := make([]YearPoint, 0, len(totals))
	for _, t := range totals {
		series = append(series, NewYearPoint(t.Year, t.Qualifying, t.Reporting, t.Output, t.ProvinceOutput))
	}
	return Report{
		Plan:     plan.Code,
		Province: plan.ProvinceCode,
		Basis:    basis,
		AsOfYear: asOfYear,
		Series:   series,
		Targets:  Evaluate(plan, series, asOfYear),
	}
}

// Group gathers classifications and figures under their enterprises, in the
// enterprises' order, for Compute.
func Group(ents []model.Enterprise, classes []model.Classification, figs []model.Figure) []EnterpriseRecord {
	out := make([]EnterpriseRecord, len(ents))
	at := make(map[int64]int, len(ents))
	for i, e := range ents {
		out[i].Enterprise = e
		at[e.ID] = i
	}
	for _, c := range classes {
		if i, ok := at[c.EnterpriseID]; ok {
			out[i].Classifications = append(out[i].Classifications, c)
		}
	}
	for _, f := range figs {
		if i, ok := at[f.EnterpriseID]; ok {
			out[i].Figures = append(out[i].Figures, f)
		}
	}
	return out
}
