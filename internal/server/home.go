package server

import (
	"net/http"
	"strconv"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

func planView(lang model.Lang, p model.Plan, names store.Names) web.PlanView {
	v := web.PlanView{
		Code: p.Code, Name: p.Name, NameEN: p.NameEN, DecisionNo: p.DecisionNo, DecisionDate: p.DecisionDate,
		Province: names.Province(p.ProvinceCode), BaselineYear: p.BaselineYear,
	}
	for _, c := range p.Categories {
		v.Categories = append(v.Categories, names.CategoryIn(lang, c))
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
	if v.DemoEnterprises, err = st.CountDemoEnterprises(ctx); err != nil {
		return v, err
	}
	if len(plans) > 0 {
		v.OutputYears, err = st.OutputYears(ctx, plans[0].ProvinceCode, model.BasisCurrent)
	}
	return v, err
}

func itoa(n int) string { return strconv.Itoa(n) }
