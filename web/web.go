// Package web holds the pages, drawn with templ from typed view models, and
// the static files they use. Views never query: handlers pass them all they
// show.
package web

import (
	"embed"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Static holds the stylesheet and icons, served under /static/.
//
//go:embed static
var Static embed.FS

var vi = message.NewPrinter(language.Vietnamese)

// Int writes a whole number the Vietnamese way: 1.234.567.
func Int(n int64) string { return vi.Sprint(number.Decimal(n)) }

// Decimal writes a number the Vietnamese way with at most digits decimals:
// 1.234.567,5.
func Decimal(f float64, digits int) string {
	return vi.Sprint(number.Decimal(f, number.MaxFractionDigits(digits)))
}

// Percent writes a fraction as a Vietnamese percentage: 0.355 → 35,5%.
func Percent(f float64) string { return Decimal(f*100, 1) + "%" }

// Date writes a date the Vietnamese way: 29/10/2021.
func Date(t time.Time) string { return t.Format("02/01/2006") }
