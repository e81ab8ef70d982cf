package model

import (
	"math"
	"testing"
)

func TestParsePercent(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		code string
	}{
		{"35", 0.35, ""},
		{"35%", 0.35, ""},
		{" 35,5 % ", 0.355, ""},
		{"0", 0, ""},
		{"100", 1, ""},
		{"12.5", 0.125, ""},
		{"150", 0, "percent_range"},
		{"-5", 0, "number_negative"},
		{"ba mươi", 0, "number_format"},
		{"%", 0, "required"},
	}
	for _, tt := range tests {
		got, err := ParsePercent(tt.in)
		if codeOf(err) != tt.code || (tt.code == "" && math.Abs(got-tt.want) > 1e-12) {
			t.Errorf("ParsePercent(%q) = %v, %v; want %v, code %q", tt.in, got, err, tt.want, tt.code)
		}
	}
}

func TestReferenceValidation(t *testing.T) {
	from, until := Date(2025, 7, 1), Date(2025, 6, 30)
	a := Area{ProvinceCode: "HP", Code: " Le_Chan ", Name: "Phường Lê Chân", Kind: "phuong", ValidFrom: &from}
	if err := a.Validate(); err != nil || a.Code != "le_chan" {
		t.Errorf("good area: %v, code %q", err, a.Code)
	}
	a.ValidUntil, a.Kind, a.Code = &until, "thon", "lê chân"
	want := []string{"code", "kind", "valid_until"}
	if v, ok := a.Validate().(*ValidationError); !ok || len(v.Fields) != len(want) {
		t.Errorf("bad area: %v, want problems at %v", a.Validate(), want)
	}
	z := Zone{ProvinceCode: "hd", Code: "kcn_a", Name: "", Kind: "kcx"}
	if v, ok := z.Validate().(*ValidationError); !ok || len(v.Fields) != 3 {
		t.Errorf("bad zone: %v, want problems at province, name and kind", z.Validate())
	}
	g := ProductGroup{Code: "co-khi", Name: "Cơ khí", Kind: "psip_sector", Category: "biotech"}
	if v, ok := g.Validate().(*ValidationError); !ok || len(v.Fields) != 2 {
		t.Errorf("bad group: %v, want problems at code and category", g.Validate())
	}
	tg := Target{Metric: MetricOutputShare, Year: 2030, Value: 1.2}
	if _, ok := tg.Validate(2020).(*ValidationError).Field("value"); !ok {
		t.Errorf("share above 1: %v", tg.Validate(2020))
	}
}

// TestMessageWithoutArgsShowsPercent: a message written as a format shows
// "%%" as "%" even when it takes no arguments.
func TestMessageWithoutArgsShowsPercent(t *testing.T) {
	got := FieldError{Code: "percent_range"}.Message(LangVI)
	if got != "tỷ lệ phần trăm phải từ 0 đến 100 (ví dụ 35 hoặc 35%)" {
		t.Errorf("message = %q", got)
	}
}
