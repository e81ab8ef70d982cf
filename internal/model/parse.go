package model

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Years outside these bounds are refused everywhere (dates and figures).
const (
	MinDateYear   = 1900
	MaxDateYear   = 2100
	MinFigureYear = 1990
	MaxFigureYear = 2100
)

var taxWeights = [9]int{31, 29, 23, 19, 17, 13, 7, 5, 3}

// NormalizeTaxCode checks a Vietnamese enterprise tax code (DOMAIN.md §5)
// and returns it as NNNNNNNNNN or NNNNNNNNNN-NNN. Spaces, dots and dashes
// are ignored on input.
func NormalizeTaxCode(s string) (string, error) {
	var digits []byte
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == ' ' || r == '.' || r == '-':
		case r >= '0' && r <= '9':
			digits = append(digits, byte(r))
		default:
			return "", fieldErr("tax_code_chars", string(r))
		}
	}
	if len(digits) == 0 {
		return "", fieldErr("required")
	}
	if len(digits) != 10 && len(digits) != 13 {
		return "", fieldErr("tax_code_length", len(digits))
	}
	if string(digits[2:9]) == "0000000" {
		return "", fieldErr("tax_code_sequence")
	}
	if len(digits) == 13 && string(digits[10:]) == "000" {
		return "", fieldErr("tax_code_branch_zero")
	}
	want, ok := TaxCheckDigit(string(digits[:9]))
	if !ok {
		return "", fieldErr("tax_code_no_check", string(digits[:9]))
	}
	if got := int(digits[9] - '0'); got != want {
		return "", fieldErr("tax_code_check_digit", want, got)
	}
	if len(digits) == 13 {
		return string(digits[:10]) + "-" + string(digits[10:]), nil
	}
	return string(digits), nil
}

// TaxCheckDigit computes the tenth digit for the first nine digits of a tax
// code: 10 − (S mod 11) with S the weighted sum. ok is false when S mod 11
// is 0, since no single digit fits (python-stdnum's vn.mst does the same).
func TaxCheckDigit(first9 string) (digit int, ok bool) {
	if len(first9) != 9 {
		return 0, false
	}
	s := 0
	for i := range 9 {
		c := first9[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		s += taxWeights[i] * int(c-'0')
	}
	d := 10 - s%11
	if d > 9 {
		return 0, false
	}
	return d, true
}

// YearEdge says which day a bare year stands for.
type YearEdge int

// A bare year means 1 January in start dates and 31 December in end dates.
const (
	YearStart YearEdge = iota
	YearEnd
)

var (
	reDMY  = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
	reDMY2 = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{2})$`)
	reISO  = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	reYear = regexp.MustCompile(`^\d{4}$`)
)

// ParseDate reads dd/mm/yyyy, yyyy-mm-dd or a bare year (its first or last
// day, by edge), and dd/mm/yy as a Vietnamese spreadsheet saves a date in
// CSV: a two-digit year from 00 to 49 is 2000–2049, from 50 to 99
// 1950–1999 (TwoDigitYear). The result is midnight UTC of that day.
func ParseDate(s string, edge YearEdge) (time.Time, error) {
	s = strings.TrimSpace(s)
	var y, m, d int
	switch {
	case reDMY.MatchString(s):
		p := reDMY.FindStringSubmatch(s)
		d, m, y = atoi(p[1]), atoi(p[2]), atoi(p[3])
	case reDMY2.MatchString(s):
		p := reDMY2.FindStringSubmatch(s)
		d, m, y = atoi(p[1]), atoi(p[2]), TwoDigitYear(atoi(p[3]))
	case reISO.MatchString(s):
		p := reISO.FindStringSubmatch(s)
		y, m, d = atoi(p[1]), atoi(p[2]), atoi(p[3])
	case reYear.MatchString(s):
		y, m, d = atoi(s), 1, 1
		if edge == YearEnd {
			m, d = 12, 31
		}
	default:
		return time.Time{}, fieldErr("date_format", s)
	}
	if y < MinDateYear || y > MaxDateYear {
		return time.Time{}, fieldErr("date_range", MinDateYear, MaxDateYear)
	}
	t := Date(y, time.Month(m), d)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, fieldErr("date_invalid", s)
	}
	return t, nil
}

// TwoDigitYear is the year a two-digit year means: 00–49 are 2000–2049,
// 50–99 are 1950–1999. The register's dates (enterprises founded since the
// 1950s, certificates valid into the 2040s) all fall in that span.
func TwoDigitYear(yy int) int {
	if yy < 50 {
		return 2000 + yy
	}
	return 1900 + yy
}

// Date returns midnight UTC of a calendar day, the form every date takes
// in this program.
func Date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// DayOf is the calendar day t names in its own location, as a Date: dates
// read with a clock time or a zone still mean their day.
func DayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return Date(y, m, d)
}

// YearEndDate returns 31 December of year y, the day the counting rules look at.
func YearEndDate(y int) time.Time { return Date(y, time.December, 31) }

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

var (
	rePlain   = regexp.MustCompile(`^\d+(\.\d+)?$`)
	reVNGroup = regexp.MustCompile(`^\d{1,3}(\.\d{3})+(,\d+)?$`)
	reVNPlain = regexp.MustCompile(`^\d+(,\d+)?$`)
	reOneDot3 = regexp.MustCompile(`^[1-9]\d{0,2}\.\d{3}$`)
)

// ParseDecimal reads a non-negative number written plainly (1234.5) or the
// Vietnamese way (1.234,5 or 1234,5) and returns its digits and the count of
// them after the decimal point. "1.234" alone is refused as ambiguous: it is
// 1234 to a Vietnamese reader and 1.234 to a machine.
func ParseDecimal(s string) (intPart, fracPart string, err error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	s = strings.ReplaceAll(s, "\u00a0", "")
	if strings.HasPrefix(s, "-") && len(s) > 1 {
		return "", "", fieldErr("number_negative")
	}
	switch {
	case reOneDot3.MatchString(s):
		whole := strings.Replace(s, ".", "", 1)
		return "", "", fieldErr("number_ambiguous", s, whole, strings.Replace(s, ".", ",", 1))
	case rePlain.MatchString(s):
		i, f, _ := strings.Cut(s, ".")
		return i, f, nil
	case reVNGroup.MatchString(s), reVNPlain.MatchString(s):
		i, f, _ := strings.Cut(s, ",")
		return strings.ReplaceAll(i, ".", ""), f, nil
	}
	return "", "", fieldErr("number_format", s)
}

// ParseInt reads a non-negative whole number, plain or with Vietnamese
// thousands dots (1.234).
func ParseInt(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if reVNGroup.MatchString(t) && !strings.Contains(t, ",") {
		t = strings.ReplaceAll(t, ".", "")
	}
	if strings.HasPrefix(t, "-") {
		return 0, fieldErr("number_negative")
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return 0, fieldErr("number_too_large")
		}
		return 0, fieldErr("integer_format", s)
	}
	return n, nil
}

// ParseYear reads a year within the bounds figures may take.
func ParseYear(s string) (int, error) {
	n, err := ParseInt(s)
	if err != nil {
		return 0, err
	}
	if n < MinFigureYear || n > MaxFigureYear {
		return 0, fieldErr("year_range", MinFigureYear, MaxFigureYear)
	}
	return int(n), nil
}

// ParseShare reads a fraction between 0 and 1 (0,35 or 0.35).
func ParseShare(s string) (float64, error) {
	i, f, err := ParseDecimal(s)
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseFloat(i+"."+f+"0", 64)
	if err != nil || v > 1 || math.IsNaN(v) {
		return 0, fieldErr("share_range")
	}
	return v, nil
}

func strconvFloat(f float64) string { return strconv.FormatFloat(f, 'f', 6, 64) }

// Noncharacter reports whether s holds a Unicode noncharacter (U+FFFE,
// U+FFFF, U+FDD0–U+FDEF and the last two code points of every plane):
// never text, they cannot be written back as they were read (an export
// turns them into U+FFFD), so they are refused where they enter.
func Noncharacter(s string) bool {
	for _, r := range s {
		if (r >= 0xFDD0 && r <= 0xFDEF) || r&0xFFFE == 0xFFFE {
			return true
		}
	}
	return false
}
