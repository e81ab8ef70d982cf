package server

import (
	"context"
	"strconv"
	"strings"

	"industrytargets/internal/format"
	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// figureKind serves an enterprise's yearly figures: the form is one row of
// a figures file, read by the importer's rules.
var figureKind = &recordKind[model.Figure]{
	path: "figures", entity: "figure", what: "số liệu năm", newText: "Thêm số liệu năm",
	defaults: func() map[string]string {
		return map[string]string{"year": strconv.Itoa(vnToday().Year() - 1), "price_basis": string(model.BasisCurrent),
			"status": string(model.StatusOfficial)}
	},
	fields: func(*refs) []web.FormField { return figureFields() },
	parse: func(values map[string]string, e model.Enterprise, ref *refs) (model.Figure, error) {
		f, err := importer.FigureForm(values, e.TaxCode, ref.Reference)
		f.EnterpriseID = e.ID
		return f, err
	},
	load:   (*store.Store).Figure,
	add:    (*store.Store).AddFigure,
	update: (*store.Store).UpdateFigure,
	remove: (*store.Store).DeleteFigure,
	meta: func(f *model.Figure) recordMeta {
		return recordMeta{id: &f.ID, enterpriseID: &f.EnterpriseID, version: &f.Version, updatedAt: &f.UpdatedAt}
	},
	values:    figureValues,
	display:   func(f model.Figure, _ *refs) map[string]string { return figureDisplay(f) },
	duplicate: figureDuplicate,
}

const moneyHint = "Triệu đồng; viết 1.234,5 hoặc 1234,5."

func figureFields() []web.FormField {
	return []web.FormField{
		{Key: "year", Label: "Năm", Required: true, Numeric: true},
		{Key: "price_basis", Label: "Loại giá", Required: true, Options: basisChoices()},
		{Key: "production_value", Label: "Giá trị sản xuất", Required: true, Numeric: true, Hint: moneyHint},
		{Key: "revenue", Label: "Doanh thu", Numeric: true, Hint: moneyHint},
		{Key: "export_value", Label: "Giá trị xuất khẩu", Numeric: true, Hint: moneyHint},
		{Key: "employees", Label: "Số lao động", Numeric: true},
		{Key: "status", Label: "Tình trạng số liệu", Required: true, Options: statusChoices()},
	}
}

func basisChoices() []web.Choice {
	out := make([]web.Choice, len(model.PriceBases))
	for i, b := range model.PriceBases {
		out[i] = web.Choice{Value: string(b), Label: priceBasisLabel(b)}
	}
	return out
}

func statusChoices() []web.Choice {
	out := make([]web.Choice, len(model.FigureStatuses))
	for i, s := range model.FigureStatuses {
		out[i] = web.Choice{Value: string(s), Label: figureStatusLabel(s)}
	}
	return out
}

// figureValues is f as its form shows it: amounts without thousands dots
// and with a decimal comma (1234567,5), which reads back exactly, since
// "1.234" alone is refused as ambiguous.
func figureValues(f model.Figure) map[string]string {
	return map[string]string{
		"year": strconv.Itoa(f.Year), "price_basis": string(f.Basis),
		"production_value": inputMoney(&f.ProductionValue), "revenue": inputMoney(f.Revenue),
		"export_value": inputMoney(f.ExportValue), "employees": inputInt(f.Employees), "status": string(f.Status),
	}
}

// figureDisplay is f as a person reads it, keyed like the form.
func figureDisplay(f model.Figure) map[string]string {
	money := func(m *model.Money) string {
		if m == nil {
			return ""
		}
		return format.Money(*m)
	}
	v := map[string]string{
		"year": strconv.Itoa(f.Year), "price_basis": priceBasisLabel(f.Basis),
		"production_value": money(&f.ProductionValue), "revenue": money(f.Revenue),
		"export_value": money(f.ExportValue), "status": figureStatusLabel(f.Status),
	}
	if f.Employees != nil {
		v["employees"] = format.Int(*f.Employees)
	}
	return v
}

func figureDuplicate(ctx context.Context, st *store.Store, e model.Enterprise, f model.Figure, _ *refs) (string, string, *web.RecordLink) {
	msg := "Doanh nghiệp đã có số liệu năm " + strconv.Itoa(f.Year) + " theo " + strings.ToLower(priceBasisLabel(f.Basis)) +
		"; mỗi năm chỉ có một số liệu cho mỗi loại giá."
	other, err := st.FigureByKey(ctx, e.ID, f.Year, f.Basis)
	if err != nil {
		return "year", msg, nil
	}
	msg += " Số liệu đã có: giá trị sản xuất " + format.Money(other.ProductionValue) + " triệu đồng."
	link := &web.RecordLink{Label: "Sửa số liệu năm " + strconv.Itoa(f.Year) + " đã có",
		URL: web.EnterpriseURL(e.ID) + "/figures/" + strconv.FormatInt(other.ID, 10) + "/edit"}
	return "year", msg, link
}

// inputMoney writes an amount for an input: plain digits and a decimal
// comma, "" for none.
func inputMoney(m *model.Money) string {
	if m == nil {
		return ""
	}
	return strings.Replace(m.String(), ".", ",", 1)
}

func inputInt(n *int64) string {
	if n == nil {
		return ""
	}
	return strconv.FormatInt(*n, 10)
}
