package format

import (
	"testing"

	"industrytargets/internal/model"
)

func TestNumbers(t *testing.T) {
	tests := []struct{ got, want string }{
		{Int(1234567), "1.234.567"},
		{Int(0), "0"},
		{Decimal(1234567.5, 1), "1.234.567,5"},
		{Decimal(0.6667, 2), "0,67"},
		{Percent(0.355), "35,5%"},
		{Percent(0.35), "35,0%"}, // one decimal always, so shares read alike
		{Percent(0.17039), "17,0%"},
		{Money(model.Money(1234567125)), "1.234.567,125"},
		{Money(model.MoneyFromMillions(438000000)), "438.000.000"},
		{Money(model.Money(500)), "0,5"},
		{Money(model.MoneyFromMillions(100)), "100"},
		{Date(model.Date(2021, 10, 29)), "29/10/2021"},
		{For(model.LangEN).Int(1234567), "1,234,567"},
		{For(model.LangEN).Decimal(1234567.5, 1), "1,234,567.5"},
		{For(model.LangEN).Percent(0.355), "35.5%"},
		{For(model.LangEN).Money(model.Money(-1234567125)), "-1,234,567.125"},
		{For(model.LangEN).Date(model.Date(2021, 10, 29)), "2021-10-29"},
		{For(model.LangEN).Basis(model.BasisConst2010), "constant 2010 prices"},
		{For(model.LangVI).Basis(model.BasisCurrent), "hiện hành"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
