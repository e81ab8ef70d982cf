package server

import (
	"context"
	"errors"
	"maps"
	"math/big"
	"slices"
	"strconv"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/web"
)

// After 30/06/2025 no production value is published for the former Hải
// Dương: the city's statistics office gives only a production index for
// West Hải Phòng (HAI-DUONG-2025.md §5). DESIGN.md rule 3 lets staff enter
// an estimate instead, the year before's total at constant prices times
// that index; the grid works it out for them to check and save, labelled
// as an estimate.

// gridEstimate offers, on a grid at constant prices whose year before has
// a total on that basis, to estimate the year's total from a production
// index; with an index asked for (q.estimate), it fills the total in as an
// estimate with its source, not yet saved. On current prices it points to
// a constant-price grid, as an index measures volume, not prices.
func (d *deps) gridEstimate(ctx context.Context, q gridQuery, v *web.GridView) error {
	f := format.For(i18n.From(ctx))
	if q.basis == model.BasisCurrent {
		alt := q
		alt.basis, alt.estimate = model.BasisConst2010, ""
		v.Estimate = &web.GridEstimate{Elsewhere: alt.url(1)}
		return nil
	}
	prev, err := d.st.ProvinceOutputFor(ctx, q.province, q.year-1, q.basis)
	if errors.Is(err, model.ErrNotFound) {
		return nil
	} else if err != nil {
		return err
	}
	e := &web.GridEstimate{PrevYear: q.year - 1, PrevValue: f.Money(prev.ProductionValue), Index: q.estimate,
		Action: "/figures", Hidden: gridHidden(q)}
	v.Estimate = e
	if q.estimate == "" {
		return nil
	}
	index, err := model.ParseMoney(q.estimate)
	if err != nil || index <= 0 || index > model.MoneyFromMillions(1000) {
		e.Error = i18n.T(ctx, "Chỉ số phải là một số dương, tính theo phần trăm so với năm trước (ví dụ 113,24).")
		return nil
	}
	est := scaleMoney(prev.ProductionValue, index)
	v.Output.Value, v.Output.Status = gridMoney(i18n.From(ctx), &est), string(model.StatusEstimate)
	v.Output.Source = "Ước tính: GTSX năm " + strconv.Itoa(q.year-1) + " (giá " + format.Basis(q.basis) + ") " +
		format.Money(prev.ProductionValue) + " triệu đồng × chỉ số sản xuất công nghiệp " + format.Money(index) + " %"
	e.Applied = true
	return nil
}

// scaleMoney is m × index ÷ 100, index being a percentage held as Money,
// rounded half up to the thousand đồng Money keeps.
func scaleMoney(m, index model.Money) model.Money {
	n := new(big.Int).Mul(big.NewInt(int64(m)), big.NewInt(int64(index)))
	den := big.NewInt(100 * int64(model.MoneyFromMillions(1)))
	q, r := new(big.Int).QuoRem(n, den, new(big.Int))
	if new(big.Int).Mul(r, big.NewInt(2)).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	return model.Money(q.Int64())
}

// gridHidden are the settings of q a form of the grid carries along.
func gridHidden(q gridQuery) []web.QueryField {
	vals := q.values()
	var out []web.QueryField
	for _, k := range slices.Sorted(maps.Keys(vals)) {
		out = append(out, web.QueryField{Name: k, Value: vals.Get(k)})
	}
	return out
}
