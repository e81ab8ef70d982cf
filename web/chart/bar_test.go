package chart

import (
	"slices"
	"strings"
	"testing"
)

func TestBar(t *testing.T) {
	b := categoryBar()
	raw, root := render(t, b.Render)
	checkSafe(t, root)
	if root.attr("role") != "group" {
		t.Errorf("a chart with links has role %q, want group", root.attr("role"))
	}
	bars := root.all(named("g", "bar"))
	if len(bars) != len(b.Items) {
		t.Fatalf("%d bars, want %d", len(bars), len(b.Items))
	}
	wantTips := []string{"Công nghiệp hỗ trợ: 1.234 doanh nghiệp", "Công nghệ cao: 64 doanh nghiệp",
		b.Items[2].Label + ": 12 doanh nghiệp", "Công nghệ mới & <sạch>: 0 doanh nghiệp"}
	for i, g := range bars {
		tip, ok := firstTitle(g)
		if !ok || tip != wantTips[i] {
			t.Errorf("bar %d tooltip %q, want %q", i, tip, wantTips[i])
		}
	}
	// The long label wraps to two lines on the chart, cut short with …
	// only beyond them; it is whole in its tooltip.
	texts := bars[2].all(named("text", ""))
	first, second := texts[0].Text, texts[1].Text
	if !strings.HasPrefix(b.Items[2].Label, first+" ") || !strings.HasSuffix(second, "…") || len([]rune(first+second)) > 80 {
		t.Errorf("long label shown as %q / %q, want two lines, the second cut short with …", first, second)
	}
	for i, g := range bars {
		if i != 2 && len(g.all(named("text", ""))) != 2 {
			t.Errorf("bar %d: %d texts, want its one-line label and its value", i, len(g.all(named("text", ""))))
		}
	}
	var hrefs []string
	for _, a := range root.all(named("a", "")) {
		if got := len(a.all(named("g", "bar"))); got != 1 {
			t.Errorf("link %q wraps %d bars, want 1", a.attr("href"), got)
		}
		hrefs = append(hrefs, a.attr("href"))
	}
	if want := []string{b.Items[0].Href, b.Items[1].Href}; !slices.Equal(hrefs, want) {
		t.Errorf("links %q, want %q", hrefs, want)
	}
	if strings.Contains(raw, "<sạch>") {
		t.Error("a label is not escaped")
	}
	if !strings.Contains(raw, ">1.234<") {
		t.Error("values are not written the Vietnamese way")
	}
}

func TestBarEdgeCases(t *testing.T) {
	tests := []struct {
		name    string
		bar     Bar
		noData  bool
		wantTip string
	}{
		{"empty", Bar{Title: "Theo địa bàn"}, true, ""},
		{"all zeros", Bar{Items: []BarItem{{Label: "A"}, {Label: "B"}}}, false, "A: 0"},
		{"share", Bar{Percent: true, Items: []BarItem{{Label: "FDI", Value: 0.355}}}, false, "FDI: 35,5%"},
		{"negative", Bar{Items: []BarItem{{Label: "Giảm", Value: -3}, {Label: "Tăng", Value: 5}}}, false, "Giảm: -3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, root := render(t, tt.bar.Render)
			checkSafe(t, root)
			if got := len(root.all(named("text", "no-data"))) == 1; got != tt.noData {
				t.Errorf("no-data message shown %v, want %v", got, tt.noData)
			}
			if tt.noData {
				return
			}
			if root.attr("role") != "img" {
				t.Errorf("a chart without links has role %q, want img", root.attr("role"))
			}
			tip, _ := firstTitle(root.all(named("g", "bar"))[0])
			if tip != tt.wantTip {
				t.Errorf("first tooltip %q, want %q", tip, tt.wantTip)
			}
			w, _ := viewBox(t, root)
			for _, r := range root.all(named("rect", "")) {
				if x, rw := num(t, r.attr("x")), num(t, r.attr("width")); x < 0 || rw < 0 || x+rw > w {
					t.Errorf("bar from %v, %v wide, leaves the viewBox", x, rw)
				}
			}
		})
	}
}

func TestBarTable(t *testing.T) {
	header, rows := categoryBar().Table()
	if want := []string{"Lĩnh vực", "Giá trị"}; !slices.Equal(header, want) {
		t.Errorf("header %q, want %q", header, want)
	}
	if want := []string{"Công nghiệp hỗ trợ", "1.234"}; !slices.Equal(rows[0], want) {
		t.Errorf("row %q, want %q", rows[0], want)
	}
	_, rec := categoryBar().Records()
	if want := []string{"Công nghiệp hỗ trợ", "1234"}; !slices.Equal(rec[0], want) {
		t.Errorf("record %q, want %q", rec[0], want)
	}
}

func TestBars(t *testing.T) {
	b := flowBars()
	_, root := render(t, b.Render)
	checkSafe(t, root)
	if root.attr("role") != "img" {
		t.Errorf("role %q, want img", root.attr("role"))
	}
	if len(root.all(func(n node) bool { return n.XMLName.Local == "pattern" && n.attr("id") == "flows-hatch" })) != 1 {
		t.Fatal("no hatch pattern flows-hatch")
	}
	bars := root.all(named("g", "bar"))
	if len(bars) != 10 {
		t.Fatalf("%d bars, want 10", len(bars))
	}
	for i, g := range bars {
		rect := g.all(named("rect", ""))[0]
		fill := brand
		if i%2 == 1 {
			fill = "url(#flows-hatch)"
		}
		if rect.attr("fill") != fill {
			t.Errorf("bar %d filled %q, want %q", i, rect.attr("fill"), fill)
		}
	}
	if tip, _ := firstTitle(bars[3]); tip != "Ra khỏi danh sách 2021: 7 doanh nghiệp" {
		t.Errorf("tooltip %q", tip)
	}
	header, rows := b.Table()
	if want := []string{"Năm", "Vào danh sách", "Ra khỏi danh sách"}; !slices.Equal(header, want) {
		t.Errorf("header %q, want %q", header, want)
	}
	if want := []string{"2024", "52", "4"}; !slices.Equal(rows[4], want) {
		t.Errorf("row %q, want %q", rows[4], want)
	}
}

func TestBarsEdgeCases(t *testing.T) {
	tests := []struct {
		name   string
		bars   Bars
		noData bool
		nBars  int
	}{
		{"no years", Bars{Series: []BarSeries{{Name: "Vào"}}}, true, 0},
		{"no series", Bars{Years: []int{2020}}, true, 0},
		{"all zeros", Bars{Years: []int{2020, 2021}, Series: []BarSeries{{Name: "Vào", Values: []float64{0, 0}}}}, false, 2},
		{"short values", Bars{Years: []int{2020, 2021, 2022},
			Series: []BarSeries{{Name: "Vào", Values: []float64{1}}, {Name: "Ra", Values: []float64{1, 2, 3}}}}, false, 4},
		{"links", Bars{Years: []int{2020}, Series: []BarSeries{{Name: "Vào", Values: []float64{4},
			Hrefs: []string{"/enterprises?entered=2020"}}}}, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, root := render(t, tt.bars.Render)
			checkSafe(t, root)
			if got := len(root.all(named("text", "no-data"))) == 1; got != tt.noData {
				t.Errorf("no-data message shown %v, want %v", got, tt.noData)
			}
			if got := len(root.all(named("g", "bar"))); got != tt.nBars {
				t.Errorf("%d bars, want %d", got, tt.nBars)
			}
		})
	}
}
