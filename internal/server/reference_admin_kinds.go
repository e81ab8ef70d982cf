package server

import (
	"context"
	"strconv"
	"strings"
	"time"

	"industrytargets/internal/format"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

var areaKindLabels = map[string]string{"thanh_pho": "Thành phố", "thi_xa": "Thị xã", "huyen": "Huyện",
	"phuong": "Phường", "xa": "Xã", "dac_khu": "Đặc khu"}

// areaKind serves the list of areas, each valid for a period: district-level
// units until 30/06/2025, communes after.
var areaKind = &refKind[store.AreaRecord]{
	path: "/admin/areas", param: "id", title: "Địa bàn", what: "địa bàn", entity: "area",
	intro:   "Địa bàn cấp huyện có hiệu lực đến 30/06/2025; từ 01/07/2025 là xã, phường, đặc khu. Mã dùng khi nhập tệp (ví dụ cam_giang).",
	columns: []string{"Tên", "Mã", "Tỉnh", "Loại", "Hiệu lực"},
	list:    (*store.Store).AreaRecords,
	load: func(st *store.Store, ctx context.Context, key string) (store.AreaRecord, error) {
		id, _ := strconv.ParseInt(key, 10, 64)
		return st.AreaRecord(ctx, id)
	},
	add:    (*store.Store).AddArea,
	update: (*store.Store).UpdateArea,
	row: func(a store.AreaRecord, ref *refs) web.RefRow {
		ended := a.ValidUntil != nil && a.ValidUntil.Before(vnToday())
		return web.RefRow{Cells: []string{a.Name, a.Code, ref.province(a.ProvinceCode), areaKindLabels[a.Kind],
			validity(a.ValidFrom, a.ValidUntil)}, EditURL: "/admin/areas/" + strconv.FormatInt(a.ID, 10) + "/edit", Ended: ended}
	},
	fields: func(ref *refs, _ bool) []web.FormField {
		return []web.FormField{
			{Key: "province", Label: "Tỉnh, thành phố", Required: true, Options: provinceChoices(ref)},
			{Key: "code", Label: "Mã", Required: true, Hint: "Chữ thường không dấu, chữ số, _ và -, ví dụ cam_giang."},
			{Key: "name", Label: "Tên", Required: true, Hint: "Tên đầy đủ, ví dụ Huyện Cẩm Giàng."},
			{Key: "kind", Label: "Loại", Required: true, Options: kindChoices(model.AreaKinds, areaKindLabels), Blank: "— Chọn loại —"},
			{Key: "valid_from", Label: "Hiệu lực từ", Hint: "dd/mm/yyyy; để trống nếu không rõ."},
			{Key: "valid_until", Label: "Hiệu lực đến", Hint: "dd/mm/yyyy; để trống nếu còn hiệu lực."},
		}
	},
	parse:   parseArea,
	key:     func(a store.AreaRecord) string { return strconv.FormatInt(a.ID, 10) },
	version: func(a *store.AreaRecord) *int32 { return &a.Version },
	changed: func(a store.AreaRecord) time.Time { return a.UpdatedAt },
	values: func(a store.AreaRecord, _ *refs) map[string]string {
		return map[string]string{"province": a.ProvinceCode, "code": a.Code, "name": a.Name, "kind": a.Kind,
			"valid_from": dateText(a.ValidFrom), "valid_until": dateText(a.ValidUntil)}
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
func validity(from, until *time.Time) string {
	switch {
	case from == nil && until == nil:
		return "không thời hạn"
	case until == nil:
		return "từ " + format.Date(*from)
	case from == nil:
		return "đến " + format.Date(*until)
	}
	return format.Date(*from) + " – " + format.Date(*until)
}

func dateText(t *time.Time) string {
	if t == nil {
		return ""
	}
	return format.Date(*t)
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

func kindChoices(kinds []string, labels map[string]string) []web.Choice {
	out := make([]web.Choice, len(kinds))
	for i, k := range kinds {
		out[i] = web.Choice{Value: k, Label: labels[k]}
	}
	return out
}
