package model

import (
	"math"
	"regexp"
	"strings"
)

var rePlanCode = regexp.MustCompile(`^[A-Za-z0-9_-]{1,32}$`)

// Validate checks the plan, its categories and its targets and returns a
// *ValidationError naming every problem.
func (p *Plan) Validate() error {
	v := &ValidationError{}
	if !rePlanCode.MatchString(p.Code) {
		v.Add("code", "code_format", p.Code)
	}
	if !reProvince.MatchString(p.ProvinceCode) {
		v.Add("province", "province", p.ProvinceCode)
	}
	p.Name = strings.TrimSpace(p.Name)
	requireText(v, "name", p.Name)
	if p.BaselineYear < MinFigureYear || p.BaselineYear > MaxFigureYear {
		v.Add("baseline_year", "year_range", MinFigureYear, MaxFigureYear)
	}
	for _, c := range p.Categories {
		if !c.Valid() {
			v.Add("categories", "category", string(c))
		}
	}
	for _, t := range p.Targets {
		t.validate(v, p.BaselineYear)
	}
	return v.OrNil()
}

func (t Target) validate(v *ValidationError, baseline int) {
	switch {
	case !t.Metric.Valid():
		v.Add("metric", "metric", string(t.Metric))
	case t.Year <= baseline:
		v.Add("year", "target_after", baseline)
	case t.Value < 0 || math.IsNaN(t.Value):
		v.Add("value", "number_negative")
	case t.Metric == MetricOutputShare && t.Value > 1:
		v.Add("value", "share_range")
	case t.Metric == MetricEnterpriseCount && t.Value != math.Trunc(t.Value):
		v.Add("value", "integer_format", formatFloat(t.Value))
	}
}

func formatFloat(f float64) string {
	return strings.TrimRight(strings.TrimRight(strconvFloat(f), "0"), ".")
}
