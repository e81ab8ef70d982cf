package server

import (
	"cmp"
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
var planKeys = []string{"code", "province", "name", "name_en", "decision_no", "decision_date", "baseline_year",
	"report_symbol", "report_recipients", "signer_authority", "signer_title", "signer_name"}

// targetRows is how many rows the targets table has at least, blank ones
// after the filled ones (and always one blank): without a script, rows
// cannot be added on the page, and a new plan and an edited one look alike.
const targetRows = 5

// withBlankRows is targets followed by the blank rows the form offers.
func withBlankRows(targets []web.TargetInput) []web.TargetInput {
	return append(targets, make([]web.TargetInput, max(1, targetRows-len(targets)))...)
}

// planForm is the form showing p, its numbers and dates written as the
// page's language writes them (whole numbers plainly in English, where the
// parser would take a comma for a decimal point).
func planForm(ctx context.Context, p model.Plan, ref *refs) web.PlanForm {
	fm := pageFormat(ctx)
	f := web.PlanForm{Edit: p.Version > 0, Code: p.Code, Version: p.Version, Errors: map[string]string{},
		Values: map[string]string{"code": p.Code, "province": p.ProvinceCode, "name": p.Name, "name_en": p.NameEN,
			"decision_no": p.DecisionNo, "baseline_year": strconv.Itoa(p.BaselineYear),
			"report_symbol": p.Report.Symbol, "report_recipients": strings.Join(p.Report.Recipients, "\n"),
			"signer_authority": p.Report.SignerAuthority, "signer_title": p.Report.SignerTitle,
			"signer_name": p.Report.SignerName}}
	if p.DecisionDate != nil {
		f.Values["decision_date"] = fm.Date(*p.DecisionDate)
	}
	fillPlanChoices(ctx, &f, ref, p.Categories)
	fillTerritory(ctx, &f, ref, p.Territory)
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
	f.Targets = withBlankRows(f.Targets)
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
		NameEN: f.Values["name_en"], DecisionNo: f.Values["decision_no"], Version: f.Version,
		Report: model.ReportSettings{Symbol: f.Values["report_symbol"], Recipients: strings.Split(f.Values["report_recipients"], "\n"),
			SignerAuthority: f.Values["signer_authority"], SignerTitle: f.Values["signer_title"], SignerName: f.Values["signer_name"]}}
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
	p.Territory = readTerritory(pf["territory"], ref, v)
	fillPlanChoices(r.Context(), &f, ref, p.Categories)
	fillTerritory(r.Context(), &f, ref, p.Territory)
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

// territoryGroup is what puts units in one group of the plan form: their
// province, their period and the province the units they were formed from
// lay in, when it is another.
type territoryGroup struct {
	province, origin string
	commune          bool
	from, until      string
}

// fillTerritory offers every unit of ref as a territory checkbox, ticking
// those of checked, grouped by province, level, period and origin in the
// order of the reference lists.
func fillTerritory(ctx context.Context, f *web.PlanForm, ref *refs, checked []int64) {
	fm := pageFormat(ctx)
	index := map[territoryGroup]int{}
	withOrigin := map[string]bool{}
	var keys []territoryGroup
	for _, a := range ref.Areas {
		k := territoryGroup{province: a.ProvinceCode, commune: communeLevel(a.Kind)}
		if a.ValidFrom != nil {
			k.from = fm.Date(*a.ValidFrom)
		}
		if a.ValidUntil != nil {
			k.until = fm.Date(*a.ValidUntil)
		}
		if len(a.Origins) > 0 {
			if o, ok := ref.areas[a.Origins[0]]; ok && o.ProvinceCode != a.ProvinceCode {
				k.origin = o.ProvinceCode
				withOrigin[a.ProvinceCode] = true
			}
		}
		i, ok := index[k]
		if !ok {
			i = len(f.Territory)
			index[k] = i
			keys = append(keys, k)
			f.Territory = append(f.Territory, web.TerritoryGroup{ID: "territory-" + strconv.Itoa(i)})
		}
		g := &f.Territory[i]
		on := slices.Contains(checked, a.ID)
		if on {
			g.Checked++
		}
		g.Units = append(g.Units, web.CheckChoice{Value: strconv.FormatInt(a.ID, 10), Label: a.Name + " (" + a.Code + ")", Checked: on})
	}
	for i, k := range keys {
		f.Territory[i].Label = territoryGroupLabel(ctx, ref, k, withOrigin[k.province])
	}
	f.Territory = originsFirst(f.Territory, keys)
}

// originsFirst orders groups (made by keys, in the same order) so that,
// within one province and period, the units formed from another province's
// come before the rest, as the province was put together.
func originsFirst(groups []web.TerritoryGroup, keys []territoryGroup) []web.TerritoryGroup {
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	first := map[territoryGroup]int{}
	for i, k := range keys {
		k.origin = ""
		if _, ok := first[k]; !ok {
			first[k] = i
		}
	}
	rank := func(i int) int {
		k := keys[i]
		k.origin = ""
		return first[k]
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)),
			cmp.Compare(boolRank(keys[a].origin == ""), boolRank(keys[b].origin == "")))
	})
	out := make([]web.TerritoryGroup, len(order))
	for i, j := range order {
		out[i] = groups[j]
		out[i].ID = "territory-" + strconv.Itoa(i)
	}
	return out
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// territoryGroupLabel names a group of units: "Hải Phòng — đơn vị cấp xã,
// từ 01/07/2025, hình thành từ Hải Dương". others says the province also
// has units formed from another province's, so this group is the rest.
func territoryGroupLabel(ctx context.Context, ref *refs, k territoryGroup, others bool) string {
	parts := []string{i18n.T(ctx, "đơn vị cấp huyện")}
	if k.commune {
		parts[0] = i18n.T(ctx, "đơn vị cấp xã")
	}
	switch {
	case k.from != "" && k.until != "":
		parts = append(parts, i18n.Tf(ctx, "từ %s đến %s", k.from, k.until))
	case k.from != "":
		parts = append(parts, i18n.Tf(ctx, "từ %s", k.from))
	case k.until != "":
		parts = append(parts, i18n.Tf(ctx, "đến %s", k.until))
	}
	switch {
	case k.origin != "":
		parts = append(parts, i18n.Tf(ctx, "hình thành từ %s", ref.province(k.origin)))
	case others:
		parts = append(parts, i18n.T(ctx, "các đơn vị còn lại"))
	}
	return ref.province(k.province) + " — " + strings.Join(parts, ", ")
}

// communeLevel reports whether a unit of kind is commune-level (phường, xã,
// đặc khu) rather than district-level.
func communeLevel(kind string) bool {
	return kind == "phuong" || kind == "xa" || kind == "dac_khu"
}

// readTerritory reads the ticked units, refusing one not in ref.
func readTerritory(posted []string, ref *refs, v *model.ValidationError) []int64 {
	var out []int64
	for _, s := range posted {
		id, err := strconv.ParseInt(s, 10, 64)
		if _, ok := ref.areas[id]; err != nil || !ok {
			v.Add("territory", "territory_unknown_unit", s)
			continue
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}
