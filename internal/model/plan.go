package model

import (
	"cmp"
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
	p.Report.validate(v)
	return v.OrNil()
}

// Limits of a report's settings, as the database holds them.
const (
	maxSymbol     = 40
	maxSigner     = 100
	MaxRecipients = 30
)

var reSymbol = regexp.MustCompile(`^[\p{L}\p{N}]+([-.&][\p{L}\p{N}]+)*$`)

func (s *ReportSettings) validate(v *ValidationError) {
	s.Symbol = cmp.Or(strings.TrimSpace(s.Symbol), DefaultReportSymbol)
	switch {
	case len([]rune(s.Symbol)) > maxSymbol:
		v.Add("report_symbol", "too_long", maxSymbol)
	case !reSymbol.MatchString(s.Symbol):
		v.Add("report_symbol", "report_symbol", s.Symbol)
	}
	s.SignerTitle = cmp.Or(strings.TrimSpace(s.SignerTitle), DefaultSignerTitle)
	for field, text := range map[string]*string{"signer_authority": &s.SignerAuthority, "signer_title": &s.SignerTitle, "signer_name": &s.SignerName} {
		*text = strings.Join(strings.Fields(*text), " ")
		if len([]rune(*text)) > maxSigner {
			v.Add(field, "too_long", maxSigner)
		}
	}
	lines := s.Recipients[:0:0]
	for _, l := range s.Recipients {
		l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "-–•"))
		if l == "" {
			continue
		}
		if len([]rune(l)) > maxSigner*2 {
			v.Add("report_recipients", "too_long", maxSigner*2)
		}
		lines = append(lines, l)
	}
	s.Recipients = lines
	if len(lines) > MaxRecipients {
		v.Add("report_recipients", "recipients_many", MaxRecipients)
	}
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
