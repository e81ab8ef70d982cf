package store

import (
	"context"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

const provinceOutputColumns = `id, province_code, year, price_basis, production_value, status,
	source, is_demo, version, updated_at`

func scanProvinceOutput(r pgx.CollectableRow) (model.ProvinceOutput, error) {
	var p model.ProvinceOutput
	err := r.Scan(&p.ID, &p.ProvinceCode, &p.Year, &p.Basis, &p.ProductionValue, &p.Status,
		&p.Source, &p.Demo, &p.Version, &p.UpdatedAt)
	return p, err
}

// AddProvinceOutput validates p and stores it. A total for the same
// province, year and price basis is model.ErrConflict.
func (s *Store) AddProvinceOutput(ctx context.Context, p *model.ProvinceOutput, by int64) error {
	if err := p.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `INSERT INTO province_outputs (province_code, year, price_basis,
			production_value, status, source, is_demo, created_by, updated_by)
			VALUES (@province, @year, @basis, @value, @status, @source, @is_demo, @by, @by)
			RETURNING `+provinceOutputColumns, pgx.NamedArgs{
			"province": p.ProvinceCode, "year": p.Year, "basis": p.Basis, "value": p.ProductionValue,
			"status": p.Status, "source": p.Source, "is_demo": p.Demo, "by": nullID(by),
		})
		got, err := pgx.CollectExactlyOneRow(rows, scanProvinceOutput)
		if err != nil {
			return err
		}
		*p = got
		return appendAudit(ctx, tx, by, "create", "province_output", idText(p.ID), map[string]any{
			"province": p.ProvinceCode, "year": p.Year, "price_basis": p.Basis,
			"production_value": p.ProductionValue.String(),
		})
	})
	return wrap("add province output", err)
}

// ProvinceOutputs lists a province's totals by year and price basis.
func (s *Store) ProvinceOutputs(ctx context.Context, province string) ([]model.ProvinceOutput, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+provinceOutputColumns+` FROM province_outputs
		WHERE province_code = $1 ORDER BY year, price_basis`, province)
	out, err := pgx.CollectRows(rows, scanProvinceOutput)
	return out, wrap("province outputs", err)
}

// OutputYears lists the years with a province total on basis, oldest first.
func (s *Store) OutputYears(ctx context.Context, province string, basis model.PriceBasis) ([]int, error) {
	rows, _ := s.pool.Query(ctx, `SELECT year FROM province_outputs
		WHERE province_code = $1 AND price_basis = $2 ORDER BY year`, province, basis)
	out, err := pgx.CollectRows(rows, pgx.RowTo[int])
	return out, wrap("output years", err)
}
