package server

import (
	"context"
	"strconv"

	"industrytargets/internal/i18n"
	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// classificationKind serves an enterprise's classifications: the form is
// one row of a classifications file, read by the importer's rules.
var classificationKind = &recordKind[model.Classification]{
	path: "classifications", entity: "classification", words: classificationWords,
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

// classificationWords are what the pages of a classification say.
func classificationWords(ctx context.Context, enterprise string) recordWords {
	return recordWords{
		what:    i18n.T(ctx, "phân loại"),
		add:     i18n.T(ctx, "Thêm phân loại"),
		edit:    i18n.T(ctx, "Sửa phân loại"),
		remove:  i18n.T(ctx, "Xoá phân loại"),
		missing: i18n.T(ctx, "Không có phân loại này."),
		gone:    i18n.T(ctx, "Doanh nghiệp không có phân loại này (có thể đã bị xoá)."),
		changed: i18n.T(ctx, "Phân loại này vừa được người khác thay đổi"),
		added:   i18n.Tf(ctx, "Đã thêm phân loại của %s.", enterprise),
		saved:   i18n.Tf(ctx, "Đã lưu thay đổi phân loại của %s.", enterprise),
		removed: i18n.Tf(ctx, "Đã xoá phân loại của %s.", enterprise),
	}
}

func classificationFields(ctx context.Context, ref *refs) []web.FormField {
	var cats, groups []web.Choice
	for _, c := range ref.Categories {
		cats = append(cats, web.Choice{Value: string(c.Code), Label: ref.category(c.Code)})
	}
	for _, g := range ref.ProductGroups {
		groups = append(groups, web.Choice{Value: g.Code, Label: ref.groups[g.Code]})
	}
	return []web.FormField{
		{Key: "category", Label: i18n.T(ctx, "Lĩnh vực"), Required: true, Options: cats, Blank: i18n.T(ctx, "— Chọn lĩnh vực —")},
		{Key: "product_group", Label: i18n.T(ctx, "Nhóm sản phẩm"), Options: groups, Blank: i18n.T(ctx, "— Không chọn —")},
		{Key: "valid_from", Label: i18n.T(ctx, "Hiệu lực từ"), Required: true,
			Hint: i18n.T(ctx, "dd/mm/yyyy, yyyy-mm-dd hoặc chỉ năm (nghĩa là ngày 01/01).")},
		{Key: "valid_until", Label: i18n.T(ctx, "Hiệu lực đến"), Hint: i18n.T(ctx, "Để trống nếu không thời hạn. Chỉ năm nghĩa là ngày 31/12.")},
		{Key: "certificate_no", Label: i18n.T(ctx, "Số giấy chứng nhận")},
	}
}

// classificationValues is c as its form shows it: codes, and dates as the
// language of ctx writes them (the form reads both ways).
func classificationValues(ctx context.Context, c model.Classification) map[string]string {
	f := pageFormat(ctx)
	v := map[string]string{"category": string(c.Category), "product_group": c.ProductGroup,
		"valid_from": f.Date(c.ValidFrom), "certificate_no": c.CertificateNo}
	if c.ValidUntil != nil {
		v["valid_until"] = f.Date(*c.ValidUntil)
	}
	return v
}

// classificationDisplay is c as a person reads it, keyed like the form.
func classificationDisplay(ctx context.Context, c model.Classification, ref *refs) map[string]string {
	v := classificationValues(ctx, c)
	v["category"] = ref.category(c.Category)
	v["product_group"] = withDefault(ref.groups[c.ProductGroup], c.ProductGroup)
	v["valid_until"] = withDefault(v["valid_until"], i18n.T(ctx, "không thời hạn"))
	return v
}

func classificationDuplicate(ctx context.Context, st *store.Store, e model.Enterprise, c model.Classification, ref *refs) (string, string, *web.RecordLink) {
	msg := i18n.Tf(ctx, "Doanh nghiệp đã có phân loại “%s” hiệu lực từ %s; mỗi lĩnh vực chỉ có một phân loại bắt đầu từ một ngày.",
		ref.category(c.Category), pageFormat(ctx).Date(c.ValidFrom))
	other, err := st.ClassificationByKey(ctx, e.ID, c.Category, c.ValidFrom)
	if err != nil {
		return "valid_from", msg, nil
	}
	if other.CertificateNo != "" {
		msg += " " + i18n.Tf(ctx, "Phân loại đã có: giấy chứng nhận số %s.", other.CertificateNo)
	}
	link := &web.RecordLink{Label: i18n.T(ctx, "Sửa phân loại đã có"),
		URL: web.EnterpriseURL(e.ID) + "/classifications/" + strconv.FormatInt(other.ID, 10) + "/edit"}
	return "valid_from", msg, link
}
