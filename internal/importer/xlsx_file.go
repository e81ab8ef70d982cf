package importer

import (
	"bytes"
	"context"
	"path"
	"strings"
	"unicode/utf8"
)

// ReadFile reads one uploaded file, CSV or XLSX, told apart by its first
// bytes rather than by its name: a zip archive is read as a workbook,
// anything else must be CSV text in UTF-8. Files that are neither (an
// Excel 97–2003 or encrypted workbook, UTF-16 text, a picture, a PDF) are
// refused with a *RowError saying what to do.
//
// It stops when ctx ends (the import's time is up), refusing the file
// with a *RowError that says so.
func ReadFile(ctx context.Context, data []byte, name string) ([]Table, error) {
	switch {
	case len(data) > MaxBytes:
		return nil, fileError(name, 0, "import_too_large", MaxBytes>>20)
	case len(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))) == 0:
		return nil, fileError(name, 0, "import_empty_file")
	case bytes.HasPrefix(data, zipMagic), bytes.HasPrefix(data, oleMagic):
		return readXLSX(ctx, bytes.NewReader(data), int64(len(data)), name)
	case workbookName(name):
		return nil, fileError(name, 0, "import_xlsx_broken") // named a workbook, yet not one
	case isUTF16(data):
		return nil, fileError(name, 0, "import_utf16")
	case isBinary(data):
		return nil, fileError(name, 0, "import_not_spreadsheet")
	}
	if err := refuseByName(name); err != nil {
		return nil, err
	}
	t, err := readCSV(ctx, bytes.NewReader(data), name)
	if err != nil {
		return nil, err
	}
	return []Table{t}, nil
}

// isUTF16 recognises UTF-16 text by its byte-order mark, or without one by
// the zero bytes that every other byte of Latin text is.
func isUTF16(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return true
	}
	head := data[:min(len(data), 512)]
	zeros := bytes.Count(head, []byte{0})
	return len(head) >= 4 && zeros*3 >= len(head)
}

// isBinary reports control characters a text file never holds, in its
// first kilobytes, where a file's kind shows.
func isBinary(data []byte) bool {
	head := data[:min(len(data), 8<<10)]
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
			return true
		}
		head = head[size:]
	}
	return false
}

// workbookName reports a name an Excel workbook would have.
func workbookName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".xlsx", ".xlsm", ".xltx", ".xltm", ".xls":
		return true
	}
	return false
}
