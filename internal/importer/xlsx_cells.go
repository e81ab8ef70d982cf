package importer

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// maxExcelRows is the last row a worksheet can have.
const maxExcelRows = 1 << 20

// isDateFormat reports whether a number format shows a number as a date:
// the built-in date formats, or a format code with a day or a year in it
// once quoted text, [brackets] and escaped characters are set aside (a
// month alone could be minutes).
func isDateFormat(id int, code string) bool {
	switch {
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return true
	case code == "":
		return false
	}
	var b strings.Builder
	var until byte
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case until != 0:
			if c == until {
				until = 0
			}
		case c == '"':
			until = '"'
		case c == '[':
			until = ']'
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is shown as it is, or is padding
		case c == ';':
			i = len(code) // the first section, for positive numbers, decides
		default:
			b.WriteByte(c)
		}
	}
	return strings.ContainsAny(strings.ToLower(b.String()), "dy")
}

// serialDate turns an Excel date serial into yyyy-mm-dd, dropping any time
// of day. In the 1900 system Excel counts a 29 February 1900 that never
// was (serial 60); it comes out as such, and the importer refuses it.
func serialDate(serial float64, date1904 bool) (string, bool) {
	days := math.Floor(serial)
	if days < 1 || days > 2958465 { // 31/12/9999
		return "", false
	}
	var t time.Time
	switch {
	case date1904:
		t = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case days == 60:
		return "1900-02-29", true
	case days < 60:
		t = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	default:
		t = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	}
	return t.AddDate(0, 0, int(days)).Format(time.DateOnly), true
}

// isoDay is the day of an ISO 8601 date cell (t="d"): 2024-03-15T00:00:00
// is 2024-03-15.
func isoDay(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 10 {
		if _, err := time.Parse(time.DateOnly, v[:10]); err == nil {
			return v[:10]
		}
	}
	return v
}

// reOneDot3 is the one plain shape the importer reads as ambiguous: 1.234
// is a thousand and more to a Vietnamese reader.
var reOneDot3 = regexp.MustCompile(`^[1-9]\d{0,2}\.\d{3}$`)

// plainNumber writes a number as Excel shows it: rounded to the 15
// significant digits Excel keeps, so 1234.4999999999998 is 1234.5, with no
// exponent. A number that would read as ambiguous (1.234) takes the
// Vietnamese decimal comma instead (1,234), which the importer reads as
// meant.
func plainNumber(f float64) string {
	f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	if f == 0 {
		return "0"
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if reOneDot3.MatchString(s) {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// numberAsDate reads a plain number in a date column: a whole number from
// 1900 to 2100 is a year (as in a CSV file), anything else a date serial
// whose cell was not formatted as a date.
func numberAsDate(s string, date1904 bool) string {
	f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || (f == math.Trunc(f) && f >= 1900 && f <= 2100) {
		return s
	}
	if d, ok := serialDate(f, date1904); ok {
		return d
	}
	return s
}

// padTaxCode restores the leading zero Excel drops from a tax code typed as
// a number: 801234567 is 0801234567.
func padTaxCode(s string) string {
	if (len(s) == 9 || len(s) == 12) && strings.Trim(s, "0123456789") == "" {
		return "0" + s
	}
	return s
}

// cellRange is a rectangle of cells, by row and column numbers from 1.
type cellRange struct{ top, left, bottom, right int }

// parseRange reads a reference like B2:D4 (or a single cell).
func parseRange(ref string) (cellRange, bool) {
	a, b, found := strings.Cut(ref, ":")
	if !found {
		b = a
	}
	l, t, ok1 := parseCell(a)
	r, bo, ok2 := parseCell(b)
	if !ok1 || !ok2 || r < l || bo < t {
		return cellRange{}, false
	}
	return cellRange{top: t, left: l, bottom: bo, right: r}, true
}

// parseCell reads a cell reference like AB12 (dollar signs allowed).
func parseCell(ref string) (col, row int, ok bool) {
	ref = strings.ReplaceAll(ref, "$", "")
	i := 0
	for i < len(ref) && i < 3 && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, err := strconv.Atoi(ref[i:])
	if i == 0 || err != nil || row < 1 || row > maxExcelRows {
		return 0, 0, false
	}
	return col, row, true
}

// refColumn is the column of a cell reference.
func refColumn(ref string) (int, bool) {
	col, _, ok := parseCell(ref)
	return col, ok
}

// cellName writes a cell reference: column 4 of row 5 is D5.
func cellName(col, row int) string {
	var b []byte
	for c := col; c > 0; c = (c - 1) / 26 {
		b = append([]byte{byte('A' + (c-1)%26)}, b...)
	}
	return string(b) + strconv.Itoa(row)
}
