package store

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

// CreatePlan validates p and stores it with its categories and targets. A
// plan with the same code is model.ErrConflict.
func (s *Store) CreatePlan(ctx context.Context, p *model.Plan, by int64) error {
	if err := p.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO plans (code, province_code, name, name_en,
			decision_no, decision_date, baseline_year, `+planReportColumns+`)
			VALUES (@code, @province, @name, @name_en, @decision_no, @decision_date, @baseline,
			`+planReportValues+`)
			RETURNING version`, planArgsOf(p)).Scan(&p.Version)
		if err != nil {
			return err
		}
		if err := insertPlanParts(ctx, tx, *p); err != nil {
			return err
		}
		return appendAudit(ctx, tx, by, "create", "plan", p.Code, planDetails(p))
	})
	return wrap("create plan", err)
}

// UpdatePlan saves p, replacing its categories and targets, when p.Version
// is still the stored one (model.ErrStale otherwise; model.ErrNotFound when
// there is no plan with its code). The code itself never changes.
func (s *Store) UpdatePlan(ctx context.Context, p *model.Plan, by int64) error {
	if err := p.Validate(); err != nil {
		return err
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `UPDATE plans SET province_code = @province, name = @name,
			name_en = @name_en, decision_no = @decision_no, decision_date = @decision_date,
			baseline_year = @baseline, report_symbol = @report_symbol, report_recipients = @report_recipients,
			signer_authority = @signer_authority, signer_title = @signer_title, signer_name = @signer_name,
			version = version + 1, updated_at = now()
			WHERE code = @code AND version = @version RETURNING version`, planArgsOf(p)).Scan(&p.Version)
		if err != nil {
			return staleKey(ctx, tx, "plans", "code", p.Code, err)
		}
		for _, table := range []string{"plan_categories", "plan_targets", "plan_territory"} {
			if _, err := tx.Exec(ctx, `DELETE FROM `+table+` WHERE plan_code = $1`, p.Code); err != nil {
				return err
			}
		}
		if err := insertPlanParts(ctx, tx, *p); err != nil {
			return err
		}
		return appendAudit(ctx, tx, by, "update", "plan", p.Code, planDetails(p))
	})
	return wrap("update plan", err)
}

func planArgsOf(p *model.Plan) pgx.NamedArgs {
	return pgx.NamedArgs{
		"code": p.Code, "province": p.ProvinceCode, "name": p.Name, "name_en": p.NameEN,
		"decision_no": p.DecisionNo, "decision_date": p.DecisionDate, "baseline": p.BaselineYear,
		"version": p.Version, "report_symbol": p.Report.Symbol, "report_recipients": nonNil(p.Report.Recipients),
		"signer_authority": p.Report.SignerAuthority, "signer_title": p.Report.SignerTitle,
		"signer_name": p.Report.SignerName,
	}
}

// nonNil is lines, or no lines rather than NULL.
func nonNil(lines []string) []string {
	if lines == nil {
		return []string{}
	}
	return lines
}

func planDetails(p *model.Plan) map[string]any {
	targets := make([]map[string]any, len(p.Targets))
	for i, t := range p.Targets {
		targets[i] = map[string]any{"metric": t.Metric, "year": t.Year, "value": t.Value}
	}
	d := map[string]any{"province": p.ProvinceCode, "name": p.Name, "decision_no": p.DecisionNo,
		"baseline_year": p.BaselineYear, "categories": p.Categories, "targets": targets,
		"territory_units": len(p.Territory), "version": p.Version, "report_symbol": p.Report.Symbol,
		"report_recipients": p.Report.Recipients, "signer": strings.TrimSpace(p.Report.SignerAuthority + " " +
			p.Report.SignerTitle + " " + p.Report.SignerName)}
	if p.DecisionDate != nil {
		d["decision_date"] = p.DecisionDate.Format("2006-01-02")
	}
	return d
}
