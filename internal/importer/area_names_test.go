package importer

import (
	"slices"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"industrytargets/internal/model"
)

func areaDay(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func areaDayPtr(s string) *time.Time {
	t := areaDay(s)
	return &t
}

// areaFixture: the 12 districts of Hải Dương until 30/06/2025, some units of
// Hải Phòng from 01/07/2025, Hưng Yên's phường Thượng Hồng (the same bare
// name as HP's xã Thượng Hồng), and a few invented units an admin might
// have made (codes that are not GSO codes).
func areaFixture() []model.Area {
	until := areaDayPtr("2025-06-30")
	from := areaDayPtr("2025-07-01")
	var areas []model.Area
	for _, d := range []struct{ code, name, kind string }{
		{"288", "Thành phố Hải Dương", "thanh_pho"},
		{"290", "Thành phố Chí Linh", "thanh_pho"},
		{"291", "Huyện Nam Sách", "huyen"},
		{"292", "Thị xã Kinh Môn", "thi_xa"},
		{"293", "Huyện Kim Thành", "huyen"},
		{"294", "Huyện Thanh Hà", "huyen"},
		{"295", "Huyện Cẩm Giàng", "huyen"},
		{"296", "Huyện Bình Giang", "huyen"},
		{"297", "Huyện Gia Lộc", "huyen"},
		{"298", "Huyện Tứ Kỳ", "huyen"},
		{"299", "Huyện Ninh Giang", "huyen"},
		{"300", "Huyện Thanh Miện", "huyen"},
	} {
		areas = append(areas, model.Area{ProvinceCode: "HD", Code: d.code, Name: d.name, Kind: d.kind, ValidUntil: until})
	}
	for _, c := range []struct{ province, code, name, kind string }{
		{"HP", "10525", "Phường Hải Dương", "phuong"},
		{"HP", "10543", "Phường Việt Hòa", "phuong"},
		{"HP", "10888", "Xã Cẩm Giang", "xa"},
		{"HP", "10903", "Xã Cẩm Giàng", "xa"},
		{"HP", "10675", "Phường Kinh Môn", "phuong"},
		{"HP", "10993", "Xã Thượng Hồng", "xa"},
		{"HP", "11914", "Đặc khu Cát Hải", "dac_khu"},
		{"HY", "12127", "Phường Thượng Hồng", "phuong"},
		// Invented, as an admin might add them.
		{"HP", "Xa_Moi", "Xã Mới", "xa"},
		{"HP", "pl_test", "Phường Phương Liệt", "phuong"},
		{"HP", "kl_test", "Khu Lạ", ""}, // a name without a kind word
	} {
		areas = append(areas, model.Area{ProvinceCode: c.province, Code: c.code, Name: c.name, Kind: c.kind, ValidFrom: from})
	}
	// Invented: two units of one name, one gone before 2011, the other new
	// in 2025, so neither is valid in between.
	areas = append(areas,
		model.Area{ProvinceCode: "HD", Code: "901", Name: "Huyện Tân Lập", Kind: "huyen", ValidUntil: areaDayPtr("2010-12-31")},
		model.Area{ProvinceCode: "HP", Code: "90001", Name: "Xã Tân Lập", Kind: "xa", ValidFrom: from},
	)
	for i := range areas {
		areas[i].ID = int64(i + 1)
	}
	return areas
}

func TestAreaIndexFind(t *testing.T) {
	x := newAreaIndex(areaFixture())
	const after = "2025-08-01"
	tests := []struct {
		name, cell, province, day string
		want                      string // the code found; empty when refused
		wantErr                   string // the FieldError code
		wantArg                   string // its second argument
	}{
		{"code", "10903", "", after, "10903", "", ""},
		{"code with spaces", " 10903 ", "HP", after, "10903", "", ""},
		{"code of an old district, any day", "295", "", after, "295", "", ""},
		{"admin code, any case", "XA_MOI", "HP", after, "Xa_Moi", "", ""},
		{"code of another province", "10903", "HY", after, "", "import_unknown_area", "HY"},
		{"kind and name", "xã Cẩm Giàng", "", after, "10903", "", ""},
		{"upper case", "XÃ CẨM GIÀNG", "", after, "10903", "", ""},
		{"spaces collapse", "  xã   Cẩm  Giàng ", "", after, "10903", "", ""},
		{"NFD input", norm.NFD.String("Xã Cẩm Giàng"), "", after, "10903", "", ""},
		{"exact, one", "Cẩm Giang", "", after, "10888", "", ""},
		{"exact, decided by day (old)", "Cẩm Giàng", "", "2015-01-01", "295", "", ""},
		{"exact, decided by day (new)", "Cẩm Giàng", "", "2025-07-01", "10903", "", ""},
		{"exact, last day of the old", "Cẩm Giàng", "", "2025-06-30", "295", "", ""},
		{"exact, one in the province", "Cẩm Giàng", "HP", "2015-01-01", "10903", "", ""},
		{"no accents, several", "cam giang", "", after, "", "import_ambiguous_area",
			"295 Huyện Cẩm Giàng (đến 30/06/2025); 10888 Xã Cẩm Giang; 10903 Xã Cẩm Giàng"},
		{"no accents, kind restricts", "xa cam giang", "", after, "", "import_ambiguous_area",
			"10888 Xã Cẩm Giang; 10903 Xã Cẩm Giàng"},
		{"no accents, kind leaves one", "huyen cam giang", "", after, "295", "", ""},
		{"other tone placement", "Việt Hoà", "", after, "10543", "", ""},
		{"other tone placement, with kind", "Phường Việt Hoà", "HP", after, "10543", "", ""},
		{"no accents with kind", "phuong viet hoa", "", after, "10543", "", ""},
		{"city before the merger", "Hải Dương", "", "2020-06-01", "288", "", ""},
		{"phường after the merger", "Hải Dương", "", "2026-01-01", "10525", "", ""},
		{"TP", "TP Hải Dương", "", "2026-01-01", "288", "", ""},
		{"TP. run into the name", "TP.Hải Dương", "", "2026-01-01", "288", "", ""},
		{"thành phố without accents", "thanh pho hai duong", "", after, "288", "", ""},
		{"two provinces", "Thượng Hồng", "", after, "", "import_ambiguous_area",
			"10993 Xã Thượng Hồng; 12127 Phường Thượng Hồng"},
		{"one province", "Thượng Hồng", "HP", after, "10993", "", ""},
		{"kind picks the province", "phường Thượng Hồng", "", after, "12127", "", ""},
		{"TX", "TX Kinh Môn", "", after, "292", "", ""},
		{"TX.", "tx. Kinh Môn", "", after, "292", "", ""},
		{"thị xã", "Thị xã Kinh Môn", "", after, "292", "", ""},
		{"P.", "P. Kinh Môn", "", "2015-01-01", "10675", "", ""},
		{"X.", "X. Cẩm Giàng", "", "2015-01-01", "10903", "", ""},
		{"kind of another unit", "huyện Kinh Môn", "", after, "", "import_unknown_area", "HD, HP, HY"},
		{"đặc khu", "Đặc khu Cát Hải", "", after, "11914", "", ""},
		{"đặc khu with Icelandic eth", "Ðặc khu Cát Hải", "", after, "11914", "", ""},
		{"đặc khu without accents", "dac khu cat hai", "", after, "11914", "", ""},
		{"name that starts like a kind word", "Phương Liệt", "", after, "pl_test", "", ""},
		{"kind word and such a name, no accents", "phuong liet", "", after, "pl_test", "", ""},
		{"stored without a kind word", "khu lạ", "", after, "kl_test", "", ""},
		{"unknown, every province", "Xã Không Có", "", after, "", "import_unknown_area", "HD, HP, HY"},
		{"unknown, one province", "Xã Không Có", "HP", after, "", "import_unknown_area", "HP"},
		{"kind word alone", "xã", "", after, "", "import_unknown_area", "HD, HP, HY"},
		{"empty", "", "HP", after, "", "import_unknown_area", "HP"},
		{"valid on neither day", "Tân Lập", "", "2015-01-01", "", "import_ambiguous_area",
			"901 Huyện Tân Lập (đến 31/12/2010); 90001 Xã Tân Lập"},
		{"valid on one day", "Tân Lập", "", after, "90001", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := x.find(tt.cell, tt.province, areaDay(tt.day))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("find(%q, %q) = error %s %v, want %s", tt.cell, tt.province, err.Code, err.Args, tt.want)
				}
				if got.Code != tt.want {
					t.Errorf("find(%q, %q) = %s %s, want %s", tt.cell, tt.province, got.Code, got.Name, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("find(%q, %q) = %s %s, want error %s", tt.cell, tt.province, got.Code, got.Name, tt.wantErr)
			}
			if err.Code != tt.wantErr || len(err.Args) != 2 || err.Args[0] != tt.cell || err.Args[1] != tt.wantArg {
				t.Errorf("find(%q, %q) = error %s %q, want %s %q", tt.cell, tt.province, err.Code, err.Args, tt.wantErr, []any{tt.cell, tt.wantArg})
			}
			if got.ID != 0 || got.Code != "" {
				t.Errorf("find(%q, %q) refused but returned %+v", tt.cell, tt.province, got)
			}
		})
	}
}

func TestAreaToneKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Hoà", "Hòa"},
		{"Thuỷ", "Thủy"},
		{"khoẻ", "khỏe"},
		{"Thuý", "Thúy"},
		{"Thuỵ", "Thụy"},
		{"HOÀ", "HÒA"},
		{norm.NFD.String("Hoà"), "Hòa"},
	}
	for _, tt := range tests {
		if a, b := toneKey(tt.a), toneKey(tt.b); a != b {
			t.Errorf("toneKey(%q) = %q, toneKey(%q) = %q, want equal", tt.a, a, tt.b, b)
		}
	}
	for _, s := range []string{"Quý", "Quỳnh", "quỷ", "Nguyễn", "Hoàng", "Khuyến", "Cẩm Giàng", "Cẩm Giang"} {
		if got := toneKey(s); got != s {
			t.Errorf("toneKey(%q) = %q, want it unchanged", s, got)
		}
	}
	if toneKey("Hòa") == toneKey("Hóa") {
		t.Error(`toneKey makes "Hòa" and "Hóa" one`)
	}
}

func TestAreaSplitKind(t *testing.T) {
	tests := []struct{ cell, kind, rest string }{
		{"Huyện Cẩm Giàng", "huyen", "Cẩm Giàng"},
		{"thị xã Kinh Môn", "thi_xa", "Kinh Môn"},
		{"Thi xã Kinh Môn", "thi_xa", "Kinh Môn"},
		{"THÀNH PHỐ Hải Dương", "thanh_pho", "Hải Dương"},
		{"Tp. Hải Dương", "thanh_pho", "Hải Dương"},
		{"TP.Hải Dương", "thanh_pho", "Hải Dương"},
		{"p.Việt Hòa", "phuong", "Việt Hòa"},
		{"Phương Liệt", "", ""},
		{"Xã", "", ""},
		{"Thị Cầu", "", ""},
	}
	for _, tt := range tests {
		kind, rest, ok := splitKind(tt.cell)
		if kind != tt.kind || rest != tt.rest || ok != (tt.kind != "") {
			t.Errorf("splitKind(%q) = %q, %q, %v, want %q, %q", tt.cell, kind, rest, ok, tt.kind, tt.rest)
		}
	}
}

// TestAreaMessages: the refusals read in both languages, for find's Args
// and for the older callers' (a cell and one province code).
func TestAreaMessages(t *testing.T) {
	tests := []struct {
		err    model.FieldError
		vi, en string
	}{
		{model.FieldError{Code: "import_unknown_area", Args: []any{"Xã Không Có", "HP"}},
			`không có địa bàn "Xã Không Có" thuộc HP; nhập mã 5 chữ số của Tổng cục Thống kê (ví dụ 10903) hoặc tên kèm loại đơn vị (ví dụ xã Cẩm Giàng)`,
			`no area "Xã Không Có" in HP; give its 5-digit GSO code (10903) or its name with its kind (xã Cẩm Giàng)`},
		{model.FieldError{Code: "import_unknown_area", Args: []any{"Xã Không Có", "HD, HP, HY"}},
			`không có địa bàn "Xã Không Có" thuộc HD, HP, HY; nhập mã 5 chữ số của Tổng cục Thống kê (ví dụ 10903) hoặc tên kèm loại đơn vị (ví dụ xã Cẩm Giàng)`,
			`no area "Xã Không Có" in HD, HP, HY; give its 5-digit GSO code (10903) or its name with its kind (xã Cẩm Giàng)`},
		{model.FieldError{Code: "import_ambiguous_area", Args: []any{"cam giang", "10888 Xã Cẩm Giang; 10903 Xã Cẩm Giàng"}},
			`"cam giang" ứng với nhiều địa bàn; hãy nhập mã của địa bàn cần chọn: 10888 Xã Cẩm Giang; 10903 Xã Cẩm Giàng`,
			`"cam giang" matches several areas; give the code of the one you mean: 10888 Xã Cẩm Giang; 10903 Xã Cẩm Giàng`},
	}
	for _, tt := range tests {
		if got := tt.err.Message(model.LangVI); got != tt.vi {
			t.Errorf("%s vi = %q, want %q", tt.err.Code, got, tt.vi)
		}
		if got := tt.err.Message(model.LangEN); got != tt.en {
			t.Errorf("%s en = %q, want %q", tt.err.Code, got, tt.en)
		}
	}
}

func TestAreaIndexProvinces(t *testing.T) {
	if got, want := newAreaIndex(areaFixture()).provinces, []string{"HD", "HP", "HY"}; !slices.Equal(got, want) {
		t.Errorf("provinces = %v, want %v", got, want)
	}
	_, err := newAreaIndex(nil).find("Cẩm Giàng", "", areaDay("2025-08-01"))
	if err == nil || err.Code != "import_unknown_area" || err.Args[1] != "—" {
		t.Errorf("empty index: %+v, want import_unknown_area with —", err)
	}
}
