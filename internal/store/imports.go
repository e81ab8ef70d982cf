package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/importer"
	"industrytargets/internal/model"
)

// ImportCounts says what an import did to one kind of record.
type ImportCounts struct {
	Added, Changed, Unchanged int64
}

// ImportResult counts, kind by kind, the records an import added, changed
// and left as they were.
type ImportResult struct {
	Enterprises, Classifications, Figures, ProvinceOutputs ImportCounts
}

// errDryRun rolls a dry run back once everything is counted.
var errDryRun = errors.New("dry run")

// ApplyImport writes a batch that importer.Parse found free of problems, in
// one transaction and in dependency order: enterprises, classifications,
// figures, province totals. Each row is matched on its key (tax code; tax
// code + category + valid_from; tax code + year + basis; province + year +
// basis); a matched row is rewritten, with its version bumped, only when a
// value really differs, so importing the same files twice changes nothing.
// A row sets the columns its file had; the others keep their stored values
// (or take their defaults on insert). With dryRun it does all the work,
// counts, and rolls back. The import is logged once, with the files'
// digests and the counts.
func (s *Store) ApplyImport(ctx context.Context, b importer.Batch, by int64, dryRun bool) (ImportResult, error) {
	var res ImportResult
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		var err error
		if res.Enterprises, err = importEnterprises(ctx, tx, b.Enterprises, by); err != nil {
			return fmt.Errorf("enterprises: %w", err)
		}
		if res.Classifications, err = importClassifications(ctx, tx, b.Classifications, by); err != nil {
			return fmt.Errorf("classifications: %w", err)
		}
		if res.Figures, err = importFigures(ctx, tx, b.Figures, by); err != nil {
			return fmt.Errorf("figures: %w", err)
		}
		if res.ProvinceOutputs, err = importProvinceOutputs(ctx, tx, b.ProvinceOutputs, by); err != nil {
			return fmt.Errorf("province outputs: %w", err)
		}
		if dryRun {
			return errDryRun
		}
		return appendAudit(ctx, tx, by, "import", "register", "", importDetails(b, res))
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	return res, wrap("import", err)
}

// TaxCodes returns every tax code in the register, so an import can check
// what its rows refer to before writing anything.
func (s *Store) TaxCodes(ctx context.Context) (map[string]bool, error) {
	rows, _ := s.pool.Query(ctx, `SELECT tax_code FROM enterprises`)
	out := map[string]bool{}
	var tc string
	_, err := pgx.ForEachRow(rows, []any{&tc}, func() error {
		out[tc] = true
		return nil
	})
	return out, wrap("tax codes", err)
}

func importEnterprises(ctx context.Context, tx pgx.Tx, rows []importer.Enterprise, by int64) (ImportCounts, error) {
	if len(rows) == 0 {
		return ImportCounts{}, nil
	}
	err := copyTemp(ctx, tx, `CREATE TEMP TABLE import_enterprises (tax_code text, name text,
		name_en text, province_code text, ownership text, investor_country text, area_id bigint,
		area_since date, zone_id bigint, vsic text, operating_since date, ceased_on date,
		employees bigint, has_name_en bool, has_province bool, has_ownership bool,
		has_investor_country bool, has_zone bool, has_vsic bool, has_ceased_on bool,
		has_employees bool) ON COMMIT DROP`, "import_enterprises", len(rows), func(i int) []any {
		r, c := rows[i], rows[i].Columns
		return []any{r.TaxCode, r.Name, r.NameEN, r.ProvinceCode, nullText(string(r.Ownership)),
			r.InvestorCountry, r.AreaID, r.AreaSince, r.ZoneID, nullText(r.VSIC), r.OperatingSince,
			r.CeasedOn, r.Employees, c.Has("name_en"), c.Has("province"), c.Has("ownership"),
			c.Has("investor_country"), c.Has("industrial_zone"), c.Has("vsic"),
			c.Has("ceased_on"), c.Has("employees")}
	})
	if err != nil {
		return ImportCounts{}, err
	}
	// o is the stored row, if any: a column the file lacks keeps its value.
	// The area is written from the location history below.
	res, _ := tx.Query(ctx, `INSERT INTO enterprises AS e (tax_code, name, name_en,
		province_code, ownership, investor_country, zone_id, vsic, operating_since,
		ceased_on, employees, created_by, updated_by)
		SELECT t.tax_code, t.name,
			CASE WHEN t.has_name_en OR o.id IS NULL THEN t.name_en ELSE o.name_en END,
			CASE WHEN t.has_province OR o.id IS NULL THEN t.province_code ELSE o.province_code END,
			CASE WHEN t.has_ownership OR o.id IS NULL THEN t.ownership ELSE o.ownership END,
			CASE WHEN t.has_investor_country OR o.id IS NULL THEN t.investor_country ELSE o.investor_country END,
			CASE WHEN t.has_zone OR o.id IS NULL THEN t.zone_id ELSE o.zone_id END,
			CASE WHEN t.has_vsic OR o.id IS NULL THEN t.vsic ELSE o.vsic END,
			t.operating_since,
			CASE WHEN t.has_ceased_on OR o.id IS NULL THEN t.ceased_on ELSE o.ceased_on END,
			CASE WHEN t.has_employees OR o.id IS NULL THEN t.employees ELSE o.employees END,
			@by, @by
		FROM import_enterprises t LEFT JOIN enterprises o ON o.tax_code = t.tax_code
		ON CONFLICT (tax_code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en,
			province_code = EXCLUDED.province_code, ownership = EXCLUDED.ownership,
			investor_country = EXCLUDED.investor_country,
			zone_id = EXCLUDED.zone_id, vsic = EXCLUDED.vsic,
			operating_since = EXCLUDED.operating_since, ceased_on = EXCLUDED.ceased_on,
			employees = EXCLUDED.employees,
			version = e.version + 1, updated_at = now(), updated_by = EXCLUDED.updated_by
		WHERE (e.name, e.name_en, e.province_code, e.ownership, e.investor_country,
			e.zone_id, e.vsic, e.operating_since, e.ceased_on, e.employees)
			IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.name_en, EXCLUDED.province_code,
			EXCLUDED.ownership, EXCLUDED.investor_country, EXCLUDED.zone_id,
			EXCLUDED.vsic, EXCLUDED.operating_since, EXCLUDED.ceased_on, EXCLUDED.employees)
		RETURNING id, xmax = 0 AS inserted`, pgx.NamedArgs{"by": nullID(by)})
	var added, changed []int64
	var id int64
	var inserted bool
	if _, err := pgx.ForEachRow(res, []any{&id, &inserted}, func() error {
		if inserted {
			added = append(added, id)
		} else {
			changed = append(changed, id)
		}
		return nil
	}); err != nil {
		return ImportCounts{}, err
	}
	moved, err := importLocations(ctx, tx, by)
	if err != nil {
		return ImportCounts{}, err
	}
	if moved, err = syncAreas(ctx, tx, moved, added, by); err != nil {
		return ImportCounts{}, err
	}
	// An enterprise that only moved has changed too.
	seen := map[int64]bool{}
	for _, id := range append(added, changed...) {
		seen[id] = true
	}
	for _, id := range moved {
		if !seen[id] {
			seen[id] = true
			changed = append(changed, id)
		}
	}
	c := ImportCounts{Added: int64(len(added)), Changed: int64(len(changed))}
	c.Unchanged = int64(len(rows)) - c.Added - c.Changed
	return c, nil
}

// importLocations applies the area of every imported row that names one
// (see locate, which a form save runs for one enterprise): a move on
// area_since when that is after the latest stored location, else a
// correction of the latest location, or the first location from when the
// enterprise began operating. It returns the enterprises whose history
// changed.
func importLocations(ctx context.Context, tx pgx.Tx, by int64) ([]int64, error) {
	const rowsAndLatest = `WITH t AS (
			SELECT e.id, t.tax_code, t.area_id, t.area_since, e.operating_since
			FROM import_enterprises t JOIN enterprises e ON e.tax_code = t.tax_code
			WHERE t.area_id IS NOT NULL
		), latest AS (
			SELECT DISTINCT ON (l.enterprise_id) l.enterprise_id, l.since, l.area_id
			FROM enterprise_locations l JOIN t ON t.id = l.enterprise_id
			ORDER BY l.enterprise_id, l.since DESC
		)`
	// The import's check saw the history as it was when the file was
	// read; someone may have recorded a later move since.
	var tc string
	var since time.Time
	err := tx.QueryRow(ctx, rowsAndLatest+` SELECT t.tax_code, latest.since FROM t
		JOIN latest ON latest.enterprise_id = t.id WHERE t.area_since < latest.since LIMIT 1`).Scan(&tc, &since)
	if err == nil {
		return nil, fmt.Errorf("%w: %s moved on %s, after the day the file gives", model.ErrConflict, tc, since.Format(time.DateOnly))
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return nil, err
	}
	rows, _ := tx.Query(ctx, rowsAndLatest+`, corrected AS (
			UPDATE enterprise_locations l SET area_id = t.area_id
			FROM t JOIN latest ON latest.enterprise_id = t.id
			WHERE l.enterprise_id = t.id AND l.since = latest.since AND l.area_id <> t.area_id
				AND (t.area_since IS NULL OR t.area_since = latest.since)
			RETURNING l.enterprise_id
		), moved AS (
			INSERT INTO enterprise_locations (enterprise_id, since, area_id, created_by)
			SELECT t.id, coalesce(t.area_since, t.operating_since), t.area_id, @by
			FROM t LEFT JOIN latest ON latest.enterprise_id = t.id
			WHERE latest.enterprise_id IS NULL
				OR (t.area_since > latest.since AND t.area_id <> latest.area_id)
			RETURNING enterprise_id
		)
		SELECT enterprise_id FROM corrected UNION SELECT enterprise_id FROM moved`, pgx.NamedArgs{"by": nullID(by)})
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

func importClassifications(ctx context.Context, tx pgx.Tx, rows []importer.Classification, by int64) (ImportCounts, error) {
	if len(rows) == 0 {
		return ImportCounts{}, nil
	}
	err := copyTemp(ctx, tx, `CREATE TEMP TABLE import_classifications (tax_code text,
		category_code text, product_group text, valid_from date, valid_until date,
		certificate_no text, has_product_group bool, has_valid_until bool, has_certificate_no bool)
		ON COMMIT DROP`, "import_classifications", len(rows), func(i int) []any {
		r, c := rows[i], rows[i].Columns
		return []any{r.TaxCode, r.Category, nullText(r.ProductGroup), r.ValidFrom, r.ValidUntil,
			r.CertificateNo, c.Has("product_group"), c.Has("valid_until"), c.Has("certificate_no")}
	})
	if err == nil {
		err = missingEnterprise(ctx, tx, "import_classifications")
	}
	if err != nil {
		return ImportCounts{}, err
	}
	return upsert(ctx, tx, len(rows), by, `INSERT INTO classifications AS c (enterprise_id,
		category_code, product_group, valid_from, valid_until, certificate_no, created_by, updated_by)
		SELECT p.id, t.category_code,
			CASE WHEN t.has_product_group OR o.id IS NULL THEN t.product_group ELSE o.product_group END,
			t.valid_from,
			CASE WHEN t.has_valid_until OR o.id IS NULL THEN t.valid_until ELSE o.valid_until END,
			CASE WHEN t.has_certificate_no OR o.id IS NULL THEN t.certificate_no ELSE o.certificate_no END,
			@by, @by
		FROM import_classifications t JOIN enterprises p ON p.tax_code = t.tax_code
		LEFT JOIN classifications o ON o.enterprise_id = p.id
			AND o.category_code = t.category_code AND o.valid_from = t.valid_from
		ON CONFLICT (enterprise_id, category_code, valid_from) DO UPDATE SET
			product_group = EXCLUDED.product_group, valid_until = EXCLUDED.valid_until,
			certificate_no = EXCLUDED.certificate_no,
			version = c.version + 1, updated_at = now(), updated_by = EXCLUDED.updated_by
		WHERE (c.product_group, c.valid_until, c.certificate_no)
			IS DISTINCT FROM (EXCLUDED.product_group, EXCLUDED.valid_until, EXCLUDED.certificate_no)
		RETURNING xmax = 0 AS inserted`)
}

func importFigures(ctx context.Context, tx pgx.Tx, rows []importer.Figure, by int64) (ImportCounts, error) {
	if len(rows) == 0 {
		return ImportCounts{}, nil
	}
	err := copyTemp(ctx, tx, `CREATE TEMP TABLE import_figures (tax_code text, year int,
		price_basis text, production_value numeric(18, 3), revenue numeric(18, 3),
		export_value numeric(18, 3), employees bigint, status text, has_revenue bool,
		has_export_value bool, has_employees bool, has_status bool) ON COMMIT DROP`,
		"import_figures", len(rows), func(i int) []any {
			r, c := rows[i], rows[i].Columns
			return []any{r.TaxCode, r.Year, r.Basis, r.ProductionValue, r.Revenue, r.ExportValue,
				r.Employees, r.Status, c.Has("revenue"), c.Has("export_value"), c.Has("employees"),
				c.Has("status")}
		})
	if err == nil {
		err = missingEnterprise(ctx, tx, "import_figures")
	}
	if err != nil {
		return ImportCounts{}, err
	}
	return upsert(ctx, tx, len(rows), by, `INSERT INTO enterprise_figures AS f (enterprise_id,
		year, price_basis, production_value, revenue, export_value, employees, status,
		created_by, updated_by)
		SELECT p.id, t.year, t.price_basis, t.production_value,
			CASE WHEN t.has_revenue OR o.id IS NULL THEN t.revenue ELSE o.revenue END,
			CASE WHEN t.has_export_value OR o.id IS NULL THEN t.export_value ELSE o.export_value END,
			CASE WHEN t.has_employees OR o.id IS NULL THEN t.employees ELSE o.employees END,
			CASE WHEN t.has_status OR o.id IS NULL THEN t.status ELSE o.status END,
			@by, @by
		FROM import_figures t JOIN enterprises p ON p.tax_code = t.tax_code
		LEFT JOIN enterprise_figures o ON o.enterprise_id = p.id
			AND o.year = t.year AND o.price_basis = t.price_basis
		ON CONFLICT (enterprise_id, year, price_basis) DO UPDATE SET
			production_value = EXCLUDED.production_value, revenue = EXCLUDED.revenue,
			export_value = EXCLUDED.export_value, employees = EXCLUDED.employees,
			status = EXCLUDED.status,
			version = f.version + 1, updated_at = now(), updated_by = EXCLUDED.updated_by
		WHERE (f.production_value, f.revenue, f.export_value, f.employees, f.status)
			IS DISTINCT FROM (EXCLUDED.production_value, EXCLUDED.revenue, EXCLUDED.export_value,
			EXCLUDED.employees, EXCLUDED.status)
		RETURNING xmax = 0 AS inserted`)
}

func importProvinceOutputs(ctx context.Context, tx pgx.Tx, rows []importer.ProvinceOutput, by int64) (ImportCounts, error) {
	if len(rows) == 0 {
		return ImportCounts{}, nil
	}
	err := copyTemp(ctx, tx, `CREATE TEMP TABLE import_province_outputs (province_code text,
		year int, price_basis text, production_value numeric(18, 3), status text, source text,
		has_status bool, has_source bool) ON COMMIT DROP`,
		"import_province_outputs", len(rows), func(i int) []any {
			r, c := rows[i], rows[i].Columns
			return []any{r.ProvinceCode, r.Year, r.Basis, r.ProductionValue, r.Status, r.Source,
				c.Has("status"), c.Has("source")}
		})
	if err != nil {
		return ImportCounts{}, err
	}
	return upsert(ctx, tx, len(rows), by, `INSERT INTO province_outputs AS po (province_code,
		year, price_basis, production_value, status, source, created_by, updated_by)
		SELECT t.province_code, t.year, t.price_basis, t.production_value,
			CASE WHEN t.has_status OR o.id IS NULL THEN t.status ELSE o.status END,
			CASE WHEN t.has_source OR o.id IS NULL THEN t.source ELSE o.source END,
			@by, @by
		FROM import_province_outputs t LEFT JOIN province_outputs o
			ON o.province_code = t.province_code AND o.year = t.year AND o.price_basis = t.price_basis
		ON CONFLICT (province_code, year, price_basis) DO UPDATE SET
			production_value = EXCLUDED.production_value, status = EXCLUDED.status,
			source = EXCLUDED.source,
			version = po.version + 1, updated_at = now(), updated_by = EXCLUDED.updated_by
		WHERE (po.production_value, po.status, po.source)
			IS DISTINCT FROM (EXCLUDED.production_value, EXCLUDED.status, EXCLUDED.source)
		RETURNING xmax = 0 AS inserted`)
}

// copyTemp creates a temporary table with create and fills it with n rows
// by COPY, then gathers its statistics so the upsert joins it well. table
// is ours, never user input.
func copyTemp(ctx context.Context, tx pgx.Tx, create, table string, n int, row func(int) []any) error {
	if _, err := tx.Exec(ctx, create); err != nil {
		return err
	}
	cols := tempColumns[table]
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromSlice(n, func(i int) ([]any, error) {
		return row(i), nil
	})); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `ANALYZE `+table)
	return err
}

// tempColumns lists each temporary table's columns in COPY order.
var tempColumns = map[string][]string{
	"import_enterprises": {"tax_code", "name", "name_en", "province_code", "ownership",
		"investor_country", "area_id", "area_since", "zone_id", "vsic", "operating_since",
		"ceased_on", "employees", "has_name_en", "has_province", "has_ownership",
		"has_investor_country", "has_zone", "has_vsic", "has_ceased_on", "has_employees"},
	"import_classifications": {"tax_code", "category_code", "product_group", "valid_from",
		"valid_until", "certificate_no", "has_product_group", "has_valid_until", "has_certificate_no"},
	"import_figures": {"tax_code", "year", "price_basis", "production_value", "revenue",
		"export_value", "employees", "status", "has_revenue", "has_export_value", "has_employees",
		"has_status"},
	"import_province_outputs": {"province_code", "year", "price_basis", "production_value",
		"status", "source", "has_status", "has_source"},
}

// upsert runs an INSERT … ON CONFLICT … RETURNING xmax = 0 AS inserted and
// counts: a returned row is added (xmax 0: no earlier version) or changed;
// the rows it skipped were already as imported.
func upsert(ctx context.Context, tx pgx.Tx, total int, by int64, sql string) (ImportCounts, error) {
	var c ImportCounts
	err := tx.QueryRow(ctx, `WITH w AS (`+sql+`)
		SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM w`,
		pgx.NamedArgs{"by": nullID(by)}).Scan(&c.Added, &c.Changed)
	c.Unchanged = int64(total) - c.Added - c.Changed
	return c, err
}

// missingEnterprise refuses rows whose enterprise is gone: Parse checked
// them against the register, but someone may have deleted one since.
func missingEnterprise(ctx context.Context, tx pgx.Tx, table string) error {
	var tc string
	err := tx.QueryRow(ctx, `SELECT t.tax_code FROM `+table+` t
		WHERE NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.tax_code = t.tax_code) LIMIT 1`).Scan(&tc)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return fmt.Errorf("%w: no enterprise with tax code %s", model.ErrNotFound, tc)
}

func importDetails(b importer.Batch, r ImportResult) map[string]any {
	files := make([]map[string]any, len(b.Files))
	for i, f := range b.Files {
		files[i] = map[string]any{"name": f.Name, "kind": f.Kind, "rows": f.Rows, "sha256": f.SHA256}
	}
	counts := func(c ImportCounts) map[string]int64 {
		return map[string]int64{"added": c.Added, "changed": c.Changed, "unchanged": c.Unchanged}
	}
	return map[string]any{
		"files":            files,
		"enterprises":      counts(r.Enterprises),
		"classifications":  counts(r.Classifications),
		"figures":          counts(r.Figures),
		"province_outputs": counts(r.ProvinceOutputs),
	}
}
