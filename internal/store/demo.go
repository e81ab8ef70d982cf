package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
)

// DemoEnterprise is one sample enterprise with everything it owns. Its
// area (from when it began operating), its moves and its zone are named by
// code; ids are assigned on insert.
type DemoEnterprise struct {
	Enterprise      model.Enterprise
	AreaCode        string
	Moves           []DemoMove
	ZoneCode        string
	Classifications []model.Classification
	Figures         []model.Figure
}

// DemoMove is a sample enterprise's move to the area Code of Province on
// Since.
type DemoMove struct {
	Province, Code string
	Since          time.Time
}

// DemoCounts says how many sample records are stored.
type DemoCounts struct {
	Enterprises, Classifications, Figures, ProvinceOutputs, Plans int64
}

// CountDemo counts the stored sample records.
func (s *Store) CountDemo(ctx context.Context) (DemoCounts, error) {
	var c DemoCounts
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM enterprises WHERE is_demo),
		(SELECT count(*) FROM classifications c JOIN enterprises e ON e.id = c.enterprise_id WHERE e.is_demo),
		(SELECT count(*) FROM enterprise_figures f JOIN enterprises e ON e.id = f.enterprise_id WHERE e.is_demo),
		(SELECT count(*) FROM province_outputs WHERE is_demo),
		(SELECT count(*) FROM plans WHERE is_demo)`).
		Scan(&c.Enterprises, &c.Classifications, &c.Figures, &c.ProvinceOutputs, &c.Plans)
	return c, wrap("count demo", err)
}

// CountDemoEnterprises counts the sample enterprises alone, from their
// partial index.
func (s *Store) CountDemoEnterprises(ctx context.Context) (int64, error) {
	var n int64
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM enterprises WHERE is_demo`).Scan(&n)
	return n, wrap("count demo enterprises", err)
}

// CountEnterprises counts every enterprise, sample or not.
func (s *Store) CountEnterprises(ctx context.Context) (int64, error) {
	var n int64
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM enterprises`).Scan(&n)
	return n, wrap("count enterprises", err)
}

// InsertDemo writes the sample register in one transaction with COPY. Every
// record must be flagged as sample data; a tax code already in the register
// is model.ErrConflict and nothing is written.
func (s *Store) InsertDemo(ctx context.Context, ents []DemoEnterprise, outputs []model.ProvinceOutput) error {
	for i := range ents {
		if !ents[i].Enterprise.Demo {
			return fmt.Errorf("store: insert demo: %s is not flagged as sample data", ents[i].Enterprise.TaxCode)
		}
	}
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		ids, err := copyDemoEnterprises(ctx, tx, ents)
		if err != nil {
			return err
		}
		if err := copyDemoChildren(ctx, tx, ents, ids); err != nil {
			return err
		}
		if err := copyDemoOutputs(ctx, tx, outputs); err != nil {
			return err
		}
		return appendAudit(ctx, tx, 0, "seed_demo", "register", "", map[string]any{
			"enterprises": len(ents), "province_outputs": len(outputs),
		})
	})
	return wrap("insert demo", err)
}

func copyDemoEnterprises(ctx context.Context, tx pgx.Tx, ents []DemoEnterprise) (map[string]int64, error) {
	refs, err := codeIDs(ctx, tx)
	if err != nil {
		return nil, err
	}
	rows := make([][]any, len(ents))
	for i, d := range ents {
		e := d.Enterprise
		if err := e.Validate(); err != nil {
			return nil, fmt.Errorf("sample %s: %w", e.TaxCode, err)
		}
		zone, err := refs.id("zone", e.ProvinceCode, d.ZoneCode)
		if err != nil {
			return nil, err
		}
		rows[i] = []any{e.TaxCode, e.Name, e.NameEN, e.ProvinceCode, nullText(string(e.Ownership)),
			e.InvestorCountry, zone, nullText(e.VSIC), e.OperatingSince, e.CeasedOn,
			e.Employees, true}
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"enterprises"}, []string{"tax_code", "name", "name_en",
		"province_code", "ownership", "investor_country", "zone_id", "vsic",
		"operating_since", "ceased_on", "employees", "is_demo"}, pgx.CopyFromRows(rows))
	if err != nil {
		return nil, err
	}
	rs, _ := tx.Query(ctx, `SELECT tax_code, id FROM enterprises WHERE is_demo`)
	ids := map[string]int64{}
	var tc string
	var id int64
	_, err = pgx.ForEachRow(rs, []any{&tc, &id}, func() error {
		ids[tc] = id
		return nil
	})
	return ids, err
}

// copyDemoLocations writes where each sample enterprise has been, then
// its latest area.
func copyDemoLocations(ctx context.Context, tx pgx.Tx, ents []DemoEnterprise, ids map[string]int64) error {
	refs, err := codeIDs(ctx, tx)
	if err != nil {
		return err
	}
	var rows [][]any
	var located []int64
	for _, d := range ents {
		id, e := ids[d.Enterprise.TaxCode], d.Enterprise
		moves := d.Moves
		if d.AreaCode != "" {
			moves = append([]DemoMove{{Province: e.ProvinceCode, Code: d.AreaCode, Since: e.OperatingSince}}, moves...)
		}
		for _, m := range moves {
			area, err := refs.id("area", m.Province, m.Code)
			if err != nil {
				return err
			}
			rows = append(rows, []any{id, m.Since, *area})
		}
		if len(moves) > 0 {
			located = append(located, id)
		}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"enterprise_locations"}, []string{"enterprise_id", "since", "area_id"},
		pgx.CopyFromRows(rows)); err != nil {
		return err
	}
	_, err = syncAreas(ctx, tx, located, located, 0)
	return err
}

func copyDemoChildren(ctx context.Context, tx pgx.Tx, ents []DemoEnterprise, ids map[string]int64) error {
	if err := copyDemoLocations(ctx, tx, ents, ids); err != nil {
		return err
	}
	var cls, figs [][]any
	for _, d := range ents {
		id := ids[d.Enterprise.TaxCode]
		for _, c := range d.Classifications {
			if err := c.Validate(); err != nil {
				return fmt.Errorf("sample %s: %w", d.Enterprise.TaxCode, err)
			}
			cls = append(cls, []any{id, c.Category, nullText(c.ProductGroup), c.ValidFrom, c.ValidUntil, c.CertificateNo})
		}
		for _, f := range d.Figures {
			if err := f.Validate(); err != nil {
				return fmt.Errorf("sample %s: %w", d.Enterprise.TaxCode, err)
			}
			figs = append(figs, []any{id, f.Year, f.Basis, f.ProductionValue, f.Revenue, f.ExportValue, f.Employees, f.Status})
		}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"classifications"}, []string{"enterprise_id",
		"category_code", "product_group", "valid_from", "valid_until", "certificate_no"},
		pgx.CopyFromRows(cls)); err != nil {
		return err
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"enterprise_figures"}, []string{"enterprise_id", "year",
		"price_basis", "production_value", "revenue", "export_value", "employees", "status"},
		pgx.CopyFromRows(figs))
	return err
}

func copyDemoOutputs(ctx context.Context, tx pgx.Tx, outputs []model.ProvinceOutput) error {
	rows := make([][]any, len(outputs))
	for i, p := range outputs {
		if err := p.Validate(); err != nil {
			return fmt.Errorf("sample province output %d: %w", p.Year, err)
		}
		rows[i] = []any{p.ProvinceCode, p.Year, p.Basis, p.ProductionValue, p.Status, p.Source, true}
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"province_outputs"}, []string{"province_code", "year",
		"price_basis", "production_value", "status", "source", "is_demo"}, pgx.CopyFromRows(rows))
	return err
}

// RemoveDemo deletes exactly the sample records: the flagged enterprises with
// their classifications and figures, and the flagged province totals.
func (s *Store) RemoveDemo(ctx context.Context) (DemoCounts, error) {
	var c DemoCounts
	err := s.inRegisterTx(ctx, func(tx pgx.Tx) error {
		steps := []struct {
			n   *int64
			sql string
		}{
			{&c.Figures, `DELETE FROM enterprise_figures WHERE enterprise_id IN (SELECT id FROM enterprises WHERE is_demo)`},
			{&c.Classifications, `DELETE FROM classifications WHERE enterprise_id IN (SELECT id FROM enterprises WHERE is_demo)`},
			{&c.Enterprises, `DELETE FROM enterprises WHERE is_demo`},
			{&c.ProvinceOutputs, `DELETE FROM province_outputs WHERE is_demo`},
			{&c.Plans, `DELETE FROM plans WHERE is_demo`},
		}
		for _, st := range steps {
			tag, err := tx.Exec(ctx, st.sql)
			if err != nil {
				return err
			}
			*st.n = tag.RowsAffected()
		}
		return appendAudit(ctx, tx, 0, "remove_demo", "register", "", map[string]any{
			"enterprises": c.Enterprises, "figures": c.Figures,
			"classifications": c.Classifications, "province_outputs": c.ProvinceOutputs,
			"plans": c.Plans,
		})
	})
	return c, wrap("remove demo", err)
}

// refIDs maps area and zone codes to ids.
type refIDs map[string]int64

// id returns the id of the area or zone with code in province, or, when
// the province has none, of the one province that has (a zone of Hải
// Dương keeps its code in the merged Hải Phòng); nil for no code, and
// model.ErrNotFound for a code that is not in the reference lists.
func (r refIDs) id(kind, province, code string) (*int64, error) {
	if code == "" {
		return nil, nil
	}
	id, ok := r[kind+"/"+province+"/"+code]
	if !ok {
		id, ok = r[kind+"//"+code]
	}
	if !ok {
		return nil, fmt.Errorf("%w: %s %s/%s", model.ErrNotFound, kind, province, code)
	}
	return &id, nil
}

func codeIDs(ctx context.Context, tx pgx.Tx) (refIDs, error) {
	rows, _ := tx.Query(ctx, `SELECT 'area/' || province_code || '/' || code, id FROM areas
		UNION ALL SELECT 'zone/' || province_code || '/' || code, id FROM industrial_zones`)
	r := refIDs{}
	var k string
	var id int64
	many := map[string]bool{}
	_, err := pgx.ForEachRow(rows, []any{&k, &id}, func() error {
		r[k] = id
		parts := strings.SplitN(k, "/", 3)
		anyKey := parts[0] + "//" + parts[2]
		if _, seen := r[anyKey]; seen {
			many[anyKey] = true
		}
		r[anyKey] = id
		return nil
	})
	for k := range many {
		delete(r, k)
	}
	return r, err
}

// HasDemo reports whether any sample enterprise is stored, so every page can
// say so.
func (s *Store) HasDemo(ctx context.Context) (bool, error) {
	var ok bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM enterprises WHERE is_demo)`).Scan(&ok)
	return ok, wrap("has demo", err)
}

// CopyEnterprises writes enterprises with one raw COPY and no checks but
// the database's own: the baseline `make bench` measures imports against.
func (s *Store) CopyEnterprises(ctx context.Context, ents []model.Enterprise) error {
	rows := make([][]any, len(ents))
	for i, e := range ents {
		rows[i] = []any{e.TaxCode, e.Name, e.ProvinceCode, e.OperatingSince}
	}
	_, err := s.pool.CopyFrom(ctx, pgx.Identifier{"enterprises"},
		[]string{"tax_code", "name", "province_code", "operating_since"}, pgx.CopyFromRows(rows))
	return wrap("copy enterprises", err)
}
