package server

import (
	"context"
	"errors"
	"math"
	"net/http"
	"slices"
	"strings"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/web"
)

// handlePlans lists the plans with their categories and targets.
func handlePlans(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		plans, err := d.st.Plans(ctx)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		ref, err := loadRefs(ctx, d.st)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		var v web.PlansView
		for _, p := range plans {
			v.Plans = append(v.Plans, planRow(ctx, p, ref))
		}
		render(w, r, d.logger, http.StatusOK, web.AdminPlans(page(r, d, i18n.T(ctx, "Đề án và mục tiêu")), v))
	})
}

func planRow(ctx context.Context, p model.Plan, ref *refs) web.PlanRow {
	row := web.PlanRow{Code: p.Code, Name: ref.named(p.Name, p.NameEN), Province: ref.province(p.ProvinceCode),
		Decision: p.DecisionNo, Baseline: p.BaselineYear}
	if p.DecisionDate != nil {
		date := pageFormat(ctx).Date(*p.DecisionDate)
		if p.DecisionNo == "" {
			row.Decision = i18n.Tf(ctx, "ngày %s", date)
		} else {
			row.Decision = i18n.Tf(ctx, "%s ngày %s", p.DecisionNo, date)
		}
	}
	row.Categories = categoryList(ref, p.Categories)
	row.Territory = territorySummary(ctx, p, ref)
	for _, t := range p.Targets {
		row.Targets = append(row.Targets, targetText(ctx, t))
	}
	return row
}

// targetText says one target in words: "Số doanh nghiệp năm 2025: 340".
func targetText(ctx context.Context, t model.Target) string {
	if t.Metric == model.MetricOutputShare {
		return i18n.Tf(ctx, "Tỷ trọng giá trị sản xuất năm %d: %s%%", t.Year, percentText(ctx, t.Value))
	}
	return i18n.Tf(ctx, "Số doanh nghiệp năm %d: %s", t.Year, pageFormat(ctx).Int(int64(t.Value)))
}

// percentText writes a share as a percentage without its sign, with at
// most two decimals: 0.355 → "35,5" ("35.5" in English).
func percentText(ctx context.Context, share float64) string {
	return pageFormat(ctx).Decimal(math.Round(share*1e4)/100, 2)
}

// categoryList names categories in ref's language, separated by commas.
func categoryList(ref *refs, cats []model.Category) string {
	names := make([]string, len(cats))
	for i, c := range cats {
		names[i] = ref.category(c)
	}
	return strings.Join(names, ", ")
}

// handlePlanNew shows the empty form to add a plan.
func handlePlanNew(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ref, err := loadRefs(r.Context(), d.st)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		f := planForm(r.Context(), model.Plan{ProvinceCode: "HD", Categories: model.Categories,
			Report: model.ReportSettings{Symbol: model.DefaultReportSymbol, SignerTitle: model.DefaultSignerTitle}}, ref)
		f.Values["baseline_year"] = ""
		render(w, r, d.logger, http.StatusOK, web.AdminPlanForm(page(r, d, i18n.T(r.Context(), "Thêm đề án")), f))
	})
}

// handlePlanCreate adds the plan the form describes: 422 with everything
// typed and a message at each bad field, or 303 to the list.
func handlePlanCreate(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ref, ok := d.planFormContext(w, r)
		if !ok {
			return
		}
		p, f := readPlanForm(r, ref, "")
		var err error
		if len(f.Problems) == 0 {
			me, _ := currentUser(r)
			err = d.st.CreatePlan(r.Context(), &p, me.ID)
		}
		switch {
		case len(f.Problems) > 0 || planRejected(r.Context(), &f, p, err):
			render(w, r, d.logger, http.StatusUnprocessableEntity, web.AdminPlanForm(page(r, d, i18n.T(r.Context(), "Thêm đề án")), f))
		case err != nil:
			serverError(w, r, d.logger, err)
		default:
			flash(r, d, i18n.Tf(r.Context(), "Đã thêm đề án %s.", p.Code))
			http.Redirect(w, r, "/admin/plans", http.StatusSeeOther)
		}
	})
}

// handlePlanEdit shows the form filled with the stored plan and its
// version.
func handlePlanEdit(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ref, err := loadRefs(r.Context(), d.st)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		p, ok := d.planFromPath(w, r)
		if !ok {
			return
		}
		render(w, r, d.logger, http.StatusOK, web.AdminPlanForm(page(r, d, i18n.Tf(r.Context(), "Sửa đề án %s", p.Code)), planForm(r.Context(), p, ref)))
	})
}

// handlePlanUpdate saves the edit form when its version is still the
// stored one: 303 to the list; 422 with a message at each bad field; 409
// beside the stored plan when someone else saved first.
func handlePlanUpdate(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		stored, ok := d.planFromPath(w, r)
		if !ok {
			return
		}
		ref, ok := d.planFormContext(w, r)
		if !ok {
			return
		}
		p, f := readPlanForm(r, ref, stored.Code)
		var err error
		if len(f.Problems) == 0 {
			me, _ := currentUser(r)
			err = d.st.UpdatePlan(r.Context(), &p, me.ID)
		}
		switch {
		case errors.Is(err, model.ErrStale):
			d.renderPlanConflict(w, r, f, p, ref)
		case len(f.Problems) > 0 || planRejected(r.Context(), &f, p, err):
			render(w, r, d.logger, http.StatusUnprocessableEntity, web.AdminPlanForm(page(r, d, i18n.Tf(r.Context(), "Sửa đề án %s", p.Code)), f))
		case err != nil:
			serverError(w, r, d.logger, err)
		default:
			flash(r, d, i18n.Tf(r.Context(), "Đã lưu đề án %s.", p.Code))
			http.Redirect(w, r, "/admin/plans", http.StatusSeeOther)
		}
	})
}

// planFromPath reads the plan the path's code names; when there is none it
// answers 404 and returns false.
func (d *deps) planFromPath(w http.ResponseWriter, r *http.Request) (model.Plan, bool) {
	p, err := d.st.Plan(r.Context(), r.PathValue("code"))
	if err != nil {
		if status, _ := errorStatus(r.Context(), err); status == http.StatusNotFound {
			renderError(w, r, d, http.StatusNotFound, i18n.T(r.Context(), "Không có đề án này."))
		} else {
			serverError(w, r, d.logger, err)
		}
		return p, false
	}
	return p, true
}

// planFormContext reads a posted plan form's body and the reference lists.
func (d *deps) planFormContext(w http.ResponseWriter, r *http.Request) (*refs, bool) {
	if !parseForm(w, r, d) {
		return nil, false
	}
	ref, err := loadRefs(r.Context(), d.st)
	if err != nil {
		serverError(w, r, d.logger, err)
		return nil, false
	}
	return ref, true
}

// renderPlanConflict answers 409: the plan as typed beside the plan as
// stored, and the form again with what was typed and the current version.
func (d *deps) renderPlanConflict(w http.ResponseWriter, r *http.Request, f web.PlanForm, typed model.Plan, ref *refs) {
	current, err := d.st.Plan(r.Context(), typed.Code)
	if err != nil {
		serverError(w, r, d.logger, err)
		return
	}
	f.Version = current.Version
	v := web.PlanConflictView{Form: f, ChangedBy: d.st.LastEditor(r.Context(), "plan", typed.Code)}
	ctx := r.Context()
	yours, stored := planDisplay(ctx, typed, ref), planDisplay(ctx, current, ref)
	for _, key := range web.PlanFields[1:] {
		differs := yours[key] != stored[key]
		if key == "territory" {
			differs = !slices.Equal(typed.Territory, current.Territory)
		}
		v.Rows = append(v.Rows, web.ComparisonRow{Label: web.PlanFieldLabel(ctx, key), Yours: yours[key],
			Stored: stored[key], Differs: differs})
	}
	render(w, r, d.logger, http.StatusConflict, web.AdminPlanConflict(page(r, d, i18n.T(ctx, "Xung đột khi lưu")), v))
}
