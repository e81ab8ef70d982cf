package chart

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestSamplesWellFormed renders every sample twice: well-formed, safe for
// the app's CSP, scalable, and the same bytes each time.
func TestSamplesWellFormed(t *testing.T) {
	for _, s := range samples() {
		t.Run(s.name, func(t *testing.T) {
			raw1, root := render(t, s.render)
			raw2, _ := render(t, s.render)
			if raw1 != raw2 {
				t.Error("two renderings differ")
			}
			checkSafe(t, root)
			if root.attr("width") != "100%" {
				t.Errorf("width %q, want 100%%", root.attr("width"))
			}
			if r := root.attr("role"); r != "img" && r != "group" {
				t.Errorf("role %q, want img or group", r)
			}
			if len(root.Nodes) < 2 || root.Nodes[0].XMLName.Local != "title" || root.Nodes[1].XMLName.Local != "desc" {
				t.Error("the svg does not open with <title> and <desc>")
			}
		})
	}
}

func TestLineLines(t *testing.T) {
	tests := []struct {
		name       string
		actual     []Point
		wantPoints int
		wantLines  int
	}{
		{"five years", years(2020, 1, 2, 3, 4, 5), 5, 1},
		{"missing year", []Point{{Year: 2020, Value: 1}, {Year: 2021, Value: 2}, {Year: 2022, Missing: true},
			{Year: 2023, Value: 4}, {Year: 2024, Value: 5}}, 4, 2},
		{"year left out", []Point{{Year: 2020, Value: 1}, {Year: 2021, Value: 2}, {Year: 2023, Value: 4},
			{Year: 2024, Value: 5}}, 4, 2},
		{"isolated year", []Point{{Year: 2020, Value: 1}, {Year: 2021, Missing: true}, {Year: 2022, Value: 3},
			{Year: 2023, Missing: true}}, 2, 0},
		{"one year", years(2020, 3), 1, 0},
		{"all zeros", years(2020, 0, 0, 0), 3, 1},
		{"out of order", []Point{{Year: 2022, Value: 3}, {Year: 2020, Value: 1}, {Year: 2021, Value: 2}}, 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, root := render(t, Line{Title: tt.name, Actual: tt.actual}.Render)
			if got := len(root.all(named("g", "point"))); got != tt.wantPoints {
				t.Errorf("%d markers, want %d", got, tt.wantPoints)
			}
			if got := len(root.all(named("path", "actual-line"))); got != tt.wantLines {
				t.Errorf("%d actual lines, want %d", got, tt.wantLines)
			}
		})
	}
}

// years returns consecutive points from first.
func years(first int, values ...float64) []Point {
	ps := make([]Point, len(values))
	for i, v := range values {
		ps[i] = Point{Year: first + i, Value: v}
	}
	return ps
}

func TestLineTooltips(t *testing.T) {
	tests := []struct {
		name string
		line Line
		want []string
	}{
		{"count", countLine(), []string{"2020: 150 doanh nghiệp", "2021: 168 doanh nghiệp",
			"2022: 204 doanh nghiệp", "2024: 251 doanh nghiệp"}},
		{"share", shareLine(), []string{"2020: 17,5%", "2021: 10%", "2022: 21,6%", "2024: 38%"}},
		{"english", Line{Locale: English(), Unit: "enterprises", Actual: years(2020, 1234.5)},
			[]string{"2020: 1,234.5 enterprises"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, root := render(t, tt.line.Render)
			var got []string
			for _, p := range root.all(named("g", "point")) {
				tip, ok := firstTitle(p)
				if !ok {
					t.Errorf("a point has no <title>")
				}
				got = append(got, tip)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("tooltips %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLineInView checks that every marker and label lies inside the
// viewBox, whether the data stay below the targets or rise above them.
func TestLineInView(t *testing.T) {
	targets := []Target{{Year: 2025, Value: 340}, {Year: 2030, Value: 580}}
	tests := []struct {
		name   string
		actual []Point
		top    string // the top label of the y axis
	}{
		{"target above all data", years(2020, 3, 4, 4), "600"},
		{"value above the target", years(2020, 150, 260, 700), "800"},
		{"value far above", years(2020, 5000), "5.000"},
	}
	for _, tt := range tests {
		for _, width := range []float64{0, 300, 900} {
			t.Run(fmt.Sprintf("%s at %v", tt.name, width), func(t *testing.T) {
				lineInView(t, Line{Title: tt.name, Actual: tt.actual, Targets: targets, Width: width}, tt.top)
			})
		}
	}
}

// lineInView checks that every marker and the whole of every text of l
// lie inside its viewBox, and the top label of its y axis.
func lineInView(t *testing.T, l Line, top string) {
	t.Helper()
	_, root := render(t, l.Render)
	w, h := viewBox(t, root)
	inside := func(what string, x, y float64) {
		if x < 0 || x > w || y < 0 || y > h {
			t.Errorf("%s at (%v, %v) is outside the viewBox %v × %v", what, x, y, w, h)
		}
	}
	for _, c := range root.all(named("circle", "")) {
		inside("circle", num(t, c.attr("cx")), num(t, c.attr("cy")))
	}
	for _, d := range root.all(named("path", "target-mark")) {
		var x, y float64
		if _, err := fmt.Sscanf(d.attr("d"), "M%g %gL", &x, &y); err != nil {
			t.Fatalf("diamond path %q: %v", d.attr("d"), err)
		}
		inside("diamond", x, y)
	}
	for _, tx := range root.all(named("text", "")) {
		x, size := num(t, tx.attr("x")), fontSize
		if s := tx.attr("font-size"); s != "" {
			size = num(t, s)
		}
		tw := textWidth(tx.Text, size)
		switch tx.attr("text-anchor") {
		case "middle":
			x -= tw / 2
		case "end":
			x -= tw
		}
		inside("start of text "+tx.Text, x, num(t, tx.attr("y")))
		inside("end of text "+tx.Text, x+tw, num(t, tx.attr("y")))
	}
	labels := root.all(named("g", "y-axis"))[0].all(named("text", ""))
	if got := labels[len(labels)-1].Text; got != top {
		t.Errorf("top of the y axis %q, want %q", got, top)
	}
}

func TestLineEscapes(t *testing.T) {
	l := Line{
		ID: "x y\"<z>", Title: `<script>alert("x")</script> & Co`, YLabel: "a < b", Unit: "<b>dn</b>",
		Actual:  []Point{{Year: 2020, Value: 1, Href: "javascript:alert(1)"}, {Year: 2021, Value: 2, Href: "/e?year=2021&q=<x>"}},
		Targets: []Target{{Year: 2025, Value: 6, Label: "A & B </text><script>"}},
	}
	raw, root := render(t, l.Render)
	checkSafe(t, root)
	for _, bad := range []string{"<script", "<b>", "</text><script", "javascript:"} {
		if strings.Contains(raw, bad) {
			t.Errorf("output holds %q unescaped", bad)
		}
	}
	if got := root.Nodes[0].Text; got != l.Title {
		t.Errorf("title %q, want %q", got, l.Title)
	}
	var hrefs []string
	for _, a := range root.all(named("a", "")) {
		hrefs = append(hrefs, a.attr("href"))
	}
	want := []string{"about:invalid#TemplFailedSanitizationURL", "/e?year=2021&q=<x>"}
	if !slices.Equal(hrefs, want) {
		t.Errorf("hrefs %q, want %q", hrefs, want)
	}
	if root.attr("role") != "group" {
		t.Errorf("a chart with links has role %q, want group", root.attr("role"))
	}
}

func TestLineEmpty(t *testing.T) {
	tests := []struct {
		name string
		line Line
		want string
	}{
		{"no points", Line{Title: "Số doanh nghiệp"}, "Chưa có số liệu"},
		{"only missing years", Line{Actual: []Point{{Year: 2020, Missing: true}},
			Targets: []Target{{Year: 2025, Value: 340}}}, "Chưa có số liệu"},
		{"english", Line{Locale: English()}, "No data yet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, root := render(t, tt.line.Render)
			checkSafe(t, root)
			msgs := root.all(named("text", "no-data"))
			if len(msgs) != 1 || msgs[0].Text != tt.want {
				t.Errorf("message %v, want one %q", msgs, tt.want)
			}
			if n := len(root.all(named("g", "point"))) + len(root.all(named("path", "target-mark"))); n != 0 {
				t.Errorf("an empty chart draws %d marks", n)
			}
		})
	}
}

func TestLineLegendAndProjection(t *testing.T) {
	l := countLine()
	_, root := render(t, l.Render)
	var legend []string
	for _, tx := range root.all(named("text", "")) {
		legend = append(legend, tx.Text)
	}
	for _, want := range []string{"Thực tế", "Lộ trình", "Dự báo", "Mục tiêu", "Số doanh nghiệp"} {
		if !slices.Contains(legend, want) {
			t.Errorf("no text %q in %q", want, legend)
		}
	}
	proj := root.all(named("g", "projection"))
	if len(proj) != 1 {
		t.Fatalf("%d projections, want 1", len(proj))
	}
	d := proj[0].all(named("path", ""))[0].attr("d")
	last := root.all(named("g", "point"))[3].all(named("circle", ""))[1]
	if start := "M" + last.attr("cx") + " " + last.attr("cy") + "L"; !strings.HasPrefix(d, start) {
		t.Errorf("projection %q does not start at the last actual value %q", d, start)
	}
	if got := len(proj[0].all(named("g", "projection-point"))); got != 2 {
		t.Errorf("%d projected points, want 2", got)
	}

	bare := Line{Title: "Một năm", Actual: years(2020, 3)}
	raw, _ := render(t, bare.Render)
	for _, absent := range []string{"Lộ trình", "Dự báo", "Mục tiêu"} {
		if strings.Contains(raw, absent) {
			t.Errorf("a chart of actual values alone mentions %q", absent)
		}
	}
}

// TestYearLabelsThinned checks that forty years do not crowd the x axis.
func TestYearLabelsThinned(t *testing.T) {
	_, root := render(t, samples()[4].render)
	labels := root.all(named("g", "x-axis"))[0].all(named("text", ""))
	if len(labels) >= 40 || len(labels) < 4 {
		t.Fatalf("%d year labels for 40 years", len(labels))
	}
	for i := 1; i < len(labels); i++ {
		if gap := num(t, labels[i].attr("x")) - num(t, labels[i-1].attr("x")); gap < 36 {
			t.Errorf("labels %s and %s only %v apart", labels[i-1].Text, labels[i].Text, gap)
		}
	}
}

func TestLineTable(t *testing.T) {
	header, rows := countLine().Table()
	wantHeader := []string{"Năm", "Thực tế", "Lộ trình", "Dự báo", "Mục tiêu"}
	if !slices.Equal(header, wantHeader) {
		t.Errorf("header %q, want %q", header, wantHeader)
	}
	if len(rows) != 11 {
		t.Fatalf("%d rows, want 11 (2020–2030)", len(rows))
	}
	checks := map[int][]string{
		0:  {"2020", "150", "150", "", ""},
		3:  {"2023", "", "264", "", ""},
		5:  {"2025", "", "340", "283,4", "340"},
		10: {"2030", "", "580", "561,2", "580"},
	}
	for i, want := range checks {
		if !slices.Equal(rows[i], want) {
			t.Errorf("row %d %q, want %q", i, rows[i], want)
		}
	}
	_, rec := shareLine().Records()
	if want := []string{"2022", "0.216", "0.245", "", ""}; !slices.Equal(rec[2], want) {
		t.Errorf("record %q, want %q", rec[2], want)
	}
	_, shown := shareLine().Table()
	if want := []string{"2022", "21,6%", "24,5%", "", ""}; !slices.Equal(shown[2], want) {
		t.Errorf("row %q, want %q", shown[2], want)
	}
}

func TestComponent(t *testing.T) {
	var direct, viaTempl bytes.Buffer
	l := countLine()
	if err := l.Render(&direct); err != nil {
		t.Fatal(err)
	}
	if err := l.Component().Render(context.Background(), &viaTempl); err != nil {
		t.Fatal(err)
	}
	if direct.String() != viaTempl.String() {
		t.Error("the component writes other bytes than Render")
	}
}

// TestExtremeData checks that absurd data still gives a well-formed chart
// rather than a panic or a flood of ticks.
func TestExtremeData(t *testing.T) {
	l := Line{Title: "x", Actual: []Point{{Year: 0, Value: math.MaxFloat64}, {Year: 1, Value: -math.MaxFloat64},
		{Year: 2, Value: math.NaN()}, {Year: 1_000_000, Value: math.Inf(1)}}}
	raw, root := render(t, l.Render)
	checkSafe(t, root)
	if len(raw) > 200_000 {
		t.Errorf("%d bytes for four points", len(raw))
	}
	if got := len(root.all(named("g", "point"))); got != 2 {
		t.Errorf("%d points, want the 2 finite ones", got)
	}
	render(t, Bar{Items: []BarItem{{Label: "a", Value: math.MaxFloat64}, {Label: "b", Value: -math.MaxFloat64},
		{Label: "c", Value: math.NaN()}}}.Render)
	render(t, Bars{Years: []int{1, 2}, Series: []BarSeries{{Name: "a", Values: []float64{math.MaxFloat64, -math.MaxFloat64}}}}.Render)
}
