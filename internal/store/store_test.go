package store_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"industrytargets/internal/model"
	"industrytargets/internal/seed"
	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
)

// newSeeded returns a store over a fresh database holding the reference
// lists and the HD-3164 plan.
func newSeeded(t *testing.T) *store.Store {
	t.Helper()
	st := storetest.New(t)
	if _, err := seed.Ensure(context.Background(), st); err != nil {
		t.Fatalf("seed: %v", err)
	}
	return st
}

func validEnterprise() model.Enterprise {
	emp := int64(120)
	return model.Enterprise{
		TaxCode: "0100233488", Name: "Công ty TNHH Cơ khí Thử nghiệm", ProvinceCode: "HD",
		Ownership: model.OwnershipPrivate, VSIC: "2599",
		OperatingSince: model.Date(2015, 1, 1), Employees: &emp,
	}
}

func TestEnterpriseLifecycle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	e := validEnterprise()
	e.TaxCode = "0100 233 488"
	if err := st.CreateEnterprise(ctx, &e, 0); err != nil {
		t.Fatalf("create: %v", err)
	}
	if e.ID == 0 || e.Version != 1 || e.TaxCode != "0100233488" {
		t.Fatalf("created = id %d version %d tax %q; want an id, version 1, normalised tax code", e.ID, e.Version, e.TaxCode)
	}
	got, err := st.Enterprise(ctx, e.ID)
	if err != nil || got.Name != e.Name || *got.Employees != 120 || !got.OperatingSince.Equal(e.OperatingSince) {
		t.Fatalf("read back = %+v, %v; want %+v", got, err, e)
	}
	stale := got
	ceased := model.Date(2024, 12, 31)
	got.CeasedOn = &ceased
	if err := st.UpdateEnterprise(ctx, &got, 0); err != nil || got.Version != 2 {
		t.Fatalf("update: version %d, %v; want version 2", got.Version, err)
	}
	stale.Name = "Tên cũ"
	if err := st.UpdateEnterprise(ctx, &stale, 0); !errors.Is(err, model.ErrStale) || !errors.Is(err, model.ErrConflict) {
		t.Errorf("stale update err = %v, want ErrStale (a kind of ErrConflict)", err)
	}
	if again, _ := st.Enterprise(ctx, e.ID); again.Name != e.Name || again.CeasedOn == nil {
		t.Errorf("after stale update: %+v; want the first update kept", again)
	}
	missing := got
	missing.ID = 999999
	if err := st.UpdateEnterprise(ctx, &missing, 0); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("update of a missing enterprise err = %v, want ErrNotFound", err)
	}
	if _, err := st.Enterprise(ctx, 999999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("read of a missing enterprise err = %v, want ErrNotFound", err)
	}
	history, err := st.AuditFor(ctx, "enterprise", itoa(e.ID), 10)
	if err != nil || len(history) != 2 || history[0].Action != "update" || history[1].Action != "create" {
		t.Errorf("history = %+v, %v; want update then create", history, err)
	}
}

func TestDuplicateTaxCodeIsConflict(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	a, b := validEnterprise(), validEnterprise()
	if err := st.CreateEnterprise(ctx, &a, 0); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateEnterprise(ctx, &b, 0); !errors.Is(err, model.ErrConflict) {
		t.Errorf("second create err = %v, want ErrConflict", err)
	}
}

func TestInvalidEnterpriseWritesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	e := validEnterprise()
	e.TaxCode = "0100233480"
	before := model.Date(2010, 1, 1)
	e.CeasedOn = &before
	err := st.CreateEnterprise(ctx, &e, 0)
	var v *model.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("err = %v, want a *ValidationError", err)
	}
	for _, f := range []string{"tax_code", "ceased_on"} {
		if _, ok := v.Field(f); !ok {
			t.Errorf("no error at %s in %v", f, v)
		}
	}
	if n, _ := st.CountEnterprises(ctx); n != 0 {
		t.Errorf("enterprises = %d after a rejected create, want 0", n)
	}
}

func TestDeleteRefusedWhileFiguresExist(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	e := validEnterprise()
	if err := st.CreateEnterprise(ctx, &e, 0); err != nil {
		t.Fatal(err)
	}
	c := model.Classification{EnterpriseID: e.ID, Category: model.CategorySupporting,
		ProductGroup: "co_khi", ValidFrom: model.Date(2019, 3, 1), CertificateNo: "12/GCN-SCT"}
	if err := st.AddClassification(ctx, &c, 0); err != nil {
		t.Fatalf("add classification: %v", err)
	}
	f := model.Figure{EnterpriseID: e.ID, Year: 2023, Basis: model.BasisCurrent,
		ProductionValue: model.MoneyFromMillions(150), Status: model.StatusOfficial}
	if err := st.AddFigure(ctx, &f, 0); err != nil {
		t.Fatalf("add figure: %v", err)
	}
	if err := st.DeleteEnterprise(ctx, e.ID, e.Version, 0); !errors.Is(err, model.ErrInUse) {
		t.Fatalf("delete with figures err = %v, want ErrInUse", err)
	}
	if cs, _ := st.Classifications(ctx, e.ID); len(cs) != 1 {
		t.Errorf("classifications after refused delete = %d, want 1 (nothing removed)", len(cs))
	}
	if err := st.DeleteFigure(ctx, f.ID, f.Version, 0); err != nil {
		t.Fatalf("delete figure: %v", err)
	}
	if err := st.DeleteEnterprise(ctx, e.ID, e.Version+1, 0); !errors.Is(err, model.ErrStale) {
		t.Errorf("delete at a stale version err = %v, want ErrStale", err)
	}
	if err := st.DeleteEnterprise(ctx, e.ID, e.Version, 0); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := st.Enterprise(ctx, e.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("after delete err = %v, want ErrNotFound", err)
	}
}

func TestMoneyIsExact(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	e := validEnterprise()
	if err := st.CreateEnterprise(ctx, &e, 0); err != nil {
		t.Fatal(err)
	}
	big, _ := model.ParseMoney("123456789012345.678")
	rev, _ := model.ParseMoney("0.001")
	f := model.Figure{EnterpriseID: e.ID, Year: 2024, Basis: model.BasisConst2010,
		ProductionValue: big, Revenue: &rev, Status: model.StatusPreliminary}
	if err := st.AddFigure(ctx, &f, 0); err != nil {
		t.Fatal(err)
	}
	figs, err := st.Figures(ctx, e.ID)
	if err != nil || len(figs) != 1 {
		t.Fatalf("figures = %v, %v", figs, err)
	}
	if got := figs[0]; got.ProductionValue != big || got.Revenue == nil || *got.Revenue != rev || got.ExportValue != nil {
		t.Errorf("read back %s / %v / %v; want %s / 0.001 / nil", got.ProductionValue, got.Revenue, got.ExportValue, big)
	}
	dup := f
	if err := st.AddFigure(ctx, &dup, 0); !errors.Is(err, model.ErrConflict) {
		t.Errorf("second figure for the same year and basis err = %v, want ErrConflict", err)
	}
}

func TestPlanAndReference(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	p, err := st.Plan(ctx, "HD-3164")
	if err != nil {
		t.Fatal(err)
	}
	if p.BaselineYear != 2020 || len(p.Categories) != 6 || len(p.Targets) != 4 || p.DecisionNo != "3164/QĐ-UBND" {
		t.Errorf("plan = %+v; want baseline 2020, 6 categories, 4 targets", p)
	}
	want := map[string]float64{"enterprise_count2025": 340, "enterprise_count2030": 580, "output_share2025": 0.35, "output_share2030": 0.45}
	for _, tg := range p.Targets {
		if w := want[string(tg.Metric)+itoa(int64(tg.Year))]; tg.Value != w {
			t.Errorf("target %s %d = %v, want %v", tg.Metric, tg.Year, tg.Value, w)
		}
	}
	if _, err := st.Plan(ctx, "NO-SUCH"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown plan err = %v, want ErrNotFound", err)
	}
	areas, err := st.Areas(ctx, "HD")
	if err != nil || len(areas) != 12 {
		t.Fatalf("areas = %d, %v; want Hải Dương's 12 district-level units", len(areas), err)
	}
	for _, a := range areas {
		if a.ValidUntil == nil || !a.ValidUntil.Equal(model.Date(2025, time.June, 30)) {
			t.Errorf("area %s valid until %v, want 30/06/2025", a.Name, a.ValidUntil)
		}
	}
	divs, err := st.VSICDivisions(ctx)
	if err != nil || len(divs) != 34 {
		t.Errorf("VSIC divisions = %d, %v; want 34 (B 5, C 24, D 1, E 4)", len(divs), err)
	}
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := storetest.URL(t)
	st, err := store.Open(ctx, url, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.AppendAudit(ctx, 0, "import", "register", "", map[string]any{"rows": 3}); err != nil {
		t.Fatal(err)
	}
	conn := connect(t, url)
	for _, sql := range []string{`UPDATE audit_log SET action = 'x'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`} {
		if _, err := conn.Exec(ctx, sql); err == nil {
			t.Errorf("%s succeeded; the audit log must be append-only", sql)
		}
	}
}

func connect(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
