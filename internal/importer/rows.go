package importer

import (
	"strconv"
	"strings"
	"time"

	"industrytargets/internal/model"
)

// rowReader reads the cells of one row by key, gathering every problem.
type rowReader struct {
	h     *header
	cells []string
	v     *model.ValidationError
	style model.NumberStyle // how the table writes decimals, when its numbers show it
}

// text is the cell of key, trimmed and without the quote an export puts
// before text a spreadsheet could take for a formula (SafeCell); "" when
// the file has no such column.
func (r *rowReader) text(key string) string {
	if i, ok := r.h.index[key]; ok && i < len(r.cells) {
		return unquoteCell(strings.TrimSpace(r.cells[i]))
	}
	return ""
}

// blank reports whether the cells of keys are all empty.
func (r *rowReader) blank(keys ...string) bool {
	for _, k := range keys {
		if r.text(k) != "" {
			return false
		}
	}
	return true
}

// required is the cell of key, or "" with a problem when it is empty.
func (r *rowReader) required(key string) string {
	s := r.text(key)
	if s == "" {
		r.v.Add(key, "required")
	}
	return s
}

// failed reports whether any of keys has a problem already.
func (r *rowReader) failed(keys ...string) bool {
	for _, k := range keys {
		if _, bad := r.v.Field(k); bad {
			return true
		}
	}
	return false
}

func (r *rowReader) taxCode() string {
	s := r.text("tax_code")
	tc, err := model.NormalizeTaxCode(s)
	if err != nil {
		// A spreadsheet that took the code for a number dropped its
		// leading zero (801234567 for 0801234567); a CSV file saved from
		// it keeps the number. The zero is put back when that makes a
		// valid code.
		if padded, perr := model.NormalizeTaxCode(padTaxCode(s)); perr == nil {
			return padded
		}
		r.v.AddErr("tax_code", err)
		return s
	}
	return tc
}

// vsic reads an industry code, putting back the leading zero a spreadsheet
// drops from a code typed as a number (0810 saved as 810) when the code is
// not valid without it and is with it.
func (r *rowReader) vsic() string {
	s := r.text("vsic")
	if s != "" && len(s) < 5 && !model.ValidVSIC(s) && model.ValidVSIC("0"+s) {
		return "0" + s
	}
	return s
}

// date reads a required date; a bare year is the first or last day by edge.
func (r *rowReader) date(key string, edge model.YearEdge) time.Time {
	s := r.required(key)
	if s == "" {
		return time.Time{}
	}
	t, err := model.ParseDate(s, edge)
	r.v.AddErr(key, err)
	return t
}

func (r *rowReader) optDate(key string, edge model.YearEdge) *time.Time {
	s := r.text(key)
	if s == "" {
		return nil
	}
	t, err := model.ParseDate(s, edge)
	if err != nil {
		r.v.AddErr(key, err)
		return nil
	}
	return &t
}

func (r *rowReader) money(key string) model.Money {
	s := r.required(key)
	if s == "" {
		return 0
	}
	m, err := model.ParseMoneyIn(s, r.style)
	r.v.AddErr(key, err)
	return m
}

func (r *rowReader) optMoney(key string) *model.Money {
	s := r.text(key)
	if s == "" {
		return nil
	}
	m, err := model.ParseMoneyIn(s, r.style)
	if err != nil {
		r.v.AddErr(key, err)
		return nil
	}
	return &m
}

func (r *rowReader) optInt(key string) *int64 {
	s := r.text(key)
	if s == "" {
		return nil
	}
	n, err := model.ParseInt(s)
	if err != nil {
		r.v.AddErr(key, err)
		return nil
	}
	return &n
}

func (r *rowReader) year() int {
	s := r.required("year")
	if s == "" {
		return 0
	}
	y, err := model.ParseYear(s)
	r.v.AddErr("year", err)
	return y
}

// code is an enumeration's cell in lower case, or def when empty.
func (r *rowReader) code(key, def string) string {
	if s := strings.ToLower(r.text(key)); s != "" {
		return s
	}
	return def
}

// validate adds the record's own problems, except for fields already
// reported while reading the cells.
func (r *rowReader) validate(err error) {
	ve, ok := err.(*model.ValidationError)
	if !ok {
		r.v.AddErr("", err)
		return
	}
	for _, f := range ve.Fields {
		if !r.failed(f.Field) {
			r.v.Fields = append(r.v.Fields, f)
		}
	}
}

func (r *rowReader) ok() bool { return len(r.v.Fields) == 0 }

// errors places the row's problems at their columns.
func (r *rowReader) errors(file string, row, ti int) []RowError {
	out := make([]RowError, len(r.v.Fields))
	for n, f := range r.v.Fields {
		e := RowError{File: file, Row: row, Column: f.Field, Problem: f, order: [2]int{ti, len(r.h.keys)}}
		if i, ok := r.h.index[f.Field]; ok {
			e.Column, e.Value, e.order[1] = r.h.names[i], r.text(f.Field), i
		}
		out[n] = e
	}
	return out
}

func (p *parser) enterprise(r *rowReader, src Origin) (Enterprise, bool) {
	e := model.Enterprise{
		TaxCode: r.taxCode(), Name: r.text("name"), NameEN: r.text("name_en"),
		Ownership:       model.Ownership(r.code("ownership", "")),
		InvestorCountry: r.text("investor_country"), VSIC: r.vsic(),
		OperatingSince: r.date("operating_since", model.YearStart),
		CeasedOn:       r.optDate("ceased_on", model.YearEnd),
		Employees:      r.optInt("employees"),
	}
	e.AreaSince = r.optDate("area_since", model.YearStart)
	named := r.text("province") != ""
	e.ProvinceCode = p.province(r, p.defaultProvince)
	p.area(r, &e, named)
	e.ZoneID = p.zone(r, e.ProvinceCode)
	if err := e.Validate(); err != nil {
		r.validate(err)
	}
	if !r.failed("tax_code") {
		p.taxCodes[e.TaxCode] = true
		p.once(r, "import_duplicate_enterprise", "tax_code", e.TaxCode, src)
		p.moveAfterLatest(r, e)
	}
	return Enterprise{e, src}, r.ok()
}

// area finds the unit the row's area cell names (DESIGN.md "Names of
// units") among the units of the province the row names, or, when its
// province cell is empty, of every province, deciding between units of one
// name by the day the location begins; the enterprise's province then
// follows from the unit.
func (p *parser) area(r *rowReader, e *model.Enterprise, named bool) {
	s := r.text("area")
	if s == "" || r.failed("province") {
		return
	}
	scope := ""
	if named {
		scope = e.ProvinceCode
	}
	day := e.OperatingSince
	if e.AreaSince != nil {
		day = *e.AreaSince
	}
	a, ferr := p.areas.find(s, scope, day)
	if ferr != nil {
		r.v.Add("area", ferr.Code, ferr.Args...)
		return
	}
	e.AreaID, e.ProvinceCode = &a.ID, a.ProvinceCode
}

// zone finds the industrial zone the row names in its province, or in a
// province it took over: a park of Hải Dương is in Hải Phòng now, under
// the code it had.
func (p *parser) zone(r *rowReader, province string) *int64 {
	s := r.text("industrial_zone")
	if s == "" || province == "" {
		return nil
	}
	for _, scope := range append([]string{province}, p.predecessors[province]...) {
		e, ok, amb := p.zones.find(scope, s)
		switch {
		case amb != nil:
			r.v.Add("industrial_zone", amb.Code, amb.Args...)
			return nil
		case ok:
			return &e.id
		}
	}
	r.v.Add("industrial_zone", "import_unknown_zone", s, province)
	return nil
}

// moveAfterLatest refuses a move dated before the latest location stored
// for the enterprise: history is corrected on the enterprise's page.
func (p *parser) moveAfterLatest(r *rowReader, e model.Enterprise) {
	latest, ok := p.latestMoves[e.TaxCode]
	if !ok || e.AreaSince == nil || e.AreaID == nil || !e.AreaSince.Before(latest) {
		return
	}
	r.v.Add("area_since", "move_before_latest", model.FormatDate(latest))
}

func (p *parser) classification(r *rowReader, src Origin) (Classification, bool) {
	tc := r.taxCode()
	c := model.Classification{
		Category:      model.Category(p.category(r)),
		ProductGroup:  p.productGroup(r),
		ValidFrom:     r.date("valid_from", model.YearStart),
		ValidUntil:    r.optDate("valid_until", model.YearEnd),
		CertificateNo: r.text("certificate_no"),
	}
	if err := c.Validate(); err != nil {
		r.validate(err)
	}
	if !r.failed("tax_code", "category", "valid_from") {
		p.once(r, "import_duplicate_classification", "tax_code", tc+"\x00"+string(c.Category)+"\x00"+c.ValidFrom.Format(time.DateOnly), src)
	}
	if !r.failed("tax_code") {
		p.knownTaxCode(r, tc)
	}
	return Classification{tc, c, src}, r.ok()
}

// figureKeys are the cells of a figures row that hold a figure, or say
// what it is: a row with all of them empty has nothing to import. A row
// with a status but no value is a figure whose value was forgotten, and is
// refused as such (a downloaded grid leaves the status empty where there is
// no figure).
var figureKeys = []string{"production_value", "revenue", "export_value", "employees", "status"}

func (p *parser) figure(r *rowReader, src Origin) (Figure, bool) {
	tc := r.taxCode()
	f := model.Figure{
		Year:            r.year(),
		Basis:           model.PriceBasis(r.code("price_basis", string(model.BasisCurrent))),
		ProductionValue: r.money("production_value"),
		Revenue:         r.optMoney("revenue"),
		ExportValue:     r.optMoney("export_value"),
		Employees:       r.optInt("employees"),
		Status:          model.FigureStatus(r.code("status", string(model.StatusOfficial))),
	}
	if err := f.Validate(); err != nil {
		r.validate(err)
	}
	if !r.failed("tax_code", "year", "price_basis") {
		p.once(r, "import_duplicate_figure", "tax_code", tc+"\x00"+strconv.Itoa(f.Year)+"\x00"+string(f.Basis), src)
	}
	if !r.failed("tax_code") {
		p.knownTaxCode(r, tc)
	}
	return Figure{tc, f, src}, r.ok()
}

func (p *parser) provinceOutput(r *rowReader, src Origin) (ProvinceOutput, bool) {
	o := model.ProvinceOutput{
		ProvinceCode:    p.province(r, ""),
		Year:            r.year(),
		Basis:           model.PriceBasis(r.code("price_basis", string(model.BasisCurrent))),
		ProductionValue: r.money("production_value"),
		Status:          model.FigureStatus(r.code("status", string(model.StatusOfficial))),
		Source:          r.text("source"),
	}
	if err := o.Validate(); err != nil {
		r.validate(err)
	}
	if !r.failed("province", "year", "price_basis") {
		p.once(r, "import_duplicate_province_output", "province", o.ProvinceCode+"\x00"+strconv.Itoa(o.Year)+"\x00"+string(o.Basis), src)
	}
	return ProvinceOutput{o, src}, r.ok()
}

// province is the code of the province the row names, or of def when the
// cell is empty; "" with a problem when there is none.
func (p *parser) province(r *rowReader, def string) string {
	s := r.text("province")
	if s == "" {
		if def == "" {
			r.v.Add("province", "required")
			return ""
		}
		s = def
	}
	e, ok, amb := p.provinces.find("", s)
	switch {
	case amb != nil:
		r.v.Add("province", amb.Code, amb.Args...)
	case !ok:
		r.v.Add("province", "import_unknown_province", s)
	}
	return e.code
}

// category is the category's code, from its code or, when the reference
// lists them, its name.
func (p *parser) category(r *rowReader) string {
	s := r.required("category")
	if e, ok, _ := p.categories.find("", s); ok {
		return e.code
	}
	return strings.ToLower(s)
}

func (p *parser) productGroup(r *rowReader) string {
	s := r.text("product_group")
	if s == "" {
		return ""
	}
	e, ok, amb := p.groups.find("", s)
	switch {
	case amb != nil:
		r.v.Add("product_group", amb.Code, amb.Args...)
	case !ok:
		r.v.Add("product_group", "import_unknown_product_group", s)
	}
	return e.code
}
