package server

import (
	"context"
	"strconv"
	"time"

	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// zoneKind serves the list of industrial parks and clusters.
var zoneKind = &refKind[store.ZoneRecord]{
	path: "/admin/zones", param: "id", entity: "zone",
	words: func(ctx context.Context) refWords {
		return refWords{title: i18n.T(ctx, "Khu, cụm công nghiệp"), what: i18n.T(ctx, "khu, cụm công nghiệp"),
			intro:   i18n.T(ctx, "Mã dùng khi nhập tệp (ví dụ kcn_dai_an)."),
			columns: []string{i18n.T(ctx, "Tên"), i18n.T(ctx, "Mã"), i18n.T(ctx, "Tỉnh"), i18n.T(ctx, "Loại"), i18n.T(ctx, "Địa bàn")}}
	},
	list: (*store.Store).ZoneRecords,
	load: func(st *store.Store, ctx context.Context, key string) (store.ZoneRecord, error) {
		id, _ := strconv.ParseInt(key, 10, 64)
		return st.ZoneRecord(ctx, id)
	},
	add:    (*store.Store).AddZone,
	update: (*store.Store).UpdateZone,
	row: func(ctx context.Context, z store.ZoneRecord, ref *refs) web.RefRow {
		return web.RefRow{Cells: []string{z.Name, z.Code, ref.province(z.ProvinceCode), kindLabel(ctx, z.Kind),
			ref.areaName(z.AreaID)}, EditURL: "/admin/zones/" + strconv.FormatInt(z.ID, 10) + "/edit"}
	},
	fields: func(ctx context.Context, ref *refs, _ bool) []web.FormField {
		var areas []web.Choice
		for _, a := range ref.Areas {
			areas = append(areas, web.Choice{Value: strconv.FormatInt(a.ID, 10), Label: ref.areaName(&a.ID) + " – " + ref.province(a.ProvinceCode)})
		}
		return []web.FormField{
			{Key: "province", Label: i18n.T(ctx, "Tỉnh, thành phố"), Required: true, Options: provinceChoices(ref)},
			{Key: "code", Label: i18n.T(ctx, "Mã"), Required: true, Hint: i18n.T(ctx, "Chữ thường không dấu, chữ số, _ và -, ví dụ kcn_dai_an.")},
			{Key: "name", Label: i18n.T(ctx, "Tên"), Required: true, Hint: i18n.T(ctx, "Ví dụ KCN Đại An.")},
			{Key: "kind", Label: i18n.T(ctx, "Loại"), Required: true, Options: kindChoices(ctx, model.ZoneKinds),
				Blank: i18n.T(ctx, "— Chọn loại —")},
			{Key: "area", Label: i18n.T(ctx, "Địa bàn"), Options: areas, Blank: i18n.T(ctx, "— Không chọn —")},
		}
	},
	parse:   parseZone,
	key:     func(z store.ZoneRecord) string { return strconv.FormatInt(z.ID, 10) },
	version: func(z *store.ZoneRecord) *int32 { return &z.Version },
	changed: func(z store.ZoneRecord) time.Time { return z.UpdatedAt },
	values: func(_ context.Context, z store.ZoneRecord, _ *refs) map[string]string {
		v := map[string]string{"province": z.ProvinceCode, "code": z.Code, "name": z.Name, "kind": z.Kind}
		if z.AreaID != nil {
			v["area"] = strconv.FormatInt(*z.AreaID, 10)
		}
		return v
	},
}

func parseZone(values map[string]string, ref *refs, stored store.ZoneRecord) (store.ZoneRecord, error) {
	v := &model.ValidationError{}
	z := store.ZoneRecord{Zone: model.Zone{ID: stored.ID, ProvinceCode: values["province"], Code: values["code"],
		Name: values["name"], Kind: values["kind"]}}
	knownProvince(v, ref, z.ProvinceCode)
	if s := values["area"]; s != "" {
		id, err := strconv.ParseInt(s, 10, 64)
		if a, ok := ref.areas[id]; err != nil || !ok || a.ProvinceCode != z.ProvinceCode {
			v.Add("area", "import_unknown_area", s, z.ProvinceCode)
		} else {
			z.AreaID = &id
		}
	}
	return z, mergeProblems(v, z.Validate())
}

// groupKind serves the list of product groups a classification may name.
var groupKind = &refKind[store.GroupRecord]{
	path: "/admin/product-groups", param: "code", entity: "product_group",
	words: func(ctx context.Context) refWords {
		return refWords{title: i18n.T(ctx, "Nhóm sản phẩm"), what: i18n.T(ctx, "nhóm sản phẩm"),
			intro:   i18n.T(ctx, "Mã dùng khi nhập tệp (ví dụ co_khi) và không đổi được sau khi thêm."),
			columns: []string{i18n.T(ctx, "Tên"), i18n.T(ctx, "Mã"), i18n.T(ctx, "Loại"), i18n.T(ctx, "Lĩnh vực")}}
	},
	list:   (*store.Store).GroupRecords,
	load:   (*store.Store).GroupRecord,
	add:    (*store.Store).AddGroup,
	update: (*store.Store).UpdateGroup,
	row: func(ctx context.Context, g store.GroupRecord, ref *refs) web.RefRow {
		cat := ""
		if g.Category != "" {
			cat = ref.category(g.Category)
		}
		return web.RefRow{Cells: []string{g.Name, g.Code, kindLabel(ctx, g.Kind), cat}, EditURL: "/admin/product-groups/" + g.Code + "/edit"}
	},
	fields: func(ctx context.Context, ref *refs, edit bool) []web.FormField {
		var cats []web.Choice
		for _, c := range ref.Categories {
			cats = append(cats, web.Choice{Value: string(c.Code), Label: ref.category(c.Code)})
		}
		return []web.FormField{
			{Key: "code", Label: i18n.T(ctx, "Mã"), Required: true, Locked: edit, Hint: i18n.T(ctx, "Chữ thường không dấu, chữ số và _, ví dụ co_khi.")},
			{Key: "name", Label: i18n.T(ctx, "Tên"), Required: true},
			{Key: "name_en", Label: i18n.T(ctx, "Tên tiếng Anh")},
			{Key: "kind", Label: i18n.T(ctx, "Loại"), Required: true, Options: kindChoices(ctx, model.GroupKinds),
				Blank: i18n.T(ctx, "— Chọn loại —")},
			{Key: "category", Label: i18n.T(ctx, "Lĩnh vực"), Options: cats, Blank: i18n.T(ctx, "— Không chọn —")},
		}
	},
	parse: func(values map[string]string, _ *refs, stored store.GroupRecord) (store.GroupRecord, error) {
		g := store.GroupRecord{ProductGroup: model.ProductGroup{Code: values["code"], Name: values["name"],
			NameEN: values["name_en"], Kind: values["kind"], Category: model.Category(values["category"])}}
		if stored.Code != "" {
			g.Code = stored.Code
		}
		return g, g.Validate()
	},
	key:     func(g store.GroupRecord) string { return g.Code },
	version: func(g *store.GroupRecord) *int32 { return &g.Version },
	changed: func(g store.GroupRecord) time.Time { return g.UpdatedAt },
	values: func(_ context.Context, g store.GroupRecord, _ *refs) map[string]string {
		return map[string]string{"code": g.Code, "name": g.Name, "name_en": g.NameEN, "kind": g.Kind, "category": string(g.Category)}
	},
}
