// Package format writes numbers, amounts and dates the Vietnamese way
// (1.234.567,5 and dd/mm/yyyy), for pages and the command line alike.
package format

import (
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"industrytargets/internal/model"
)

var vi = message.NewPrinter(language.Vietnamese)

// Int writes a whole number: 1.234.567.
func Int(n int64) string { return vi.Sprint(number.Decimal(n)) }

// Decimal writes a number with at most digits decimals: 1.234.567,5.
func Decimal(f float64, digits int) string {
	return vi.Sprint(number.Decimal(f, number.MaxFractionDigits(digits)))
}

// Percent writes a fraction as a percentage with one decimal: 0.355 → 35,5%.
func Percent(f float64) string { return Decimal(f*100, 1) + "%" }

// Money writes an exact amount of million VND with its thousands dots and
// every decimal it has: 1.234.567,125. It never goes through a float.
func Money(m model.Money) string {
	s := m.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("," + frac)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Date writes a date as dd/mm/yyyy.
func Date(t time.Time) string { return t.Format("02/01/2006") }

// Basis names a price basis as Vietnamese statistics do: giá hiện hành,
// giá so sánh 2010, giá so sánh 2020 (here without the word "giá").
func Basis(b model.PriceBasis) string {
	switch b {
	case model.BasisConst2010:
		return "so sánh 2010"
	case model.BasisConst2020:
		return "so sánh 2020"
	}
	return "hiện hành"
}
