package server

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/web"
)

// handleEnterpriseNew shows the empty form to add an enterprise.
func handleEnterpriseNew(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ref, err := loadRefs(r.Context(), d.st)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		f := newEnterpriseForm(r.Context(), map[string]string{"province": ref.provinceOn(importer.DefaultProvince, vnToday())}, ref)
		render(w, r, d.logger, http.StatusOK, web.EnterpriseNew(page(r, d, i18n.T(r.Context(), "Thêm doanh nghiệp")), f))
	})
}

// handleEnterpriseCreate adds the enterprise the form describes: 422 with
// everything typed and a message at each bad field, or 303 to its page.
func handleEnterpriseCreate(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		values, ref, ok := d.readEnterpriseForm(w, r)
		if !ok {
			return
		}
		f := newEnterpriseForm(r.Context(), values, ref)
		e, err := importer.EnterpriseForm(values, ref.Reference)
		if err == nil {
			me, _ := currentUser(r)
			err = d.st.CreateEnterprise(r.Context(), &e, me.ID)
		}
		if errors.Is(err, model.ErrNotFound) {
			// A choice of the form was removed from its list meanwhile
			// (the database refused it).
			f.AddProblem("", "", i18n.T(r.Context(), "Một mục chọn từ danh mục (tỉnh, địa bàn, khu/cụm công nghiệp hoặc mã ngành) vừa bị xoá khỏi danh mục; hãy chọn lại."))
		}
		if errors.Is(err, model.ErrNotFound) || d.formRejected(r, &f, e, err) {
			render(w, r, d.logger, http.StatusUnprocessableEntity, web.EnterpriseNew(page(r, d, i18n.T(r.Context(), "Thêm doanh nghiệp")), f))
			return
		}
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		flash(r, d, i18n.Tf(r.Context(), "Đã thêm doanh nghiệp %s (mã số thuế %s).", e.Name, e.TaxCode))
		http.Redirect(w, r, web.EnterpriseURL(e.ID), http.StatusSeeOther)
	})
}

// handleEnterpriseEdit shows the form filled with the stored enterprise and
// its version.
func handleEnterpriseEdit(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, ok := d.enterpriseFromPath(w, r)
		if !ok {
			return
		}
		ref, err := loadRefs(r.Context(), d.st)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		f := newEnterpriseForm(r.Context(), enterpriseFormValues(e, ref), ref)
		f.ID, f.Version, f.Name = e.ID, e.Version, e.Name
		f.Base = enterpriseFormValues(e, ref)
		render(w, r, d.logger, http.StatusOK, web.EnterpriseEdit(page(r, d, i18n.Tf(r.Context(), "Sửa %s", e.Name)), f))
	})
}

// readEnterpriseForm reads the enterprise form's fields from the body only
// (never the query string), and the reference lists to check them against.
func (d *deps) readEnterpriseForm(w http.ResponseWriter, r *http.Request) (map[string]string, *refs, bool) {
	if err := r.ParseForm(); err != nil {
		serverError(w, r, d.logger, err)
		return nil, nil, false
	}
	values := map[string]string{}
	for _, key := range web.EnterpriseFields {
		values[key] = r.PostForm.Get(key)
	}
	ref, err := loadRefs(r.Context(), d.st)
	if err != nil {
		serverError(w, r, d.logger, err)
		return nil, nil, false
	}
	return values, ref, true
}

// formRejected puts on f what is wrong with the enterprise e as typed, and
// reports whether err was such a rejection (a validation error, or a tax
// code another enterprise has) rather than a failure.
func (d *deps) formRejected(r *http.Request, f *web.EnterpriseForm, e model.Enterprise, err error) bool {
	ctx := r.Context()
	var v *model.ValidationError
	switch {
	case errors.As(err, &v):
		for _, fe := range v.Fields {
			f.AddProblem(fe.Field, web.EnterpriseFieldLabel(ctx, fe.Field), sentence(fe.Message(i18n.From(ctx))))
		}
		return true
	case errors.Is(err, model.ErrConflict) && !errors.Is(err, model.ErrStale):
		if other, err := d.st.EnterpriseByTaxCode(ctx, e.TaxCode); err == nil && other.ID != e.ID {
			f.Duplicate = &web.EnterpriseLink{ID: other.ID, Name: other.Name, TaxCode: other.TaxCode}
		}
		f.AddProblem("tax_code", web.EnterpriseFieldLabel(ctx, "tax_code"),
			i18n.Tf(ctx, "Mã số thuế %s đã có trong sổ đăng ký; mỗi doanh nghiệp chỉ được ghi một lần.", e.TaxCode))
		return true
	}
	return false
}

func newEnterpriseForm(ctx context.Context, values map[string]string, ref *refs) web.EnterpriseForm {
	f := web.EnterpriseForm{Values: values, Errors: map[string]string{}, Choices: web.FormChoices{
		Ownerships: ownershipChoices(ctx), Areas: ref.areaChoices(false), Zones: ref.zoneChoices(false),
		Today: vnToday().Format(time.DateOnly), AreaNote: ref.abolishedAreaNote(ctx, values["area"]),
	}}
	// The units' province and dates let the form's script offer only the
	// units of the chosen province valid while the enterprise is there.
	for i, g := range f.Choices.Areas {
		for j, o := range g.Options {
			a := ref.areaByCode[o.Value]
			g.Options[j].Attrs = dateAttrs(templ.Attributes{"data-province": a.ProvinceCode}, a.ValidFrom, a.ValidUntil)
		}
		f.Choices.Areas[i] = g
	}
	for _, p := range ref.Provinces {
		label := p.Name
		if p.ValidUntil != nil {
			label = i18n.Tf(ctx, "%s (đến %s)", p.Name, pageFormat(ctx).Date(*p.ValidUntil))
		}
		f.Choices.Provinces = append(f.Choices.Provinces, web.Choice{Value: p.Code, Label: label,
			Attrs: dateAttrs(templ.Attributes{}, p.ValidFrom, p.ValidUntil)})
	}
	for _, dv := range ref.divisions {
		f.Choices.Divisions = append(f.Choices.Divisions, web.Choice{Value: dv.Code, Label: dv.Code + " – " + ref.division[dv.Code]})
	}
	return f
}

// dateAttrs adds to attrs the first and last day of a unit, yyyy-mm-dd, as
// data-from and data-until, when it has them.
func dateAttrs(attrs templ.Attributes, from, until *time.Time) templ.Attributes {
	if from != nil {
		attrs["data-from"] = from.Format(time.DateOnly)
	}
	if until != nil {
		attrs["data-until"] = until.Format(time.DateOnly)
	}
	return attrs
}

// provinceOn is the province that governs on day the land of province
// code: code itself, or its successor once it has ended (HD → HP after
// 30/06/2025).
func (r *refs) provinceOn(code string, day time.Time) string {
	for range len(r.Provinces) {
		i := slices.IndexFunc(r.Provinces, func(p model.Province) bool { return p.Code == code })
		if i < 0 {
			return code
		}
		p := r.Provinces[i]
		if p.SuccessorCode == "" || !p.EndedBefore(day) {
			return code
		}
		code = p.SuccessorCode
	}
	return code
}

// abolishedAreaNote says, for an area code the form holds that is a unit
// abolished by today, which units were formed from it and how to record
// the move; "" otherwise.
func (r *refs) abolishedAreaNote(ctx context.Context, code string) string {
	a, ok := r.areaByCode[code]
	if !ok || !a.AbolishedBy(vnToday()) {
		return ""
	}
	var names []string
	for _, b := range r.Areas {
		if slices.Contains(b.Origins, a.ID) {
			names = append(names, b.Name)
		}
	}
	f := pageFormat(ctx)
	if len(names) == 0 {
		return i18n.Tf(ctx, "%s không còn từ %s: chọn địa bàn mới và nhập ngày chuyển.", a.Name, f.Date(a.ValidUntil.AddDate(0, 0, 1)))
	}
	return i18n.Tf(ctx, "%s không còn từ %s. Chọn xã, phường mới hình thành từ địa bàn này (%s) và nhập ngày chuyển %s.",
		a.Name, f.Date(a.ValidUntil.AddDate(0, 0, 1)), strings.Join(names, ", "), f.Date(a.ValidUntil.AddDate(0, 0, 1)))
}

// enterpriseFormValues is e as the form shows it: codes for the area and
// zone, dates as ref's language writes them (dd/mm/yyyy, or yyyy-mm-dd in
// English; the form reads both).
func enterpriseFormValues(e model.Enterprise, ref *refs) map[string]string {
	f := format.For(ref.lang)
	v := map[string]string{
		"tax_code": e.TaxCode, "name": e.Name, "name_en": e.NameEN, "province": e.ProvinceCode,
		"ownership": string(e.Ownership), "investor_country": e.InvestorCountry, "vsic": e.VSIC,
		"operating_since": f.Date(e.OperatingSince),
	}
	if e.AreaID != nil {
		v["area"] = ref.areas[*e.AreaID].Code
	}
	if e.AreaSince != nil && !model.DayOf(*e.AreaSince).Equal(model.DayOf(e.OperatingSince)) {
		v["area_since"] = f.Date(*e.AreaSince)
	}
	if e.ZoneID != nil {
		v["industrial_zone"] = ref.zones[*e.ZoneID].Code
	}
	if e.CeasedOn != nil {
		v["ceased_on"] = f.Date(*e.CeasedOn)
	}
	if e.Employees != nil {
		v["employees"] = strconv.FormatInt(*e.Employees, 10)
	}
	return v
}
