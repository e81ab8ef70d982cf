package importer

import "testing"

func TestPlainNumber(t *testing.T) {
	t.Parallel()
	for f, want := range map[float64]string{
		1234.4999999999998: "1234.5", 0.30000000000000004: "0.3", 1.234: "1,234", 999.999: "999,999",
		1234.567: "1234.567", 12.5: "12.5", 1e20: "100000000000000000000", 0: "0", 2024: "2024",
		123456789012.345: "123456789012.345", 0.001: "0.001", -5: "-5",
	} {
		if got := plainNumber(f); got != want {
			t.Errorf("plainNumber(%v) = %q, want %q", f, got, want)
		}
	}
}

func TestIsDateFormat(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		id   int
		code string
		want bool
	}{
		{14, "", true}, {22, "", true}, {0, "", false}, {2, "", false}, {45, "", false},
		{164, "dd/mm/yyyy", true}, {164, "[$-42A]d mmmm yyyy", true}, {164, "yyyy", true},
		{164, "mm:ss", false}, {164, `#,##0.00 "đồng"`, false}, {164, `0 "ngày"`, false},
		{164, "[Red]0.00", false}, {164, "General", false}, {164, `\d0`, false}, {164, "0;[Red]-0;d", false},
	} {
		if got := isDateFormat(tt.id, tt.code); got != tt.want {
			t.Errorf("isDateFormat(%d, %q) = %v, want %v", tt.id, tt.code, got, tt.want)
		}
	}
}

func TestSerialDate(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		serial   float64
		date1904 bool
		want     string
	}{
		{1, false, "1900-01-01"}, {59, false, "1900-02-28"}, {60, false, "1900-02-29"}, {61, false, "1900-03-01"},
		{42005, false, "2015-01-01"}, {42005.75, false, "2015-01-01"}, {45366, false, "2024-03-15"},
		{40543, true, "2015-01-01"}, {0, false, ""}, {3e6, false, ""},
	} {
		got, ok := serialDate(tt.serial, tt.date1904)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("serialDate(%v, %v) = %q, %v; want %q", tt.serial, tt.date1904, got, ok, tt.want)
		}
	}
}

func TestCellReferences(t *testing.T) {
	t.Parallel()
	for ref, want := range map[string]cellRange{"A1:L1": {1, 1, 1, 12}, "$B$2:$D$4": {2, 2, 4, 4}, "XFD7": {7, 16384, 7, 16384}} {
		if got, ok := parseRange(ref); !ok || got != want {
			t.Errorf("parseRange(%q) = %+v, %v; want %+v", ref, got, ok, want)
		}
	}
	for _, bad := range []string{"", "A", "1", "B2:A1", "A0", "ABCD1", "A1048577"} {
		if _, ok := parseRange(bad); ok {
			t.Errorf("parseRange(%q) accepted", bad)
		}
	}
	for col, want := range map[int]string{1: "A5", 26: "Z5", 27: "AA5", 702: "ZZ5", 703: "AAA5"} {
		if got := cellName(col, 5); got != want {
			t.Errorf("cellName(%d, 5) = %q, want %q", col, got, want)
		}
	}
}

func TestNumbersInTaxCodeAndDateColumns(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"801234560": "0801234560", "100233488001": "0100233488001", "0801234560": "0801234560", "12": "12"} {
		if got := padTaxCode(in); got != want {
			t.Errorf("padTaxCode(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"2015": "2015", "42005": "2015-01-01", "42005.5": "2015-01-01", "1899": "1905-03-13"} {
		if got := numberAsDate(in, false); got != want {
			t.Errorf("numberAsDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSafeCellRoundTrip(t *testing.T) {
	t.Parallel()
	for in, out := range map[string]string{
		"=SUM(A1)": "'=SUM(A1)", "+84": "'+84", "-Trừ": "'-Trừ", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx",
		"'quoted": "''quoted", "'=x": "''=x", "Công ty": "Công ty", "": "", "a=b": "a=b",
	} {
		if got := SafeCell(in); got != out {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, out)
		}
		if back := unquoteCell(out); back != in {
			t.Errorf("unquoteCell(%q) = %q, want %q", out, back, in)
		}
	}
	if got := unquoteCell("'0801234560"); got != "'0801234560" {
		t.Errorf("a quote before a digit is text: %q", got)
	}
}
