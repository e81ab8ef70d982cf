package model

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// The kinds each reference list allows (migration 0001).
var (
	AreaKinds  = []string{"thanh_pho", "thi_xa", "huyen", "phuong", "xa", "dac_khu"}
	ZoneKinds  = []string{"kcn", "ccn"}
	GroupKinds = []string{"psip_sector", "priority_product"}
)

var (
	rePlaceCode = regexp.MustCompile(`^[a-z0-9_-]{1,64}$`)
	reGroupCode = regexp.MustCompile(`^[a-z0-9_]{1,64}$`)
)

// Validate checks the area and returns a *ValidationError; the code is
// trimmed and lower-cased on the way.
func (a *Area) Validate() error {
	v := &ValidationError{}
	a.Code, a.Name = strings.ToLower(strings.TrimSpace(a.Code)), strings.TrimSpace(a.Name)
	checkProvince(v, a.ProvinceCode)
	checkCode(v, rePlaceCode, a.Code, "a-z 0-9 _ -")
	requireText(v, "name", a.Name)
	checkKind(v, a.Kind, AreaKinds)
	if a.ValidFrom != nil {
		checkDate(v, "valid_from", *a.ValidFrom, true)
	}
	if a.ValidUntil != nil {
		checkDate(v, "valid_until", *a.ValidUntil, true)
		if a.ValidFrom != nil && a.ValidUntil.Before(*a.ValidFrom) {
			v.Add("valid_until", "until_before", FormatDate(*a.ValidFrom))
		}
	}
	return v.OrNil()
}

// Validate checks the industrial zone and returns a *ValidationError; the
// code is trimmed and lower-cased on the way.
func (z *Zone) Validate() error {
	v := &ValidationError{}
	z.Code, z.Name = strings.ToLower(strings.TrimSpace(z.Code)), strings.TrimSpace(z.Name)
	checkProvince(v, z.ProvinceCode)
	checkCode(v, rePlaceCode, z.Code, "a-z 0-9 _ -")
	requireText(v, "name", z.Name)
	checkKind(v, z.Kind, ZoneKinds)
	return v.OrNil()
}

// Validate checks the product group and returns a *ValidationError; the
// code is trimmed and lower-cased on the way.
func (g *ProductGroup) Validate() error {
	v := &ValidationError{}
	g.Code, g.Name = strings.ToLower(strings.TrimSpace(g.Code)), strings.TrimSpace(g.Name)
	checkCode(v, reGroupCode, g.Code, "a-z 0-9 _")
	requireText(v, "name", g.Name)
	limitText(v, "name_en", g.NameEN)
	checkKind(v, g.Kind, GroupKinds)
	if g.Category != "" && !g.Category.Valid() {
		v.Add("category", "category", string(g.Category))
	}
	return v.OrNil()
}

// Validate checks one target of a plan whose baseline year is baseline and
// returns a *ValidationError keyed metric, year or value.
func (t Target) Validate(baseline int) error {
	v := &ValidationError{}
	t.validate(v, baseline)
	return v.OrNil()
}

func checkProvince(v *ValidationError, code string) {
	if !reProvince.MatchString(code) {
		v.Add("province", "province", code)
	}
}

func checkCode(v *ValidationError, re *regexp.Regexp, code, allowed string) {
	switch {
	case code == "":
		v.Add("code", "required")
	case !re.MatchString(code):
		v.Add("code", "ref_code", code, allowed)
	}
}

func checkKind(v *ValidationError, kind string, kinds []string) {
	if !oneOf(kind, kinds) {
		v.Add("kind", "kind", kind, strings.Join(kinds, ", "))
	}
}

// ParsePercent reads a share written as a percentage, with or without the
// sign ("35", "35%", "35,5 %"), and returns it as a fraction (0.35).
func ParsePercent(s string) (float64, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if t == "" {
		return 0, fieldErr("required")
	}
	i, f, err := ParseDecimal(t)
	if err != nil {
		return 0, err
	}
	p, err := strconv.ParseFloat(i+"."+f+"0", 64)
	if err != nil || p > 100 || math.IsNaN(p) {
		return 0, fieldErr("percent_range")
	}
	// Rounded to the four decimals plan_targets keeps, so 35,55 % stays
	// 0.3555 and not 0.35549999….
	return math.Round(p*100) / 10000, nil
}
