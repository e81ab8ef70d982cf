package server

import (
	"regexp"
	"strconv"
	"strings"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
	"industrytargets/web"
)

// gridCells is one row of the grid as its inputs hold it: the four
// numbers in web.GridColumns order, then the status.
type gridCells [5]string

// gridOrig is what a row held when the page was drawn: its version (0 when
// there was no figure) and its cells. It travels in one hidden field, so a
// save can tell which rows were changed.
type gridOrig struct {
	version int32
	cells   gridCells
}

func (o gridOrig) String() string {
	return strconv.FormatInt(int64(o.version), 10) + "|" + strings.Join(o.cells[:], "|")
}

// parseGridOrig reads a row's hidden field; ok is false when it is not one.
func parseGridOrig(s string) (o gridOrig, ok bool) {
	parts := strings.Split(s, "|")
	if len(parts) != 1+len(o.cells) {
		return o, false
	}
	v, err := strconv.ParseInt(parts[0], 10, 32)
	if err != nil || v < 0 {
		return o, false
	}
	o.version = int32(v)
	copy(o.cells[:], parts[1:])
	return o, true
}

// figureCells is f as the grid's inputs show it in lang; empty without a
// figure.
func figureCells(lang model.Lang, f *model.Figure) gridCells {
	if f == nil {
		return gridCells{}
	}
	return gridCells{gridMoney(lang, &f.ProductionValue), gridMoney(lang, f.Revenue), gridMoney(lang, f.ExportValue),
		inputInt(f.Employees), string(f.Status)}
}

// reAmbiguous matches an amount the parser would refuse as ambiguous when
// written plainly: 1.234 is 1234 to a Vietnamese reader.
var reAmbiguous = regexp.MustCompile(`^[1-9]\d{0,2}\.\d{3}$`)

// gridMoney writes an amount for a grid cell in lang, so that it reads
// back unchanged: in Vietnamese with a decimal comma (1234,5), as every
// form does; in English plainly (1234.5), with a trailing zero where one
// to three digits and three decimals would be ambiguous (1.2340).
func gridMoney(lang model.Lang, m *model.Money) string {
	if lang != model.LangEN || m == nil {
		return inputMoney(m)
	}
	s := m.String()
	if reAmbiguous.MatchString(s) {
		s += "0"
	}
	return s
}

func figureOrig(lang model.Lang, f *model.Figure) gridOrig {
	if f == nil {
		return gridOrig{}
	}
	return gridOrig{version: f.Version, cells: figureCells(lang, f)}
}

// gridRowView is one enterprise of the grid as stored, in lang.
func gridRowView(lang model.Lang, row store.GridRow) web.GridRowView {
	cells := figureCells(lang, row.Figure)
	return web.GridRowView{ID: strconv.FormatInt(row.EnterpriseID, 10), Name: row.Name, TaxCode: row.TaxCode,
		Area: row.AreaName, Values: cells[:4], Errors: make([]string, 4), Status: cells[4],
		Original: figureOrig(lang, row.Figure).String()}
}

// conflictCells is what a row's edit collided with, as a person reads it
// in lang.
func conflictCells(lang model.Lang, f *model.Figure) []string {
	if f == nil {
		return nil
	}
	d := figureDisplayIn(lang, *f)
	return []string{d["production_value"], d["revenue"], d["export_value"], d["employees"], d["status"]}
}

// outputOrig is the province total's hidden field: version, value and
// status, then the source (which may hold a "|" itself).
func outputOrig(version int32, value, status, source string) string {
	return strconv.FormatInt(int64(version), 10) + "|" + value + "|" + status + "|" + source
}

func parseOutputOrig(s string) (version int32, value, status, source string, ok bool) {
	parts := strings.SplitN(s, "|", 4)
	if len(parts) != 4 {
		return 0, "", "", "", false
	}
	v, err := strconv.ParseInt(parts[0], 10, 32)
	if err != nil || v < 0 {
		return 0, "", "", "", false
	}
	return int32(v), parts[1], parts[2], parts[3], true
}

// outputView is the province's total as stored (exists false: none yet),
// in lang.
func outputView(lang model.Lang, provinceName string, o model.ProvinceOutput, exists bool) web.GridOutput {
	v := web.GridOutput{ProvinceName: provinceName, Status: string(model.StatusOfficial), Errors: map[string]string{}}
	if exists {
		v.Value, v.Status, v.Source = gridMoney(lang, &o.ProductionValue), string(o.Status), o.Source
		v.Original = outputOrig(o.Version, v.Value, v.Status, v.Source)
	} else {
		v.Original = outputOrig(0, "", v.Status, "")
	}
	return v
}
