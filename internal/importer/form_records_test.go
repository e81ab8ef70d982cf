package importer_test

import (
	"errors"
	"testing"

	"industrytargets/internal/importer"
	"industrytargets/internal/model"
)

// fieldCodes lists the problems of err by field.
func fieldCodes(t *testing.T, err error) map[string]string {
	t.Helper()
	var v *model.ValidationError
	if err == nil {
		return nil
	}
	if !errors.As(err, &v) {
		t.Fatalf("err = %v, want a *ValidationError", err)
	}
	out := map[string]string{}
	for _, f := range v.Fields {
		out[f.Field] = f.Code
	}
	return out
}

func TestClassificationFormReadsNamesAndDates(t *testing.T) {
	c, err := importer.ClassificationForm(map[string]string{"category": "Công nghiệp hỗ trợ", "product_group": "Điện tử",
		"valid_from": "2019", "valid_until": "31/05/2026", "certificate_no": " 12/GCN "}, tcA, testRef())
	if err != nil {
		t.Fatal(err)
	}
	if c.Category != model.CategorySupporting || c.ProductGroup != "dien_tu" || !c.ValidFrom.Equal(model.Date(2019, 1, 1)) ||
		c.ValidUntil == nil || !c.ValidUntil.Equal(model.Date(2026, 5, 31)) || c.CertificateNo != "12/GCN" {
		t.Errorf("read %+v", c)
	}
	_, err = importer.ClassificationForm(map[string]string{"category": "biotech", "product_group": "gốm",
		"valid_from": "2020", "valid_until": "2019-06-30"}, tcA, testRef())
	want := map[string]string{"category": "category", "product_group": "import_unknown_product_group", "valid_until": "until_before"}
	if got := fieldCodes(t, err); len(got) != len(want) || got["category"] != want["category"] ||
		got["product_group"] != want["product_group"] || got["valid_until"] != want["valid_until"] {
		t.Errorf("problems = %v, want %v", got, want)
	}
}

func TestFigureFormWithoutTaxCode(t *testing.T) {
	f, err := importer.FigureForm(map[string]string{"year": "2024", "production_value": "1.234,5",
		"revenue": "2000", "employees": "1.250"}, "", testRef())
	if err != nil {
		t.Fatal(err)
	}
	if f.ProductionValue.String() != "1234.5" || f.Basis != model.BasisCurrent || f.Status != model.StatusOfficial ||
		f.Revenue == nil || f.Revenue.String() != "2000" || f.Employees == nil || *f.Employees != 1250 {
		t.Errorf("read %+v", f)
	}
	_, err = importer.FigureForm(map[string]string{"year": "2024", "production_value": "1.234", "export_value": "-1",
		"status": "guess"}, "", testRef())
	got := fieldCodes(t, err)
	if got["production_value"] != "number_ambiguous" || got["export_value"] != "number_negative" || got["status"] != "status" || got["tax_code"] != "" {
		t.Errorf("problems = %v", got)
	}
}

func TestProvinceOutputForm(t *testing.T) {
	o, err := importer.ProvinceOutputForm(map[string]string{"province": "HD", "year": "2024",
		"production_value": "508.020.000", "status": "preliminary", "source": "Cục Thống kê"}, testRef())
	if err != nil || o.ProductionValue != model.MoneyFromMillions(508_020_000) || o.Status != model.StatusPreliminary {
		t.Errorf("read %+v, %v", o, err)
	}
	_, err = importer.ProvinceOutputForm(map[string]string{"province": "HD", "year": "2024"}, testRef())
	if got := fieldCodes(t, err); got["production_value"] != "required" {
		t.Errorf("problems = %v, want production_value required", got)
	}
}
