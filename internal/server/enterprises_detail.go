package server

import (
	"cmp"
	"context"
	"net/http"
	"slices"
	"strconv"
	"time"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// historyLimit is how many changes an enterprise's page lists.
const historyLimit = 100

// handleEnterprise shows one enterprise: every field, its classifications,
// its yearly figures and its history.
func handleEnterprise(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		e, ok := d.enterpriseFromPath(w, r)
		if !ok {
			return
		}
		ref, err := loadRefs(ctx, d.st)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		classes, err := d.st.Classifications(ctx, e.ID)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		figures, err := d.st.Figures(ctx, e.ID)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		locs, err := d.st.Locations(ctx, e.ID)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		history, err := d.st.EnterpriseHistory(ctx, e.ID, historyLimit)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		me, _ := currentUser(r)
		v := detailView(ctx, e, ref, vnToday())
		v.CanEdit = me.Can(model.RoleEditor)
		for _, c := range classes {
			v.Classifications = append(v.Classifications, classificationRow(ctx, c, ref, vnToday()))
		}
		// Newest year first; within a year current prices first, as the
		// counting rules use them by default.
		slices.SortStableFunc(figures, func(a, b model.Figure) int {
			return cmp.Or(cmp.Compare(b.Year, a.Year),
				cmp.Compare(slices.Index(model.PriceBases, a.Basis), slices.Index(model.PriceBases, b.Basis)))
		})
		for _, f := range figures {
			v.Figures = append(v.Figures, figureRow(ctx, f))
		}
		v.Locations = locationRows(ctx, e, locs, ref)
		for _, h := range history {
			v.History = append(v.History, historyRow(ctx, h, ref))
		}
		render(w, r, d.logger, http.StatusOK, web.EnterpriseDetail(page(r, d, e.Name), v))
	})
}

// enterpriseFromPath reads the enterprise the path names; when there is
// none it answers 404 and returns false.
func (d *deps) enterpriseFromPath(w http.ResponseWriter, r *http.Request) (model.Enterprise, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		renderError(w, r, d, http.StatusNotFound, i18n.T(r.Context(), "Không có doanh nghiệp này trong sổ đăng ký."))
		return model.Enterprise{}, false
	}
	e, err := d.st.Enterprise(r.Context(), id)
	if err != nil {
		if status, _ := errorStatus(r.Context(), err); status == http.StatusNotFound {
			renderError(w, r, d, http.StatusNotFound, i18n.T(r.Context(), "Không có doanh nghiệp này trong sổ đăng ký (có thể đã bị xoá)."))
		} else {
			serverError(w, r, d.logger, err)
		}
		return model.Enterprise{}, false
	}
	return e, true
}

func detailView(ctx context.Context, e model.Enterprise, ref *refs, today time.Time) web.EnterpriseDetailView {
	status, ceased := operatingStatus(ctx, e, today)
	if ceased {
		status = i18n.Tf(ctx, "%s từ %s", status, pageFormat(ctx).Date(*e.CeasedOn))
	}
	v := web.EnterpriseDetailView{ID: e.ID, Name: e.Name, TaxCode: e.TaxCode, Status: status, Ceased: ceased, Demo: e.Demo}
	shown := enterpriseDisplay(e, ref)
	for _, key := range web.EnterpriseFields {
		v.Facts = append(v.Facts, web.DetailFact{Label: web.EnterpriseFieldLabel(ctx, key), Value: shown[key]})
	}
	v.Facts = append(v.Facts, web.DetailFact{Label: i18n.T(ctx, "Cập nhật lần cuối"), Value: dateTimeIn(ctx, e.UpdatedAt)})
	return v
}

// expiringWithin is how soon a certificate's end makes it worth a warning.
const expiringWithin = 6 // months

func classificationRow(ctx context.Context, c model.Classification, ref *refs, today time.Time) web.ClassificationRow {
	show := classificationDisplay(ctx, c, ref)
	row := web.ClassificationRow{ID: c.ID, Category: show["category"], ProductGroup: show["product_group"],
		ValidFrom: show["valid_from"], ValidUntil: show["valid_until"], CertificateNo: c.CertificateNo}
	switch {
	case c.ValidFrom.After(today):
		row.Badge, row.BadgeClass = i18n.T(ctx, "Chưa có hiệu lực"), "warn"
	case c.ValidUntil != nil && c.ValidUntil.Before(today):
		row.Badge, row.BadgeClass = i18n.T(ctx, "Hết hiệu lực"), "off"
	case c.ValidUntil != nil && !c.ValidUntil.After(today.AddDate(0, expiringWithin, 0)):
		days := int(c.ValidUntil.Sub(today).Hours()/24) + 1
		row.Badge, row.BadgeClass = i18n.Tf(ctx, "Sắp hết hạn (còn %d ngày)", days), "warn"
	default:
		row.Badge, row.BadgeClass = i18n.T(ctx, "Còn hiệu lực"), "on"
	}
	return row
}

func figureRow(ctx context.Context, f model.Figure) web.FigureRow {
	show := figureDisplayIn(i18n.From(ctx), f)
	row := web.FigureRow{ID: f.ID, Year: f.Year, Basis: show["price_basis"], Production: show["production_value"],
		Revenue: show["revenue"], Export: show["export_value"], Employees: show["employees"], Status: show["status"]}
	for _, s := range []*string{&row.Revenue, &row.Export, &row.Employees} {
		*s = withDefault(*s, "—")
	}
	return row
}

// priceBasisLabel names a price basis in Vietnamese, which is also its key
// in en/data_register.json (see tr).
func priceBasisLabel(b model.PriceBasis) string {
	switch b {
	case model.BasisCurrent:
		return "Giá hiện hành"
	case model.BasisConst2010:
		return "Giá so sánh 2010"
	case model.BasisConst2020:
		return "Giá so sánh 2020"
	}
	return string(b)
}

// figureStatusLabel names how final a figure is in Vietnamese, which is
// also its key in en/data_register.json (see tr).
func figureStatusLabel(s model.FigureStatus) string {
	switch s {
	case model.StatusEstimate:
		return "Ước tính"
	case model.StatusPreliminary:
		return "Sơ bộ"
	case model.StatusOfficial:
		return "Chính thức"
	}
	return string(s)
}

// historyRow says who changed what and when, in words.
func historyRow(ctx context.Context, h store.HistoryEntry, ref *refs) web.HistoryRow {
	row := web.HistoryRow{At: dateTimeIn(ctx, h.At), Who: withDefault(h.Email, i18n.T(ctx, "hệ thống")), What: historyWhat(ctx, h, ref)}
	changes, _ := h.Details["changes"].(map[string]any)
	keys := make([]string, 0, len(changes))
	for k := range changes {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Compare(web.EnterpriseFieldIndex(a), web.EnterpriseFieldIndex(b))
	})
	for _, k := range keys {
		c, _ := changes[k].(map[string]any)
		from, _ := c["from"].(string)
		to, _ := c["to"].(string)
		row.Changes = append(row.Changes, web.ChangeRow{Label: web.EnterpriseFieldLabel(ctx, k),
			From: changedValue(ctx, k, from, ref), To: changedValue(ctx, k, to, ref)})
	}
	return row
}
