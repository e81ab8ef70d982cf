// Package format writes numbers, amounts and dates the Vietnamese way
// (1.234.567,5 and dd/mm/yyyy), for pages and the command line alike, and
// the English way (1,234,567.5 and yyyy-mm-dd) for the English interface.
package format

import (
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"industrytargets/internal/model"
)

// Formatter writes numbers and dates in one language's conventions.
type Formatter struct {
	p            *message.Printer
	group, point string
	date         string
	en           bool
}

var (
	vi = Formatter{p: message.NewPrinter(language.Vietnamese), group: ".", point: ",", date: "02/01/2006"}
	en = Formatter{p: message.NewPrinter(language.English), group: ",", point: ".", date: "2006-01-02", en: true}
)

// For is the formatter of lang; Vietnamese unless lang is English.
func For(lang model.Lang) Formatter {
	if lang == model.LangEN {
		return en
	}
	return vi
}

// Int writes a whole number: 1.234.567.
func Int(n int64) string { return vi.Int(n) }

// Decimal writes a number with at most digits decimals: 1.234.567,5.
func Decimal(f float64, digits int) string { return vi.Decimal(f, digits) }

// Percent writes a fraction as a percentage with one decimal: 0.355 → 35,5%.
func Percent(f float64) string { return vi.Percent(f) }

// Money writes an exact amount of million VND with its thousands dots and
// every decimal it has: 1.234.567,125. It never goes through a float.
func Money(m model.Money) string { return vi.Money(m) }

// Date writes a date as dd/mm/yyyy.
func Date(t time.Time) string { return vi.Date(t) }

// Basis names a price basis as Vietnamese statistics do: giá hiện hành,
// giá so sánh 2010, giá so sánh 2020 (here without the word "giá").
func Basis(b model.PriceBasis) string { return vi.Basis(b) }

// Int writes a whole number: 1.234.567 (1,234,567 in English).
func (f Formatter) Int(n int64) string { return f.p.Sprint(number.Decimal(n)) }

// Decimal writes a number with at most digits decimals: 1.234.567,5.
func (f Formatter) Decimal(x float64, digits int) string {
	return f.p.Sprint(number.Decimal(x, number.MaxFractionDigits(digits)))
}

// Percent writes a fraction as a percentage with one decimal, always, so
// shares read alike side by side: 0.355 → 35,5%, 0.17 → 17,0%.
func (f Formatter) Percent(x float64) string {
	return f.p.Sprint(number.Decimal(x*100, number.MinFractionDigits(1), number.MaxFractionDigits(1))) + "%"
}

// Money writes an exact amount of million VND with its thousands separators
// and every decimal it has: 1.234.567,125. It never goes through a float.
func (f Formatter) Money(m model.Money) string {
	s := m.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(f.group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(f.point + frac)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Date writes a date as dd/mm/yyyy (yyyy-mm-dd in English).
func (f Formatter) Date(t time.Time) string { return t.Format(f.date) }

// Basis names a price basis as statistics do: giá hiện hành, giá so sánh
// 2010, giá so sánh 2020 (here without the word "giá"); in English current
// prices, constant 2010 prices, constant 2020 prices.
func (f Formatter) Basis(b model.PriceBasis) string {
	switch {
	case b == model.BasisConst2010 && f.en:
		return "constant 2010 prices"
	case b == model.BasisConst2010:
		return "so sánh 2010"
	case b == model.BasisConst2020 && f.en:
		return "constant 2020 prices"
	case b == model.BasisConst2020:
		return "so sánh 2020"
	case f.en:
		return "current prices"
	}
	return "hiện hành"
}

// Status names how final a figure is, in lower case: ước tính, sơ bộ,
// chính thức; in English estimate, preliminary, official.
func (f Formatter) Status(s model.FigureStatus) string {
	en := map[model.FigureStatus]string{model.StatusEstimate: "estimate", model.StatusPreliminary: "preliminary", model.StatusOfficial: "official"}
	vi := map[model.FigureStatus]string{model.StatusEstimate: "ước tính", model.StatusPreliminary: "sơ bộ", model.StatusOfficial: "chính thức"}
	if f.en {
		return withDefault(en[s], string(s))
	}
	return withDefault(vi[s], string(s))
}

// Status names a figure status the Vietnamese way.
func Status(s model.FigureStatus) string { return vi.Status(s) }

func withDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
