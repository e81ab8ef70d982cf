package server

import (
	"context"
	"strconv"
	"time"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

// historyWhat says in words what one change of an enterprise's history
// did, from what the audit log recorded.
func historyWhat(ctx context.Context, h store.HistoryEntry, ref *refs) string {
	// pick is the words for h's action: an addition, a change or a removal.
	pick := func(create, update, remove string) string {
		return map[string]string{"create": create, "update": update, "delete": remove}[h.Action]
	}
	text := func(k string) string { s, _ := h.Details[k].(string); return s }
	var s string
	switch h.Entity {
	case "enterprise":
		if c, _ := h.Details["changes"].(map[string]any); h.Action == "update" && len(c) == 0 {
			return i18n.T(ctx, "Lưu lại thông tin, không thay đổi gì")
		}
		s = pick(i18n.T(ctx, "Thêm doanh nghiệp"), i18n.T(ctx, "Sửa thông tin doanh nghiệp"), i18n.T(ctx, "Xoá doanh nghiệp"))
	case "classification":
		cat := ref.category(model.Category(text("category")))
		s = pick(i18n.Tf(ctx, "Thêm phân loại “%s”", cat), i18n.Tf(ctx, "Sửa phân loại “%s”", cat), i18n.Tf(ctx, "Xoá phân loại “%s”", cat))
		if from := text("valid_from"); from != "" && s != "" {
			s += " " + i18n.Tf(ctx, "hiệu lực từ %s", changedValue(ctx, "valid_from", from, ref))
		}
	case "figure":
		year, _ := h.Details["year"].(float64)
		basis := i18n.T(ctx, priceBasisLabel(model.PriceBasis(text("price_basis"))))
		s = pick(i18n.Tf(ctx, "Thêm số liệu năm %d (%s)", int(year), basis), i18n.Tf(ctx, "Sửa số liệu năm %d (%s)", int(year), basis),
			i18n.Tf(ctx, "Xoá số liệu năm %d (%s)", int(year), basis))
		if v := text("production_value"); v != "" && s != "" {
			// Stored as Money.String (1234.500); "1.234" alone would read
			// as ambiguous, so it is shown as stored then.
			if m, err := model.ParseMoney(v); err == nil {
				v = pageFormat(ctx).Money(m)
			}
			s += ": " + i18n.Tf(ctx, "giá trị sản xuất %s triệu đồng", v)
		}
	}
	if s == "" {
		return h.Action + " " + h.Entity
	}
	return s
}

// changedValue shows one value an update recorded, as the form names it.
func changedValue(ctx context.Context, key, v string, ref *refs) string {
	if v == "" {
		return i18n.T(ctx, "(trống)")
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	switch key {
	case "operating_since", "ceased_on", "valid_from", "valid_until":
		if t, err := time.Parse(time.DateOnly, v); err == nil {
			return pageFormat(ctx).Date(t)
		}
	case "area":
		return ref.areaName(&id)
	case "industrial_zone":
		return ref.zoneName(&id)
	case "province":
		return ref.province(v)
	case "ownership":
		return i18n.T(ctx, ownershipLabel(model.Ownership(v)))
	case "employees":
		return pageFormat(ctx).Int(id)
	}
	return v
}
