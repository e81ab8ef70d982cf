package importer

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Sheet names: the name templates and exports give each kind's sheet, and
// every name a sheet may have to be read as that kind (letter case and
// accents aside).
var (
	sheetNames = map[Kind]string{
		KindEnterprises: "Doanh nghiệp", KindClassifications: "Chứng nhận",
		KindFigures: "Số liệu", KindProvinceOutput: "Tổng toàn tỉnh",
	}
	sheetKinds = func() map[string]Kind {
		m := map[string]Kind{}
		for k, names := range map[Kind][]string{
			KindEnterprises:     {"enterprises", "Doanh nghiệp"},
			KindClassifications: {"classifications", "Chứng nhận", "Phân loại"},
			KindFigures:         {"figures", "Số liệu", "Số liệu hằng năm"},
			KindProvinceOutput:  {"province_output", "Tổng toàn tỉnh", "Giá trị toàn tỉnh"},
		} {
			for _, n := range names {
				m[fold(n)] = k
			}
		}
		return m
	}()
)

// SheetName is the name of the kind's sheet in a template or an export.
func (k Kind) SheetName() string { return sheetNames[k] }

// workbook is what xl/workbook.xml and its relationships say: the sheets in
// order, where each one's XML is, and which date system the serials use.
type workbook struct {
	sheets        []sheetRef
	sharedStrings string // part name, "" when there is none
	date1904      bool
}

type sheetRef struct {
	name, path string
	kind       Kind // when the name names one
}

// chosen are the sheets to read: those named by a kind when there is any,
// else every sheet (each told by its header).
func (wb workbook) chosen() []sheetRef {
	var named []sheetRef
	for _, s := range wb.sheets {
		if s.kind != "" {
			named = append(named, s)
		}
	}
	if len(named) > 0 {
		return named
	}
	return wb.sheets
}

// readWorkbook reads the list of sheets and the parts they live in.
func readWorkbook(zr *zip.Reader, name string) (workbook, error) {
	var doc struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"id,attr"` // r:id, in whichever namespace (transitional or strict)
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodePart(zr, "xl/workbook.xml", &doc); err != nil {
		return workbook{}, fileError(name, 0, "import_xlsx_broken")
	}
	if err := decodePart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return workbook{}, fileError(name, 0, "import_xlsx_broken")
	}
	wb := workbook{date1904: doc.Pr.Date1904 == "1" || doc.Pr.Date1904 == "true"}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		switch {
		case strings.HasSuffix(r.Type, "/worksheet"):
			targets[r.ID] = partPath(r.Target)
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			wb.sharedStrings = partPath(r.Target)
		}
	}
	read := map[string]bool{}
	for _, s := range doc.Sheets {
		p, ok := targets[s.RID]
		if !ok { // chart and dialog sheets hold no rows
			continue
		}
		// Excel never lists one part twice; a file that does would have
		// it read as often as it is listed.
		if read[p] {
			return workbook{}, fileError(name, 0, "import_xlsx_broken")
		}
		read[p] = true
		wb.sheets = append(wb.sheets, sheetRef{name: s.Name, path: p, kind: sheetKinds[fold(s.Name)]})
	}
	return wb, nil
}

// partPath resolves a relationship's target against xl/, where the
// workbook lives.
func partPath(target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join("xl", target)
}

// decodePart unmarshals a small part (at most 1 MiB, far more than a
// workbook's list of sheets needs).
func decodePart(zr *zip.Reader, name string, v any) error {
	data, err := readPart(zr, name, 1<<20)
	if err != nil {
		return err
	}
	return xml.Unmarshal(data, v)
}

// readSharedStrings reads the workbook's table of shared strings, streaming:
// its size is bounded by the unpacking limit checked before.
func readSharedStrings(ctx context.Context, zr *zip.Reader, part, name string) ([]string, error) {
	if part == "" {
		return nil, nil
	}
	rc, err := openPart(zr, part)
	if err != nil {
		return nil, nil // a workbook with no text has none
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var out []string
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fileError(name, 0, "import_xlsx_broken")
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "si" {
			if len(out) == MaxSharedStrings {
				return nil, fileError(name, 0, "import_too_many_strings", MaxSharedStrings)
			}
			if len(out)%(16*checkEvery) == 0 && ctx.Err() != nil {
				return nil, timedOut(name)
			}
			s, err := elementText(d, "si")
			if err != nil {
				return nil, fileError(name, 0, "import_xlsx_broken")
			}
			out = append(out, norm.NFC.String(s))
		}
	}
}

// elementText gathers the text of the <t> elements inside the element just
// opened, up to its end tag, leaving out phonetic runs (<rPh>).
func elementText(d *xml.Decoder, end string) (string, error) {
	var b strings.Builder
	inT, inPh := 0, 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inT++
			case "rPh":
				inPh++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case end:
				return b.String(), nil
			case "t":
				inT--
			case "rPh":
				inPh--
			}
		case xml.CharData:
			if inT > 0 && inPh == 0 {
				b.Write(t)
			}
		}
	}
}

// charData gathers the text up to the end of the element just opened (a
// <v> or an <f>).
func charData(d *xml.Decoder, end string) (string, error) {
	var b strings.Builder
	for {
		tok, err := d.RawToken()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == end {
				return b.String(), nil
			}
		case xml.CharData:
			b.Write(t)
		}
	}
}
