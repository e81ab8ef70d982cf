package server

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"industrytargets/internal/model"
)

// TestLocationHistory: an enterprise moved from an old district to a new
// commune on 01/07/2025 shows both locations on its page, latest first
// with the day the earlier ended; an editor corrects the day of the move
// and then removes it; wrong input, a day another location holds and a
// stale version are refused with nothing changed.
func TestLocationHistory(t *testing.T) {
	t.Parallel()
	srv, st := entServer(t)
	ctx := context.Background()
	ref, err := st.ReferenceLists(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]model.Area{}
	for _, a := range ref.Areas {
		byCode[a.Code] = a
	}
	district, commune := byCode["295"], byCode["10903"] // Huyện Cẩm Giàng → Xã Cẩm Giàng
	if district.ID == 0 || commune.ID == 0 {
		t.Fatalf("seeded units missing: %+v %+v", district, commune)
	}
	first9 := "080000001"
	digit, ok := model.TaxCheckDigit(first9)
	if !ok {
		t.Fatalf("%s has no check digit", first9)
	}
	e := model.Enterprise{TaxCode: first9 + strconv.Itoa(digit), Name: "Công ty Chuyển Địa Bàn", ProvinceCode: "HD",
		OperatingSince: model.Date(2015, 3, 1), AreaID: &district.ID}
	if err := st.CreateEnterprise(ctx, &e, 0); err != nil {
		t.Fatal(err)
	}
	moved := e
	since := model.Date(2025, 7, 1)
	moved.AreaID, moved.AreaSince = &commune.ID, &since
	if err := st.UpdateEnterprise(ctx, &moved, 0); err != nil {
		t.Fatal(err)
	}
	if moved.ProvinceCode != "HP" {
		t.Errorf("province after the move = %s, want HP (it follows the area)", moved.ProvinceCode)
	}
	page := "/enterprises/" + strconv.FormatInt(e.ID, 10)
	editor, viewer := client(t, srv.URL, model.RoleEditor), client(t, srv.URL, model.RoleViewer)

	_, body, _ := entDo(t, viewer, srv.URL+page, nil)
	wantAll(t, "the page as a viewer", body, "Địa bàn qua các thời kỳ", "Xã Cẩm Giàng", "01/07/2025",
		"Huyện Cẩm Giàng (đến 30/06/2025)", "01/03/2015", "30/06/2025", "nay")
	if i, j := strings.Index(body, "Xã Cẩm Giàng"), strings.Index(body, "Huyện Cẩm Giàng (đến"); i > j {
		t.Error("the latest location should come first")
	}
	if strings.Contains(body, page+"/locations/2025-07-01/edit") {
		t.Error("a viewer is offered to correct the history")
	}
	_, body, _ = entDo(t, editor, srv.URL+page, nil)
	wantAll(t, "the page as an editor", body, page+"/locations/2025-07-01/edit", page+"/locations/2015-03-01/delete")

	loc := srv.URL + page + "/locations/2025-07-01"
	_, body, _ = entDo(t, editor, loc+"/edit", nil)
	wantAll(t, "the correction form", body, `value="01/07/2025"`, `name="version" value="2"`,
		"chọn địa bàn mới và ngày chuyển trên biểu mẫu doanh nghiệp")
	areaID := strconv.FormatInt(commune.ID, 10)
	for _, tc := range []struct {
		name, since, area, want string
		status                  int
	}{
		{"no day", "", areaID, "Bắt buộc phải nhập", http.StatusUnprocessableEntity},
		{"not a day", "31/02/2025", areaID, "31/02/2025", http.StatusUnprocessableEntity},
		{"a future day", "01/01/2099", areaID, "Ngày này chưa đến", http.StatusUnprocessableEntity},
		{"an unknown unit", "01/07/2025", "999999", "Chọn một địa bàn trong danh sách", http.StatusUnprocessableEntity},
		{"the day of the other location", "01/03/2015", areaID, "Đã có một địa bàn khác bắt đầu từ ngày này", http.StatusUnprocessableEntity},
	} {
		status, body, _ := entDo(t, editor, loc, url.Values{"version": {"2"}, "since": {tc.since}, "area": {tc.area}})
		if status != tc.status {
			t.Errorf("%s: status %d, want %d", tc.name, status, tc.status)
		}
		wantAll(t, tc.name, body, tc.want, `value="`+tc.since+`"`)
	}
	if status, body, _ := entDo(t, editor, loc, url.Values{"version": {"1"}, "since": {"15/07/2025"}, "area": {areaID}}); status != http.StatusConflict {
		t.Errorf("a stale version = %d, want 409", status)
	} else {
		wantAll(t, "the stale save", body, "vừa được người khác sửa", `name="version" value="2"`, `value="15/07/2025"`)
	}
	if locs, _ := st.Locations(ctx, e.ID); len(locs) != 2 || !locs[1].Since.Equal(since) {
		t.Fatalf("refused corrections changed the history: %+v", locs)
	}

	// The move was on 15/07/2025, not 01/07.
	status, _, to := entDo(t, editor, loc, url.Values{"version": {"2"}, "since": {"15/07/2025"}, "area": {areaID}})
	if status != http.StatusSeeOther || to != page+"#locations-title" {
		t.Fatalf("correcting = %d to %q, want 303 to the enterprise", status, to)
	}
	after, _ := st.Enterprise(ctx, e.ID)
	if after.AreaSince == nil || !after.AreaSince.Equal(model.Date(2025, 7, 15)) || after.Version != 3 {
		t.Errorf("after correcting: area since %v, version %d; want 15/07/2025 and 3", after.AreaSince, after.Version)
	}
	_, body, _ = entDo(t, viewer, srv.URL+page, nil)
	wantAll(t, "the page after correcting", body, "15/07/2025", "14/07/2025")

	// Remove the move: the enterprise is back in the district, in HD.
	del := srv.URL + page + "/locations/2025-07-15/delete"
	_, body, _ = entDo(t, editor, del, nil)
	wantAll(t, "the removal page", body, "Xã Cẩm Giàng", "15/07/2025", `name="version" value="3"`)
	if status, _, _ := entDo(t, editor, del, url.Values{"version": {"2"}}); status != http.StatusConflict {
		t.Errorf("removing at a stale version = %d, want 409", status)
	}
	if status, _, _ := entDo(t, editor, del, url.Values{"version": {"3"}}); status != http.StatusSeeOther {
		t.Fatalf("removing = %d, want 303", status)
	}
	after, _ = st.Enterprise(ctx, e.ID)
	if after.AreaID == nil || *after.AreaID != district.ID || after.ProvinceCode != "HD" {
		t.Errorf("after removing the move: area %v, province %s; want the district, HD", after.AreaID, after.ProvinceCode)
	}
	if status, _, _ := entDo(t, editor, srv.URL+page+"/locations/2025-07-15/edit", nil); status != http.StatusNotFound {
		t.Errorf("the removed location's form = %d, want 404", status)
	}
	if status, _, _ := entDo(t, editor, srv.URL+page+"/locations/khong-phai-ngay/edit", nil); status != http.StatusNotFound {
		t.Errorf("a path that is not a day = %d, want 404", status)
	}
}
