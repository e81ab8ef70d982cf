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
		decision_date, baseline_year, version FROM plans ORDER BY code`)
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
		decision_date, baseline_year, version FROM plans WHERE code = $1`, code)
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
		&p.DecisionDate, &p.BaselineYear, &p.Version)
	return p, err
}

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
	p.Categories, p.Targets = cats, targets
	return nil
}

// EnsurePlan adds the plan with its categories and targets when no plan has
// its code; an existing plan is left as it is. It reports whether it added.
func (s *Store) EnsurePlan(ctx context.Context, p model.Plan) (bool, error) {
	if err := p.Validate(); err != nil {
		return false, err
	}
	added := false
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO plans (code, province_code, name, name_en,
			decision_no, decision_date, baseline_year)
			VALUES (@code, @province, @name, @name_en, @decision_no, @decision_date, @baseline)
			ON CONFLICT DO NOTHING`, pgx.NamedArgs{
			"code": p.Code, "province": p.ProvinceCode, "name": p.Name, "name_en": p.NameEN,
			"decision_no": p.DecisionNo, "decision_date": p.DecisionDate, "baseline": p.BaselineYear,
		})
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
	var n int64
	return runBatch(ctx, tx, b, &n)
}
