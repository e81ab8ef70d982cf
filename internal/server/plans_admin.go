package server

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"industrytargets/internal/format"
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
			v.Plans = append(v.Plans, planRow(p, ref))
		}
		render(w, r, d.logger, http.StatusOK, web.AdminPlans(page(r, d, "Đề án và mục tiêu"), v))
	})
}

func planRow(p model.Plan, ref *refs) web.PlanRow {
	row := web.PlanRow{Code: p.Code, Name: p.Name, Province: ref.province(p.ProvinceCode),
		Decision: p.DecisionNo, Baseline: p.BaselineYear}
	if p.DecisionDate != nil {
		row.Decision = strings.TrimSpace(row.Decision + " ngày " + format.Date(*p.DecisionDate))
	}
	var cats []string
	for _, c := range p.Categories {
		cats = append(cats, ref.category(c))
	}
	row.Categories = strings.Join(cats, ", ")
	for _, t := range p.Targets {
		row.Targets = append(row.Targets, targetText(t))
	}
	return row
}

// targetText says one target in words: "Số doanh nghiệp năm 2025: 340".
func targetText(t model.Target) string {
	if t.Metric == model.MetricOutputShare {
		return "Tỷ trọng giá trị sản xuất năm " + strconv.Itoa(t.Year) + ": " + percentText(t.Value) + "%"
	}
	return "Số doanh nghiệp năm " + strconv.Itoa(t.Year) + ": " + format.Int(int64(t.Value))
}

// handlePlanNew shows the empty form to add a plan.
func handlePlanNew(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ref, err := loadRefs(r.Context(), d.st)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		f := planForm(model.Plan{ProvinceCode: "HD", Categories: model.Categories}, ref)
		f.Values["baseline_year"] = ""
		render(w, r, d.logger, http.StatusOK, web.AdminPlanForm(page(r, d, "Thêm đề án"), f))
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
		case len(f.Problems) > 0 || planRejected(&f, p, err):
			render(w, r, d.logger, http.StatusUnprocessableEntity, web.AdminPlanForm(page(r, d, "Thêm đề án"), f))
		case err != nil:
			serverError(w, r, d.logger, err)
		default:
			flash(r, d, "Đã thêm đề án "+p.Code+".")
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
		render(w, r, d.logger, http.StatusOK, web.AdminPlanForm(page(r, d, "Sửa đề án "+p.Code), planForm(p, ref)))
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
		case len(f.Problems) > 0 || planRejected(&f, p, err):
			render(w, r, d.logger, http.StatusUnprocessableEntity, web.AdminPlanForm(page(r, d, "Sửa đề án "+p.Code), f))
		case err != nil:
			serverError(w, r, d.logger, err)
		default:
			flash(r, d, "Đã lưu đề án "+p.Code+".")
			http.Redirect(w, r, "/admin/plans", http.StatusSeeOther)
		}
	})
}

// planFromPath reads the plan the path's code names; when there is none it
// answers 404 and returns false.
func (d *deps) planFromPath(w http.ResponseWriter, r *http.Request) (model.Plan, bool) {
	p, err := d.st.Plan(r.Context(), r.PathValue("code"))
	if err != nil {
		if status, _ := errorStatus(err); status == http.StatusNotFound {
			renderError(w, r, d, http.StatusNotFound, "Không có đề án này.")
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
	yours, stored := planDisplay(typed, ref), planDisplay(current, ref)
	for _, fl := range web.PlanFieldLabels[1:] {
		v.Rows = append(v.Rows, web.ComparisonRow{Label: fl.Label, Yours: yours[fl.Value],
			Stored: stored[fl.Value], Differs: yours[fl.Value] != stored[fl.Value]})
	}
	render(w, r, d.logger, http.StatusConflict, web.AdminPlanConflict(page(r, d, "Xung đột khi lưu"), v))
}
