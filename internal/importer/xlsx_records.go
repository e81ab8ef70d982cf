package importer

import (
	"time"

	"industrytargets/internal/model"
)

// The cells of each kind's records in its column order (Kind.Columns), as
// an Exporter takes them: what an import of them reads back unchanged.
// Places, product groups and categories are written as their codes, which
// an import finds exactly.

// EnterpriseCells is an enterprise's row; area and zone are codes, "" for
// none.
func EnterpriseCells(e model.Enterprise, area, zone string) []any {
	return []any{e.TaxCode, e.Name, e.NameEN, e.ProvinceCode, string(e.Ownership), e.InvestorCountry,
		area, optDate(e.AreaSince), zone, e.VSIC, e.OperatingSince, optDate(e.CeasedOn), optInt(e.Employees)}
}

// ClassificationCells is a classification's row.
func ClassificationCells(taxCode string, c model.Classification) []any {
	return []any{taxCode, string(c.Category), c.ProductGroup, c.ValidFrom, optDate(c.ValidUntil), c.CertificateNo}
}

// FigureCells is a yearly figure's row.
func FigureCells(taxCode string, f model.Figure) []any {
	return []any{taxCode, f.Year, f.ProductionValue, string(f.Basis), optMoney(f.Revenue),
		optMoney(f.ExportValue), optInt(f.Employees), string(f.Status)}
}

// ProvinceOutputCells is a province total's row.
func ProvinceOutputCells(o model.ProvinceOutput) []any {
	return []any{o.ProvinceCode, o.Year, o.ProductionValue, string(o.Basis), string(o.Status), o.Source}
}

func optDate(t *time.Time) any {
	if t == nil {
		return nil
	}
	return *t
}

func optInt(n *int64) any {
	if n == nil {
		return nil
	}
	return *n
}

func optMoney(m *model.Money) any {
	if m == nil {
		return nil
	}
	return *m
}
