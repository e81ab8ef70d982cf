package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// Limits on an XLSX workbook, checked on the zip directory before anything
// is unpacked, so a zip bomb costs nothing but reading that directory.
const (
	MaxZipEntries   = 300      // parts of the zip archive; an ordinary workbook has a few dozen
	MaxUnzipBytes   = 64 << 20 // every part unpacked, as the zip directory declares them
	MaxXMLPartBytes = 16 << 20 // one part excelize keeps in memory; a larger sheet goes to a temporary file under os.TempDir
	MaxColumns      = 200      // a cell further right is refused: no import has that many columns
	// MaxSharedStrings bounds the workbook's table of distinct texts: ten
	// text cells in each of MaxRows rows, all different.
	MaxSharedStrings = 10 * MaxRows
)

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// encryptedStream names the stream an encrypted OOXML workbook keeps
	// inside its OLE container (MS-OFFCRYPTO), in UTF-16LE as OLE stores it.
	encryptedStream = utf16LE("EncryptionInfo")
)

// ReadXLSX reads the worksheets of an Excel workbook of size bytes. When a
// sheet is named by a kind (enterprises or Doanh nghiệp, classifications or
// Chứng nhận, figures or Số liệu, province_output or Tổng toàn tỉnh) only
// such sheets are read, each as its kind; otherwise every sheet with data is
// read and its kind told by its header, as a CSV file's. Cells are read as
// Excel stores them: text as written, numbers plainly (1234.5, at most 15
// significant digits), dates as yyyy-mm-dd; rows keep the numbers Excel
// shows. A formula anywhere, a macro, a password, too many parts or too much
// to unpack refuse the whole file; such problems are a *RowError.
func ReadXLSX(r io.ReaderAt, size int64, name string) ([]Table, error) {
	return readXLSX(context.Background(), r, size, name)
}

// readXLSX is ReadXLSX stopping when ctx ends.
func readXLSX(ctx context.Context, r io.ReaderAt, size int64, name string) ([]Table, error) {
	if size > MaxBytes {
		return nil, fileError(name, 0, "import_too_large", MaxBytes>>20)
	}
	if err := refuseByName(name); err != nil {
		return nil, err
	}
	zr, err := openZip(r, size, name)
	if err != nil {
		return nil, err
	}
	digest, err := digestOf(r, size)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	dates, err := dateStyles(r, size, name)
	if err != nil {
		return nil, err
	}
	wb, err := readWorkbook(zr, name)
	if err != nil {
		return nil, err
	}
	sst, err := readSharedStrings(ctx, zr, wb.sharedStrings, name)
	if err != nil {
		return nil, err
	}
	var tables []Table
	for _, sh := range wb.chosen() {
		sr := &sheetReader{ctx: ctx, name: name + " › " + sh.name, sst: sst, dates: dates, date1904: wb.date1904}
		data, err := sr.readPart(zr, sh.path)
		if err != nil {
			return nil, err
		}
		t, ok, err := data.table(sr.name, sh.kind, digest)
		if err != nil {
			return nil, err
		}
		if ok {
			tables = append(tables, t)
		}
	}
	if len(tables) == 0 {
		return nil, fileError(name, 0, "import_no_sheets")
	}
	return tables, nil
}

// refuseByName refuses a macro-enabled workbook by its name alone; its
// content is checked as well, since a name is easily changed.
func refuseByName(name string) error {
	switch strings.ToLower(path.Ext(name)) {
	case ".xlsm", ".xltm", ".xlam":
		return fileError(name, 0, "import_macro")
	}
	return nil
}

// openZip checks the archive as a whole before any part is unpacked: not a
// zip, an old or encrypted workbook (both OLE files), too many parts, too
// much declared to unpack, missing workbook parts, or macros.
func openZip(r io.ReaderAt, size int64, name string) (*zip.Reader, error) {
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	if bytes.HasPrefix(head, oleMagic) {
		return nil, oleError(r, size, name)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		if bytes.HasPrefix(head, zipMagic) {
			return nil, fileError(name, 0, "import_xlsx_broken")
		}
		return nil, fileError(name, 0, "import_not_spreadsheet")
	}
	if len(zr.File) > MaxZipEntries {
		return nil, fileError(name, 0, "import_zip_entries", len(zr.File), MaxZipEntries)
	}
	var total uint64
	parts := map[string]bool{}
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > MaxUnzipBytes || total > MaxUnzipBytes {
			return nil, fileError(name, 0, "import_unzip_too_large", MaxUnzipBytes>>20)
		}
		parts[f.Name] = true
		if strings.EqualFold(path.Base(f.Name), "vbaProject.bin") {
			return nil, fileError(name, 0, "import_macro")
		}
	}
	if !parts["[Content_Types].xml"] || !parts["xl/workbook.xml"] {
		return nil, fileError(name, 0, "import_not_xlsx")
	}
	types, err := readPart(zr, "[Content_Types].xml", 1<<20)
	if err != nil {
		return nil, fileError(name, 0, "import_xlsx_broken")
	}
	if bytes.Contains(bytes.ToLower(types), []byte("macroenabled")) {
		return nil, fileError(name, 0, "import_macro")
	}
	return zr, nil
}

// oleError tells an encrypted workbook (an OLE file holding an
// EncryptionInfo stream) from an Excel 97–2003 one.
func oleError(r io.ReaderAt, size int64, name string) error {
	data, err := io.ReadAll(io.NewSectionReader(r, 0, size))
	if err == nil && bytes.Contains(data, encryptedStream) {
		return fileError(name, 0, "import_encrypted")
	}
	return fileError(name, 0, "import_xls_old")
}

// dateStyles opens the workbook with excelize, under the unpacking limits,
// as a second check of the whole file, and returns which cell styles show
// a number as a date.
func dateStyles(r io.ReaderAt, size int64, name string) ([]bool, error) {
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		UnzipSizeLimit: MaxUnzipBytes, UnzipXMLSizeLimit: MaxXMLPartBytes, TmpDir: os.TempDir(),
	})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return nil, fileError(name, 0, "import_unzip_too_large", MaxUnzipBytes>>20)
		}
		if errors.Is(err, excelize.ErrWorkbookFileFormat) {
			return nil, fileError(name, 0, "import_encrypted")
		}
		return nil, fileError(name, 0, "import_xlsx_broken")
	}
	defer f.Close()
	var dates []bool
	for i := 0; ; i++ {
		s, err := f.GetStyle(i)
		if err != nil {
			break
		}
		code := ""
		if s.CustomNumFmt != nil {
			code = *s.CustomNumFmt
		}
		dates = append(dates, isDateFormat(s.NumFmt, code))
	}
	return dates, nil
}

// readPart returns a part of the archive, refusing one larger than limit.
func readPart(zr *zip.Reader, name string, limit int64) ([]byte, error) {
	rc, err := openPart(zr, name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = fmt.Errorf("part %s larger than %d bytes", name, limit)
	}
	return data, err
}

// openPart opens a part by name, matching letter case loosely as Excel does.
func openPart(zr *zip.Reader, name string) (io.ReadCloser, error) {
	for _, f := range zr.File {
		if f.Name == name {
			return f.Open()
		}
	}
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			return f.Open()
		}
	}
	return nil, fmt.Errorf("no part %s: %w", name, os.ErrNotExist)
}

func digestOf(r io.ReaderAt, size int64) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(r, 0, size)); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}
