package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"industrytargets/internal/seed"
	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
)

// TestSchemaRefusesBadRows writes straight to the database, past the model's
// validation, to show the database itself refuses what must never be stored.
func TestSchemaRefusesBadRows(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := storetest.URL(t)
	st, err := store.Open(ctx, url, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := seed.Ensure(ctx, st); err != nil {
		t.Fatal(err)
	}
	conn := connect(t, url)
	var id int64
	if err := conn.QueryRow(ctx, `INSERT INTO enterprises (tax_code, name, province_code, operating_since)
		VALUES ('0100233488', 'A', 'HD', '2015-01-01') RETURNING id`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, sql, code string
	}{
		{"malformed tax code", `INSERT INTO enterprises (tax_code, name, province_code, operating_since) VALUES ('12345', 'B', 'HD', '2015-01-01')`, "23514"},
		{"duplicate tax code", `INSERT INTO enterprises (tax_code, name, province_code, operating_since) VALUES ('0100233488', 'B', 'HD', '2015-01-01')`, "23505"},
		{"empty name", `INSERT INTO enterprises (tax_code, name, province_code, operating_since) VALUES ('0100112437', '  ', 'HD', '2015-01-01')`, "23514"},
		{"unknown province", `INSERT INTO enterprises (tax_code, name, province_code, operating_since) VALUES ('0100112437', 'B', 'XX', '2015-01-01')`, "23503"},
		{"ceased before operating", `UPDATE enterprises SET ceased_on = '2014-12-31' WHERE id = $1`, "23514"},
		{"unknown ownership", `UPDATE enterprises SET ownership = 'mixed' WHERE id = $1`, "23514"},
		{"VSIC outside sections B–E", `UPDATE enterprises SET vsic = '4610' WHERE id = $1`, "23503"},
		{"negative employees", `UPDATE enterprises SET employees = -1 WHERE id = $1`, "23514"},
		{"unknown category", `INSERT INTO classifications (enterprise_id, category_code, valid_from) VALUES ($1, 'biotech', '2020-01-01')`, "23503"},
		{"valid_until before valid_from", `INSERT INTO classifications (enterprise_id, category_code, valid_from, valid_until) VALUES ($1, 'supporting', '2020-01-01', '2019-12-31')`, "23514"},
		{"negative production value", `INSERT INTO enterprise_figures (enterprise_id, year, production_value) VALUES ($1, 2023, -1)`, "23514"},
		{"year out of range", `INSERT INTO enterprise_figures (enterprise_id, year, production_value) VALUES ($1, 1800, 1)`, "23514"},
		{"unknown price basis", `INSERT INTO enterprise_figures (enterprise_id, year, price_basis, production_value) VALUES ($1, 2023, 'const2015', 1)`, "23514"},
		{"unknown figure status", `INSERT INTO enterprise_figures (enterprise_id, year, production_value, status) VALUES ($1, 2023, 1, 'guess')`, "23514"},
		{"figure of a missing enterprise", `INSERT INTO enterprise_figures (enterprise_id, year, production_value) VALUES ($1 + 1000, 2023, 1)`, "23503"},
		{"share target above 1", `INSERT INTO plan_targets (plan_code, metric, year, value) VALUES ('HD-3164', 'output_share', 2027, 1.5 + $1 * 0)`, "23514"},
		{"fractional count target", `INSERT INTO plan_targets (plan_code, metric, year, value) VALUES ('HD-3164', 'enterprise_count', 2027, 10.5 + $1 * 0)`, "23514"},
		{"target before the baseline", `INSERT INTO plan_targets (plan_code, metric, year, value) VALUES ('HD-3164', 'enterprise_count', 2019, 10 + $1 * 0)`, "23514"},
		{"negative province output", `INSERT INTO province_outputs (province_code, year, production_value) VALUES ('HD', 2023, -5 + $1 * 0)`, "23514"},
		{"unknown user role", `INSERT INTO users (email, role, password_hash) VALUES ('a@b.vn', 'root', 'x')`, "23514"},
	}
	for _, tt := range tests {
		var args []any
		if countParams(tt.sql) > 0 {
			args = append(args, id)
		}
		_, err := conn.Exec(ctx, tt.sql, args...)
		var pg *pgconn.PgError
		if !errors.As(err, &pg) || pg.Code != tt.code {
			t.Errorf("%s: err = %v, want SQLSTATE %s", tt.name, err, tt.code)
		}
	}
}

func countParams(sql string) int {
	n := 0
	for i := 0; i+1 < len(sql); i++ {
		if sql[i] == '$' && sql[i+1] == '1' {
			n++
		}
	}
	return n
}

// TestMigrateRoundTrip applies every migration, reverts them all and applies
// them again, as `migrate down` and `migrate up` do.
func TestMigrateRoundTrip(t *testing.T) {
	t.Parallel()
	url := storetest.EmptyURL(t)
	st, err := store.MigrateStatus(url)
	if err != nil || st.Version != 0 || st.Latest == 0 {
		t.Fatalf("fresh status = %+v, %v; want version 0 of some", st, err)
	}
	for i, step := range []func(string) error{store.MigrateUp, store.MigrateUp, store.MigrateDown, store.MigrateUp} {
		if err := step(url); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	got, err := store.MigrateStatus(url)
	if err != nil || got.Version != st.Latest || got.Dirty {
		t.Fatalf("after round trip = %+v, %v; want version %d, clean", got, err, st.Latest)
	}
	ctx := context.Background()
	s, err := store.Open(ctx, url, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := seed.Ensure(ctx, s); err != nil {
		t.Errorf("seed after round trip: %v", err)
	}
}
