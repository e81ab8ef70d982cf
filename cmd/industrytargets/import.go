package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"industrytargets/internal/config"
	"industrytargets/internal/importer"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

func runImport(ctx context.Context, e env, cfg config.Config, args []string) error {
	fs := newFlags("import", "import [--lang vi|en] [--dry-run] [--database-url URL] FILE.csv|FILE.xlsx...", e.stderr)
	cfg.DatabaseFlag(fs)
	lang := fs.String("lang", "vi", "language of the messages: vi or en")
	dryRun := fs.Bool("dry-run", false, "check and count what would change, then write nothing")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	l := model.Lang(*lang)
	if l != model.LangVI && l != model.LangEN {
		return usageError{fmt.Errorf("--lang must be vi or en, not %q", *lang)}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{errors.New("import needs at least one file")}
	}
	if err := cfg.RequireDatabase(); err != nil {
		return usageError{err}
	}
	tables, problems, err := readImportFiles(ctx, fs.Args())
	if err != nil {
		return err
	}
	if err := store.MigrateUp(cfg.DatabaseURL); err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	ref, known, err := loadImportReference(ctx, st)
	if err != nil {
		return err
	}
	batch, rowProblems := importer.Parse(ctx, tables, ref, func(tc string) bool { return known[tc] })
	if problems = append(problems, rowProblems...); len(problems) > 0 {
		inArgOrder(problems, fs.Args())
		for _, p := range problems {
			fmt.Fprintln(e.stderr, p.Format(l))
		}
		if batch.Truncated {
			return errors.New(words[l].stopped(len(problems)))
		}
		return errors.New(words[l].problems(len(problems)))
	}
	res, err := st.ApplyImport(ctx, batch, 0, *dryRun)
	if err != nil {
		return err
	}
	printImportResult(e, l, batch, res, *dryRun)
	return nil
}

// readImportFiles reads every file, CSV or XLSX as its content shows; a
// file that cannot be read as an import is a problem to report with the
// others, not a reason to stop.
func readImportFiles(ctx context.Context, paths []string) ([]importer.Table, []importer.RowError, error) {
	var tables []importer.Table
	var problems []importer.RowError
	for _, path := range paths {
		data, err := readLimited(path, importer.MaxBytes)
		if err != nil {
			return nil, nil, err
		}
		ts, err := importer.ReadFile(ctx, data, path)
		var re *importer.RowError
		switch {
		case errors.As(err, &re):
			problems = append(problems, *re)
		case err != nil:
			return nil, nil, err
		default:
			tables = append(tables, ts...)
		}
	}
	return tables, problems, nil
}

// readLimited reads a file, or limit+1 bytes of it when it is larger: enough
// for the importer to say it is too large.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}

// inArgOrder lists problems file by file in the order the files were given.
func inArgOrder(problems []importer.RowError, paths []string) {
	pos := map[string]int{}
	for i, p := range paths {
		if _, ok := pos[p]; !ok {
			pos[p] = i
		}
	}
	// A workbook's sheets are named "FILE › SHEET".
	file := func(e importer.RowError) string { f, _, _ := strings.Cut(e.File, " › "); return f }
	slices.SortStableFunc(problems, func(a, b importer.RowError) int {
		return cmp.Compare(pos[file(a)], pos[file(b)])
	})
}

// loadImportReference reads what import rows may refer to: the reference
// lists and the tax codes already in the register.
func loadImportReference(ctx context.Context, st *store.Store) (importer.Reference, map[string]bool, error) {
	ref, err := st.ReferenceLists(ctx)
	if err != nil {
		return ref, nil, err
	}
	if ref.LatestMoves, err = st.LatestMoves(ctx); err != nil {
		return ref, nil, err
	}
	known, err := st.TaxCodes(ctx)
	return ref, known, err
}

func printImportResult(e env, l model.Lang, b importer.Batch, res store.ImportResult, dryRun bool) {
	had := map[importer.Kind]bool{}
	for _, f := range b.Files {
		had[f.Kind] = true
	}
	counts := map[importer.Kind]store.ImportCounts{
		importer.KindEnterprises: res.Enterprises, importer.KindClassifications: res.Classifications,
		importer.KindFigures: res.Figures, importer.KindProvinceOutput: res.ProvinceOutputs,
	}
	w := words[l]
	for _, k := range importer.Kinds {
		if had[k] {
			c := counts[k]
			fmt.Fprintf(e.stdout, w.counts, w.kinds[k], c.Added, c.Changed, c.Unchanged)
		}
	}
	if dryRun {
		fmt.Fprintln(e.stdout, w.dryRun)
	}
}

// importWords is what the import command says, in one language.
type importWords struct {
	kinds    map[importer.Kind]string
	counts   string // kind, added, changed, unchanged
	dryRun   string
	problems func(n int) string
	stopped  func(n int) string // the check stopped after n problems
}

var words = map[model.Lang]importWords{
	model.LangVI: {
		kinds: map[importer.Kind]string{importer.KindEnterprises: "doanh nghiệp",
			importer.KindClassifications: "chứng nhận", importer.KindFigures: "số liệu hằng năm",
			importer.KindProvinceOutput: "giá trị sản xuất toàn ngành của tỉnh"},
		counts: "%s: thêm %d, sửa %d, giữ nguyên %d\n",
		dryRun: "chạy thử: chưa ghi gì vào cơ sở dữ liệu",
		problems: func(n int) string {
			return fmt.Sprintf("%d lỗi; chưa ghi gì vào cơ sở dữ liệu", n)
		},
		stopped: func(n int) string {
			return fmt.Sprintf("hơn %d lỗi (việc kiểm tra dừng ở lỗi thứ %d); chưa ghi gì vào cơ sở dữ liệu", n, n)
		},
	},
	model.LangEN: {
		kinds: map[importer.Kind]string{importer.KindEnterprises: "enterprises",
			importer.KindClassifications: "classifications", importer.KindFigures: "figures",
			importer.KindProvinceOutput: "province output"},
		counts: "%s: added %d, changed %d, unchanged %d\n",
		dryRun: "dry run: nothing was written",
		problems: func(n int) string {
			if n == 1 {
				return "1 problem; nothing was written"
			}
			return fmt.Sprintf("%d problems; nothing was written", n)
		},
		stopped: func(n int) string {
			return fmt.Sprintf("more than %d problems (the check stopped at the %dth); nothing was written", n, n)
		},
	},
}
