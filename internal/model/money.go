package model

import (
	"database/sql/driver"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// MoneyDecimals is how many decimal places of a million VND are kept: three,
// so the smallest amount is one thousand đồng.
const MoneyDecimals = 3

// Money is an exact amount in million VND, held as an integer count of
// thousandths (thousand đồng), so sums never round.
type Money int64

// MoneyFromMillions returns the amount of n whole million VND.
func MoneyFromMillions(n int64) Money { return Money(n * 1000) }

// ParseMoney reads an amount of million VND written plainly (1234.5) or the
// Vietnamese way (1.234,5).
func ParseMoney(s string) (Money, error) { return ParseMoneyIn(s, StyleUnknown) }

// ParseMoneyIn reads an amount as ParseMoney does, in a file whose other
// numbers show its style: there "1.234" is no longer ambiguous, but 1.234
// in a file with decimal points (as an English spreadsheet saves it) and
// 1234 in one with decimal commas.
func ParseMoneyIn(s string, style NumberStyle) (Money, error) {
	i, f, err := ParseDecimal(s)
	if err != nil && style != StyleUnknown && reOneDot3.MatchString(strings.TrimSpace(s)) {
		i, f, _ = strings.Cut(strings.TrimSpace(s), ".")
		if style == StyleComma {
			i, f, err = i+f, "", nil
		}
		err = nil
	}
	if err != nil {
		return 0, err
	}
	if len(f) > MoneyDecimals {
		if strings.TrimRight(f[MoneyDecimals:], "0") != "" {
			return 0, fieldErr("number_decimals", MoneyDecimals)
		}
		f = f[:MoneyDecimals]
	}
	f += strings.Repeat("0", MoneyDecimals-len(f))
	n, err := strconv.ParseInt(strings.TrimLeft(i, "0")+f, 10, 64)
	if err != nil {
		if strings.TrimLeft(i+f, "0") == "" {
			return 0, nil
		}
		return 0, fieldErr("number_too_large")
	}
	return Money(n), nil
}

// NumberStyle is how a file writes decimals, as far as its numbers show.
type NumberStyle int

// The styles of decimals.
const (
	StyleUnknown NumberStyle = iota
	StylePoint               // 1234.5, as an English spreadsheet saves numbers
	StyleComma               // 1234,5 or 1.234,5, as a Vietnamese one does
)

// StyleOf is the style one number shows: a point or a comma that can
// only be a decimal separator, or dots that can only group thousands.
func StyleOf(s string) NumberStyle {
	s = strings.TrimSpace(s)
	switch {
	case reOneDot3.MatchString(s):
		return StyleUnknown
	case rePlain.MatchString(s) && strings.Contains(s, "."):
		return StylePoint
	case reVNPlain.MatchString(s) && strings.Contains(s, ","), reVNGroup.MatchString(s):
		return StyleComma
	}
	return StyleUnknown
}

// String writes the amount as a plain decimal in million VND without
// trailing zeros: 1234.5, 0, 12.
func (m Money) String() string {
	neg := m < 0
	u := uint64(m)
	if neg {
		u = uint64(-m)
	}
	s := strconv.FormatUint(u/1000, 10)
	if frac := u % 1000; frac != 0 {
		s += "." + strings.TrimRight(fmt.Sprintf("%03d", frac), "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Float returns the amount in million VND as a float, for ratios only.
func (m Money) Float() float64 { return float64(m) / 1000 }

// Value stores the amount as a NUMERIC in million VND.
func (m Money) Value() (driver.Value, error) { return m.String(), nil }

// Scan reads a NUMERIC amount of million VND exactly.
func (m *Money) Scan(src any) error {
	switch v := src.(type) {
	case string:
		return m.scanText(v)
	case []byte:
		return m.scanText(string(v))
	case int64:
		*m = MoneyFromMillions(v)
		return nil
	case nil:
		return fmt.Errorf("money: NULL into a non-null amount")
	}
	return fmt.Errorf("money: cannot scan %T", src)
}

func (m *Money) scanText(s string) error {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return fmt.Errorf("money: %q is not a number", s)
	}
	r.Mul(r, big.NewRat(1000, 1))
	if !r.IsInt() || !r.Num().IsInt64() {
		return fmt.Errorf("money: %q does not fit", s)
	}
	*m = Money(r.Num().Int64())
	return nil
}

// Ratio divides a by b as a float, the one place money becomes inexact.
// It returns NaN when b is zero.
func Ratio(a, b Money) float64 {
	if b == 0 {
		return math.NaN()
	}
	r, _ := new(big.Rat).SetFrac64(int64(a), int64(b)).Float64()
	return r
}
