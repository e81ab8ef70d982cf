package chart

import (
	"industrytargets/internal/format"
	"industrytargets/internal/model"
)

// Locale holds the words and the number format a chart writes. A zero
// Locale, or any empty field of one, means Vietnamese.
type Locale struct {
	// Number writes v with at most digits decimals: 1.234,5 in Vietnamese.
	Number func(v float64, digits int) string
	// Year heads the year column of a table.
	Year string
	// Actual, Trajectory, Projection and Target name the parts of a line
	// chart in its legend, tooltips and table.
	Actual, Trajectory, Projection, Target string
	// Category and Value head the two columns of a bar chart's table.
	Category, Value string
	// NoData is the message a chart without data shows.
	NoData string
}

// Vietnamese returns the default locale: "1.234,5", "Thực tế", "Mục tiêu".
func Vietnamese() Locale {
	return Locale{
		Number:     format.Decimal,
		Year:       "Năm",
		Actual:     "Thực tế",
		Trajectory: "Lộ trình",
		Projection: "Dự báo",
		Target:     "Mục tiêu",
		Category:   "Nhóm",
		Value:      "Giá trị",
		NoData:     "Chưa có số liệu",
	}
}

// English returns an English locale: "1,234.5", "Actual", "Target".
func English() Locale {
	return Locale{
		Number:     format.For(model.LangEN).Decimal,
		Year:       "Year",
		Actual:     "Actual",
		Trajectory: "Trajectory",
		Projection: "Projection",
		Target:     "Target",
		Category:   "Group",
		Value:      "Value",
		NoData:     "No data yet",
	}
}

// For returns the locale of lang: English for English, else Vietnamese.
func For(lang model.Lang) Locale {
	if lang == model.LangEN {
		return English()
	}
	return Vietnamese()
}

// withDefaults fills every empty field of l from Vietnamese.
func (l Locale) withDefaults() Locale {
	vi := Vietnamese()
	if l.Number == nil {
		l.Number = vi.Number
	}
	fill := func(s *string, def string) {
		if *s == "" {
			*s = def
		}
	}
	fill(&l.Year, vi.Year)
	fill(&l.Actual, vi.Actual)
	fill(&l.Trajectory, vi.Trajectory)
	fill(&l.Projection, vi.Projection)
	fill(&l.Target, vi.Target)
	fill(&l.Category, vi.Category)
	fill(&l.Value, vi.Value)
	fill(&l.NoData, vi.NoData)
	return l
}

// valueDigits is how many decimals a single value shows in a tooltip, a
// label or a table: shares to a tenth of a percent, counts and amounts to
// two places, whole numbers with none.
const valueDigits = 2

// numbers writes the values of one chart: as percentages of fractions when
// percent is set, with unit after them in tooltips.
type numbers struct {
	loc     Locale
	percent bool
	unit    string
}

// tick writes an axis label with the given number of decimals.
func (n numbers) tick(v float64, digits int) string {
	if n.percent {
		return n.loc.Number(v*100, max(0, digits-2)) + "%"
	}
	return n.loc.Number(v, digits)
}

// value writes a single value: 35,5% or 6,16.
func (n numbers) value(v float64) string {
	if n.percent {
		return n.loc.Number(v*100, 1) + "%"
	}
	return n.loc.Number(v, valueDigits)
}

// withUnit writes a value followed by the unit, when there is one.
func (n numbers) withUnit(v float64) string {
	if n.unit == "" {
		return n.value(v)
	}
	return n.value(v) + " " + n.unit
}
