package chart

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// sample is a chart worth looking at, drawn from data like the dashboard's.
type sample struct {
	name   string
	render func(io.Writer) error
}

// countLine is HD-3164's enterprise count: a missing year, the trajectory
// from the baseline through both targets, and the projection.
func countLine() Line {
	return Line{
		ID: "count", Title: "Số doanh nghiệp CNHT, CNC đạt tiêu chí theo năm",
		YLabel: "Số doanh nghiệp", Unit: "doanh nghiệp",
		Actual: []Point{{Year: 2020, Value: 150, Href: "/enterprises?year=2020"}, {Year: 2021, Value: 168},
			{Year: 2022, Value: 204}, {Year: 2023, Missing: true}, {Year: 2024, Value: 251}},
		Trajectory: trajectory(2020, 150, []Target{{Year: 2025, Value: 340}, {Year: 2030, Value: 580}}),
		Projection: []Point{{Year: 2025, Value: 283.4}, {Year: 2030, Value: 561.2}},
		Targets:    []Target{{Year: 2025, Value: 340}, {Year: 2030, Value: 580}},
	}
}

// shareLine is the output share, with a null year and a value above the
// 2025 target.
func shareLine() Line {
	return Line{
		ID: "share", Title: "Tỷ trọng giá trị sản xuất trong toàn ngành công nghiệp", YLabel: "Tỷ trọng",
		Percent: true,
		Actual: []Point{{Year: 2020, Value: 0.175}, {Year: 2021, Value: 0.1}, {Year: 2022, Value: 0.216},
			{Year: 2023, Missing: true}, {Year: 2024, Value: 0.38}},
		Trajectory: trajectory(2020, 0.175, []Target{{Year: 2025, Value: 0.35}, {Year: 2030, Value: 0.45}}),
		Projection: []Point{{Year: 2025, Value: 0.41}, {Year: 2030, Value: 0.62}},
		Targets:    []Target{{Year: 2025, Value: 0.35}, {Year: 2030, Value: 0.45}},
	}
}

// trajectory draws straight lines from the baseline to each target in turn
// (DESIGN.md rule 6), as the page will from progress.Trajectory.
func trajectory(year int, v float64, targets []Target) []Point {
	pts := []Point{{Year: year, Value: v}}
	for _, t := range targets {
		for y := year + 1; y <= t.Year; y++ {
			pts = append(pts, Point{Year: y, Value: v + (t.Value-v)*float64(y-year)/float64(t.Year-year)})
		}
		year, v = t.Year, t.Value
	}
	return pts
}

// categoryBar is a breakdown with long Vietnamese labels and links.
func categoryBar() Bar {
	return Bar{
		ID: "by-category", Title: "Doanh nghiệp theo lĩnh vực", Unit: "doanh nghiệp", CategoryHeader: "Lĩnh vực",
		Items: []BarItem{
			{Label: "Công nghiệp hỗ trợ", Value: 1234, Href: "/enterprises?category=supporting"},
			{Label: "Công nghệ cao", Value: 64, Href: "/enterprises?category=high_tech"},
			{Label: "Doanh nghiệp sản xuất, lắp ráp sản phẩm công nghiệp quy mô lớn có giá trị gia tăng cao", Value: 12},
			{Label: "Công nghệ mới & <sạch>", Value: 0},
		},
	}
}

// flowBars is enterprises entering and leaving the register each year.
func flowBars() Bars {
	return Bars{
		ID: "flows", Title: "Doanh nghiệp vào và ra khỏi danh sách theo năm", YLabel: "Số doanh nghiệp",
		Unit: "doanh nghiệp", Years: []int{2020, 2021, 2022, 2023, 2024},
		Series: []BarSeries{
			{Name: "Vào danh sách", Values: []float64{12, 25, 41, 30, 52}},
			{Name: "Ra khỏi danh sách", Values: []float64{3, 7, 5, 11, 4}},
		},
	}
}

// aboveLine has actual values that pass the 2025 target early.
func aboveLine() Line {
	l := countLine()
	l.ID, l.Title = "above", "Vượt mục tiêu"
	l.Actual = years(2020, 150, 230, 310, 395, 452)
	l.Projection = []Point{{Year: 2025, Value: 520}, {Year: 2030, Value: 1040}}
	return l
}

// areaBar is a breakdown with many items, one negative, under a title too
// long for one line.
func areaBar() Bar {
	b := Bar{ID: "areas", Title: "Số doanh nghiệp đạt tiêu chí theo địa bàn (thành phố, thị xã, huyện) " +
		"trước ngày 01/07/2025, khi các đơn vị hành chính cấp huyện chấm dứt hoạt động"}
	names := []string{"Thành phố Hải Dương", "Thành phố Chí Linh", "Thị xã Kinh Môn", "Huyện Bình Giang",
		"Huyện Cẩm Giàng", "Huyện Gia Lộc", "Huyện Kim Thành", "Huyện Nam Sách", "Huyện Ninh Giang",
		"Huyện Thanh Hà", "Huyện Thanh Miện", "Huyện Tứ Kỳ", "Không rõ địa bàn (thiếu thông tin trong hồ sơ đăng ký)"}
	for i, n := range names {
		b.Items = append(b.Items, BarItem{Label: n, Value: float64((13 - i) * (i + 2))})
	}
	b.Items[len(b.Items)-1].Value = -4
	return b
}

// samples returns every chart the sample files show.
func samples() []sample {
	many := countLine()
	many.ID, many.Title, many.Targets, many.Trajectory, many.Projection = "many", "Bốn mươi năm", nil, nil, nil
	many.Actual = nil
	for y := 1991; y <= 2030; y++ {
		many.Actual = append(many.Actual, Point{Year: y, Value: float64((y-1990)*(y-1990)) * 1e6})
	}
	zeros := Line{ID: "zeros", Title: "Toàn số 0", Percent: true,
		Actual: []Point{{Year: 2020}, {Year: 2021}, {Year: 2022}}}
	one := Line{ID: "one", Title: "Một năm", Unit: "doanh nghiệp", Actual: []Point{{Year: 2020, Value: 3}},
		Targets: []Target{{Year: 2025, Value: 6}}}
	return []sample{
		{"count", countLine().Render}, {"share", shareLine().Render},
		{"category", categoryBar().Render}, {"flows", flowBars().Render},
		{"many", many.Render}, {"zeros", zeros.Render}, {"one", one.Render},
		{"empty", Line{ID: "empty", Title: "Số doanh nghiệp"}.Render},
		{"english", func(w io.Writer) error { l := countLine(); l.Locale = English(); return l.Render(w) }},
		{"above", aboveLine().Render}, {"areas", areaBar().Render},
	}
}

// TestWriteSamples writes each sample as an SVG file and an HTML page
// holding it into $CHART_SAMPLES, to look at in a browser.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("CHART_SAMPLES")
	if dir == "" {
		t.Skip("set CHART_SAMPLES to a directory to write the sample charts there")
	}
	for _, s := range samples() {
		var svg bytes.Buffer
		if err := s.render(&svg); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		page := "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><body>" +
			"<div style=\"width:860px;margin:12px\">" + svg.String() + "</div></body></html>"
		base := filepath.Join(dir, "chart-"+s.name)
		if err := os.WriteFile(base+".svg", svg.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(base+".html", []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
