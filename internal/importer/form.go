package importer

import (
	"golang.org/x/text/unicode/norm"

	"industrytargets/internal/model"
)

// EnterpriseForm reads one enterprise from the fields of a web form, named
// like the columns of an enterprises file (tax_code, name, …): the form is
// one row of such a file, read and checked by the same rules, with areas and
// zones found in ref by code or name. A field missing from fields is empty.
// It returns every problem as a *model.ValidationError keyed by field name.
func EnterpriseForm(fields map[string]string, ref Reference) (model.Enterprise, error) {
	h := &header{kind: KindEnterprises, index: map[string]int{}}
	var cells []string
	for i, c := range columns[KindEnterprises] {
		h.keys, h.names = append(h.keys, c.Key), append(h.names, c.Label)
		h.index[c.Key] = i
		cells = append(cells, norm.NFC.String(fields[c.Key]))
	}
	p := &parser{lookup: newLookup(ref), taxCodes: map[string]bool{}, seen: map[string]Origin{}}
	r := &rowReader{h: h, cells: cells, v: &model.ValidationError{}}
	e, _ := p.enterprise(r, Origin{})
	return e.Enterprise, r.v.OrNil()
}
