package server

import (
	"context"
	"net/http"
	"testing"

	"industrytargets/internal/model"
)

// TestGridEstimateFromIndex: after the merger no production value of the
// former Hải Dương is published, only a production index; the grid at
// constant prices works the estimate out from the year before's total
// (355.756.303 × 113,24 % = 402.858.437,517 million đồng, rounded to the
// thousand đồng), fills it in labelled as an estimate with its source and
// saves nothing; a bad index is refused, and on current prices the grid
// points to constant prices.
func TestGridEstimateFromIndex(t *testing.T) {
	t.Parallel()
	srv, st := chartsDemoServer(t)
	editor := client(t, srv.URL, model.RoleEditor)
	base := srv.URL + "/figures?plan=HD-3164&year=2025"

	status, body, _ := entDo(t, editor, base+"&basis=const2010&estimate_index=113,24", nil)
	if status != http.StatusOK {
		t.Fatalf("grid with an index = %d", status)
	}
	wantAll(t, "the estimate", body, `name="po-value" type="text" value="402858437,517"`,
		"Ước tính: GTSX năm 2024 (giá so sánh 2010) 355.756.303 triệu đồng × chỉ số sản xuất công nghiệp 113,24 %",
		`<option value="estimate" selected`, "số này chưa được lưu", "địa bàn tỉnh Hải Dương (cũ)")
	stored, err := st.ProvinceOutputFor(context.Background(), "HD", 2025, model.BasisConst2010)
	if err != nil || stored.ProductionValue != model.MoneyFromMillions(402858438) {
		t.Errorf("the stored 2025 total = %v (%v); an estimate offered must not be saved", stored.ProductionValue, err)
	}

	_, body, _ = entDo(t, editor, base+"&basis=const2010&estimate_index=abc", nil)
	wantAll(t, "a bad index", body, "Chỉ số phải là một số dương", `aria-invalid="true"`)
	_, body, _ = entDo(t, editor, base+"&basis=const2010&estimate_index=-5", nil)
	wantAll(t, "a negative index", body, "Chỉ số phải là một số dương")

	_, body, _ = entDo(t, editor, base+"&basis=current", nil)
	wantAll(t, "the grid at current prices", body, "Ước tính theo giá so sánh 2010", "basis=const2010")
}
