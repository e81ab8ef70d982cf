package store

import (
	"context"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/importer"
	"industrytargets/internal/model"
)

// An export reads the register in the layout of the import files, one
// record at a time, so it can be streamed into a file of any size: each
// record is handed on as the cells of an import row (importer.*Cells), and
// an import of the file changes nothing.

// ExportRegister hands emit every record of the register, kind by kind in
// import order (enterprises by tax code, then their classifications and
// figures, then the province totals), all read from one snapshot.
func (s *Store) ExportRegister(ctx context.Context, emit func(importer.Kind, []any) error) error {
	opts := pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}
	err := pgx.BeginTxFunc(ctx, s.pool, opts, func(tx pgx.Tx) error {
		one := func(k importer.Kind) func([]any) error {
			return func(cells []any) error { return emit(k, cells) }
		}
		if err := exportEnterprises(ctx, tx, EnterpriseFilter{Sort: SortTaxCode}, one(importer.KindEnterprises)); err != nil {
			return err
		}
		if err := exportClassifications(ctx, tx, one(importer.KindClassifications)); err != nil {
			return err
		}
		if err := exportFigures(ctx, tx, one(importer.KindFigures)); err != nil {
			return err
		}
		return exportProvinceOutputs(ctx, tx, one(importer.KindProvinceOutput))
	})
	return wrap("export register", err)
}

// ExportEnterprises hands emit, in f's order, every enterprise f selects
// (the list's filters, without its pages) as the cells of an import row.
func (s *Store) ExportEnterprises(ctx context.Context, f EnterpriseFilter, emit func([]any) error) error {
	if f.Drill != nil {
		if err := f.Drill.check(); err != nil {
			return err
		}
	}
	return wrap("export enterprises", exportEnterprises(ctx, s.pool, f, emit))
}

func exportEnterprises(ctx context.Context, q querier, f EnterpriseFilter, emit func([]any) error) error {
	where, args := enterpriseWhere(f)
	rows, _ := q.Query(ctx, `SELECT e.tax_code, e.name, e.name_en, e.province_code,
		coalesce(e.ownership, ''), e.investor_country, coalesce(a.code, ''), coalesce(z.code, ''),
		coalesce(e.vsic, ''), e.operating_since, e.ceased_on, e.employees
		FROM enterprises e LEFT JOIN areas a ON a.id = e.area_id
		LEFT JOIN industrial_zones z ON z.id = e.zone_id
		WHERE `+where+` ORDER BY `+enterpriseOrder(f), pgx.QueryExecModeExec, args)
	var e model.Enterprise
	var area, zone string
	_, err := pgx.ForEachRow(rows, []any{&e.TaxCode, &e.Name, &e.NameEN, &e.ProvinceCode,
		&e.Ownership, &e.InvestorCountry, &area, &zone, &e.VSIC, &e.OperatingSince, &e.CeasedOn,
		&e.Employees}, func() error {
		return emit(importer.EnterpriseCells(e, area, zone))
	})
	return err
}

func exportClassifications(ctx context.Context, q querier, emit func([]any) error) error {
	rows, _ := q.Query(ctx, `SELECT e.tax_code, c.category_code, coalesce(c.product_group, ''),
		c.valid_from, c.valid_until, c.certificate_no
		FROM classifications c JOIN enterprises e ON e.id = c.enterprise_id
		ORDER BY e.tax_code, c.category_code, c.valid_from`)
	var tc string
	var c model.Classification
	_, err := pgx.ForEachRow(rows, []any{&tc, &c.Category, &c.ProductGroup, &c.ValidFrom,
		&c.ValidUntil, &c.CertificateNo}, func() error {
		return emit(importer.ClassificationCells(tc, c))
	})
	return err
}

func exportFigures(ctx context.Context, q querier, emit func([]any) error) error {
	rows, _ := q.Query(ctx, `SELECT e.tax_code, f.year, f.production_value, f.price_basis,
		f.revenue, f.export_value, f.employees, f.status
		FROM enterprise_figures f JOIN enterprises e ON e.id = f.enterprise_id
		ORDER BY e.tax_code, f.year, f.price_basis`)
	var tc string
	var f model.Figure
	_, err := pgx.ForEachRow(rows, []any{&tc, &f.Year, &f.ProductionValue, &f.Basis, &f.Revenue,
		&f.ExportValue, &f.Employees, &f.Status}, func() error {
		return emit(importer.FigureCells(tc, f))
	})
	return err
}

func exportProvinceOutputs(ctx context.Context, q querier, emit func([]any) error) error {
	rows, _ := q.Query(ctx, `SELECT province_code, year, production_value, price_basis, status, source
		FROM province_outputs ORDER BY province_code, year, price_basis`)
	var o model.ProvinceOutput
	_, err := pgx.ForEachRow(rows, []any{&o.ProvinceCode, &o.Year, &o.ProductionValue, &o.Basis,
		&o.Status, &o.Source}, func() error {
		return emit(importer.ProvinceOutputCells(o))
	})
	return err
}
