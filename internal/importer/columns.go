package importer

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"industrytargets/internal/model"
)

// Kind is what a table holds: one of the four kinds of import file.
type Kind string

// The kinds of import file (DESIGN.md, "Import files").
const (
	KindEnterprises     Kind = "enterprises"
	KindClassifications Kind = "classifications"
	KindFigures         Kind = "figures"
	KindProvinceOutput  Kind = "province_output"
)

// Kinds lists the kinds in the order they are written: each may refer to
// the ones before it.
var Kinds = []Kind{KindEnterprises, KindClassifications, KindFigures, KindProvinceOutput}

// Column is one column a kind of file may hold.
type Column struct {
	Key      string // the English key
	Label    string // the Vietnamese label
	Required bool
}

// Columns lists the columns of the kind in template order.
func (k Kind) Columns() []Column { return columns[k] }

var columns = map[Kind][]Column{
	KindEnterprises: {
		{"tax_code", "Mã số thuế", true},
		{"name", "Tên doanh nghiệp", true},
		{"name_en", "Tên tiếng Anh", false},
		{"province", "Tỉnh", false},
		{"ownership", "Loại hình", false},
		{"investor_country", "Quốc gia đầu tư", false},
		{"area", "Địa bàn", false},
		{"area_since", "Ở địa bàn này từ", false},
		{"industrial_zone", "Khu/cụm công nghiệp", false},
		{"vsic", "Mã ngành", false},
		{"operating_since", "Ngày hoạt động", true},
		{"ceased_on", "Ngày ngừng hoạt động", false},
		{"employees", "Số lao động", false},
	},
	KindClassifications: {
		{"tax_code", "Mã số thuế", true},
		{"category", "Lĩnh vực", true},
		{"product_group", "Nhóm sản phẩm", false},
		{"valid_from", "Hiệu lực từ", true},
		{"valid_until", "Hiệu lực đến", false},
		{"certificate_no", "Số giấy chứng nhận", false},
	},
	KindFigures: {
		{"tax_code", "Mã số thuế", true},
		{"year", "Năm", true},
		{"production_value", "Giá trị sản xuất", true},
		{"price_basis", "Giá", false},
		{"revenue", "Doanh thu", false},
		{"export_value", "Giá trị xuất khẩu", false},
		{"employees", "Số lao động", false},
		{"status", "Tình trạng số liệu", false},
	},
	KindProvinceOutput: {
		{"province", "Tỉnh", true},
		{"year", "Năm", true},
		{"production_value", "Giá trị sản xuất", true},
		{"price_basis", "Giá", false},
		{"status", "Tình trạng số liệu", false},
		{"source", "Nguồn", false},
	},
}

// informational lists, by kind, the columns a file may carry for the
// person reading it and that an import reads past: a figures grid
// downloaded from /figures names each enterprise and its area beside its
// tax code. They are spelled as in an enterprises file and are never
// written, nor counted among the columns a file sets (ColumnSet).
var informational = map[Kind][]string{KindFigures: {"name", "area"}}

// informs reports whether key is an informational column of kind.
func informs(kind Kind, key string) bool { return slices.Contains(informational[kind], key) }

// headerKeys maps every accepted spelling of a header, folded by
// headerName, to its key.
var headerKeys = func() map[string]string {
	m := map[string]string{}
	for _, cols := range columns {
		for _, c := range cols {
			m[headerName(c.Key)] = c.Key
			m[headerName(c.Label)] = c.Key
		}
	}
	return m
}()

var reUnit = regexp.MustCompile(`\s*\([^()]*\)$`)

// headerName folds a header cell for matching: NFC, trimmed, spaces
// collapsed, lower case, and a trailing unit in brackets dropped, so
// "Giá trị sản xuất (triệu đồng)" is "giá trị sản xuất".
func headerName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " "))
	return reUnit.ReplaceAllString(s, "")
}

// header is a table's header row understood: its kind and each column's key.
type header struct {
	kind  Kind
	keys  []string       // the key of each column; "" for a column without a header
	names []string       // each header cell as written, trimmed
	index map[string]int // key → column
}

func (h *header) has(key string) bool {
	_, ok := h.index[key]
	return ok
}

// readHeader works out the kind and the columns of t. Any problem makes the
// table unreadable; all of them are returned.
func readHeader(t Table, ti int) (*header, []RowError) {
	h := &header{index: map[string]int{}, names: make([]string, len(t.Header)), keys: make([]string, len(t.Header))}
	var errs []RowError
	bad := func(col int, code string, args ...any) {
		errs = append(errs, RowError{File: t.Name, Row: t.HeaderRow, Value: h.names[col],
			Problem: model.FieldError{Code: code, Args: args}, order: [2]int{ti, col}})
	}
	var unknown []int
	for i, cell := range t.Header {
		h.names[i] = strings.TrimSpace(cell)
		if h.names[i] == "" {
			continue
		}
		key, ok := headerKeys[headerName(cell)]
		switch {
		case !ok:
			unknown = append(unknown, i)
		case h.has(key):
			bad(i, "import_duplicate_column", h.names[i], h.index[key]+1)
		default:
			h.keys[i], h.index[key] = key, i
		}
	}
	h.kind = t.Kind
	if h.kind == "" {
		h.kind = detectKind(h)
	} else if columns[h.kind] == nil {
		errs = append(errs, RowError{File: t.Name, Row: t.HeaderRow, order: [2]int{ti, -1},
			Problem: model.FieldError{Code: "import_sheet_kind", Args: []any{string(t.Kind)}}})
		return h, errs
	}
	if h.kind == "" {
		errs = append(errs, RowError{File: t.Name, Row: t.HeaderRow, order: [2]int{ti, -1},
			Problem: model.FieldError{Code: "import_unknown_kind"}})
		return h, errs
	}
	allowed := map[string]bool{}
	for _, c := range columns[h.kind] {
		allowed[c.Key] = true
		if c.Required && !h.has(c.Key) {
			errs = append(errs, RowError{File: t.Name, Row: t.HeaderRow, order: [2]int{ti, -1},
				Problem: model.FieldError{Field: c.Key, Code: "import_missing_column", Args: []any{c.Key, c.Label}}})
		}
	}
	for key, i := range h.index {
		if !allowed[key] && !informs(h.kind, key) {
			unknown = append(unknown, i)
		}
	}
	for _, i := range unknown {
		bad(i, "import_unknown_column", h.names[i], string(h.kind))
	}
	return h, errs
}

// detectKind names the kind of file a header row is for: among the kinds
// whose required columns are all there, else among all, the one with the
// most of its own columns. A province_output file has no tax_code. It
// returns "" when no single kind stands out.
func detectKind(h *header) Kind {
	best, bestRank, tie := Kind(""), 0, false
	for _, k := range Kinds {
		if k == KindProvinceOutput && h.has("tax_code") {
			continue
		}
		rank, complete := 0, true
		for _, c := range columns[k] {
			switch {
			case h.has(c.Key) && sharedKeys[c.Key]:
				rank++
			case h.has(c.Key):
				rank += 10 // a column only this kind has says the most
			case c.Required:
				complete = false
			}
		}
		if rank > 0 && complete {
			rank += 1000
		}
		switch {
		case rank > bestRank:
			best, bestRank, tie = k, rank, false
		case rank == bestRank && rank > 0:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// sharedKeys are the keys more than one kind has.
var sharedKeys = func() map[string]bool {
	n := map[string]int{}
	for _, cols := range columns {
		for _, c := range cols {
			n[c.Key]++
		}
	}
	m := map[string]bool{}
	for k, c := range n {
		m[k] = c > 1
	}
	return m
}()
