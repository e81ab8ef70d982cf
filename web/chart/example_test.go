package chart_test

import (
	"fmt"
	"os"
	"strings"

	"industrytargets/web/chart"
)

// The enterprise count of DESIGN.md's worked example as of 2022: three
// enterprises in the baseline year, targets of 6 in 2025 and 10 in 2030.
func ExampleLine() {
	line := chart.Line{
		ID: "count", Title: "Số doanh nghiệp đạt tiêu chí", YLabel: "Số doanh nghiệp", Unit: "doanh nghiệp",
		Actual: []chart.Point{
			{Year: 2020, Value: 3, Href: "/enterprises?plan=TOY&year=2020"},
			{Year: 2021, Value: 4}, {Year: 2022, Value: 4},
		},
		Trajectory: []chart.Point{{Year: 2020, Value: 3}, {Year: 2021, Value: 3.6}, {Year: 2022, Value: 4.2},
			{Year: 2023, Value: 4.8}, {Year: 2024, Value: 5.4}, {Year: 2025, Value: 6}},
		Projection: []chart.Point{{Year: 2025, Value: 6.1584}, {Year: 2030, Value: 12.642}},
		Targets:    []chart.Target{{Year: 2025, Value: 6}, {Year: 2030, Value: 10}},
	}
	// In a templ page: @line.Component()
	if err := line.Render(new(strings.Builder)); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	header, rows := line.Table()
	fmt.Println(strings.Join(header, "|"))
	for _, r := range rows {
		fmt.Println(strings.Join(r, "|"))
	}
	// Output:
	// Năm|Thực tế|Lộ trình|Dự báo|Mục tiêu
	// 2020|3|3||
	// 2021|4|3,6||
	// 2022|4|4,2||
	// 2023||4,8||
	// 2024||5,4||
	// 2025||6|6,16|6
	// 2030|||12,64|10
}

// A breakdown whose bars open the enterprises they count.
func ExampleBar() {
	bar := chart.Bar{
		ID: "by-ownership", Title: "Doanh nghiệp theo loại hình", Unit: "doanh nghiệp",
		CategoryHeader: "Loại hình", ValueHeader: "Số doanh nghiệp",
		Items: []chart.BarItem{
			{Label: "Có vốn đầu tư nước ngoài", Value: 1234, Href: "/enterprises?ownership=fdi"},
			{Label: "Tư nhân", Value: 56, Href: "/enterprises?ownership=private"},
		},
	}
	header, rows := bar.Records()
	fmt.Println(header, rows)
	// Output: [Loại hình Số doanh nghiệp] [[Có vốn đầu tư nước ngoài 1234] [Tư nhân 56]]
}
