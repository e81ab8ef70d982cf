package importer

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// maxHeaderRows bounds how far down merged header cells may reach.
const maxHeaderRows = 5

// table turns a sheet read whole into a Table: title lines above the header
// left out, a header whose cells are merged over several rows read as one
// row (the lowest text in each column names it), merged cells in the data
// filled down their column, and numbers in tax code and date columns read
// as such. ok is false for a sheet with nothing but titles on it.
func (data sheetData) table(name string, kind Kind, digest string) (Table, bool, error) {
	h := data.headerIndex()
	if h < 0 {
		return Table{}, false, nil
	}
	top := data.rows[h].num
	bottom := data.headerBottom(top)
	t := Table{Name: name, Kind: kind, SHA256: digest, HeaderRow: top, Header: data.headerCells(h, bottom), Workbook: true}
	keys := make([]string, len(t.Header))
	for i, c := range t.Header {
		keys[i] = headerKeys[headerName(c)]
	}
	data.fillDown(bottom)
	for _, r := range data.rows[h:] {
		if r.num <= bottom {
			continue
		}
		if len(t.Rows) == MaxRows {
			return Table{}, false, fileError(name, r.num, "import_too_many_rows", MaxRows)
		}
		if err := dateOutOfPlace(name, r, keys, t.Header); err != nil {
			return Table{}, false, err
		}
		t.Rows = append(t.Rows, Row{Num: r.num, Cells: data.convert(r, keys)})
	}
	return t, true, nil
}

// dateKeys are the columns that hold dates.
var dateKeys = map[string]bool{"operating_since": true, "ceased_on": true, "area_since": true,
	"valid_from": true, "valid_until": true}

// dateOutOfPlace refuses a date cell in a column of the import that holds
// no dates: the spreadsheet turned what was typed into a date (a
// certificate number 1/3 into 1 March), and storing the date would change
// the value without a word.
func dateOutOfPlace(name string, r sheetRow, keys, header []string) error {
	for i, k := range r.kinds {
		if k != cellDate || i >= len(keys) || keys[i] == "" || dateKeys[keys[i]] {
			continue
		}
		shown := r.cells[i]
		if d, err := time.Parse(time.DateOnly, shown); err == nil {
			shown = d.Format("02/01/2006")
		}
		return fileError(name, r.num, "import_date_in_text", cellName(i+1, r.num), header[i], shown)
	}
	return nil
}

// headerIndex finds the header: the first row that is not a title, a row
// with a single cell that names no column ("DANH SÁCH DOANH NGHIỆP",
// "Đơn vị: triệu đồng"). It returns -1 when there is none.
func (data sheetData) headerIndex() int {
	for i, r := range data.rows {
		filled, text := 0, ""
		for _, c := range r.cells {
			if strings.TrimSpace(c) != "" {
				filled, text = filled+1, c
			}
		}
		if _, named := headerKeys[headerName(text)]; filled > 1 || named {
			return i
		}
	}
	return -1
}

// headerBottom is the last row of a header starting on row top: as far down
// as a cell merged from that row reaches.
func (data sheetData) headerBottom(top int) int {
	bottom := top
	for _, m := range data.merges {
		if m.top == top && m.bottom > bottom {
			bottom = min(m.bottom, top+maxHeaderRows-1)
		}
	}
	return bottom
}

// headerCells names each column by the lowest text in it from the header's
// first row (index h) to its bottom: a group heading over sub-headings
// gives way to them, a heading merged downwards stands.
func (data sheetData) headerCells(h, bottom int) []string {
	var out []string
	for _, r := range data.rows[h:] {
		if r.num > bottom {
			break
		}
		for i, c := range r.cells {
			if i >= len(out) {
				out = append(out, make([]string, i+1-len(out))...)
			}
			if strings.TrimSpace(c) != "" {
				out[i] = c
			}
		}
	}
	return out
}

// fillDown copies the value of each cell merged down over data rows into
// the rows below it, in its first column: a tax code merged over an
// enterprise's five years of figures stands on each of them. Rows that are
// otherwise empty were left out already and stay out. Excel's merges never
// overlap, so no more cells are filled than the rows hold: a file whose
// merges do is not filled past that.
func (data sheetData) fillDown(bottom int) {
	budget := len(data.rows)
	for _, m := range data.merges {
		if m.top <= bottom || m.bottom == m.top {
			continue
		}
		i, ok := slices.BinarySearchFunc(data.rows, m.top, func(r sheetRow, n int) int { return cmp.Compare(r.num, n) })
		if !ok || m.left > len(data.rows[i].cells) {
			continue
		}
		v, k := data.rows[i].cells[m.left-1], data.rows[i].kinds[m.left-1]
		for j := i + 1; j < len(data.rows) && data.rows[j].num <= m.bottom; j++ {
			if budget--; budget < 0 {
				return
			}
			data.rows[j].set(m.left, v, k)
		}
	}
}

// convert is a data row's cells, with numbers read by their column: a tax
// code gets back its leading zero, a date column's number is a year or a
// date serial.
func (data sheetData) convert(r sheetRow, keys []string) []string {
	for i, c := range r.cells {
		if i >= len(keys) || r.kinds[i] != cellNumber {
			continue
		}
		switch {
		case keys[i] == "tax_code":
			r.cells[i] = padTaxCode(c)
		case dateKeys[keys[i]]:
			r.cells[i] = numberAsDate(c, data.date1904)
		}
	}
	return r.cells
}
