package server

import (
	"context"
	"strconv"
	"strings"
	"time"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// kindLabel names the kind of an entry of a reference list: an area's, a
// zone's or a product group's.
func kindLabel(ctx context.Context, kind string) string {
	switch kind {
	case "thanh_pho":
		return i18n.T(ctx, "Thành phố")
	case "thi_xa":
		return i18n.T(ctx, "Thị xã")
	case "huyen":
		return i18n.T(ctx, "Huyện")
	case "phuong":
		return i18n.T(ctx, "Phường")
	case "xa":
		return i18n.T(ctx, "Xã")
	case "dac_khu":
		return i18n.T(ctx, "Đặc khu")
	case "kcn":
		return i18n.T(ctx, "Khu công nghiệp")
	case "ccn":
		return i18n.T(ctx, "Cụm công nghiệp")
	case "psip_sector":
		return i18n.T(ctx, "Ngành công nghiệp hỗ trợ ưu tiên")
	case "priority_product":
		return i18n.T(ctx, "Sản phẩm ưu tiên của đề án")
	}
	return kind
}

// areaKind serves the list of areas, each valid for a period: district-level
// units until 30/06/2025, communes after.
var areaKind = &refKind[store.AreaRecord]{
	path: "/admin/areas", param: "id", entity: "area",
	words: func(ctx context.Context) refWords {
		return refWords{title: i18n.T(ctx, "Địa bàn"), what: i18n.T(ctx, "địa bàn"),
			intro:   i18n.T(ctx, "Địa bàn cấp huyện có hiệu lực đến 30/06/2025; từ 01/07/2025 là xã, phường, đặc khu. Mã dùng khi nhập tệp (ví dụ cam_giang)."),
			columns: []string{i18n.T(ctx, "Tên"), i18n.T(ctx, "Mã"), i18n.T(ctx, "Tỉnh"), i18n.T(ctx, "Loại"), i18n.T(ctx, "Hiệu lực")}}
	},
	list: (*store.Store).AreaRecords,
	load: func(st *store.Store, ctx context.Context, key string) (store.AreaRecord, error) {
		id, _ := strconv.ParseInt(key, 10, 64)
		return st.AreaRecord(ctx, id)
	},
	add:    (*store.Store).AddArea,
	update: (*store.Store).UpdateArea,
	row: func(ctx context.Context, a store.AreaRecord, ref *refs) web.RefRow {
		ended := a.ValidUntil != nil && a.ValidUntil.Before(vnToday())
		return web.RefRow{Cells: []string{a.Name, a.Code, ref.province(a.ProvinceCode), kindLabel(ctx, a.Kind),
			validity(ctx, a.ValidFrom, a.ValidUntil)}, EditURL: "/admin/areas/" + strconv.FormatInt(a.ID, 10) + "/edit", Ended: ended}
	},
	fields: func(ctx context.Context, ref *refs, _ bool) []web.FormField {
		return []web.FormField{
			{Key: "province", Label: i18n.T(ctx, "Tỉnh, thành phố"), Required: true, Options: provinceChoices(ref)},
			{Key: "code", Label: i18n.T(ctx, "Mã"), Required: true, Hint: i18n.T(ctx, "Chữ thường không dấu, chữ số, _ và -, ví dụ cam_giang.")},
			{Key: "name", Label: i18n.T(ctx, "Tên"), Required: true, Hint: i18n.T(ctx, "Tên đầy đủ, ví dụ Huyện Cẩm Giàng.")},
			{Key: "kind", Label: i18n.T(ctx, "Loại"), Required: true, Options: kindChoices(ctx, model.AreaKinds),
				Blank: i18n.T(ctx, "— Chọn loại —")},
			{Key: "valid_from", Label: i18n.T(ctx, "Hiệu lực từ"), Hint: i18n.T(ctx, "dd/mm/yyyy; để trống nếu không rõ.")},
			{Key: "valid_until", Label: i18n.T(ctx, "Hiệu lực đến"), Hint: i18n.T(ctx, "dd/mm/yyyy; để trống nếu còn hiệu lực.")},
		}
	},
	parse:   parseArea,
	key:     func(a store.AreaRecord) string { return strconv.FormatInt(a.ID, 10) },
	version: func(a *store.AreaRecord) *int32 { return &a.Version },
	changed: func(a store.AreaRecord) time.Time { return a.UpdatedAt },
	values: func(ctx context.Context, a store.AreaRecord, _ *refs) map[string]string {
		return map[string]string{"province": a.ProvinceCode, "code": a.Code, "name": a.Name, "kind": a.Kind,
			"valid_from": dateText(ctx, a.ValidFrom), "valid_until": dateText(ctx, a.ValidUntil)}
	},
}

func parseArea(values map[string]string, ref *refs, stored store.AreaRecord) (store.AreaRecord, error) {
	v := &model.ValidationError{}
	a := store.AreaRecord{Area: model.Area{ID: stored.ID, ProvinceCode: values["province"], Code: values["code"],
		Name: values["name"], Kind: values["kind"]}}
	a.ValidFrom = optDate(v, "valid_from", values["valid_from"], model.YearStart)
	a.ValidUntil = optDate(v, "valid_until", values["valid_until"], model.YearEnd)
	knownProvince(v, ref, a.ProvinceCode)
	return a, mergeProblems(v, a.Validate())
}

// validity says for when an entry is valid.
func validity(ctx context.Context, from, until *time.Time) string {
	switch {
	case from == nil && until == nil:
		return i18n.T(ctx, "không thời hạn")
	case until == nil:
		return i18n.Tf(ctx, "từ %s", dateText(ctx, from))
	case from == nil:
		return i18n.Tf(ctx, "đến %s", dateText(ctx, until))
	}
	return dateText(ctx, from) + " – " + dateText(ctx, until)
}

// dateText writes a date in the page's language; nil is "".
func dateText(ctx context.Context, t *time.Time) string {
	if t == nil {
		return ""
	}
	return pageFormat(ctx).Date(*t)
}

// optDate reads an optional date of a form, recording a problem at key.
func optDate(v *model.ValidationError, key, s string, edge model.YearEdge) *time.Time {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	t, err := model.ParseDate(s, edge)
	if err != nil {
		v.AddErr(key, err)
		return nil
	}
	return &t
}

func knownProvince(v *model.ValidationError, ref *refs, code string) {
	if ref.provinces[code] == "" {
		v.Add("province", "import_unknown_province", code)
	}
}

func provinceChoices(ref *refs) []web.Choice {
	var out []web.Choice
	for _, p := range ref.Provinces {
		out = append(out, web.Choice{Value: p.Code, Label: p.Name})
	}
	return out
}

func kindChoices(ctx context.Context, kinds []string) []web.Choice {
	out := make([]web.Choice, len(kinds))
	for i, k := range kinds {
		out[i] = web.Choice{Value: k, Label: kindLabel(ctx, k)}
	}
	return out
}
