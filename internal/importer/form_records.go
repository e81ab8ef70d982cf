package importer

import (
	"golang.org/x/text/unicode/norm"

	"industrytargets/internal/model"
)

// ClassificationForm reads one classification of the enterprise with
// taxCode from the fields of a web form, named like the columns of a
// classifications file: the form is one row of such a file, read and
// checked by the same rules. It returns every problem as a
// *model.ValidationError keyed by field name.
func ClassificationForm(fields map[string]string, taxCode string, ref Reference) (model.Classification, error) {
	p, r := formRow(KindClassifications, withTaxCode(fields, taxCode), ref)
	p.taxCodes[taxCode] = true
	c, _ := p.classification(r, Origin{})
	return c.Classification, r.v.OrNil()
}

// FigureForm reads one yearly figure of the enterprise with taxCode from
// the fields of a web form, named like the columns of a figures file, by
// the same rules as an import. taxCode is "" for a row of the yearly grid,
// whose enterprise is known by its id: it is then not checked.
func FigureForm(fields map[string]string, taxCode string, ref Reference) (model.Figure, error) {
	p, r := formRow(KindFigures, withTaxCode(fields, taxCode), ref)
	p.taxCodes[taxCode] = true
	f, _ := p.figure(r, Origin{})
	if taxCode == "" {
		kept := r.v.Fields[:0]
		for _, fe := range r.v.Fields {
			if fe.Field != "tax_code" {
				kept = append(kept, fe)
			}
		}
		r.v.Fields = kept
	}
	return f.Figure, r.v.OrNil()
}

// ProvinceOutputForm reads a province's total from the fields of a web
// form, named like the columns of a province_output file, by the same rules
// as an import.
func ProvinceOutputForm(fields map[string]string, ref Reference) (model.ProvinceOutput, error) {
	p, r := formRow(KindProvinceOutput, fields, ref)
	o, _ := p.provinceOutput(r, Origin{})
	return o.ProvinceOutput, r.v.OrNil()
}

// formRow makes the fields of a form one row of a file of kind, every
// column present, with a parser to read it.
func formRow(kind Kind, fields map[string]string, ref Reference) (*parser, *rowReader) {
	h := &header{kind: kind, index: map[string]int{}}
	var cells []string
	for i, c := range columns[kind] {
		h.keys, h.names = append(h.keys, c.Key), append(h.names, c.Label)
		h.index[c.Key] = i
		cells = append(cells, norm.NFC.String(fields[c.Key]))
	}
	p := &parser{lookup: newLookup(ref), taxCodes: map[string]bool{}, seen: map[string]Origin{}}
	return p, &rowReader{h: h, cells: cells, v: &model.ValidationError{}}
}

func withTaxCode(fields map[string]string, taxCode string) map[string]string {
	out := make(map[string]string, len(fields)+1)
	for k, v := range fields {
		out[k] = v
	}
	out["tax_code"] = taxCode
	return out
}
