package model

import (
	"regexp"
	"strings"
	"time"
)

// Enterprise is one enterprise of the register.
type Enterprise struct {
	ID              int64
	TaxCode         string
	Name            string
	NameEN          string
	ProvinceCode    string
	Ownership       Ownership // empty when unknown
	InvestorCountry string
	// AreaID is where it is now: its latest location (rule 11), and
	// AreaSince the day that location began. On a form or an import row
	// they say where it is to be: with AreaSince a move on that day,
	// without a correction of the latest location.
	AreaID         *int64
	AreaSince      *time.Time
	ZoneID         *int64
	VSIC           string // 2 to 5 digits; empty when unknown
	OperatingSince time.Time
	CeasedOn       *time.Time
	Employees      *int64
	Demo           bool
	Version        int32
	CreatedAt      time.Time
	UpdatedAt      time.Time
	CreatedBy      *int64
	UpdatedBy      *int64
}

// Classification places an enterprise in a category for a period, usually on
// the strength of a certificate.
type Classification struct {
	ID            int64
	EnterpriseID  int64
	Category      Category
	ProductGroup  string // a product group code; empty when none
	ValidFrom     time.Time
	ValidUntil    *time.Time // nil: open-ended
	CertificateNo string
	Version       int32
	UpdatedAt     time.Time
}

// Figure is one enterprise's output in one year on one price basis.
type Figure struct {
	ID              int64
	EnterpriseID    int64
	Year            int
	Basis           PriceBasis
	ProductionValue Money
	Revenue         *Money
	ExportValue     *Money
	Employees       *int64
	Status          FigureStatus
	Version         int32
	UpdatedAt       time.Time
}

// ProvinceOutput is a province's total industrial production value (VSIC
// sections B+C+D+E) in one year on one price basis.
type ProvinceOutput struct {
	ID              int64
	ProvinceCode    string
	Year            int
	Basis           PriceBasis
	ProductionValue Money
	Status          FigureStatus
	Source          string
	Demo            bool
	Version         int32
	UpdatedAt       time.Time
}

const maxText = 500

var (
	reVSIC     = regexp.MustCompile(`^\d{2,5}$`)
	reProvince = regexp.MustCompile(`^[A-Z]{2,3}$`)
)

// ValidVSIC reports whether code is a VSIC code of 2 to 5 digits within a
// division of the industry sections B–E (05–09, 10–33, 35, 36–39).
func ValidVSIC(code string) bool {
	if !reVSIC.MatchString(code) {
		return false
	}
	d := atoi(code[:2])
	return d >= 5 && d <= 39 && d != 34
}

// Validate checks the enterprise and returns a *ValidationError naming every
// bad field, with TaxCode normalised on the way.
func (e *Enterprise) Validate() error {
	v := &ValidationError{}
	if tc, err := NormalizeTaxCode(e.TaxCode); err != nil {
		v.AddErr("tax_code", err)
	} else {
		e.TaxCode = tc
	}
	e.Name = strings.TrimSpace(e.Name)
	requireText(v, "name", e.Name)
	limitText(v, "name_en", e.NameEN)
	limitText(v, "investor_country", e.InvestorCountry)
	if !reProvince.MatchString(e.ProvinceCode) {
		v.Add("province", "province", e.ProvinceCode)
	}
	if e.Ownership != "" && !e.Ownership.Valid() {
		v.Add("ownership", "ownership", string(e.Ownership))
	}
	if e.VSIC != "" && !ValidVSIC(e.VSIC) {
		v.Add("vsic", "vsic", e.VSIC)
	}
	checkDate(v, "operating_since", e.OperatingSince, true)
	if e.CeasedOn != nil {
		checkDate(v, "ceased_on", *e.CeasedOn, true)
		if !e.OperatingSince.IsZero() && !e.CeasedOn.After(e.OperatingSince) {
			v.Add("ceased_on", "ceased_before", FormatDate(e.OperatingSince))
		}
	}
	if e.AreaSince != nil {
		e.checkAreaSince(v)
	}
	if e.Employees != nil && *e.Employees < 0 {
		v.Add("employees", "number_negative")
	}
	return v.OrNil()
}

// checkAreaSince checks the day a move is dated: it needs an area to move
// to, and falls within the time the enterprise operates.
func (e *Enterprise) checkAreaSince(v *ValidationError) {
	d := *e.AreaSince
	checkDate(v, "area_since", d, true)
	switch {
	case e.AreaID == nil:
		v.Add("area_since", "area_since_without_area")
	case !e.OperatingSince.IsZero() && d.Before(e.OperatingSince):
		v.Add("area_since", "area_since_before", FormatDate(e.OperatingSince))
	case e.CeasedOn != nil && !d.Before(*e.CeasedOn):
		v.Add("area_since", "area_since_after", FormatDate(*e.CeasedOn))
	}
}

// Validate checks the classification and returns a *ValidationError.
func (c *Classification) Validate() error {
	v := &ValidationError{}
	if !c.Category.Valid() {
		v.Add("category", "category", string(c.Category))
	}
	checkDate(v, "valid_from", c.ValidFrom, true)
	if c.ValidUntil != nil {
		checkDate(v, "valid_until", *c.ValidUntil, true)
		if c.ValidUntil.Before(c.ValidFrom) {
			v.Add("valid_until", "until_before", FormatDate(c.ValidFrom))
		}
	}
	limitText(v, "certificate_no", c.CertificateNo)
	return v.OrNil()
}

// Validate checks the figure and returns a *ValidationError.
func (f *Figure) Validate() error {
	v := &ValidationError{}
	checkYear(v, f.Year)
	if !f.Basis.Valid() {
		v.Add("price_basis", "price_basis", string(f.Basis))
	}
	if !f.Status.Valid() {
		v.Add("status", "status", string(f.Status))
	}
	checkMoney(v, "production_value", &f.ProductionValue)
	checkMoney(v, "revenue", f.Revenue)
	checkMoney(v, "export_value", f.ExportValue)
	if f.Employees != nil && *f.Employees < 0 {
		v.Add("employees", "number_negative")
	}
	return v.OrNil()
}

// Validate checks the province output and returns a *ValidationError.
func (p *ProvinceOutput) Validate() error {
	v := &ValidationError{}
	if !reProvince.MatchString(p.ProvinceCode) {
		v.Add("province", "province", p.ProvinceCode)
	}
	checkYear(v, p.Year)
	if !p.Basis.Valid() {
		v.Add("price_basis", "price_basis", string(p.Basis))
	}
	if !p.Status.Valid() {
		v.Add("status", "status", string(p.Status))
	}
	checkMoney(v, "production_value", &p.ProductionValue)
	limitText(v, "source", p.Source)
	return v.OrNil()
}

func requireText(v *ValidationError, field, s string) {
	if strings.TrimSpace(s) == "" {
		v.Add(field, "required")
		return
	}
	limitText(v, field, s)
}

func limitText(v *ValidationError, field, s string) {
	if len([]rune(s)) > maxText {
		v.Add(field, "too_long", maxText)
	}
}

func checkDate(v *ValidationError, field string, t time.Time, required bool) {
	if t.IsZero() {
		if required {
			v.Add(field, "required")
		}
		return
	}
	if t.Year() < MinDateYear || t.Year() > MaxDateYear {
		v.Add(field, "date_range", MinDateYear, MaxDateYear)
	}
}

func checkYear(v *ValidationError, y int) {
	if y < MinFigureYear || y > MaxFigureYear {
		v.Add("year", "year_range", MinFigureYear, MaxFigureYear)
	}
}

func checkMoney(v *ValidationError, field string, m *Money) {
	if m != nil && *m < 0 {
		v.Add(field, "number_negative")
	}
}

// FormatDate writes a date the Vietnamese way, dd/mm/yyyy.
func FormatDate(t time.Time) string { return t.Format("02/01/2006") }

// YearTotals is one year of a plan's register summed up: how many
// enterprises qualify, how many of them reported a production value, the
// exact sum of those values, and the province's total (nil when none). It is
// what the database hands the counting rules when it aggregates itself.
type YearTotals struct {
	Year           int
	Qualifying     int
	Reporting      int
	Output         Money
	ProvinceOutput *Money
	ProvinceStatus FigureStatus // of ProvinceOutput
	// Unlocated counts the enterprises that would qualify but have no
	// area, in a province lying partly in the plan's territory.
	Unlocated int
}

var reEmail = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// NormalizeEmail trims and lower-cases an email address and checks its
// form.
func NormalizeEmail(s string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(s))
	if e == "" {
		return "", fieldErr("required")
	}
	if len(e) > 254 || !reEmail.MatchString(e) {
		return "", fieldErr("email", s)
	}
	return e, nil
}
