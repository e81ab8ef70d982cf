package server

import (
	"context"
	"strconv"
	"time"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

var zoneKindLabels = map[string]string{"kcn": "Khu công nghiệp", "ccn": "Cụm công nghiệp"}

// zoneKind serves the list of industrial parks and clusters.
var zoneKind = &refKind[store.ZoneRecord]{
	path: "/admin/zones", param: "id", title: "Khu, cụm công nghiệp", what: "khu, cụm công nghiệp", entity: "zone",
	intro:   "Mã dùng khi nhập tệp (ví dụ kcn_dai_an).",
	columns: []string{"Tên", "Mã", "Tỉnh", "Loại", "Địa bàn"},
	list:    (*store.Store).ZoneRecords,
	load: func(st *store.Store, ctx context.Context, key string) (store.ZoneRecord, error) {
		id, _ := strconv.ParseInt(key, 10, 64)
		return st.ZoneRecord(ctx, id)
	},
	add:    (*store.Store).AddZone,
	update: (*store.Store).UpdateZone,
	row: func(z store.ZoneRecord, ref *refs) web.RefRow {
		return web.RefRow{Cells: []string{z.Name, z.Code, ref.province(z.ProvinceCode), zoneKindLabels[z.Kind],
			ref.areaName(z.AreaID)}, EditURL: "/admin/zones/" + strconv.FormatInt(z.ID, 10) + "/edit"}
	},
	fields: func(ref *refs, _ bool) []web.FormField {
		var areas []web.Choice
		for _, a := range ref.Areas {
			areas = append(areas, web.Choice{Value: strconv.FormatInt(a.ID, 10), Label: ref.areaName(&a.ID) + " – " + ref.province(a.ProvinceCode)})
		}
		return []web.FormField{
			{Key: "province", Label: "Tỉnh, thành phố", Required: true, Options: provinceChoices(ref)},
			{Key: "code", Label: "Mã", Required: true, Hint: "Chữ thường không dấu, chữ số, _ và -, ví dụ kcn_dai_an."},
			{Key: "name", Label: "Tên", Required: true, Hint: "Ví dụ KCN Đại An."},
			{Key: "kind", Label: "Loại", Required: true, Options: kindChoices(model.ZoneKinds, zoneKindLabels), Blank: "— Chọn loại —"},
			{Key: "area", Label: "Địa bàn", Options: areas, Blank: "— Không chọn —"},
		}
	},
	parse:   parseZone,
	key:     func(z store.ZoneRecord) string { return strconv.FormatInt(z.ID, 10) },
	version: func(z *store.ZoneRecord) *int32 { return &z.Version },
	changed: func(z store.ZoneRecord) time.Time { return z.UpdatedAt },
	values: func(z store.ZoneRecord, _ *refs) map[string]string {
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

var groupKindLabels = map[string]string{"psip_sector": "Ngành công nghiệp hỗ trợ ưu tiên", "priority_product": "Sản phẩm ưu tiên của đề án"}

// groupKind serves the list of product groups a classification may name.
var groupKind = &refKind[store.GroupRecord]{
	path: "/admin/product-groups", param: "code", title: "Nhóm sản phẩm", what: "nhóm sản phẩm", entity: "product_group",
	intro:   "Mã dùng khi nhập tệp (ví dụ co_khi) và không đổi được sau khi thêm.",
	columns: []string{"Tên", "Mã", "Loại", "Lĩnh vực"},
	list:    (*store.Store).GroupRecords,
	load:    (*store.Store).GroupRecord,
	add:     (*store.Store).AddGroup,
	update:  (*store.Store).UpdateGroup,
	row: func(g store.GroupRecord, ref *refs) web.RefRow {
		cat := ""
		if g.Category != "" {
			cat = ref.category(g.Category)
		}
		return web.RefRow{Cells: []string{g.Name, g.Code, groupKindLabels[g.Kind], cat}, EditURL: "/admin/product-groups/" + g.Code + "/edit"}
	},
	fields: func(ref *refs, edit bool) []web.FormField {
		var cats []web.Choice
		for _, c := range ref.Categories {
			cats = append(cats, web.Choice{Value: string(c.Code), Label: c.Name})
		}
		return []web.FormField{
			{Key: "code", Label: "Mã", Required: true, Locked: edit, Hint: "Chữ thường không dấu, chữ số và _, ví dụ co_khi."},
			{Key: "name", Label: "Tên", Required: true},
			{Key: "name_en", Label: "Tên tiếng Anh"},
			{Key: "kind", Label: "Loại", Required: true, Options: kindChoices(model.GroupKinds, groupKindLabels), Blank: "— Chọn loại —"},
			{Key: "category", Label: "Lĩnh vực", Options: cats, Blank: "— Không chọn —"},
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
	values: func(g store.GroupRecord, _ *refs) map[string]string {
		return map[string]string{"code": g.Code, "name": g.Name, "name_en": g.NameEN, "kind": g.Kind, "category": string(g.Category)}
	},
}
