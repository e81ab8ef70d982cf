package server

import (
	"context"
	"strconv"
	"strings"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// figureKind serves an enterprise's yearly figures: the form is one row of
// a figures file, read by the importer's rules.
var figureKind = &recordKind[model.Figure]{
	path: "figures", entity: "figure", words: figureWords,
	defaults: func() map[string]string {
		return map[string]string{"year": strconv.Itoa(vnToday().Year() - 1), "price_basis": string(model.BasisCurrent),
			"status": string(model.StatusOfficial)}
	},
	fields: func(ctx context.Context, _ *refs) []web.FormField { return figureFields(ctx) },
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
	values: func(_ context.Context, f model.Figure) map[string]string { return figureValues(f) },
	display: func(ctx context.Context, f model.Figure, _ *refs) map[string]string {
		return figureDisplayIn(i18n.From(ctx), f)
	},
	duplicate: figureDuplicate,
}

// figureWords are what the pages of a year's figures say.
func figureWords(ctx context.Context, enterprise string) recordWords {
	return recordWords{
		what:    i18n.T(ctx, "số liệu năm"),
		add:     i18n.T(ctx, "Thêm số liệu năm"),
		edit:    i18n.T(ctx, "Sửa số liệu năm"),
		remove:  i18n.T(ctx, "Xoá số liệu năm"),
		missing: i18n.T(ctx, "Không có số liệu năm này."),
		gone:    i18n.T(ctx, "Doanh nghiệp không có số liệu năm này (có thể đã bị xoá)."),
		changed: i18n.T(ctx, "Số liệu năm này vừa được người khác thay đổi"),
		added:   i18n.Tf(ctx, "Đã thêm số liệu năm của %s.", enterprise),
		saved:   i18n.Tf(ctx, "Đã lưu thay đổi số liệu năm của %s.", enterprise),
		removed: i18n.Tf(ctx, "Đã xoá số liệu năm của %s.", enterprise),
	}
}

func figureFields(ctx context.Context) []web.FormField {
	money := i18n.T(ctx, "Triệu đồng; viết 1.234,5 hoặc 1234,5.")
	return []web.FormField{
		{Key: "year", Label: i18n.T(ctx, "Năm"), Required: true, Numeric: true},
		{Key: "price_basis", Label: i18n.T(ctx, "Loại giá"), Required: true, Options: trChoices(ctx, basisChoices())},
		{Key: "production_value", Label: i18n.T(ctx, "Giá trị sản xuất"), Required: true, Numeric: true, Hint: money},
		{Key: "revenue", Label: i18n.T(ctx, "Doanh thu"), Numeric: true, Hint: money},
		{Key: "export_value", Label: i18n.T(ctx, "Giá trị xuất khẩu"), Numeric: true, Hint: money},
		{Key: "employees", Label: i18n.T(ctx, "Số lao động"), Numeric: true},
		{Key: "status", Label: i18n.T(ctx, "Tình trạng số liệu"), Required: true, Options: trChoices(ctx, statusChoices())},
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

// figureDisplayIn is f as a person reads it in lang, keyed like the form.
func figureDisplayIn(lang model.Lang, f model.Figure) map[string]string {
	fm := format.For(lang)
	money := func(m *model.Money) string {
		if m == nil {
			return ""
		}
		return fm.Money(*m)
	}
	v := map[string]string{
		"year": strconv.Itoa(f.Year), "price_basis": i18n.In(lang, priceBasisLabel(f.Basis)),
		"production_value": money(&f.ProductionValue), "revenue": money(f.Revenue),
		"export_value": money(f.ExportValue), "status": i18n.In(lang, figureStatusLabel(f.Status)),
	}
	if f.Employees != nil {
		v["employees"] = fm.Int(*f.Employees)
	}
	return v
}

func figureDuplicate(ctx context.Context, st *store.Store, e model.Enterprise, f model.Figure, _ *refs) (string, string, *web.RecordLink) {
	msg := i18n.Tf(ctx, "Doanh nghiệp đã có số liệu năm %d theo %s; mỗi năm chỉ có một số liệu cho mỗi loại giá.",
		f.Year, strings.ToLower(i18n.T(ctx, priceBasisLabel(f.Basis))))
	other, err := st.FigureByKey(ctx, e.ID, f.Year, f.Basis)
	if err != nil {
		return "year", msg, nil
	}
	msg += " " + i18n.Tf(ctx, "Số liệu đã có: giá trị sản xuất %s triệu đồng.", pageFormat(ctx).Money(other.ProductionValue))
	link := &web.RecordLink{Label: i18n.Tf(ctx, "Sửa số liệu năm %d đã có", f.Year),
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
