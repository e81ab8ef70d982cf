package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

// Plans lists every plan with its categories and targets, by code.
func (s *Store) Plans(ctx context.Context) ([]model.Plan, error) {
	rows, _ := s.pool.Query(ctx, `SELECT code, province_code, name, name_en, decision_no,
		decision_date, baseline_year, is_demo, version, `+planReportColumns+` FROM plans ORDER BY is_demo, code`)
	plans, err := pgx.CollectRows(rows, scanPlan)
	if err != nil {
		return nil, wrap("plans", err)
	}
	for i := range plans {
		if err := s.planDetails(ctx, &plans[i]); err != nil {
			return nil, err
		}
	}
	return plans, nil
}

// Plan returns the plan with code, or model.ErrNotFound.
func (s *Store) Plan(ctx context.Context, code string) (model.Plan, error) {
	rows, _ := s.pool.Query(ctx, `SELECT code, province_code, name, name_en, decision_no,
		decision_date, baseline_year, is_demo, version, `+planReportColumns+` FROM plans WHERE code = $1`, code)
	p, err := pgx.CollectExactlyOneRow(rows, scanPlan)
	if err != nil {
		return model.Plan{}, wrap("plan "+code, err)
	}
	if err := s.planDetails(ctx, &p); err != nil {
		return model.Plan{}, err
	}
	return p, nil
}

func scanPlan(r pgx.CollectableRow) (model.Plan, error) {
	var p model.Plan
	err := r.Scan(&p.Code, &p.ProvinceCode, &p.Name, &p.NameEN, &p.DecisionNo,
		&p.DecisionDate, &p.BaselineYear, &p.Demo, &p.Version, &p.Report.Symbol, &p.Report.Recipients,
		&p.Report.SignerAuthority, &p.Report.SignerTitle, &p.Report.SignerName)
	return p, err
}

// planReportColumns are a plan's report settings, in the order of
// model.ReportSettings.
const planReportColumns = `report_symbol, report_recipients, signer_authority, signer_title, signer_name`

// planReportValues are the named arguments planArgsOf gives them.
const planReportValues = `@report_symbol, @report_recipients, @signer_authority, @signer_title, @signer_name`

func (s *Store) planDetails(ctx context.Context, p *model.Plan) error {
	rows, _ := s.pool.Query(ctx, `SELECT pc.category_code FROM plan_categories pc
		JOIN categories c ON c.code = pc.category_code
		WHERE pc.plan_code = $1 ORDER BY c.sort`, p.Code)
	cats, err := pgx.CollectRows(rows, pgx.RowTo[model.Category])
	if err != nil {
		return wrap("plan categories", err)
	}
	rows, _ = s.pool.Query(ctx, `SELECT metric, year, value::float8 FROM plan_targets
		WHERE plan_code = $1 ORDER BY metric, year`, p.Code)
	targets, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.Target, error) {
		var t model.Target
		err := r.Scan(&t.Metric, &t.Year, &t.Value)
		return t, err
	})
	if err != nil {
		return wrap("plan targets", err)
	}
	rows, _ = s.pool.Query(ctx, `SELECT area_id FROM plan_territory WHERE plan_code = $1 ORDER BY area_id`, p.Code)
	units, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return wrap("plan territory", err)
	}
	p.Categories, p.Targets, p.Territory = cats, targets, units
	return nil
}

// AreaRef names a unit by its province and code.
type AreaRef struct {
	Province, Code string
}

// EnsureTerritory gives plan code the territory units while it has none,
// so seeding again leaves a territory an administrator has edited alone. A
// unit not in the reference lists is model.ErrNotFound. It reports how
// many units it added.
func (s *Store) EnsureTerritory(ctx context.Context, code string, units []AreaRef) (int64, error) {
	var added int64
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		var has bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM plan_territory WHERE plan_code = $1)`, code).Scan(&has); err != nil || has {
			return err
		}
		provinces, codes := make([]string, len(units)), make([]string, len(units))
		for i, u := range units {
			provinces[i], codes[i] = u.Province, u.Code
		}
		tag, err := tx.Exec(ctx, `INSERT INTO plan_territory (plan_code, area_id)
			SELECT $1, a.id FROM unnest($2::text[], $3::text[]) AS u (province, code)
			JOIN areas a ON a.province_code = u.province AND a.code = u.code`, code, provinces, codes)
		if err != nil {
			return err
		}
		if added = tag.RowsAffected(); added != int64(len(units)) {
			return fmt.Errorf("%w: %d of the %d units of plan %s are not in the reference lists",
				model.ErrNotFound, int64(len(units))-added, len(units), code)
		}
		return appendAudit(ctx, tx, 0, "seed", "plan_territory", code, map[string]any{"units": added})
	})
	return added, wrap("ensure territory "+code, err)
}

// EnsurePlan adds the plan with its categories and targets when no plan has
// its code; an existing plan is left as it is. It reports whether it added.
func (s *Store) EnsurePlan(ctx context.Context, p model.Plan) (bool, error) {
	if err := p.Validate(); err != nil {
		return false, err
	}
	added := false
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		args := planArgsOf(&p)
		args["demo"] = p.Demo
		tag, err := tx.Exec(ctx, `INSERT INTO plans (code, province_code, name, name_en,
			decision_no, decision_date, baseline_year, is_demo, `+planReportColumns+`)
			VALUES (@code, @province, @name, @name_en, @decision_no, @decision_date, @baseline, @demo,
			`+planReportValues+`)
			ON CONFLICT DO NOTHING`, args)
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		added = true
		return insertPlanParts(ctx, tx, p)
	})
	if err != nil {
		return false, fmt.Errorf("store: ensure plan %s: %w", p.Code, translate(err))
	}
	return added, nil
}

func insertPlanParts(ctx context.Context, tx pgx.Tx, p model.Plan) error {
	b := &pgx.Batch{}
	for _, c := range p.Categories {
		b.Queue(`INSERT INTO plan_categories (plan_code, category_code) VALUES ($1, $2)`, p.Code, c)
	}
	for _, t := range p.Targets {
		b.Queue(`INSERT INTO plan_targets (plan_code, metric, year, value) VALUES ($1, $2, $3, $4)`,
			p.Code, t.Metric, t.Year, t.Value)
	}
	if len(p.Territory) > 0 {
		b.Queue(`INSERT INTO plan_territory (plan_code, area_id) SELECT $1, unnest($2::bigint[])`, p.Code, p.Territory)
	}
	var n int64
	return runBatch(ctx, tx, b, &n)
}
