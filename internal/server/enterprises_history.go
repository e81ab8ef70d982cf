package server

import (
	"fmt"
	"strconv"
	"time"

	"industrytargets/internal/format"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// historyWhat says in words what one change of an enterprise's history
// did, from what the audit log recorded.
func historyWhat(h store.HistoryEntry, ref *refs) string {
	verb := map[string]string{"create": "Thêm", "update": "Sửa", "delete": "Xoá"}[h.Action]
	if verb == "" {
		verb = h.Action
	}
	text := func(k string) string { s, _ := h.Details[k].(string); return s }
	switch h.Entity {
	case "enterprise":
		if h.Action == "update" {
			if c, _ := h.Details["changes"].(map[string]any); len(c) == 0 {
				return "Lưu lại thông tin, không thay đổi gì"
			}
			return "Sửa thông tin doanh nghiệp"
		}
		return verb + " doanh nghiệp"
	case "classification":
		s := verb + " phân loại “" + ref.category(model.Category(text("category"))) + "”"
		if from := text("valid_from"); from != "" {
			s += " hiệu lực từ " + changedValue("valid_from", from, ref)
		}
		return s
	case "figure":
		year, _ := h.Details["year"].(float64)
		s := fmt.Sprintf("%s số liệu năm %d (%s)", verb, int(year), priceBasisLabel(model.PriceBasis(text("price_basis"))))
		if v := text("production_value"); v != "" {
			// Stored as Money.String (1234.500); "1.234" alone would read
			// as ambiguous, so it is shown as stored then.
			if m, err := model.ParseMoney(v); err == nil {
				v = format.Money(m)
			}
			s += ": giá trị sản xuất " + v + " triệu đồng"
		}
		return s
	}
	return verb + " " + h.Entity
}

// changedValue shows one value an update recorded, as the form names it.
func changedValue(key, v string, ref *refs) string {
	if v == "" {
		return "(trống)"
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	switch key {
	case "operating_since", "ceased_on", "valid_from", "valid_until":
		if t, err := time.Parse(time.DateOnly, v); err == nil {
			return format.Date(t)
		}
	case "area":
		return ref.areaName(&id)
	case "industrial_zone":
		return ref.zoneName(&id)
	case "province":
		return ref.province(v)
	case "ownership":
		return ownershipLabel(model.Ownership(v))
	case "employees":
		return format.Int(id)
	}
	return v
}
