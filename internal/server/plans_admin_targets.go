package server

import (
	"cmp"
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/web"
)

// readTargets reads the rows of the targets table that hold anything; a
// share is typed as a percentage. Rows with a problem are left out of the
// plan and reported on the form, numbered as the form will show them.
func readTargets(ctx context.Context, pf url.Values, baseline int, f *web.PlanForm) []model.Target {
	metrics, years, values := pf["target_metric"], pf["target_year"], pf["target_value"]
	at := func(l []string, i int) string {
		if i < len(l) {
			return strings.TrimSpace(l[i])
		}
		return ""
	}
	seen := map[string]int{}
	var out []model.Target
	for i := range max(len(metrics), len(years), len(values)) {
		in := web.TargetInput{Metric: at(metrics, i), Year: at(years, i), Value: at(values, i)}
		if in.Metric+in.Year+in.Value == "" {
			continue
		}
		row := len(f.Targets) + 1
		t, msg, at := parseTarget(ctx, in, baseline)
		key := in.Metric + "\x00" + strconv.Itoa(t.Year)
		if first, dup := seen[key]; dup && msg == "" {
			msg, at = i18n.Tf(ctx, "trùng chỉ tiêu và năm với dòng %d", first), "year"
		}
		seen[key] = row
		in.Error, in.ErrorAt = sentence(msg), at
		f.Targets = append(f.Targets, in)
		if msg != "" {
			addPlanProblem(ctx, f, "targets", i18n.Tf(ctx, "Dòng %d: %s", row, msg))
			continue
		}
		out = append(out, t)
	}
	f.Targets = withBlankRows(f.Targets)
	return out
}

// parseTarget reads one row of the targets table, or says what is wrong
// with it and at which of its cells: metric, year or value.
func parseTarget(ctx context.Context, in web.TargetInput, baseline int) (t model.Target, msg, at string) {
	t = model.Target{Metric: model.Metric(in.Metric)}
	if !t.Metric.Valid() {
		return t, i18n.T(ctx, "chọn chỉ tiêu"), "metric"
	}
	y, err := model.ParseYear(in.Year)
	if in.Year == "" {
		return t, i18n.T(ctx, "nhập năm mục tiêu"), "year"
	}
	if err != nil {
		return t, fieldMessage(ctx, err), "year"
	}
	t.Year = y
	if in.Value == "" {
		return t, i18n.T(ctx, "nhập giá trị mục tiêu"), "value"
	}
	if t.Metric == model.MetricOutputShare {
		t.Value, err = model.ParsePercent(in.Value)
	} else {
		var n int64
		n, err = model.ParseInt(in.Value)
		t.Value = float64(n)
	}
	if err != nil {
		return t, fieldMessage(ctx, err), "value"
	}
	if baseline > 0 {
		if err := t.Validate(baseline); err != nil {
			at = "value"
			if v, ok := err.(*model.ValidationError); ok && len(v.Fields) > 0 && v.Fields[0].Field == "year" {
				at = "year"
			}
			return t, fieldMessage(ctx, err), at
		}
	}
	return t, "", ""
}

// fieldMessage is the message of a parser's or validator's error in the
// page's language.
func fieldMessage(ctx context.Context, err error) string {
	if v, ok := err.(*model.ValidationError); ok && len(v.Fields) > 0 {
		return v.Fields[0].Message(i18n.From(ctx))
	}
	if fe, ok := err.(*model.FieldError); ok {
		return fe.Message(i18n.From(ctx))
	}
	return i18n.T(ctx, "giá trị không hợp lệ")
}

// addPlanProblem records a problem of the plan form, at its field and in
// the summary in form order.
func addPlanProblem(ctx context.Context, f *web.PlanForm, field, msg string) {
	msg = sentence(msg)
	if _, ok := f.Errors[field]; !ok && field != "targets" {
		f.Errors[field] = msg
	}
	f.Problems = append(f.Problems, web.FieldProblem{Field: field, Label: web.PlanFieldLabel(ctx, field), Message: msg})
	slices.SortStableFunc(f.Problems, func(a, b web.FieldProblem) int {
		return cmp.Compare(slices.Index(web.PlanFields, a.Field), slices.Index(web.PlanFields, b.Field))
	})
}

// planRejected puts on f what is wrong with the plan p as typed, and
// reports whether err was such a rejection rather than a failure.
func planRejected(ctx context.Context, f *web.PlanForm, p model.Plan, err error) bool {
	var v *model.ValidationError
	switch {
	case err == nil:
		return false
	case asValidation(err, &v):
		for _, fe := range v.Fields {
			field := fe.Field
			if field == "metric" || field == "year" || field == "value" {
				field = "targets"
			}
			msg := fe.Message(i18n.From(ctx))
			if fe.Field == "categories" && fe.Code == "required" {
				msg = i18n.T(ctx, "chọn ít nhất một lĩnh vực mà đề án tính")
			}
			addPlanProblem(ctx, f, field, msg)
		}
	case isDuplicate(err):
		addPlanProblem(ctx, f, "code", i18n.Tf(ctx, "Đã có đề án mã %s; chọn mã khác hoặc sửa đề án đó trong danh sách.", p.Code))
	case isMissingChoice(err):
		addPlanProblem(ctx, f, "province", i18n.T(ctx, "Tỉnh hoặc lĩnh vực đã chọn vừa bị xoá khỏi danh mục, hoặc có mục tiêu không sau năm gốc; hãy kiểm tra lại."))
	default:
		return false
	}
	return true
}

// planDisplay is p as a person reads it in the page's language, keyed like
// the form.
func planDisplay(ctx context.Context, p model.Plan, ref *refs) map[string]string {
	v := map[string]string{"province": ref.province(p.ProvinceCode), "name": p.Name, "name_en": p.NameEN,
		"decision_no": p.DecisionNo, "baseline_year": strconv.Itoa(p.BaselineYear)}
	if p.DecisionDate != nil {
		v["decision_date"] = pageFormat(ctx).Date(*p.DecisionDate)
	}
	var targets []string
	for _, t := range p.Targets {
		targets = append(targets, targetText(ctx, t))
	}
	v["categories"], v["targets"] = categoryList(ref, p.Categories), strings.Join(targets, "; ")
	v["territory"] = territorySummary(ctx, p, ref)
	for k, s := range v {
		v[k] = withDefault(s, "—")
	}
	return v
}

// territorySummary says what a plan's territory covers: "76 đơn vị hành
// chính, 64 đơn vị hiện nay" (abolished units stay in a territory), or
// "toàn bộ Hải Dương" for a plan that lists no units.
func territorySummary(ctx context.Context, p model.Plan, ref *refs) string {
	if len(p.Territory) == 0 {
		return i18n.Tf(ctx, "toàn bộ %s", ref.province(p.ProvinceCode))
	}
	fm, now := pageFormat(ctx), 0
	for _, id := range p.Territory {
		if a, ok := ref.areas[id]; ok && a.ValidOn(vnToday()) {
			now++
		}
	}
	if now == len(p.Territory) {
		return i18n.Tf(ctx, "%s đơn vị hành chính", fm.Int(int64(len(p.Territory))))
	}
	return i18n.Tf(ctx, "%s đơn vị hành chính, %s đơn vị hiện nay", fm.Int(int64(len(p.Territory))), fm.Int(int64(now)))
}
