package server

import (
	"context"
	"strconv"

	"industrytargets/internal/format"
	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// classificationKind serves an enterprise's classifications: the form is
// one row of a classifications file, read by the importer's rules.
var classificationKind = &recordKind[model.Classification]{
	path: "classifications", entity: "classification", what: "phân loại", newText: "Thêm phân loại",
	defaults: func() map[string]string { return map[string]string{} },
	fields:   classificationFields,
	parse: func(values map[string]string, e model.Enterprise, ref *refs) (model.Classification, error) {
		c, err := importer.ClassificationForm(values, e.TaxCode, ref.Reference)
		c.EnterpriseID = e.ID
		return c, err
	},
	load:   (*store.Store).Classification,
	add:    (*store.Store).AddClassification,
	update: (*store.Store).UpdateClassification,
	remove: (*store.Store).DeleteClassification,
	meta: func(c *model.Classification) recordMeta {
		return recordMeta{id: &c.ID, enterpriseID: &c.EnterpriseID, version: &c.Version, updatedAt: &c.UpdatedAt}
	},
	values:    classificationValues,
	display:   classificationDisplay,
	duplicate: classificationDuplicate,
}

func classificationFields(ref *refs) []web.FormField {
	var cats, groups []web.Choice
	for _, c := range ref.Categories {
		cats = append(cats, web.Choice{Value: string(c.Code), Label: c.Name})
	}
	for _, g := range ref.ProductGroups {
		groups = append(groups, web.Choice{Value: g.Code, Label: g.Name})
	}
	return []web.FormField{
		{Key: "category", Label: "Lĩnh vực", Required: true, Options: cats, Blank: "— Chọn lĩnh vực —"},
		{Key: "product_group", Label: "Nhóm sản phẩm", Options: groups, Blank: "— Không chọn —"},
		{Key: "valid_from", Label: "Hiệu lực từ", Required: true, Hint: "dd/mm/yyyy, yyyy-mm-dd hoặc chỉ năm (nghĩa là ngày 01/01)."},
		{Key: "valid_until", Label: "Hiệu lực đến", Hint: "Để trống nếu không thời hạn. Chỉ năm nghĩa là ngày 31/12."},
		{Key: "certificate_no", Label: "Số giấy chứng nhận"},
	}
}

// classificationValues is c as its form shows it: codes, dd/mm/yyyy.
func classificationValues(c model.Classification) map[string]string {
	v := map[string]string{"category": string(c.Category), "product_group": c.ProductGroup,
		"valid_from": format.Date(c.ValidFrom), "certificate_no": c.CertificateNo}
	if c.ValidUntil != nil {
		v["valid_until"] = format.Date(*c.ValidUntil)
	}
	return v
}

// classificationDisplay is c as a person reads it, keyed like the form.
func classificationDisplay(c model.Classification, ref *refs) map[string]string {
	v := classificationValues(c)
	v["category"] = ref.category(c.Category)
	v["product_group"] = withDefault(ref.groups[c.ProductGroup], c.ProductGroup)
	v["valid_until"] = withDefault(v["valid_until"], "không thời hạn")
	return v
}

func classificationDuplicate(ctx context.Context, st *store.Store, e model.Enterprise, c model.Classification, ref *refs) (string, string, *web.RecordLink) {
	msg := "Doanh nghiệp đã có phân loại “" + ref.category(c.Category) + "” hiệu lực từ " + format.Date(c.ValidFrom) +
		"; mỗi lĩnh vực chỉ có một phân loại bắt đầu từ một ngày."
	other, err := st.ClassificationByKey(ctx, e.ID, c.Category, c.ValidFrom)
	if err != nil {
		return "valid_from", msg, nil
	}
	if other.CertificateNo != "" {
		msg += " Phân loại đã có: giấy chứng nhận số " + other.CertificateNo + "."
	}
	link := &web.RecordLink{Label: "Sửa phân loại đã có",
		URL: web.EnterpriseURL(e.ID) + "/classifications/" + strconv.FormatInt(other.ID, 10) + "/edit"}
	return "valid_from", msg, link
}
