package server

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/web"
)

// planKeys are the plan form's single-valued fields.
var planKeys = []string{"code", "province", "name", "name_en", "decision_no", "decision_date", "baseline_year"}

// emptyTargetRows is how many blank target rows the form offers beyond
// the filled ones: without a script, rows cannot be added on the page.
const emptyTargetRows = 3

// planForm is the form showing p, its numbers and dates written as the
// page's language writes them (whole numbers plainly in English, where the
// parser would take a comma for a decimal point).
func planForm(ctx context.Context, p model.Plan, ref *refs) web.PlanForm {
	fm := pageFormat(ctx)
	f := web.PlanForm{Edit: p.Version > 0, Code: p.Code, Version: p.Version, Errors: map[string]string{},
		Values: map[string]string{"code": p.Code, "province": p.ProvinceCode, "name": p.Name, "name_en": p.NameEN,
			"decision_no": p.DecisionNo, "baseline_year": strconv.Itoa(p.BaselineYear)}}
	if p.DecisionDate != nil {
		f.Values["decision_date"] = fm.Date(*p.DecisionDate)
	}
	fillPlanChoices(ctx, &f, ref, p.Categories)
	for _, t := range p.Targets {
		in := web.TargetInput{Metric: string(t.Metric), Year: strconv.Itoa(t.Year), Value: format.Int(int64(t.Value))}
		switch {
		case t.Metric == model.MetricOutputShare:
			in.Value = percentText(ctx, t.Value)
		case i18n.From(ctx) == model.LangEN:
			in.Value = strconv.FormatInt(int64(t.Value), 10)
		}
		f.Targets = append(f.Targets, in)
	}
	f.Targets = append(f.Targets, make([]web.TargetInput, emptyTargetRows)...)
	return f
}

func fillPlanChoices(ctx context.Context, f *web.PlanForm, ref *refs, checked []model.Category) {
	for _, p := range ref.Provinces {
		f.Provinces = append(f.Provinces, web.Choice{Value: p.Code, Label: p.Name})
	}
	for _, c := range ref.Categories {
		f.Categories = append(f.Categories, web.CheckChoice{Value: string(c.Code), Label: ref.category(c.Code),
			Checked: slices.Contains(checked, c.Code)})
	}
	f.Metrics = []web.Choice{{Value: string(model.MetricEnterpriseCount), Label: i18n.T(ctx, "Số doanh nghiệp")},
		{Value: string(model.MetricOutputShare), Label: i18n.T(ctx, "Tỷ trọng giá trị sản xuất (%)")}}
}

// readPlanForm reads the posted plan form, as typed and as a plan, with
// every problem found on the form; code is the stored code of an edit.
func readPlanForm(r *http.Request, ref *refs, code string) (model.Plan, web.PlanForm) {
	pf := r.PostForm
	f := web.PlanForm{Edit: code != "", Code: code, Version: postedVersion(r), Values: map[string]string{}, Errors: map[string]string{}}
	for _, k := range planKeys {
		f.Values[k] = strings.TrimSpace(pf.Get(k))
	}
	if code != "" {
		f.Values["code"] = code
	}
	p := model.Plan{Code: f.Values["code"], ProvinceCode: f.Values["province"], Name: f.Values["name"],
		NameEN: f.Values["name_en"], DecisionNo: f.Values["decision_no"], Version: f.Version}
	v := &model.ValidationError{}
	if s := f.Values["decision_date"]; s != "" {
		t, err := model.ParseDate(s, model.YearStart)
		v.AddErr("decision_date", err)
		if err == nil {
			p.DecisionDate = &t
		}
	}
	if s := f.Values["baseline_year"]; s == "" {
		v.Add("baseline_year", "required")
	} else {
		y, err := model.ParseYear(s)
		v.AddErr("baseline_year", err)
		p.BaselineYear = y
	}
	if ref.provinces[p.ProvinceCode] == "" {
		v.Add("province", "import_unknown_province", p.ProvinceCode)
	}
	p.Categories = readCategories(pf["categories"], v)
	fillPlanChoices(r.Context(), &f, ref, p.Categories)
	check := p
	check.Targets = nil
	planRejected(r.Context(), &f, p, mergeProblems(v, check.Validate()))
	p.Targets = readTargets(r.Context(), pf, p.BaselineYear, &f)
	return p, f
}

// mergeProblems adds to v those problems of err at fields v has none at.
func mergeProblems(v *model.ValidationError, err error) error {
	if other, ok := err.(*model.ValidationError); ok {
		for _, fe := range other.Fields {
			if _, seen := v.Field(fe.Field); !seen {
				v.Fields = append(v.Fields, fe)
			}
		}
	}
	return v.OrNil()
}

func readCategories(posted []string, v *model.ValidationError) []model.Category {
	var out []model.Category
	for _, s := range posted {
		c := model.Category(s)
		switch {
		case !c.Valid():
			v.Add("categories", "category", s)
		case !slices.Contains(out, c):
			out = append(out, c)
		}
	}
	if len(out) == 0 && len(posted) == 0 {
		v.Add("categories", "required")
	}
	return out
}
