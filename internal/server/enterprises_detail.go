package server

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"time"

	"industrytargets/internal/format"
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
		history, err := d.st.EnterpriseHistory(ctx, e.ID, historyLimit)
		if err != nil {
			serverError(w, r, d.logger, err)
			return
		}
		me, _ := currentUser(r)
		v := detailView(e, ref, vnToday())
		v.CanEdit = me.Can(model.RoleEditor)
		for _, c := range classes {
			v.Classifications = append(v.Classifications, classificationRow(c, ref, vnToday()))
		}
		// Newest year first; within a year current prices first, as the
		// counting rules use them by default.
		slices.SortStableFunc(figures, func(a, b model.Figure) int {
			return cmp.Or(cmp.Compare(b.Year, a.Year),
				cmp.Compare(slices.Index(model.PriceBases, a.Basis), slices.Index(model.PriceBases, b.Basis)))
		})
		for _, f := range figures {
			v.Figures = append(v.Figures, figureRow(f))
		}
		for _, h := range history {
			v.History = append(v.History, historyRow(h, ref))
		}
		render(w, r, d.logger, http.StatusOK, web.EnterpriseDetail(page(r, d, e.Name), v))
	})
}

// enterpriseFromPath reads the enterprise the path names; when there is
// none it answers 404 and returns false.
func (d *deps) enterpriseFromPath(w http.ResponseWriter, r *http.Request) (model.Enterprise, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		renderError(w, r, d, http.StatusNotFound, "Không có doanh nghiệp này trong sổ đăng ký.")
		return model.Enterprise{}, false
	}
	e, err := d.st.Enterprise(r.Context(), id)
	if err != nil {
		if status, _ := errorStatus(err); status == http.StatusNotFound {
			renderError(w, r, d, http.StatusNotFound, "Không có doanh nghiệp này trong sổ đăng ký (có thể đã bị xoá).")
		} else {
			serverError(w, r, d.logger, err)
		}
		return model.Enterprise{}, false
	}
	return e, true
}

func detailView(e model.Enterprise, ref *refs, today time.Time) web.EnterpriseDetailView {
	status, ceased := operatingStatus(e, today)
	if ceased {
		status += " từ " + format.Date(*e.CeasedOn)
	}
	v := web.EnterpriseDetailView{ID: e.ID, Name: e.Name, TaxCode: e.TaxCode, Status: status, Ceased: ceased, Demo: e.Demo}
	shown := enterpriseDisplay(e, ref)
	for _, f := range web.EnterpriseFieldLabels {
		v.Facts = append(v.Facts, web.DetailFact{Label: f.Label, Value: shown[f.Value]})
	}
	v.Facts = append(v.Facts, web.DetailFact{Label: "Cập nhật lần cuối", Value: vnDateTime(e.UpdatedAt)})
	return v
}

// expiringWithin is how soon a certificate's end makes it worth a warning.
const expiringWithin = 6 // months

func classificationRow(c model.Classification, ref *refs, today time.Time) web.ClassificationRow {
	row := web.ClassificationRow{ID: c.ID, Category: ref.category(c.Category), ProductGroup: withDefault(ref.groups[c.ProductGroup], c.ProductGroup),
		ValidFrom: format.Date(c.ValidFrom), ValidUntil: "không thời hạn", CertificateNo: c.CertificateNo}
	if c.ValidUntil != nil {
		row.ValidUntil = format.Date(*c.ValidUntil)
	}
	switch {
	case c.ValidFrom.After(today):
		row.Badge, row.BadgeClass = "Chưa có hiệu lực", "warn"
	case c.ValidUntil != nil && c.ValidUntil.Before(today):
		row.Badge, row.BadgeClass = "Hết hiệu lực", "off"
	case c.ValidUntil != nil && !c.ValidUntil.After(today.AddDate(0, expiringWithin, 0)):
		days := int(c.ValidUntil.Sub(today).Hours()/24) + 1
		row.Badge, row.BadgeClass = "Sắp hết hạn (còn "+strconv.Itoa(days)+" ngày)", "warn"
	default:
		row.Badge, row.BadgeClass = "Còn hiệu lực", "on"
	}
	return row
}

func figureRow(f model.Figure) web.FigureRow {
	money := func(m *model.Money) string {
		if m == nil {
			return "—"
		}
		return format.Money(*m)
	}
	row := web.FigureRow{ID: f.ID, Year: f.Year, Basis: priceBasisLabel(f.Basis), Production: format.Money(f.ProductionValue),
		Revenue: money(f.Revenue), Export: money(f.ExportValue), Employees: "—", Status: figureStatusLabel(f.Status)}
	if f.Employees != nil {
		row.Employees = format.Int(*f.Employees)
	}
	return row
}

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
func historyRow(h store.HistoryEntry, ref *refs) web.HistoryRow {
	row := web.HistoryRow{At: vnDateTime(h.At), Who: withDefault(h.Email, "hệ thống"), What: historyWhat(h, ref)}
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
		row.Changes = append(row.Changes, web.ChangeRow{Label: web.EnterpriseFieldLabel(k),
			From: changedValue(k, from, ref), To: changedValue(k, to, ref)})
	}
	return row
}
