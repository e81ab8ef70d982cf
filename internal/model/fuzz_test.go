package model

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// The parsers of what people type into forms and files. Each fuzz test
// requires, for any input: no panic, and that a value once accepted reads
// back the same from its plain form (so what is stored is what was meant).

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1234.5", "1.234,5", "1.234.567,125", "0,001", "-5", "1e9", " 12 ", "1.234", "١٢٣", "9999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			return
		}
		// Written with a decimal comma, as exports write amounts ("1.001"
		// alone is refused as ambiguous, on purpose).
		written := strings.Replace(m.String(), ".", ",", 1)
		back, err := ParseMoney(written)
		if err != nil || back != m {
			t.Errorf("ParseMoney(%q) = %v; written %q it reads back as %v, %v", s, m, written, back, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"29/10/2021", "2021-10-29", "2021", "31/02/2021", "1/1/99", "29.10.2021", "00/00/0000", "45000"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, end bool) {
		edge := YearStart
		if end {
			edge = YearEdge(1)
		}
		d, err := ParseDate(s, edge)
		if err != nil {
			return
		}
		if d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
			t.Errorf("ParseDate(%q) = %v: not a whole day", s, d)
		}
		back, err := ParseDate(d.Format("02/01/2006"), edge)
		if err != nil || !back.Equal(d) {
			t.Errorf("ParseDate(%q) = %v; read back as %v, %v", s, d, back, err)
		}
	})
}

func FuzzNormalizeTaxCode(f *testing.F) {
	for _, s := range []string{"0100233488", "0100233488-001", "0100 233 488", "0100233489", "", "01002334880012"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := NormalizeTaxCode(s)
		if err != nil {
			return
		}
		again, err := NormalizeTaxCode(n)
		if err != nil || again != n {
			t.Errorf("NormalizeTaxCode(%q) = %q, then %q, %v: not stable", s, n, again, err)
		}
		if !utf8.ValidString(n) || len(n) > 14 {
			t.Errorf("NormalizeTaxCode(%q) = %q: not a tax code", s, n)
		}
	})
}

func FuzzParseNumbers(f *testing.F) {
	for _, s := range []string{"1.250", "1250", "-3", "35%", "35,5 %", "0,35", "2025", "1e3", "NaN", "Inf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n, err := ParseInt(s); err == nil {
			if back, err := ParseInt(strconv.FormatInt(n, 10)); err != nil || back != n {
				t.Errorf("ParseInt(%q) = %d; read back as %d, %v", s, n, back, err)
			}
		}
		if y, err := ParseYear(s); err == nil && (y < 1900 || y > 2200) {
			t.Errorf("ParseYear(%q) = %d: out of any plan's range", s, y)
		}
		if v, err := ParseShare(s); err == nil && (math.IsNaN(v) || v < 0 || v > 1) {
			t.Errorf("ParseShare(%q) = %v: not a share", s, v)
		}
		if v, err := ParsePercent(s); err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Errorf("ParsePercent(%q) = %v", s, v)
		}
		if e, err := NormalizeEmail(s); err == nil {
			if again, err := NormalizeEmail(e); err != nil || again != e {
				t.Errorf("NormalizeEmail(%q) = %q, then %q, %v: not stable", s, e, again, err)
			}
		}
	})
}
