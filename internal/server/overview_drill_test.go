package server

import (
	"context"
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"industrytargets/internal/model"
)

// drillNumberLink is a link whose text is a whole number of the page: a table
// cell, a card's value, a data-quality count.
var drillNumberLink = regexp.MustCompile(`<a (?:class="[^"]*" )?href="(/enterprises\?[^"]*)"[^>]*>(?:<span class="count">)?([0-9.]+)<`)

// drillAnyLink is any link to the enterprise list, in the page or its charts.
var drillAnyLink = regexp.MustCompile(`href="(/enterprises\?[^"]*)"`)

// drillResultCount reads the list's count of enterprises.
var drillResultCount = regexp.MustCompile(`<p class="result-count" role="status">\s*([0-9.]+) doanh nghiệp`)

func drillNumber(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.ReplaceAll(s, ".", ""))
	if err != nil {
		t.Fatalf("number %q: %v", s, err)
	}
	return n
}

// drillListTotal is how many enterprises a list page says it holds.
func drillListTotal(t *testing.T, page string) int {
	t.Helper()
	if m := drillResultCount.FindStringSubmatch(page); m != nil {
		return drillNumber(t, m[1])
	}
	if !strings.Contains(page, "Không có doanh nghiệp nào trong danh sách này.") {
		t.Fatalf("a list page that neither counts nor says it is empty: %.400s", page)
	}
	return 0
}

// Every number of the overview that links to a list opens one holding
// exactly that many enterprises, and each chart's bars and points open
// one of those lists.
func TestOverviewNumbersOpenListsOfAsMany(t *testing.T) {
	t.Parallel()
	srv, _ := chartsDemoServer(t)
	c := client(t, srv.URL, model.RoleViewer)
	for _, view := range []string{"/?year=2024", "/?year=2022&basis=const2010"} {
		status, body, _ := entDo(t, c, srv.URL+view, nil)
		if status != http.StatusOK {
			t.Fatalf("GET %s = %d", view, status)
		}
		numbers := map[string]int{}
		for _, m := range drillNumberLink.FindAllStringSubmatch(body, -1) {
			href, n := html.UnescapeString(m[1]), drillNumber(t, m[2])
			if old, ok := numbers[href]; ok && old != n {
				t.Errorf("%s: %s is linked from %d and from %d", view, href, old, n)
			}
			numbers[href] = n
		}
		checkDrillLinkKinds(t, view, numbers)
		for _, m := range drillAnyLink.FindAllStringSubmatch(body, -1) {
			href := html.UnescapeString(m[1])
			if _, ok := numbers[href]; !ok && strings.Contains(href, "plan=") {
				t.Errorf("%s: %s is linked from a chart but from no number", view, href)
			}
		}
		for href, n := range numbers {
			_, page, _ := entDo(t, c, srv.URL+href, nil)
			if got := drillListTotal(t, page); got != n {
				t.Errorf("%s: %s lists %d enterprises, the number is %d", view, href, got, n)
			}
			if !strings.Contains(page, `class="drill-title"`) {
				t.Errorf("%s: %s has no banner saying what the list is", view, href)
			}
		}
	}
}

// checkDrillLinkKinds checks the overview links its series, every breakdown,
// the entries and exits and every data-quality item, on plan, year and basis.
func checkDrillLinkKinds(t *testing.T, view string, numbers map[string]int) {
	t.Helper()
	kinds := map[string]int{}
	for href := range numbers {
		q := href[strings.Index(href, "?")+1:]
		if !strings.Contains(q, "plan=HD-3164") || !strings.Contains(q, "year=") || !strings.Contains(q, "basis=") {
			t.Errorf("%s: %s does not carry the plan, the year and the basis", view, href)
		}
		for _, k := range []string{"dim=category", "dim=product_group", "dim=area", "dim=zone", "dim=ownership",
			"dim=vsic_division", "flow=entries", "flow=exits", "quality=missing_figures", "quality=expiring",
			"quality=unclassified", "quality=provisional"} {
			if strings.Contains(q, k+"&") || strings.HasSuffix(q, k) {
				kinds[k]++
			}
		}
		if !strings.Contains(q, "dim=") && !strings.Contains(q, "flow=") && !strings.Contains(q, "quality=") {
			kinds["counted"]++
		}
	}
	for _, k := range []string{"counted", "dim=category", "dim=area", "dim=zone", "dim=ownership", "dim=vsic_division",
		"flow=entries", "flow=exits", "quality=missing_figures", "quality=expiring", "quality=unclassified", "quality=provisional"} {
		if kinds[k] == 0 {
			t.Errorf("%s: no number links to a list by %s", view, k)
		}
	}
	if kinds["counted"] < 3 {
		t.Errorf("%s: %d years of the series link to their enterprises", view, kinds["counted"])
	}
}

func TestDrillDownListSaysWhatItIs(t *testing.T) {
	t.Parallel()
	srv, st := chartsDemoServer(t)
	c := client(t, srv.URL, model.RoleViewer)
	areas, err := st.Breakdown(context.Background(), todayScope(t, st, "HD-3164"), 2024, model.ByArea)
	if err != nil || len(areas) == 0 || areas[0].Key == "" {
		t.Fatalf("areas of 2024: %v, %v", areas, err)
	}
	base := "/enterprises?plan=HD-3164&year=2024&basis=current"
	tests := []struct {
		path, title string
		noDrill     bool
	}{
		{base, "Doanh nghiệp được tính năm 2024 theo đề án HD-3164", false},
		{base + "&dim=area&key=" + areas[0].Key, "Doanh nghiệp được tính năm 2024 theo đề án HD-3164 · " + areas[0].Name, false},
		{base + "&dim=zone&key=", "Doanh nghiệp được tính năm 2024 theo đề án HD-3164 · Khu, cụm công nghiệp chưa xác định", false},
		{base + "&dim=ownership&key=fdi", "Doanh nghiệp được tính năm 2024 theo đề án HD-3164 · Có vốn đầu tư nước ngoài", false},
		{base + "&flow=entries", "Doanh nghiệp bắt đầu đủ điều kiện năm 2024 theo đề án HD-3164", false},
		{base + "&quality=provisional", "Doanh nghiệp được tính năm 2024 theo đề án HD-3164 có số liệu năm 2024 (giá hiện hành) còn là ước tính hoặc sơ bộ", false},
		{"/enterprises?plan=NOPE&year=2024", "", true},
		{"/enterprises?plan=HD-3164&year=1990", "", true},
		{base + "&dim=colour&key=x", "", true},
		{base + "&quality=everything", "", true},
	}
	for _, tt := range tests {
		status, page, _ := entDo(t, c, srv.URL+tt.path, nil)
		if status != http.StatusOK {
			t.Fatalf("GET %s = %d", tt.path, status)
		}
		if has := strings.Contains(page, `class="drill-title"`); has == tt.noDrill {
			t.Errorf("GET %s: banner shown = %v, want %v", tt.path, has, !tt.noDrill)
		}
		if !tt.noDrill && !strings.Contains(page, ">"+html.EscapeString(tt.title)) {
			t.Errorf("GET %s: no banner %q", tt.path, tt.title)
		}
	}
	checkDrillKeptAcrossPages(t, c, srv.URL, base)
}

// checkDrillKeptAcrossPages checks paging and filtering keep the
// drill-down, and removing it keeps the other filters.
func checkDrillKeptAcrossPages(t *testing.T, c *http.Client, srvURL, base string) {
	t.Helper()
	_, page, _ := entDo(t, c, srvURL+base+"&status=operating", nil)
	for _, want := range []string{`rel="next"`, `<input type="hidden" name="plan" value="HD-3164">`,
		`<input type="hidden" name="year" value="2024">`, `href="/enterprises?status=operating"`,
		`href="/enterprises?basis=current&amp;plan=HD-3164&amp;year=2024">Xoá bộ lọc`} {
		if !strings.Contains(page, want) {
			t.Errorf("drill-down list lacks %s", want)
		}
	}
	for _, m := range regexp.MustCompile(`<a href="([^"]*)" rel="next"`).FindAllStringSubmatch(page, -1) {
		if next := html.UnescapeString(m[1]); !strings.Contains(next, "plan=HD-3164") || !strings.Contains(next, "page=2") {
			t.Errorf("next page %s loses the drill-down", next)
		}
	}
}
