package progress

import (
	"encoding/json"
	"time"

	"industrytargets/internal/model"
)

// Report is a plan's progress as of a report date: the document that the
// JSON API serves and `progress --format json` prints (DESIGN.md).
type Report struct {
	Plan     string
	Province string
	Basis    model.PriceBasis
	// Period is the report date and the report's year, the series' last.
	Period Period
	Latest LatestYears
	// Territory and Authority name where the plan counts and who reports
	// on it (rules 11 and 12); the store fills them in.
	Territory TerritoryInfo
	Authority Authority
	// Series runs from the baseline year to Period.Year.
	Series  []YearPoint
	Targets []TargetResult
}

// AsOfYear is the report's year (the document's as_of_year).
func (r Report) AsOfYear() int { return r.Period.Year }

// Point returns the series' point for year.
func (r Report) Point(year int) (YearPoint, bool) {
	for _, p := range r.Series {
		if p.Year == year {
			return p, true
		}
	}
	return YearPoint{}, false
}

// TerritoryInfo names a plan's territory in a report: its name on the
// report date, how many units were ever in it, and how many enterprises
// are left uncounted for want of an area in the count's latest year.
type TerritoryInfo struct {
	Name   string `json:"name"`
	NameEN string `json:"-"` // for pages in English

	Units                int `json:"units"`
	UnlocatedEnterprises int `json:"unlocated_enterprises"`
}

// Authority is the body in office on the report date (rule 12).
type Authority struct {
	Body       string `json:"body"`
	Department string `json:"department"`
	Place      string `json:"place"`
	// BodyEN and DepartmentEN name them in English, for pages read in
	// English; the document carries the Vietnamese names only.
	BodyEN       string `json:"-"`
	DepartmentEN string `json:"-"`
}

// English is the department and body as an English page names them:
// "Department of Industry and Trade — Hai Phong City People's Committee".
func (a Authority) English() string { return a.DepartmentEN + " — " + a.BodyEN }

// Vietnamese is the department and body as a page names them: "Sở Công
// Thương — UBND thành phố Hải Phòng".
func (a Authority) Vietnamese() string { return a.Department + " — " + a.Body }

// Compute applies rules 1–11 to a plan's register in terr and returns its
// report for period. ents may hold enterprises of any province, outputs
// totals of any province and basis; the territory and the plan's province
// and basis decide. An empty basis means current prices.
func Compute(plan model.Plan, terr Territory, ents []EnterpriseRecord, outputs []model.ProvinceOutput, basis model.PriceBasis, period Period) Report {
	if basis == "" {
		basis = model.BasisCurrent
	}
	return report(plan, basis, period, terr, Series(plan, terr, ents, outputs, basis, plan.BaselineYear, period))
}

// FromTotals builds a plan's report from per-year totals already summed by
// the database (rules 2–5 and 11 applied in SQL), then judges its targets
// with the same Evaluate as Compute, so both paths give the same document.
// totals must run from the baseline year to period.Year, one entry a year.
func FromTotals(plan model.Plan, terr Territory, basis model.PriceBasis, period Period, totals []model.YearTotals) Report {
	if basis == "" {
		basis = model.BasisCurrent
	}
	series := make([]YearPoint, 0, len(totals))
	for _, t := range totals {
		series = append(series, NewYearPoint(t, period.Closed(t.Year)))
	}
	return report(plan, basis, period, terr, series)
}

func report(plan model.Plan, basis model.PriceBasis, period Period, terr Territory, series []YearPoint) Report {
	r := Report{Plan: plan.Code, Province: plan.ProvinceCode, Basis: basis, Period: period,
		Latest: Latest(series), Territory: TerritoryInfo{Units: terr.Units}, Series: series,
		Targets: Evaluate(plan, series, period)}
	if p, ok := r.Point(r.Latest.EnterpriseCount); ok {
		r.Territory.UnlocatedEnterprises = p.Unlocated
	}
	return r
}

// Group gathers classifications, figures and locations under their
// enterprises, in the enterprises' order, for Compute.
func Group(ents []model.Enterprise, classes []model.Classification, figs []model.Figure, locs []model.Location) []EnterpriseRecord {
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
	for _, l := range locs {
		if i, ok := at[l.EnterpriseID]; ok {
			out[i].Locations = append(out[i].Locations, l)
		}
	}
	return out
}

// reportJSON is a Report as DESIGN.md's API writes it.
type reportJSON struct {
	Plan       string           `json:"plan"`
	Province   string           `json:"province"`
	Basis      model.PriceBasis `json:"basis"`
	AsOfDate   string           `json:"as_of_date"`
	AsOfYear   int              `json:"as_of_year"`
	LatestYear struct {
		EnterpriseCount *int `json:"enterprise_count"`
		OutputShare     *int `json:"output_share"`
	} `json:"latest_year"`
	Territory TerritoryInfo  `json:"territory"`
	Authority Authority      `json:"authority"`
	Series    []YearPoint    `json:"series"`
	Targets   []TargetResult `json:"targets"`
}

// MarshalJSON writes the report as the API does.
func (r Report) MarshalJSON() ([]byte, error) {
	w := reportJSON{Plan: r.Plan, Province: r.Province, Basis: r.Basis,
		AsOfDate: r.Period.Date.Format(time.DateOnly), AsOfYear: r.Period.Year,
		Territory: r.Territory, Authority: r.Authority, Series: r.Series, Targets: r.Targets}
	w.LatestYear.EnterpriseCount, w.LatestYear.OutputShare = yearOrNull(r.Latest.EnterpriseCount), yearOrNull(r.Latest.OutputShare)
	if w.Series == nil {
		w.Series = []YearPoint{}
	}
	if w.Targets == nil {
		w.Targets = []TargetResult{}
	}
	return json.Marshal(w)
}

func yearOrNull(y int) *int {
	if y == 0 {
		return nil
	}
	return &y
}

// pointJSON is a YearPoint as DESIGN.md's API writes it.
type pointJSON struct {
	Year                 int                 `json:"year"`
	Closed               bool                `json:"closed"`
	EnterpriseCount      int                 `json:"enterprise_count"`
	QualifyingOutput     string              `json:"qualifying_output"`
	ProvinceOutput       *string             `json:"province_output"`
	ProvinceOutputStatus *model.FigureStatus `json:"province_output_status"`
	OutputShare          *float64            `json:"output_share"`
	OutputCoverage       *float64            `json:"output_coverage"`
}

// MarshalJSON writes the point as the API does: money as a decimal string of
// million VND, an undefined share (or a NaN or infinite number) as null.
func (p YearPoint) MarshalJSON() ([]byte, error) {
	w := pointJSON{
		Year:             p.Year,
		Closed:           p.Closed,
		EnterpriseCount:  p.EnterpriseCount,
		QualifyingOutput: p.QualifyingOutput.String(),
		OutputCoverage:   finite(p.OutputCoverage),
	}
	if p.ProvinceOutput != nil {
		s := p.ProvinceOutput.String()
		w.ProvinceOutput = &s
		if p.ProvinceStatus != "" {
			st := p.ProvinceStatus
			w.ProvinceOutputStatus = &st
		}
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
	Due           bool         `json:"due"`
	JudgedYear    *int         `json:"judged_year"`
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
		Due:           r.Due,
		JudgedYear:    yearOrNull(r.JudgedYear),
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
