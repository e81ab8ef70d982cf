package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"industrytargets/internal/config"
	"industrytargets/internal/importer"
	"industrytargets/internal/store"
)

// runExport writes the whole register in the layout of the import files:
// an XLSX workbook with a sheet per kind, or a directory with a CSV file
// per kind (UTF-8 with a byte-order mark). `import` reads either back and
// changes nothing.
func runExport(ctx context.Context, e env, cfg config.Config, args []string) error {
	fs := newFlags("export", "export [--format xlsx|csv] [--out FILE.xlsx|DIR] [--database-url URL]", e.stderr)
	cfg.DatabaseFlag(fs)
	format := fs.String("format", "xlsx", "xlsx: one workbook, a sheet per kind; csv: enterprises.csv, classifications.csv, figures.csv and province_output.csv in the --out directory")
	out := fs.String("out", "", "the workbook to write (default: standard output), or for csv the directory to write into (made if missing)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *format != "xlsx" && *format != "csv":
		return usageError{fmt.Errorf("unknown format %q: use xlsx or csv", *format)}
	case *format == "csv" && *out == "":
		return usageError{errors.New("--format csv writes one file per kind: give the directory with --out DIR")}
	case fs.NArg() > 0:
		return usageError{fmt.Errorf("export takes no arguments, got %q", fs.Args())}
	}
	if err := cfg.RequireDatabase(); err != nil {
		return usageError{err}
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, store.Options{MaxConns: 2})
	if err != nil {
		return err
	}
	defer st.Close()
	w, err := exportWriter(e, *format, *out)
	if err != nil {
		return err
	}
	counts := map[importer.Kind]int{}
	err = st.ExportRegister(ctx, func(k importer.Kind, cells []any) error {
		counts[k]++
		return w.Row(k, cells)
	})
	if err = errors.Join(err, w.Close()); err != nil {
		return err
	}
	v := words["vi"]
	fmt.Fprintf(e.stderr, "đã xuất %d %s, %d %s, %d %s, %d %s\n",
		counts[importer.KindEnterprises], v.kinds[importer.KindEnterprises],
		counts[importer.KindClassifications], v.kinds[importer.KindClassifications],
		counts[importer.KindFigures], v.kinds[importer.KindFigures],
		counts[importer.KindProvinceOutput], v.kinds[importer.KindProvinceOutput])
	return nil
}

// exportWriter opens where the export goes.
func exportWriter(e env, format, out string) (importer.Exporter, error) {
	if format == "csv" {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return nil, err
		}
		return importer.NewCSVSet(func(name string) (io.WriteCloser, error) {
			return os.Create(filepath.Join(out, name))
		}), nil
	}
	if out == "" {
		return importer.NewXLSXWriter(e.stdout, importer.Kinds...)
	}
	f, err := os.Create(out)
	if err != nil {
		return nil, err
	}
	w, err := importer.NewXLSXWriter(f, importer.Kinds...)
	if err != nil {
		f.Close()
		return nil, err
	}
	return closeAfter{w, f}, nil
}

// closeAfter closes a file once the writer on it is done.
type closeAfter struct {
	importer.Exporter
	f *os.File
}

func (c closeAfter) Close() error { return errors.Join(c.Exporter.Close(), c.f.Close()) }
