package model

import (
	"errors"
	"testing"
	"time"
)

func TestNormalizeTaxCode(t *testing.T) {
	tests := []struct {
		in, want, code string
	}{
		{"0100233488", "0100233488", ""},
		{" 0100 233 488 ", "0100233488", ""},
		{"0314409058-002", "0314409058-002", ""},
		{"0314409058002", "0314409058-002", ""},
		{"0100112437", "0100112437", ""},
		{"0312687878", "0312687878", ""},
		{"0100233480", "", "tax_code_check_digit"},
		{"010023348", "", "tax_code_length"},
		{"01002334881", "", "tax_code_length"},
		{"0100233488-000", "", "tax_code_branch_zero"},
		{"0100000000", "", "tax_code_sequence"},
		{"01002334X8", "", "tax_code_chars"},
		{"", "", "required"},
	}
	for _, tt := range tests {
		got, err := NormalizeTaxCode(tt.in)
		if got != tt.want || codeOf(err) != tt.code {
			t.Errorf("NormalizeTaxCode(%q) = %q, %v; want %q, code %q", tt.in, got, err, tt.want, tt.code)
		}
	}
}

func TestTaxCheckDigitMessageSaysWhich(t *testing.T) {
	_, err := NormalizeTaxCode("0100233480")
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want a *FieldError", err)
	}
	if got, want := fe.Message(LangVI), "sai chữ số kiểm tra: chữ số thứ 10 phải là 8, không phải 0"; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
	if got, want := fe.Message(LangEN), "wrong check digit: the 10th digit must be 8, not 0"; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
}

func TestTaxCheckDigitImpossiblePrefix(t *testing.T) {
	// 000000012: S = 1·5 + 2·3 = 11, and 11 mod 11 = 0 leaves 10 − 0 = 10,
	// which is not a digit. (S mod 11 = 1 gives 9, a valid digit.)
	if d, ok := TaxCheckDigit("000000012"); ok {
		t.Fatalf("TaxCheckDigit(000000012) = %d, true; want no digit", d)
	}
	if d, ok := TaxCheckDigit("000000110"); !ok || d != 9 {
		t.Errorf("TaxCheckDigit(000000110) = %d, %v; want 9 (S = 12, 12 mod 11 = 1)", d, ok)
	}
	if _, err := NormalizeTaxCode("0000000120"); codeOf(err) != "tax_code_no_check" {
		t.Errorf("NormalizeTaxCode(0000000120) err = %v, want tax_code_no_check", err)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		edge YearEdge
		want time.Time
		code string
	}{
		{"29/10/2021", YearStart, Date(2021, 10, 29), ""},
		{"1/3/2019", YearStart, Date(2019, 3, 1), ""},
		{"2021-10-29", YearStart, Date(2021, 10, 29), ""},
		{"2021", YearStart, Date(2021, 1, 1), ""},
		{"2021", YearEnd, Date(2021, 12, 31), ""},
		{"29/02/2024", YearStart, Date(2024, 2, 29), ""},
		{"29/02/2023", YearStart, time.Time{}, "date_invalid"},
		{"31/04/2023", YearStart, time.Time{}, "date_invalid"},
		{"10/29/2021", YearStart, time.Time{}, "date_invalid"},
		{"29.10.2021", YearStart, time.Time{}, "date_format"},
		{"1850", YearStart, time.Time{}, "date_range"},
		// dd/mm/yy, as a Vietnamese spreadsheet saves CSV: 00–49 → 20xx.
		{"01/02/95", YearStart, Date(1995, 2, 1), ""},
		{"1/7/25", YearStart, Date(2025, 7, 1), ""},
		{"31/12/49", YearStart, Date(2049, 12, 31), ""},
		{"01/01/50", YearStart, Date(1950, 1, 1), ""},
		{"31/02/25", YearStart, time.Time{}, "date_invalid"},
		{"1/7/025", YearStart, time.Time{}, "date_format"},
		{"", YearStart, time.Time{}, "date_format"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, tt.edge)
		if !got.Equal(tt.want) || codeOf(err) != tt.code {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, code %q", tt.in, got, err, tt.want, tt.code)
		}
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		want Money
		code string
	}{
		{"1234", 1234000, ""},
		{"1234.5", 1234500, ""},
		{"1.234,5", 1234500, ""},
		{"1.234.567,125", 1234567125, ""},
		{"1234,5", 1234500, ""},
		{"0", 0, ""},
		{"0.001", 1, ""},
		{"12.5000", 12500, ""},
		{"1.234", 0, "number_ambiguous"},
		{"123.456", 0, "number_ambiguous"},
		{"1.2345", 1234, "number_decimals"},
		{"1,234.5", 0, "number_format"},
		{"-5", 0, "number_negative"},
		{"abc", 0, "number_format"},
		{"99999999999999999999", 0, "number_too_large"},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in)
		if codeOf(err) != tt.code || (tt.code == "" && got != tt.want) {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d, code %q", tt.in, got, err, tt.want, tt.code)
		}
	}
}

func TestMoneyString(t *testing.T) {
	tests := []struct {
		in   Money
		want string
	}{
		{0, "0"}, {1, "0.001"}, {1234500, "1234.5"}, {1234000, "1234"}, {-1500, "-1.5"}, {10, "0.01"},
	}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("Money(%d).String() = %q, want %q", int64(tt.in), got, tt.want)
		}
		if tt.in >= 0 {
			back, err := ParseMoney(tt.want)
			if err != nil && tt.want != "1234" {
				t.Errorf("ParseMoney(%q) err = %v", tt.want, err)
			} else if err == nil && back != tt.in {
				t.Errorf("ParseMoney(%q) = %d, want %d", tt.want, back, tt.in)
			}
		}
	}
}

func TestMoneyScan(t *testing.T) {
	for _, src := range []any{"1234.500", []byte("1234.5"), "1234.50000"} {
		var m Money
		if err := m.Scan(src); err != nil || m != 1234500 {
			t.Errorf("Scan(%v) = %d, %v; want 1234500", src, m, err)
		}
	}
	var m Money
	if err := m.Scan("0.0001"); err == nil {
		t.Errorf("Scan(0.0001) = %d, want an error (below a thousand đồng)", m)
	}
	if err := m.Scan(1.5); err == nil {
		t.Error("Scan(float64) succeeded; a float must never become money")
	}
}

func TestRatio(t *testing.T) {
	if got := Ratio(MoneyFromMillions(540), MoneyFromMillions(2500)); got != 0.216 {
		t.Errorf("Ratio(540, 2500) = %v, want 0.216", got)
	}
	if got := Ratio(1, 0); got == got {
		t.Errorf("Ratio(1, 0) = %v, want NaN", got)
	}
}

func TestParseIntAndYear(t *testing.T) {
	if n, err := ParseInt("1.234"); err != nil || n != 1234 {
		t.Errorf("ParseInt(1.234) = %d, %v; want 1234", n, err)
	}
	if _, err := ParseInt("12,5"); codeOf(err) != "integer_format" {
		t.Errorf("ParseInt(12,5) err = %v, want integer_format", err)
	}
	if _, err := ParseYear("1989"); codeOf(err) != "year_range" {
		t.Errorf("ParseYear(1989) err = %v, want year_range", err)
	}
	if y, err := ParseYear("2025"); err != nil || y != 2025 {
		t.Errorf("ParseYear(2025) = %d, %v", y, err)
	}
}

func codeOf(err error) string {
	if err == nil {
		return ""
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.Code
	}
	return "not a FieldError: " + err.Error()
}

// TestParseMoneyIn: "1.234" alone is refused, but a file's other numbers
// settle it: 1.234 among decimal points, 1234 among decimal commas.
func TestParseMoneyIn(t *testing.T) {
	for _, tt := range []struct {
		in    string
		style NumberStyle
		want  Money
		code  string
	}{
		{"1.234", StyleUnknown, 0, "number_ambiguous"},
		{"1.234", StylePoint, 1234, ""},
		{"1.234", StyleComma, MoneyFromMillions(1234), ""},
		{"1234567.891", StylePoint, 1234567891, ""},
		{"1234567,891", StyleComma, 1234567891, ""},
		{"0.001", StyleComma, 1, ""},
		{"12.5", StyleUnknown, 12500, ""},
	} {
		got, err := ParseMoneyIn(tt.in, tt.style)
		if got != tt.want || codeOf(err) != tt.code {
			t.Errorf("ParseMoneyIn(%q, %d) = %v, %v; want %v, %q", tt.in, tt.style, got, err, tt.want, tt.code)
		}
	}
	for in, want := range map[string]NumberStyle{"1.234": StyleUnknown, "1234.5": StylePoint, "0.001": StylePoint,
		"1234,5": StyleComma, "1.234.567": StyleComma, "1.234,5": StyleComma, "1234": StyleUnknown, "abc": StyleUnknown} {
		if got := StyleOf(in); got != want {
			t.Errorf("StyleOf(%q) = %d, want %d", in, got, want)
		}
	}
}
