// Package xlsxtest builds hostile and broken spreadsheet files in memory for
// tests, so no test needs a large or dangerous file committed: zip bombs,
// macro-enabled and encrypted workbooks, a million rows, too many parts.
package xlsxtest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// SheetPart is where a new workbook keeps its first sheet.
const SheetPart = "xl/worksheets/sheet1.xml"

const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`

const sheetTail = `</sheetData></worksheet>`

// Workbook is a new workbook whose first sheet, named sheet, holds rows.
func Workbook(sheet string, rows ...[]any) []byte {
	f := excelize.NewFile()
	defer f.Close()
	must(f.SetSheetName("Sheet1", sheet))
	for i, r := range rows {
		must(f.SetSheetRow(sheet, "A"+strconv.Itoa(i+1), &r))
	}
	var buf bytes.Buffer
	_, err := f.WriteTo(&buf)
	must(err)
	return buf.Bytes()
}

// WithFormula is the workbook with a formula in a cell of its first sheet.
func WithFormula(book []byte, cell, formula string) []byte {
	f, err := excelize.OpenReader(bytes.NewReader(book))
	must(err)
	defer f.Close()
	must(f.SetCellFormula(f.GetSheetName(0), cell, formula))
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	must(err)
	return buf.Bytes()
}

// WithSheetXML is the workbook with its first sheet's XML replaced by
// sheet, stored uncompressed so a fuzzer's changes reach the XML as made.
func WithSheetXML(book, sheet []byte) []byte {
	return rewrite(book, func(zw *zip.Writer) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: SheetPart, Method: zip.Store})
		must(err)
		_, err = w.Write(sheet)
		must(err)
	}, SheetPart)
}

// Encrypted is a workbook protected by a password, as Excel encrypts it.
func Encrypted() []byte {
	f := excelize.NewFile()
	defer f.Close()
	must(f.SetCellValue("Sheet1", "A1", "bí mật"))
	var buf bytes.Buffer
	_, err := f.WriteTo(&buf, excelize.Options{Password: "mật khẩu"})
	must(err)
	return buf.Bytes()
}

// OldXLS is a file in the Excel 97–2003 (OLE) container.
func OldXLS() []byte {
	return append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 4096)...)
}

// WithPart is the workbook with one more part added (a macro project, say).
func WithPart(book []byte, name string, content []byte) []byte {
	return rewrite(book, func(zw *zip.Writer) {
		w, err := zw.Create(name)
		must(err)
		_, err = w.Write(content)
		must(err)
	}, "")
}

// ManyParts is the workbook with n small extra parts.
func ManyParts(book []byte, n int) []byte {
	return rewrite(book, func(zw *zip.Writer) {
		for i := range n {
			w, err := zw.Create(fmt.Sprintf("xl/media/image%d.png", i))
			must(err)
			_, err = w.Write([]byte{0})
			must(err)
		}
	}, "")
}

// Bomb is a valid workbook whose sheet unpacks to expand bytes of blanks
// from a compressed part of about expand/1000 bytes. With honest, the zip
// directory declares the true size; otherwise it claims 10 kB, as a bomb
// made to slip past a check of declared sizes would.
func Bomb(expand int64, honest bool) []byte {
	const chunk = 1 << 20
	block := deflated(bytes.Repeat([]byte(" "), chunk), false)
	var comp bytes.Buffer
	comp.Write(deflated([]byte(sheetHead), false))
	for range expand / chunk {
		comp.Write(block)
	}
	comp.Write(deflated([]byte(sheetTail), true))
	size := uint64(10_000)
	if honest {
		size = uint64(len(sheetHead)+len(sheetTail)) + uint64(expand/chunk*chunk)
	}
	return rewrite(Workbook("Sheet1"), func(zw *zip.Writer) {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: SheetPart, Method: zip.Deflate,
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: size})
		must(err)
		_, err = w.Write(comp.Bytes())
		must(err)
	}, SheetPart)
}

// deflated is data as a raw deflate block sequence that can be followed by
// more: a fresh compressor refers to nothing before it.
func deflated(data []byte, final bool) []byte {
	var b bytes.Buffer
	w, err := flate.NewWriter(&b, flate.BestCompression)
	must(err)
	_, err = w.Write(data)
	must(err)
	if final {
		must(w.Close())
	} else {
		must(w.Flush())
	}
	return b.Bytes()
}

// MillionRows is a figures workbook with a header and n data rows of one
// number each (n a multiple of 10,000). The rows leave out their numbers,
// as the format allows, so they are all alike and the sheet is compressed
// once per 10,000 rows, as Bomb does: a million of them unpack to 26 MB.
func MillionRows(n int) []byte {
	const block = 10_000
	head := sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>tax_code</t></is></c>` +
		`<c r="B1" t="inlineStr"><is><t>year</t></is></c><c r="C1" t="inlineStr"><is><t>production_value</t></is></c></row>`
	rows := deflated(bytes.Repeat([]byte(`<row><c><v>1</v></c></row>`), block), false)
	var comp bytes.Buffer
	comp.Write(deflated([]byte(head), false))
	for range n / block {
		comp.Write(rows)
	}
	comp.Write(deflated([]byte(sheetTail), true))
	size := uint64(len(head)+len(sheetTail)) + uint64(n/block*block*len(`<row><c><v>1</v></c></row>`))
	return rewrite(Workbook("figures"), func(zw *zip.Writer) {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: SheetPart, Method: zip.Deflate,
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: size, CRC32: crc(head, n/block, block)})
		must(err)
		_, err = w.Write(comp.Bytes())
		must(err)
	}, SheetPart)
}

// crc is the checksum of the sheet MillionRows writes.
func crc(head string, blocks, block int) uint32 {
	sum := crc32.Update(0, crc32.IEEETable, []byte(head))
	rows := bytes.Repeat([]byte(`<row><c><v>1</v></c></row>`), block)
	for range blocks {
		sum = crc32.Update(sum, crc32.IEEETable, rows)
	}
	return crc32.Update(sum, crc32.IEEETable, []byte(sheetTail))
}

// rewrite copies the workbook's parts except skip, then lets add write more.
func rewrite(book []byte, add func(*zip.Writer), skip string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	must(err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name != skip {
			must(zw.Copy(f))
		}
	}
	add(zw)
	must(zw.Close())
	return out.Bytes()
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// SheetListedTwice is the workbook with its first sheet listed once more
// under another name, the same part behind both: a reader that follows
// the list reads that part twice.
func SheetListedTwice(book []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	must(err)
	var wb []byte
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			rc, err := f.Open()
			must(err)
			wb, err = io.ReadAll(rc)
			must(err)
			rc.Close()
		}
	}
	s := string(wb)
	start := strings.Index(s, "<sheet ")
	end := start + strings.Index(s[start:], "/>") + 2
	again := strings.Replace(s[start:end], `sheetId="`, `sheetId="9`, 1)
	again = strings.Replace(again, `name="`, `name="Bản sao `, 1)
	s = s[:end] + again + s[end:]
	return rewrite(book, func(zw *zip.Writer) {
		w, err := zw.Create("xl/workbook.xml")
		must(err)
		_, err = w.Write([]byte(s))
		must(err)
	}, "xl/workbook.xml")
}

// ManyStrings is the workbook with a table of n empty shared strings
// (5 bytes each unpacked, a few bytes packed), in place of its own.
func ManyStrings(book []byte, n int) []byte {
	return rewrite(book, func(zw *zip.Writer) {
		w, err := zw.Create("xl/sharedStrings.xml")
		must(err)
		_, err = w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`))
		must(err)
		for range n / 1000 {
			_, err = w.Write([]byte(strings.Repeat("<si/>", 1000)))
			must(err)
		}
		_, err = w.Write([]byte(`</sst>`))
		must(err)
	}, "xl/sharedStrings.xml")
}
