package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

func TestClassificationEditsAreScopedAndLogged(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	ents := addEnterprises(t, st, []string{"Công ty A", "Công ty B"}, nil)
	a, b := ents[0], ents[1]
	c := model.Classification{EnterpriseID: a.ID, Category: model.CategorySupporting, ValidFrom: model.Date(2020, 1, 1)}
	if err := st.AddClassification(ctx, &c, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Classification(ctx, b.ID, c.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("B's classification %d: err = %v, want ErrNotFound (it is A's)", c.ID, err)
	}
	got, err := st.ClassificationByKey(ctx, a.ID, model.CategorySupporting, model.Date(2020, 1, 1))
	if err != nil || got.ID != c.ID {
		t.Fatalf("by key = %+v, %v; want %d", got, err, c.ID)
	}
	moved := c
	moved.EnterpriseID = b.ID
	if err := st.UpdateClassification(ctx, &moved, 0); !errors.Is(err, model.ErrConflict) && !errors.Is(err, model.ErrNotFound) {
		t.Errorf("update through another enterprise: err = %v, want a refusal", err)
	}
	if err := st.DeleteClassification(ctx, c.ID, c.Version+1, 0); !errors.Is(err, model.ErrStale) {
		t.Errorf("delete at a stale version: err = %v, want ErrStale", err)
	}
	if err := st.DeleteClassification(ctx, c.ID, c.Version, 0); err != nil {
		t.Fatal(err)
	}
	hist, err := st.EnterpriseHistory(ctx, a.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) == 0 || hist[0].Action != "delete" || hist[0].Entity != "classification" || hist[0].Details["category"] != "supporting" {
		t.Errorf("A's history does not begin with the removed classification: %+v", hist)
	}
}

func TestFigureDeleteShowsInHistory(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	e := addEnterprises(t, st, []string{"Công ty A"}, nil)[0]
	f := model.Figure{EnterpriseID: e.ID, Year: 2023, Basis: model.BasisCurrent, ProductionValue: model.MoneyFromMillions(5), Status: model.StatusOfficial}
	if err := st.AddFigure(ctx, &f, 0); err != nil {
		t.Fatal(err)
	}
	if got, err := st.FigureByKey(ctx, e.ID, 2023, model.BasisCurrent); err != nil || got.ID != f.ID {
		t.Fatalf("by key = %+v, %v", got, err)
	}
	if err := st.DeleteFigure(ctx, f.ID, f.Version, 0); err != nil {
		t.Fatal(err)
	}
	hist, _ := st.EnterpriseHistory(ctx, e.ID, 10)
	if len(hist) == 0 || hist[0].Entity != "figure" || hist[0].Action != "delete" || hist[0].Details["production_value"] != "5" {
		t.Errorf("history after removing a figure = %+v", hist)
	}
}

func TestSaveGridWritesEachRowOnItsOwn(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	ents := addEnterprises(t, st, []string{"A", "B", "C", "D"}, nil)
	old := func(e model.Enterprise, v int64) model.Figure {
		f := model.Figure{EnterpriseID: e.ID, Year: 2024, Basis: model.BasisCurrent, ProductionValue: model.MoneyFromMillions(v), Status: model.StatusOfficial}
		if err := st.AddFigure(ctx, &f, 0); err != nil {
			t.Fatal(err)
		}
		return f
	}
	fb, fc, fd := old(ents[1], 20), old(ents[2], 30), old(ents[3], 40)
	// Someone else changes C after the grid was read.
	other := fc
	other.ProductionValue = model.MoneyFromMillions(33)
	if err := st.UpdateFigure(ctx, &other, 0); err != nil {
		t.Fatal(err)
	}
	fig := func(v int64) *model.Figure {
		return &model.Figure{ProductionValue: model.MoneyFromMillions(v), Status: model.StatusPreliminary}
	}
	res, err := st.SaveGrid(ctx, store.GridSave{Year: 2024, Basis: model.BasisCurrent, Figures: []store.FigureEdit{
		{EnterpriseID: ents[0].ID, Figure: fig(10)},                           // new
		{EnterpriseID: fb.EnterpriseID, Version: fb.Version, Figure: fig(21)}, // changed
		{EnterpriseID: fc.EnterpriseID, Version: fc.Version, Figure: fig(31)}, // stale
		{EnterpriseID: fd.EnterpriseID, Version: fd.Version},                  // removed
	}, Output: &store.OutputEdit{Output: &model.ProvinceOutput{ProvinceCode: "HD", Year: 2024, Basis: model.BasisCurrent,
		ProductionValue: model.MoneyFromMillions(1000), Status: model.StatusOfficial}}}, 0)
	if err != nil || len(res) != 5 {
		t.Fatalf("SaveGrid = %d results, %v", len(res), err)
	}
	for i, want := range []error{nil, nil, model.ErrStale, nil, nil} {
		if (want == nil) != (res[i].Err == nil) || (want != nil && !errors.Is(res[i].Err, want)) {
			t.Errorf("result %d err = %v, want %v", i, res[i].Err, want)
		}
	}
	if res[2].Figure == nil || res[2].Figure.ProductionValue != model.MoneyFromMillions(33) {
		t.Errorf("the stale row's result shows %+v, want the stored 33", res[2].Figure)
	}
	if res[1].Figure == nil || res[1].Figure.Version != fb.Version+1 {
		t.Errorf("the changed row's result = %+v, want its new version", res[1].Figure)
	}
	checkGridValues(t, st, ents, map[int64]string{ents[0].ID: "10", ents[1].ID: "21", ents[2].ID: "33"})
	if o, err := st.ProvinceOutputFor(ctx, "HD", 2024, model.BasisCurrent); err != nil || o.ProductionValue != model.MoneyFromMillions(1000) {
		t.Errorf("province total = %+v, %v", o, err)
	}
}

// checkGridValues checks the grid of 2024 shows each enterprise's
// production value as want says ("" absent: no figure).
func checkGridValues(t *testing.T, st *store.Store, ents []model.Enterprise, want map[int64]string) {
	t.Helper()
	rows, total, err := st.GridRows(context.Background(), store.GridFilter{Scope: hdScope(t, st), Year: 2024, Basis: model.BasisCurrent}, 10, 0)
	if err != nil || total != int64(len(ents)) {
		t.Fatalf("grid rows: total %d, %v; want %d", total, err, len(ents))
	}
	for _, r := range rows {
		got := ""
		if r.Figure != nil {
			got = r.Figure.ProductionValue.String()
		}
		if got != want[r.EnterpriseID] {
			t.Errorf("enterprise %d (%s): production value %q, want %q", r.EnterpriseID, r.Name, got, want[r.EnterpriseID])
		}
	}
}

// hdScope is the scope of the plan HD-3164 as of 04/12/2026.
func hdScope(t *testing.T, st *store.Store) store.Scope {
	t.Helper()
	ctx := context.Background()
	plan, err := st.Plan(ctx, "HD-3164")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := st.Scope(ctx, plan, time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func TestGridRowsFilters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	ents := addEnterprises(t, st, []string{"Cơ khí Hải Dương", "Điện tử Nam Sách", "Dệt may"}, func(i int, e *model.Enterprise) {
		if i == 2 {
			e.OperatingSince = model.Date(2025, 3, 1) // not yet operating in 2024
		}
	})
	f := store.GridFilter{Scope: hdScope(t, st), Year: 2024, Basis: model.BasisCurrent}
	if _, total, err := st.GridRows(ctx, f, 10, 0); err != nil || total != 2 {
		t.Errorf("2024 grid: %d rows, %v; want 2 (the third began in 2025)", total, err)
	}
	f.Query = "hai duong"
	rows, total, err := st.GridRows(ctx, f, 10, 0)
	if err != nil || total != 1 || rows[0].EnterpriseID != ents[0].ID {
		t.Errorf("search \"hai duong\": %+v, %d, %v", rows, total, err)
	}
}

func TestPlanCreateAndUpdate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	p := model.Plan{Code: "HP-1", ProvinceCode: "HP", Name: "Đề án thử", BaselineYear: 2024,
		Categories: []model.Category{model.CategoryHighTech},
		Targets:    []model.Target{{Metric: model.MetricOutputShare, Year: 2030, Value: 0.4}}}
	if err := st.CreatePlan(ctx, &p, 0); err != nil {
		t.Fatal(err)
	}
	dup := p
	if err := st.CreatePlan(ctx, &dup, 0); !errors.Is(err, model.ErrConflict) {
		t.Errorf("second plan with the code: err = %v, want ErrConflict", err)
	}
	p.Name, p.Categories = "Đề án đã sửa", []model.Category{model.CategorySupporting, model.CategoryCleanTech}
	p.Targets = append(p.Targets, model.Target{Metric: model.MetricEnterpriseCount, Year: 2030, Value: 50})
	stale := p
	if err := st.UpdatePlan(ctx, &p, 0); err != nil || p.Version != 2 {
		t.Fatalf("update: version %d, %v", p.Version, err)
	}
	if err := st.UpdatePlan(ctx, &stale, 0); !errors.Is(err, model.ErrStale) {
		t.Errorf("update at version 1 again: err = %v, want ErrStale", err)
	}
	got, err := st.Plan(ctx, "HP-1")
	if err != nil || got.Name != "Đề án đã sửa" || len(got.Categories) != 2 || len(got.Targets) != 2 {
		t.Errorf("stored plan = %+v, %v", got, err)
	}
	missing := p
	missing.Code = "KHONG-CO"
	if err := st.UpdatePlan(ctx, &missing, 0); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("update of a missing plan: err = %v, want ErrNotFound", err)
	}
}

func TestReferenceListEdits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := newSeeded(t)
	from := model.Date(2025, 7, 1)
	a := store.AreaRecord{Area: model.Area{ProvinceCode: "HP", Code: "Xa_Moi", Name: "Xã Mới", Kind: "xa", ValidFrom: &from}}
	if err := st.AddArea(ctx, &a, 0); err != nil || a.Code != "xa_moi" || a.Version != 1 {
		t.Fatalf("add area: %+v, %v", a, err)
	}
	dup := store.AreaRecord{Area: model.Area{ProvinceCode: "HP", Code: "xa_moi", Name: "Khác", Kind: "xa"}}
	if err := st.AddArea(ctx, &dup, 0); !errors.Is(err, model.ErrConflict) {
		t.Errorf("same code twice: err = %v, want ErrConflict", err)
	}
	stale := a
	a.Name = "Xã Mới Đổi Tên"
	if err := st.UpdateArea(ctx, &a, 0); err != nil || a.Version != 2 {
		t.Fatalf("update area: %+v, %v", a, err)
	}
	if err := st.UpdateArea(ctx, &stale, 0); !errors.Is(err, model.ErrStale) {
		t.Errorf("stale area update: err = %v, want ErrStale", err)
	}
	bad := store.AreaRecord{Area: model.Area{ProvinceCode: "HP", Code: "có dấu", Name: "", Kind: "thon"}}
	var v *model.ValidationError
	if err := st.AddArea(ctx, &bad, 0); !errors.As(err, &v) || len(v.Fields) != 3 {
		t.Errorf("bad area: err = %v, want problems at code, name and kind", err)
	}
	z := store.ZoneRecord{Zone: model.Zone{ProvinceCode: "HP", Code: "kcn_moi", Name: "KCN Mới", Kind: "kcn"}, AreaID: &a.ID}
	if err := st.AddZone(ctx, &z, 0); err != nil {
		t.Fatal(err)
	}
	z.Kind = "ccn"
	if err := st.UpdateZone(ctx, &z, 0); err != nil || z.Version != 2 {
		t.Errorf("update zone: %+v, %v", z, err)
	}
	g := store.GroupRecord{ProductGroup: model.ProductGroup{Code: "pin", Name: "Pin", Kind: "priority_product", Category: model.CategoryHighTech}}
	if err := st.AddGroup(ctx, &g, 0); err != nil {
		t.Fatal(err)
	}
	g.Version = 7
	if err := st.UpdateGroup(ctx, &g, 0); !errors.Is(err, model.ErrStale) {
		t.Errorf("stale group update: err = %v, want ErrStale", err)
	}
}
