package seed_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
)

var tables = []string{"provinces", "areas", "industrial_zones", "vsic_sections", "vsic_divisions",
	"categories", "product_groups", "plans", "plan_categories", "plan_targets", "enterprises",
	"classifications", "enterprise_figures", "province_outputs", "area_origins", "plan_territory",
	"enterprise_locations"}

// snapshot fingerprints every row of every table, with its row version
// (xmin), so a rewrite that leaves values equal still shows.
func snapshot(t *testing.T, conn *pgx.Conn) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, tbl := range tables {
		var s string
		err := conn.QueryRow(context.Background(), `SELECT coalesce(md5(string_agg(t::text || t.xmin::text, '|' ORDER BY t::text)), '')
			FROM `+tbl+` t`).Scan(&s)
		if err != nil {
			t.Fatalf("snapshot %s: %v", tbl, err)
		}
		out[tbl] = s
	}
	return out
}

func open(t *testing.T) (*store.Store, *pgx.Conn) {
	t.Helper()
	url := storetest.URL(t)
	ctx := context.Background()
	st, err := store.Open(ctx, url, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(ctx) })
	return st, conn
}

func TestSeedTwiceChangesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, conn := open(t)
	first, err := seed.Ensure(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if first.ReferenceRows == 0 || first.PlansAdded != 1 {
		t.Fatalf("first seed = %+v; want rows and one plan added", first)
	}
	if _, err := seed.EnsureDemo(ctx, st); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, conn)
	second, err := seed.Ensure(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if added, err := seed.EnsureDemo(ctx, st); err != nil || added {
		t.Fatalf("second demo seed added = %v, %v; want nothing added", added, err)
	}
	if second.ReferenceRows != 0 || second.PlansAdded != 0 {
		t.Errorf("second seed = %+v; want nothing added", second)
	}
	after := snapshot(t, conn)
	for _, tbl := range tables {
		if before[tbl] != after[tbl] {
			t.Errorf("table %s changed on the second seed", tbl)
		}
	}
}

func TestRemoveDemoRemovesExactlyTheSample(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, conn := open(t)
	if _, err := seed.Ensure(ctx, st); err != nil {
		t.Fatal(err)
	}
	empty := snapshot(t, conn)
	real := model.Enterprise{TaxCode: "0100233488", Name: "Công ty thật", ProvinceCode: "HD",
		OperatingSince: model.Date(2015, 1, 1)}
	if err := st.CreateEnterprise(ctx, &real, 0); err != nil {
		t.Fatal(err)
	}
	fig := model.Figure{EnterpriseID: real.ID, Year: 2023, Basis: model.BasisCurrent,
		ProductionValue: model.MoneyFromMillions(10), Status: model.StatusOfficial}
	if err := st.AddFigure(ctx, &fig, 0); err != nil {
		t.Fatal(err)
	}
	out := model.ProvinceOutput{ProvinceCode: "HP", Year: 2023, Basis: model.BasisCurrent,
		ProductionValue: model.MoneyFromMillions(1000), Status: model.StatusOfficial}
	if err := st.AddProvinceOutput(ctx, &out, 0); err != nil {
		t.Fatal(err)
	}
	withReal := snapshot(t, conn)
	if added, err := seed.EnsureDemo(ctx, st); err != nil || !added {
		t.Fatalf("demo added = %v, %v", added, err)
	}
	added, err := st.CountDemo(ctx)
	if err != nil || added.Enterprises < 250 || added.Figures == 0 || added.ProvinceOutputs == 0 {
		t.Fatalf("demo counts = %+v, %v", added, err)
	}
	removed, err := st.RemoveDemo(ctx)
	if err != nil || removed != added {
		t.Fatalf("removed = %+v, %v; want %+v", removed, err, added)
	}
	if got := snapshot(t, conn); !equal(got, withReal) {
		t.Errorf("after removing the sample the register differs from before it was added")
	}
	if equal(empty, withReal) {
		t.Fatal("snapshot cannot tell a register with a real enterprise from an empty one")
	}
}

func equal(a, b map[string]string) bool {
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return len(a) == len(b)
}
