package server

import (
	"net/http"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// handleHome shows each plan with its targets and what the register holds.
func handleHome(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		plans, err := d.st.Plans(ctx)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		names, err := d.st.Names(ctx)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		v := web.HomeView{Plans: make([]web.PlanView, len(plans))}
		for i, p := range plans {
			v.Plans[i] = planView(p, names)
		}
		if v.Register, err = registerView(r, d.st, plans); err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		render(w, r, d.logger, http.StatusOK, web.Home(page(r, d, "Tổng quan"), v))
	})
}

func planView(p model.Plan, names store.Names) web.PlanView {
	v := web.PlanView{
		Code: p.Code, Name: p.Name, DecisionNo: p.DecisionNo, DecisionDate: p.DecisionDate,
		Province: names.Province(p.ProvinceCode), BaselineYear: p.BaselineYear,
	}
	for _, c := range p.Categories {
		v.Categories = append(v.Categories, names.Category(c))
	}
	for _, t := range p.Targets {
		v.Targets = append(v.Targets, web.TargetView{Metric: string(t.Metric), Year: t.Year, Value: t.Value})
	}
	return v
}

func registerView(r *http.Request, st *store.Store, plans []model.Plan) (web.RegisterView, error) {
	ctx := r.Context()
	var v web.RegisterView
	var err error
	if v.Enterprises, err = st.CountEnterprises(ctx); err != nil {
		return v, err
	}
	demo, err := st.CountDemo(ctx)
	if err != nil {
		return v, err
	}
	v.DemoEnterprises = demo.Enterprises
	if len(plans) > 0 {
		v.OutputYears, err = st.OutputYears(ctx, plans[0].ProvinceCode, model.BasisCurrent)
	}
	return v, err
}
