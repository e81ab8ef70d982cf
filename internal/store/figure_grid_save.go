package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

// FigureEdit is one row of the yearly grid to write: the enterprise's
// figure to add or update (Figure set) or to remove (Figure nil), at the
// version it was read at (0: there was none then).
type FigureEdit struct {
	EnterpriseID int64
	Version      int32
	Figure       *model.Figure
}

// OutputEdit is the province total of the yearly grid to write, like a
// FigureEdit.
type OutputEdit struct {
	Version int32
	Output  *model.ProvinceOutput
}

// GridSave is one submission of the yearly grid: every changed row of one
// year and price basis, and the province total when it changed.
type GridSave struct {
	Year    int
	Basis   model.PriceBasis
	Figures []FigureEdit
	Output  *OutputEdit
}

// EditResult is what became of one edit: Err is nil when it was written,
// model.ErrStale when someone else changed (or added, or removed) the record
// since it was read, or the validation error. Figure or Output is the
// record as stored now (nil when there is none), so a page can show the
// new version or what the edit collided with.
type EditResult struct {
	Err    error
	Figure *model.Figure
	Output *model.ProvinceOutput
}

// SaveGrid writes every edit of g in one transaction, each under its own
// savepoint, so an edit that conflicts or is refused is left out and the
// others are still written. Results come in the order of g.Figures, then
// the province total's (when g.Output is set). An error is returned only
// when nothing could be written.
func (s *Store) SaveGrid(ctx context.Context, g GridSave, by int64) ([]EditResult, error) {
	var out []EditResult
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		for _, e := range g.Figures {
			res, err := saveFigureEdit(ctx, tx, g, e, by)
			if err != nil {
				return err
			}
			out = append(out, res)
		}
		if g.Output != nil {
			res, err := saveOutputEdit(ctx, tx, *g.Output, by)
			if err != nil {
				return err
			}
			out = append(out, res)
		}
		return nil
	})
	return out, wrap("save grid", err)
}

// saveFigureEdit writes one figure edit under a savepoint. A refusal is the
// result's Err; only a failure of the connection is returned as error.
func saveFigureEdit(ctx context.Context, tx pgx.Tx, g GridSave, e FigureEdit, by int64) (EditResult, error) {
	if e.Figure != nil {
		e.Figure.EnterpriseID, e.Figure.Year, e.Figure.Basis = e.EnterpriseID, g.Year, g.Basis
		if err := e.Figure.Validate(); err != nil {
			return EditResult{Err: err}, nil
		}
	}
	var saved model.Figure
	err := pgx.BeginFunc(ctx, tx, func(sp pgx.Tx) error {
		var err error
		saved, err = writeFigure(ctx, sp, g, e, by)
		return err
	})
	if err == nil {
		if e.Figure == nil {
			return EditResult{}, nil
		}
		return EditResult{Figure: &saved}, nil
	}
	if unreachable(err) {
		return EditResult{}, err
	}
	res := EditResult{Err: refusal(err)}
	if cur, cerr := figureByKey(ctx, tx, e.EnterpriseID, g.Year, g.Basis); cerr == nil {
		res.Figure = &cur
	}
	return res, nil
}

// writeFigure inserts, updates or deletes the figure of e by its key
// (enterprise, year, basis) and e's version, and logs it.
func writeFigure(ctx context.Context, tx pgx.Tx, g GridSave, e FigureEdit, by int64) (model.Figure, error) {
	var rows pgx.Rows
	action := "update"
	switch {
	case e.Figure == nil:
		action = "delete"
		rows, _ = tx.Query(ctx, `DELETE FROM enterprise_figures WHERE enterprise_id = $1 AND year = $2
			AND price_basis = $3 AND version = $4 RETURNING `+figureColumns, e.EnterpriseID, g.Year, g.Basis, e.Version)
	case e.Version == 0:
		action = "create"
		rows, _ = tx.Query(ctx, `INSERT INTO enterprise_figures (enterprise_id, year, price_basis,
			production_value, revenue, export_value, employees, status, created_by, updated_by)
			VALUES (@enterprise_id, @year, @basis, @production_value, @revenue, @export_value,
			@employees, @status, @by, @by) RETURNING `+figureColumns, figureArgs(e.Figure, by))
	default:
		args := figureArgs(e.Figure, by)
		args["version"] = e.Version
		rows, _ = tx.Query(ctx, `UPDATE enterprise_figures SET production_value = @production_value,
			revenue = @revenue, export_value = @export_value, employees = @employees, status = @status,
			version = version + 1, updated_at = now(), updated_by = @by
			WHERE enterprise_id = @enterprise_id AND year = @year AND price_basis = @basis
			AND version = @version RETURNING `+figureColumns, args)
	}
	f, err := pgx.CollectExactlyOneRow(rows, scanFigure)
	if err != nil {
		return f, err
	}
	return f, appendAudit(ctx, tx, by, action, "figure", idText(f.ID), figureDetails(&f))
}

// saveOutputEdit writes the province total's edit under a savepoint, as
// saveFigureEdit does a figure's.
func saveOutputEdit(ctx context.Context, tx pgx.Tx, e OutputEdit, by int64) (EditResult, error) {
	if e.Output == nil {
		return EditResult{}, nil
	}
	if err := e.Output.Validate(); err != nil {
		return EditResult{Err: err}, nil
	}
	var saved model.ProvinceOutput
	err := pgx.BeginFunc(ctx, tx, func(sp pgx.Tx) error {
		var err error
		saved, err = writeOutput(ctx, sp, e, by)
		return err
	})
	if err == nil {
		return EditResult{Output: &saved}, nil
	}
	if unreachable(err) {
		return EditResult{}, err
	}
	res := EditResult{Err: refusal(err)}
	if cur, cerr := provinceOutputFor(ctx, tx, e.Output.ProvinceCode, e.Output.Year, e.Output.Basis); cerr == nil {
		res.Output = &cur
	}
	return res, nil
}

// writeOutput adds the province total or updates it at e's version, and
// logs it.
func writeOutput(ctx context.Context, tx pgx.Tx, e OutputEdit, by int64) (model.ProvinceOutput, error) {
	p := e.Output
	args := pgx.NamedArgs{"province": p.ProvinceCode, "year": p.Year, "basis": p.Basis,
		"value": p.ProductionValue, "status": p.Status, "source": p.Source, "version": e.Version, "by": nullID(by)}
	sql, action := `UPDATE province_outputs SET production_value = @value, status = @status,
		source = @source, version = version + 1, updated_at = now(), updated_by = @by
		WHERE province_code = @province AND year = @year AND price_basis = @basis AND version = @version
		RETURNING `+provinceOutputColumns, "update"
	if e.Version == 0 {
		sql, action = `INSERT INTO province_outputs (province_code, year, price_basis, production_value,
			status, source, created_by, updated_by) VALUES (@province, @year, @basis, @value, @status,
			@source, @by, @by) RETURNING `+provinceOutputColumns, "create"
	}
	rows, _ := tx.Query(ctx, sql, args)
	got, err := pgx.CollectExactlyOneRow(rows, scanProvinceOutput)
	if err != nil {
		return got, err
	}
	return got, appendAudit(ctx, tx, by, action, "province_output", idText(got.ID), map[string]any{
		"province": got.ProvinceCode, "year": got.Year, "price_basis": got.Basis,
		"production_value": got.ProductionValue.String(), "status": got.Status, "version": got.Version,
	})
}

// refusal judges why one edit of the grid was not written: a version that
// moved on, a row someone else added first, or a removed one are all
// model.ErrStale; anything else is translated as usual.
func refusal(err error) error {
	t := translate(err)
	if errors.Is(err, pgx.ErrNoRows) || (errors.Is(t, model.ErrConflict) && !errors.Is(t, model.ErrStale)) {
		return fmt.Errorf("%w: %w", model.ErrStale, t)
	}
	return t
}
