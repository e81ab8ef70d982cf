package seed

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// unitsKindCounts counts the units of each kind.
func unitsKindCounts(us []unit) map[string]int {
	n := map[string]int{}
	for _, u := range us {
		n[u.kind]++
	}
	return n
}

// unitsCheckCodes checks that every code has the given number of digits,
// lies in [lo, hi] and is unique within us.
func unitsCheckCodes(t *testing.T, list string, us []unit, digits, lo, hi int) {
	t.Helper()
	seen := map[string]bool{}
	for _, u := range us {
		if len(u.code) != digits {
			t.Errorf("%s %q: code %q has %d digits, want %d", list, u.name, u.code, len(u.code), digits)
		}
		v, err := strconv.Atoi(u.code)
		if err != nil || strings.TrimLeft(u.code, "0123456789") != "" {
			t.Errorf("%s %q: code %q is not all digits", list, u.name, u.code)
		} else if v < lo || v > hi {
			t.Errorf("%s %q: code %s outside %d–%d", list, u.name, u.code, lo, hi)
		}
		if seen[u.code] {
			t.Errorf("%s: code %s appears twice", list, u.code)
		}
		seen[u.code] = true
	}
}

// unitsKindWords are the kind words and prefixes a bare name must not start with.
var unitsKindWords = []string{
	"thành phố ", "thị xã ", "huyện ", "phường ", "xã ", "đặc khu ", "thị trấn ",
	"tp ", "tp.", "tx ", "tx.", "tt ", "tt.", "p.", "x.", "h.",
}

func unitsCheckNames(t *testing.T, list string, us []unit) {
	t.Helper()
	for _, u := range us {
		if strings.TrimSpace(u.name) == "" {
			t.Errorf("%s %s: empty name", list, u.code)
			continue
		}
		if u.name != strings.TrimSpace(u.name) {
			t.Errorf("%s %s: name %q has surrounding space", list, u.code, u.name)
		}
		if !norm.NFC.IsNormalString(u.name) {
			t.Errorf("%s %s: name %q is not NFC: got %+q, want %+q", list, u.code, u.name, u.name, norm.NFC.String(u.name))
		}
		lower := strings.ToLower(norm.NFC.String(u.name))
		for _, w := range unitsKindWords {
			if strings.HasPrefix(lower, w) {
				t.Errorf("%s %s: name %q starts with kind word %q", list, u.code, u.name, w)
			}
		}
	}
}

func unitsByCode(us []unit) map[string]unit {
	m := make(map[string]unit, len(us))
	for _, u := range us {
		m[u.code] = u
	}
	return m
}

func TestUnitsHDDistricts(t *testing.T) {
	want := []struct{ code, name, kind string }{
		{"288", "Hải Dương", "thanh_pho"},
		{"290", "Chí Linh", "thanh_pho"},
		{"291", "Nam Sách", "huyen"},
		{"292", "Kinh Môn", "thi_xa"},
		{"293", "Kim Thành", "huyen"},
		{"294", "Thanh Hà", "huyen"},
		{"295", "Cẩm Giàng", "huyen"},
		{"296", "Bình Giang", "huyen"},
		{"297", "Gia Lộc", "huyen"},
		{"298", "Tứ Kỳ", "huyen"},
		{"299", "Ninh Giang", "huyen"},
		{"300", "Thanh Miện", "huyen"},
	}
	if got := len(hdDistricts); got != len(want) {
		t.Fatalf("len(hdDistricts): got %d, want %d", got, len(want))
	}
	for i, w := range want {
		g := hdDistricts[i]
		if g.code != w.code || g.name != w.name || g.kind != w.kind {
			t.Errorf("hdDistricts[%d]: got {%s %q %s}, want {%s %q %s}", i, g.code, g.name, g.kind, w.code, w.name, w.kind)
		}
		if len(g.from) != 0 {
			t.Errorf("hdDistricts[%d] %s: got from %v, want none", i, g.code, g.from)
		}
	}
	unitsCheckCodes(t, "hdDistricts", hdDistricts, 3, 288, 300)
	unitsCheckNames(t, "hdDistricts", hdDistricts)
	kinds := unitsKindCounts(hdDistricts)
	for k, n := range map[string]int{"thanh_pho": 2, "thi_xa": 1, "huyen": 9} {
		if kinds[k] != n {
			t.Errorf("hdDistricts of kind %s: got %d, want %d", k, kinds[k], n)
		}
	}
}

func TestUnitsFormerHD(t *testing.T) {
	if got, want := len(formerHDUnits), 64; got != want {
		t.Errorf("len(formerHDUnits): got %d, want %d", got, want)
	}
	kinds := unitsKindCounts(formerHDUnits)
	if got, want := kinds["phuong"], 21; got != want {
		t.Errorf("formerHDUnits phuong: got %d, want %d", got, want)
	}
	if got, want := kinds["xa"], 43; got != want {
		t.Errorf("formerHDUnits xa: got %d, want %d", got, want)
	}
	if got, want := len(kinds), 2; got != want {
		t.Errorf("formerHDUnits kinds: got %v, want only phuong and xa", kinds)
	}
	unitsCheckCodes(t, "formerHDUnits", formerHDUnits, 5, 10507, 11284)
	unitsCheckNames(t, "formerHDUnits", formerHDUnits)

	districts := unitsByCode(hdDistricts)
	multi, onlyNG, onNG := 0, 0, 0
	shared := map[string]bool{} // districts that share a unit with another district
	for _, u := range formerHDUnits {
		if len(u.from) == 0 {
			t.Errorf("formerHDUnits %s %q: got no from codes, want at least one", u.code, u.name)
			continue
		}
		seen := map[string]bool{}
		for _, d := range u.from {
			if _, ok := districts[d]; !ok {
				t.Errorf("formerHDUnits %s %q: from code %q is not one of hdDistricts", u.code, u.name, d)
			}
			if seen[d] {
				t.Errorf("formerHDUnits %s %q: from code %s appears twice", u.code, u.name, d)
			}
			seen[d] = true
		}
		if len(u.from) >= 2 {
			multi++
			for _, d := range u.from {
				shared[d] = true
			}
		}
		if slices.Contains(u.from, "299") {
			onNG++
			if len(u.from) != 1 {
				t.Errorf("formerHDUnits %s %q draws on Ninh Giang: got from %v, want [299] alone", u.code, u.name, u.from)
			}
		}
		if slices.Equal(u.from, []string{"299"}) {
			onlyNG++
		}
	}
	if got, want := multi, 13; got != want {
		t.Errorf("formerHDUnits drawing on two or more districts: got %d, want %d", got, want)
	}
	if got, want := onNG, 5; got != want {
		t.Errorf("formerHDUnits drawing on Ninh Giang (299): got %d, want %d", got, want)
	}
	if got, want := onlyNG, 5; got != want {
		t.Errorf("formerHDUnits drawing only on Ninh Giang (299): got %d, want %d", got, want)
	}
	// Only former Ninh Giang is exactly a union of new units (HAI-DUONG-2025.md §1 notes).
	for _, d := range hdDistricts {
		if got, want := shared[d.code], d.code != "299"; got != want {
			t.Errorf("district %s %q shares a unit with another district: got %v, want %v", d.code, d.name, got, want)
		}
	}
}

func TestUnitsOldHP(t *testing.T) {
	if got, want := len(oldHPUnits), 50; got != want {
		t.Errorf("len(oldHPUnits): got %d, want %d", got, want)
	}
	kinds := unitsKindCounts(oldHPUnits)
	for k, n := range map[string]int{"phuong": 24, "xa": 24, "dac_khu": 2} {
		if kinds[k] != n {
			t.Errorf("oldHPUnits of kind %s: got %d, want %d", k, kinds[k], n)
		}
	}
	if got, want := len(kinds), 3; got != want {
		t.Errorf("oldHPUnits kinds: got %v, want only phuong, xa and dac_khu", kinds)
	}
	unitsCheckCodes(t, "oldHPUnits", oldHPUnits, 5, 11311, 11948)
	unitsCheckNames(t, "oldHPUnits", oldHPUnits)
	for _, u := range oldHPUnits {
		if len(u.from) != 0 {
			t.Errorf("oldHPUnits %s %q: got from %v, want none", u.code, u.name, u.from)
		}
	}
}

func TestUnitsCommunesTogether(t *testing.T) {
	all := slices.Concat(formerHDUnits, oldHPUnits)
	if got, want := len(all), 114; got != want {
		t.Errorf("commune-level units: got %d, want %d", got, want)
	}
	unitsCheckCodes(t, "all communes", all, 5, 10507, 11948)
	kinds := unitsKindCounts(all)
	// NQ 1669 khoản 115: 67 xã, 45 phường and 2 đặc khu.
	for k, n := range map[string]int{"xa": 67, "phuong": 45, "dac_khu": 2} {
		if kinds[k] != n {
			t.Errorf("commune-level units of kind %s: got %d, want %d", k, kinds[k], n)
		}
	}
}

func TestUnitsSpotChecks(t *testing.T) {
	byCode := unitsByCode(slices.Concat(formerHDUnits, oldHPUnits))
	for _, w := range []struct {
		code, name, kind string
		from             []string
	}{
		{"10888", "Cẩm Giang", "xa", []string{"295"}},
		{"10903", "Cẩm Giàng", "xa", []string{"295"}},
		{"10543", "Việt Hòa", "phuong", []string{"288", "295"}},
		{"10756", "Lai Khê", "xa", []string{"291", "293", "294"}},
		{"10678", "Bắc An Phụ", "phuong", []string{"290", "292"}},
		{"10525", "Hải Dương", "phuong", []string{"288"}},
		{"11914", "Cát Hải", "dac_khu", nil},
		{"11948", "Bạch Long Vĩ", "dac_khu", nil},
	} {
		g, ok := byCode[w.code]
		if !ok {
			t.Errorf("code %s: got no unit, want %s %q", w.code, w.kind, w.name)
			continue
		}
		if g.name != w.name || g.kind != w.kind || !slices.Equal(g.from, w.from) {
			t.Errorf("code %s: got %s %q from %v, want %s %q from %v", w.code, g.kind, g.name, g.from, w.kind, w.name, w.from)
		}
	}
}
