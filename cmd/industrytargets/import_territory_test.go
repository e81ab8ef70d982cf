package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"industrytargets/internal/model"
	"industrytargets/internal/store/storetest"
)

// TestImportByCommuneNames: enterprises located by the names and codes of
// Hải Phòng's new communes count toward HD-3164 when the commune was
// formed from Hải Dương, and not when it is old Hải Phòng's (rule 11); one
// that arrived on 01/07/2025 counts from 2025 only; a name that needs its
// accents to decide is refused listing the candidates, and nothing of that
// file is written.
func TestImportByCommuneNames(t *testing.T) {
	t.Parallel()
	url := storetest.URL(t)
	env := map[string]string{"DATABASE_URL": url}
	mustRun(t, env, "seed")
	var codes []string
	for i := 1; len(codes) < 6; i++ {
		first9 := fmt.Sprintf("08%07d", i)
		if d, ok := model.TaxCheckDigit(first9); ok {
			codes = append(codes, fmt.Sprintf("%s%d", first9, d))
		}
	}
	rows := []struct{ area, since string }{
		{"Xã Cẩm Giàng", ""},        // 10903, formed from Huyện Cẩm Giàng: in
		{"phuong viet hoa", ""},     // 10543 Phường Việt Hòa, no accents, with its kind: in
		{"Phường Việt Hoà", ""},     // the other tone placement: in
		{"Phường Hồng Bàng", ""},    // old Hải Phòng: out
		{"11329", ""},               // Phường Ngô Quyền by its GSO code, old Hải Phòng: out
		{"Cẩm Giàng", "01/07/2025"}, // the commune valid on that day, there from then on: in from 2025
	}
	var ents, classes strings.Builder
	ents.WriteString("tax_code,name,operating_since,area,area_since\n")
	classes.WriteString("tax_code,category,valid_from\n")
	for i, r := range rows {
		fmt.Fprintf(&ents, "%s,Công ty %d,2015,%s,%s\n", codes[i], i+1, r.area, r.since)
		fmt.Fprintf(&classes, "%s,supporting,2016\n", codes[i])
	}
	paths := writeImportFiles(t, [2]string{"doanh-nghiep.csv", ents.String()}, [2]string{"chung-nhan.csv", classes.String()})
	mustRun(t, env, append([]string{"import"}, paths...)...)

	var doc struct {
		Series []struct {
			Year  int `json:"year"`
			Count int `json:"enterprise_count"`
		} `json:"series"`
		Territory struct {
			Unlocated int `json:"unlocated_enterprises"`
		} `json:"territory"`
	}
	out := mustRun(t, env, "progress", "--plan", "HD-3164", "--as-of", "2026-12-04", "--format", "json")
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[int]int{}
	for _, s := range doc.Series {
		got[s.Year] = s.Count
	}
	if got[2024] != 3 || got[2025] != 4 || doc.Territory.Unlocated != 0 {
		t.Errorf("HD-3164 counts 2024 %d, 2025 %d, unlocated %d; want 3, 4 and 0 (old Hải Phòng's two not counted)",
			got[2024], got[2025], doc.Territory.Unlocated)
	}

	ambiguous := writeImportFiles(t, [2]string{"doanh-nghiep.csv",
		"tax_code,name,operating_since,area\n" + codes[0] + ",Công ty 1,2015,xa cam giang\n"})
	o := runCLI(t, env, "import", ambiguous[0])
	if o.code != 1 || !strings.Contains(o.stderr, "10888 Xã Cẩm Giang; 10903 Xã Cẩm Giàng") {
		t.Errorf("an ambiguous name: exit %d, stderr:\n%s\nwant the two candidates with their codes", o.code, o.stderr)
	}
}
