package importer

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
)

// CSVWriter writes records of one kind as a CSV file in UTF-8 with a
// byte-order mark, so Excel shows Vietnamese correctly, under a header of
// Vietnamese labels.
type CSVWriter struct {
	kind Kind
	w    *csv.Writer
}

// NewCSVWriter starts a CSV file of kind on out, header first.
func NewCSVWriter(out io.Writer, kind Kind) (*CSVWriter, error) {
	if _, err := out.Write(utf8BOM); err != nil {
		return nil, err
	}
	c := &CSVWriter{kind: kind, w: csv.NewWriter(out)}
	return c, c.w.Write(headerRow(kind))
}

// Row writes a record; its kind must be the file's.
func (c *CSVWriter) Row(kind Kind, cells []any) error {
	if kind != c.kind {
		return fmt.Errorf("csv: a %s row in a %s file", kind, c.kind)
	}
	rec := make([]string, len(cells))
	for i, v := range cells {
		rec[i] = csvCell(v)
	}
	return c.w.Write(rec)
}

// Close flushes what is buffered.
func (c *CSVWriter) Close() error {
	c.w.Flush()
	return c.w.Error()
}

// CSVSet writes one CSV file per kind, in import order (enterprises.csv,
// classifications.csv, figures.csv, province_output.csv), each with its
// header even when it has no rows, into the files create makes: in a
// directory, or entries of an archive. Rows must come kind by kind in that
// order.
type CSVSet struct {
	create func(name string) (io.WriteCloser, error)
	file   io.WriteCloser
	cur    *CSVWriter
	next   int // index in Kinds of the next file to start
}

// NewCSVSet starts a set of files made by create.
func NewCSVSet(create func(name string) (io.WriteCloser, error)) *CSVSet {
	return &CSVSet{create: create}
}

// Row writes a record into its kind's file.
func (s *CSVSet) Row(kind Kind, cells []any) error {
	at := slices.Index(Kinds, kind)
	if at < 0 || at < s.next-1 {
		return fmt.Errorf("csv: %s rows out of order", kind)
	}
	for s.cur == nil || s.cur.kind != kind {
		if err := s.advance(); err != nil {
			return err
		}
	}
	return s.cur.Row(kind, cells)
}

// advance finishes the current file and starts the next kind's.
func (s *CSVSet) advance() error {
	if err := s.finish(); err != nil {
		return err
	}
	k := Kinds[s.next]
	s.next++
	var err error
	if s.file, err = s.create(string(k) + ".csv"); err != nil {
		return err
	}
	s.cur, err = NewCSVWriter(s.file, k)
	return err
}

func (s *CSVSet) finish() error {
	if s.cur == nil {
		return nil
	}
	err := s.cur.Close()
	if cerr := s.file.Close(); err == nil {
		err = cerr
	}
	s.cur, s.file = nil, nil
	return err
}

// Close writes the files of the kinds that had no rows and closes the last.
func (s *CSVSet) Close() error {
	for s.next < len(Kinds) {
		if err := s.advance(); err != nil {
			return err
		}
	}
	return s.finish()
}
