package store

import (
	"context"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

const figureColumns = `id, enterprise_id, year, price_basis, production_value, revenue,
	export_value, employees, status, version, updated_at`

func scanFigure(r pgx.CollectableRow) (model.Figure, error) {
	var f model.Figure
	err := r.Scan(&f.ID, &f.EnterpriseID, &f.Year, &f.Basis, &f.ProductionValue, &f.Revenue,
		&f.ExportValue, &f.Employees, &f.Status, &f.Version, &f.UpdatedAt)
	return f, err
}

func figureArgs(f *model.Figure, by int64) pgx.NamedArgs {
	return pgx.NamedArgs{
		"id": f.ID, "enterprise_id": f.EnterpriseID, "year": f.Year, "basis": f.Basis,
		"production_value": f.ProductionValue, "revenue": f.Revenue, "export_value": f.ExportValue,
		"employees": f.Employees, "status": f.Status, "version": f.Version, "by": nullID(by),
	}
}

// AddFigure validates f and stores it. A figure for the same enterprise,
// year and price basis is model.ErrConflict.
func (s *Store) AddFigure(ctx context.Context, f *model.Figure, by int64) error {
	if err := f.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `INSERT INTO enterprise_figures (enterprise_id, year, price_basis,
			production_value, revenue, export_value, employees, status, created_by, updated_by)
			VALUES (@enterprise_id, @year, @basis, @production_value, @revenue, @export_value,
			@employees, @status, @by, @by) RETURNING `+figureColumns, figureArgs(f, by))
		got, err := pgx.CollectExactlyOneRow(rows, scanFigure)
		if err != nil {
			return err
		}
		*f = got
		return appendAudit(ctx, tx, by, "create", "figure", idText(f.ID), figureDetails(f))
	})
	return wrap("add figure", err)
}

// UpdateFigure saves f when f.Version is still the stored one
// (model.ErrStale otherwise); it must belong to its EnterpriseID.
func (s *Store) UpdateFigure(ctx context.Context, f *model.Figure, by int64) error {
	if err := f.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `UPDATE enterprise_figures SET year = @year, price_basis = @basis,
			production_value = @production_value, revenue = @revenue, export_value = @export_value,
			employees = @employees, status = @status, version = version + 1, updated_at = now(),
			updated_by = @by WHERE id = @id AND enterprise_id = @enterprise_id AND version = @version
			RETURNING `+figureColumns, figureArgs(f, by))
		got, err := pgx.CollectExactlyOneRow(rows, scanFigure)
		if err != nil {
			return staleOrMissing(ctx, tx, "enterprise_figures", f.ID, err)
		}
		*f = got
		return appendAudit(ctx, tx, by, "update", "figure", idText(f.ID), figureDetails(f))
	})
	return wrap("update figure", err)
}

// DeleteFigure removes the figure at version. The log keeps what was
// removed, with its enterprise, so the enterprise's history shows it.
func (s *Store) DeleteFigure(ctx context.Context, id int64, version int32, by int64) error {
	return s.deleteVersioned(ctx, "enterprise_figures", "figure", id, version, by,
		func(tx pgx.Tx) (map[string]any, error) {
			rows, _ := tx.Query(ctx, `DELETE FROM enterprise_figures WHERE id = $1 AND version = $2
				RETURNING `+figureColumns, id, version)
			gone, err := pgx.CollectExactlyOneRow(rows, scanFigure)
			return figureDetails(&gone), err
		})
}

// Figures lists an enterprise's yearly figures by year and price basis.
func (s *Store) Figures(ctx context.Context, enterpriseID int64) ([]model.Figure, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+figureColumns+` FROM enterprise_figures
		WHERE enterprise_id = $1 ORDER BY year DESC, price_basis`, enterpriseID)
	out, err := pgx.CollectRows(rows, scanFigure)
	return out, wrap("figures", err)
}

func figureDetails(f *model.Figure) map[string]any {
	return map[string]any{
		"enterprise_id": f.EnterpriseID, "year": f.Year, "price_basis": f.Basis,
		"production_value": f.ProductionValue.String(), "status": f.Status, "version": f.Version,
	}
}
