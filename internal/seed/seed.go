package seed

import (
	"context"
	"fmt"

	"industrytargets/internal/store"
)

// Result says what seeding added.
type Result struct {
	ReferenceRows int64 // reference rows added
	PlansAdded    int   // plans added
	DemoAdded     bool  // whether the sample register was added
}

// Ensure writes the reference lists and the HD-3164 plan where missing.
// Running it again changes nothing, and rows an administrator has since
// edited are left alone.
func Ensure(ctx context.Context, st *store.Store) (Result, error) {
	var r Result
	n, err := st.EnsureReference(ctx, Reference())
	if err != nil {
		return r, fmt.Errorf("seed reference: %w", err)
	}
	r.ReferenceRows = n
	added, err := st.EnsurePlan(ctx, HD3164())
	if err != nil {
		return r, fmt.Errorf("seed plan: %w", err)
	}
	if added {
		r.PlansAdded++
	}
	n, err = st.EnsureTerritory(ctx, HD3164().Code, HD3164Territory())
	if err != nil {
		return r, fmt.Errorf("seed territory: %w", err)
	}
	r.ReferenceRows += n
	return r, nil
}

// EnsureDemo adds the sample register unless sample data is already there,
// so running it again changes nothing. It needs the reference lists.
func EnsureDemo(ctx context.Context, st *store.Store) (bool, error) {
	c, err := st.CountDemo(ctx)
	if err != nil {
		return false, err
	}
	if c.Enterprises > 0 || c.ProvinceOutputs > 0 {
		return false, nil
	}
	ents, outputs := Demo()
	if err := st.InsertDemo(ctx, ents, outputs); err != nil {
		return false, fmt.Errorf("seed demo: %w", err)
	}
	p := SamplePlan()
	if _, err := st.EnsurePlan(ctx, p); err != nil {
		return false, fmt.Errorf("seed sample plan: %w", err)
	}
	if _, err := st.EnsureTerritory(ctx, p.Code, HaiPhongTerritory()); err != nil {
		return false, fmt.Errorf("seed sample plan: %w", err)
	}
	return true, nil
}
